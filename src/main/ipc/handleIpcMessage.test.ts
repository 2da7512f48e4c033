import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/api/bridge';
import { acceptViewReport, handleIpcRequest, isTrustedSender } from './handleIpcMessage';

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

  it('relays a call from our window to the library process as it came, and refuses any other frame before the library hears of it', async () => {
    const relayed: [string, unknown][] = [];
    const call = async (operation: string, payload: unknown): Promise<Envelope> => (relayed.push([operation, payload]), { ok: true, value: { id: 7 } });
    const update = { id: 7, update: 'AAA=', clientId: 'window-1' };
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await handleIpcRequest(call, 'applyNoteUpdate', ours, update, undefined)).toEqual({ ok: true, value: { id: 7 } });
    expect(relayed).toEqual([['applyNoteUpdate', update]]);
    for (const sender of [{ ...ours, isMainFrame: false }, { ...ours, isOurWindow: false }, { ...ours, frameUrl: 'https://example.com/' }, { ...ours, frameUrl: null }]) {
      expect(await handleIpcRequest(call, 'applyNoteUpdate', sender, update, undefined)).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Refused: this request did not come from the Marginalia window.' } });
    }
    expect(relayed).toHaveLength(1);
    // Each refusal is logged, naming the operation and the frame.
    expect(warned.mock.calls.map(([line]) => line as string)).toEqual(expect.arrayContaining(['marginalia: refused applyNoteUpdate from https://example.com/']));
    expect(warned).toHaveBeenCalledTimes(4);
    warned.mockRestore();
  });
});
