#!/usr/bin/env node
// Draws the app icon, resources/icon.png (1024×1024; electron-builder makes the macOS .icns, the
// Windows .ico and the Linux sizes from it): a page with a highlighted passage and a note in its
// margin. Written out here with node:zlib because the icon is three rounded rectangles and a
// line, and no image library is otherwise needed. Run again after changing a shape.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 3; // per axis, for smooth edges

/** A rounded rectangle as a test (x, y in icon pixels). */
const rounded = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

// Painted in order, the last that covers a point wins.
const shapes = [
  { inside: rounded(64, 64, 960, 960, 200), color: [31, 78, 92] }, // the tile
  { inside: rounded(236, 176, 724, 848, 36), color: [250, 247, 240] }, // the page
  ...[300, 380, 540, 620, 700].map((y) => ({ inside: rounded(300, y, 660, y + 28, 14), color: [176, 184, 190] })), // lines of text
  { inside: rounded(288, 446, 672, 510, 18), color: [247, 201, 72] }, // the highlighted passage
  { inside: rounded(700, 420, 860, 560, 28), color: [239, 127, 94] }, // the note in the margin
];

function pixel(x, y) {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = x + (sx + 0.5) / SAMPLES;
      const py = y + (sy + 0.5) / SAMPLES;
      const shape = shapes.findLast((candidate) => candidate.inside(px, py));
      if (!shape) continue;
      sum[0] += shape.color[0];
      sum[1] += shape.color[1];
      sum[2] += shape.color[2];
      sum[3] += 255;
    }
  }
  const n = SAMPLES * SAMPLES;
  const alpha = sum[3] / n;
  // Colour averaged over the covered samples only (straight alpha).
  const covered = sum[3] / 255 || 1;
  return [sum[0] / covered, sum[1] / covered, sum[2] / covered, alpha].map(Math.round);
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  rows[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(rows, y * (SIZE * 4 + 1) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const target = path.resolve(import.meta.dirname, '..', 'resources', 'icon.png');
fs.writeFileSync(target, png);
console.log(`Wrote ${target} (${png.length} bytes).`);
