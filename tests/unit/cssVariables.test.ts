import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every CSS custom property the renderer reads is one it sets. A `var(--name, fallback)` of a name
 * the theme does not define silently takes its fallback in both schemes: `var(--surface, #fff)`
 * gave the code matrix's sticky header a white background in dark mode, and `var(--border-faint,
 * #eee)` light grey lines between Passages' rows (axe-core found the first: accessibility.spec.ts).
 */
const renderer = path.resolve(import.meta.dirname, '../../src/renderer/src');

function filesUnder(directory: string, pattern: RegExp): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(file, pattern) : pattern.test(entry.name) ? [file] : [];
  });
}

describe("the renderer's CSS custom properties", () => {
  it('reads only properties a stylesheet or a component sets', () => {
    const sources = filesUnder(renderer, /\.(css|tsx?)$/).filter((file) => !/\.test\.tsx?$/.test(file));
    const defined = new Set<string>();
    const used = new Map<string, string>();
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      // Set in a stylesheet (`--name: value`) or in a component's style object (`'--name': value`).
      for (const [, name] of text.matchAll(/(?:^|[\s{;'"])(--[a-z0-9-]+)['"]?\s*:/g)) defined.add(name!);
      for (const [, name] of text.matchAll(/var\(\s*(--[a-z0-9-]+)/g)) if (!used.has(name!)) used.set(name!, path.relative(renderer, file));
    }
    expect(defined.size).toBeGreaterThan(20);
    const undefinedNames = [...used].filter(([name]) => !defined.has(name)).map(([name, file]) => `${name} (read in ${file})`);
    expect(undefinedNames).toEqual([]);
  });
});
