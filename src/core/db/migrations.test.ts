import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations';

/**
 * SHA-256 of each released migration's text. Libraries in the field were built by exactly these
 * texts: 1-6 are the SQL the code generated before issue 13 froze it (hashed from that code's
 * output, then from the literal files). A failure here means a released migration was edited:
 * undo the edit and append a new migration instead.
 */
const RELEASED = [
  '49b5c25f04b563c9b88a4e0a1ce19dea1b76129adddee0739a022f314852132c',
  'a5c2ca19a18654c3cd536e5c5c2e4d9f8448d5685207bd16590f1e7aa1d1e941',
  'aa68be55923944a85b26e5486eff03144351651bb765aead4963fd28ca83bb35',
  '5414c836a2790cb19d7e40c74e3abf419c8a2483c45f124494b53b0912da43b5',
  '12c173c36c97de09f4928b489dd92310ce78f3c051c46055c8e312a87ceb030b',
  '39e02d3eef2ef5b0218fbe8d9d3fc9b49654bcddfd7c1ad974bd6c2a52a558cd',
];

const FOLDER = path.join(import.meta.dirname, 'migrations');

describe('migrations', () => {
  it('keep every released migration byte for byte', () => {
    expect(migrations.slice(0, RELEASED.length).map((sql) => createHash('sha256').update(sql).digest('hex'))).toEqual(RELEASED);
  });

  it('are literal text: no file under migrations/ imports anything or interpolates', () => {
    const files = fs.readdirSync(FOLDER).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(RELEASED.length);
    for (const name of files) {
      const source = fs.readFileSync(path.join(FOLDER, name), 'utf8');
      expect(source, name).not.toMatch(/^import /m);
      expect(source, name).not.toContain('${');
    }
  });
});
