import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only (Vite's serve): the page's own CSP meta tag lets in the inline React Refresh
 * preamble and the hot-reload WebSocket, as main's header does then (src/main/origins.ts). The
 * built page keeps the strict tag.
 */
const devServerCsp: Plugin = {
  name: 'marginalia-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self';", "script-src 'self' 'unsafe-inline';").replace("connect-src 'self';", "connect-src 'self' ws:;"),
};

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot load ES modules or require packages: build it as one CommonJS file.
    build: { externalizeDeps: false, rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Minified: the bundle size is part of cold start (ARCHITECTURE.md: under 1 s to an interactive library).
    build: { minify: true, rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react(), devServerCsp],
  },
});
