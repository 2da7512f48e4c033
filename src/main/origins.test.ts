import { describe, expect, it } from 'vitest';
import { isExternalLinkAllowed, isOwnOrigin } from './origins';

describe('origins', () => {
  it('recognises the packaged renderer and the dev server, and nothing else', () => {
    expect(isOwnOrigin('app://marginalia/index.html', undefined)).toBe(true);
    expect(isOwnOrigin('app://marginalia/assets/x.js?y#z', undefined)).toBe(true);
    expect(isOwnOrigin('app://evil/index.html', undefined)).toBe(false);
    expect(isOwnOrigin('file:///work/main/out/renderer/index.html', undefined)).toBe(false);
    expect(isOwnOrigin('http://localhost:5173/', undefined)).toBe(false);
    expect(isOwnOrigin('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isOwnOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isOwnOrigin('not a url', undefined)).toBe(false);
  });

  it('lets only http and https links leave the app', () => {
    expect(isExternalLinkAllowed('https://azernews.az/article')).toBe(true);
    expect(isExternalLinkAllowed('http://example.com')).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>', 'marginalia://source/1', 'smb://host/share', 'vbscript:x', 'nonsense']) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });
});
