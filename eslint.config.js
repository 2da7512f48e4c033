import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layers of ARCHITECTURE.md, enforced: shared imports nothing platform-specific, core never
 * imports electron or react, the renderer never imports core or node, preload only shared + electron.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url', 'util', 'stream', 'worker_threads'];
const layer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Only plain JavaScript needs globals declared (TypeScript checks its own, per layer: see
    // scripts/typecheck.mjs); that JavaScript is Node's: scripts, bin and configs.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: layer([
      { group: NODE_BUILTINS, message: 'src/shared is pure: no Node built-ins.' },
      { group: ['electron', 'react', 'react-dom', 'lexical', '@lexical/*', 'better-sqlite3'], message: 'src/shared is pure: no platform libraries.' },
      { group: ['**/core/**', '**/main/**', '**/renderer/**', '**/host/**', '**/cli/**', '**/preload/**'], message: 'src/shared imports only src/shared.' },
    ]),
  },
  {
    files: ['src/core/**'],
    rules: layer([
      { group: ['electron', 'react', 'react-dom', 'lexical', '@lexical/*'], message: 'src/core never imports electron or react.' },
      { group: ['**/main/**', '**/renderer/**', '**/host/**', '**/cli/**', '**/preload/**'], message: 'src/core imports only src/shared and src/core.' },
    ]),
  },
  {
    // Issue 12: core derives a note's saved editor state from its Yjs document with headless Lexical
    // and @lexical/yjs (Lexical's own recipe). Headless Lexical is platform-neutral (no DOM, no React),
    // so this one folder may import lexical; everything else of the core rule stands.
    files: ['src/core/notes/yjs/**'],
    rules: layer([
      { group: ['electron', 'react', 'react-dom', '@lexical/react', '@lexical/react/*'], message: 'src/core never imports electron or react.' },
      { group: ['**/main/**', '**/renderer/**', '**/host/**', '**/cli/**', '**/preload/**'], message: 'src/core imports only src/shared and src/core.' },
    ]),
  },
  {
    files: ['src/renderer/**'],
    rules: layer([
      { group: NODE_BUILTINS, message: 'The renderer never imports Node.' },
      { group: ['electron', 'better-sqlite3'], message: 'The renderer talks to the library only through src/renderer/src/api.' },
      { group: ['**/core/**', '**/main/**', '**/host/**', '**/cli/**', '**/preload/**'], message: 'The renderer imports only src/shared and itself.' },
    ]),
  },
  {
    // The two classic rules of hooks only: the React Compiler rules of the plugin's recommended set
    // assume the compiler, which this project does not use.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/preload/**'],
    rules: layer([
      { group: NODE_BUILTINS, message: 'The preload is sandboxed: no Node built-ins.' },
      { group: ['**/core/**', '**/main/**', '**/renderer/**', '**/host/**', '**/cli/**'], message: 'The preload imports only src/shared and electron.' },
    ]),
  },
  {
    files: ['src/host/**', 'src/cli/**'],
    rules: layer([{ group: ['electron', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'The host and CLI run on plain Node.' }]),
  },
);
