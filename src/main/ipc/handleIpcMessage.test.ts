import { describe, expect, it } from 'vitest';
import { acceptViewReport, isTrustedSender } from './handleIpcMessage';

const ours = { frameUrl: 'app://marginalia/index.html', isMainFrame: true, isOurWindow: true };

describe('who main listens to', () => {
  it('trusts the top frame of our window showing our renderer, and the dev server only in development', () => {
    expect(isTrustedSender(ours, undefined)).toBe(true);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, undefined)).toBe(false);
    expect(isTrustedSender({ ...ours, isOurWindow: false }, undefined)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'http://localhost:5173/' }, undefined)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(true);
  });

  it('takes a page’s view report (the open article, to reopen the window on it) only when well-formed and from us', () => {
    expect(acceptViewReport(ours, { sourceId: 12 }, undefined)).toEqual({ sourceId: 12 });
    expect(acceptViewReport(ours, { sourceId: null }, undefined)).toEqual({ sourceId: null });
    for (const payload of [{ sourceId: -1 }, { sourceId: 1.5 }, { sourceId: '3' }, { sourceId: 3, extra: true }, null, 'x']) {
      expect(acceptViewReport(ours, payload, undefined)).toBeNull();
    }
    expect(acceptViewReport({ ...ours, frameUrl: 'https://example.com/' }, { sourceId: 12 }, undefined)).toBeNull();
  });
});
