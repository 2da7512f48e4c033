import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './encodeBase64';

describe('encodeBase64', () => {
  it('matches the standard encoding for every length around a chunk boundary', () => {
    for (const length of [0, 1, 2, 3, 4, 24575, 24576, 24577, 49152, 49153]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919) % 256);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('encodes a 5 MB file without overflowing the stack', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(0xe2);
    const encoded = encodeBase64(bytes);
    expect(encoded.length).toBe(Math.ceil(bytes.length / 3) * 4);
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
