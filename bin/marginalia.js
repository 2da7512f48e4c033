#!/usr/bin/env node
// The `marginalia` command. Runs the build in out/cli/ (scripts/build-cli.mjs; made by `npm install`
// and `npm run build`), which starts at once; when that build is missing or older than the sources
// (a contributor editing them), runs the TypeScript sources through tsx instead, which is slower
// to start (they are compiled on every run) but always current.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'cli', 'entry.js');
const SOURCES = ['src/cli', 'src/core', 'src/shared', 'src/host'];

/** The newest modification time among the CLI's sources (about 5 ms for 200 files), or Infinity when one cannot be read. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (!entry.name.includes('.test.')) newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  try {
    SOURCES.forEach((dir) => visit(path.join(root, dir)));
    return Math.max(newest, fs.statSync(path.join(root, 'package.json')).mtimeMs);
  } catch {
    return Infinity;
  }
}

function builtIsCurrent() {
  try {
    // Sources absent (an installed package carries only the build) count as current.
    return !fs.existsSync(path.join(root, 'src')) || fs.statSync(built).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

if (process.env.MARGINALIA_CLI_FROM_SOURCES !== '1' && builtIsCurrent()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/entry.ts');
}
