import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, devServerUrl, isExternalLinkAllowed, isOwnOrigin, isRequestAllowed } from './origins';

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

  it('uses the dev server only in an unpackaged run that electron-vite started, and only on this machine', () => {
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5174/' })).toBe('http://127.0.0.1:5174/');
    // A packaged app ignores the variable, whoever set it.
    expect(devServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeUndefined();
    expect(devServerUrl(false, {})).toBeUndefined();
    for (const url of ['https://localhost:5173', 'http://example.com:5173', 'http://localhost.example.com', 'file:///tmp/index.html', 'javascript:alert(1)', 'nonsense']) {
      expect(devServerUrl(false, { ELECTRON_RENDERER_URL: url }), url).toBeUndefined();
    }
  });

  it('keeps the built app’s policy strict: no inline script, no WebSocket, no dev server', () => {
    const policy = contentSecurityPolicy(undefined);
    expect(policy).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(isRequestAllowed('app://marginalia/assets/index.js')).toBe(true);
    expect(isRequestAllowed('blob:app://marginalia/0f1e')).toBe(true);
    for (const url of ['http://localhost:5173/src/main.tsx', 'ws://localhost:5173/', 'https://example.com/x.png', 'file:///etc/passwd', 'app://evil/index.html']) {
      expect(isRequestAllowed(url), url).toBe(false);
    }
  });

  it('lets `npm run dev` load from its dev server and hot-reload over its WebSocket, nothing more', () => {
    const dev = 'http://localhost:5173';
    const policy = contentSecurityPolicy(dev);
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    expect(policy).toContain("object-src 'none'");
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/?token=abc', dev)).toBe(true);
    expect(isRequestAllowed('http://localhost:5174/src/main.tsx', dev)).toBe(false);
    expect(isRequestAllowed('http://localhost:51730/x', dev)).toBe(false);
    expect(isRequestAllowed('https://example.com/', dev)).toBe(false);
  });
});
