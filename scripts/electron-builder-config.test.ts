import Ajv from 'ajv';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEEP_LINK_PREFIX } from '../src/shared/text/deepLink';

// The installers cannot be built here (no Electron download), so their configuration is checked
// against electron-builder's own schema, and against what the app expects of its package.
const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  protocols: { schemes: string[] }[];
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
};
const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('the electron-builder configuration', () => {
  it('is valid by electron-builder’s own schema (app-builder-lib/scheme.json)', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by that schema if it were wrong (the check can fail)', () => {
    expect(validate({ ...config, nsis: { oneClick: 'no' } })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, icon: 42 } })).toBe(false);
    expect(validate({ ...config, protocol: config.protocols })).toBe(false);
  });

  it('builds AppImage and deb on Linux, dmg on macOS and nsis on Windows, with the icon in resources/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) {
      const png = fs.readFileSync(path.join(root, icon));
      // A PNG at least 512 pixels square: what the builder needs to make .icns and .ico.
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(512);
    }
  });

  it('registers the scheme the app’s links use, rebuilds better-sqlite3 for Electron, and ships only out/ and resources/', () => {
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual([DEEP_LINK_PREFIX.split(':')[0]]);
    expect(config.npmRebuild).toBe(true);
    expect(config.files.filter((pattern) => pattern !== 'package.json').every((pattern) => /^(out\/(main|preload|renderer)|resources)\/\*\*$/.test(pattern))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.main.startsWith('out/main/')).toBe(true);
    expect(fs.readFileSync(path.join(root, pkg.scripts.dist!.replace(/^node /, "")), "utf8")).toContain("electron-builder/cli.js");
    // Rebuilt and shipped only as a production dependency; electron itself must stay a dev dependency for the builder.
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
    expect(Object.keys(pkg.devDependencies)).toContain('electron');
  });
});
