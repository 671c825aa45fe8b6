#!/usr/bin/env node
// Draws the add-in icons (a clipboard with a check mark) at 16, 32, 64, 80 and 128 px and writes them as PNGs
// with a tiny encoder on Node's zlib. Run: node scripts/make-icons.js
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BOARD = [0x21, 0x73, 0x46]; // Excel green
const PAPER = [0xff, 0xff, 0xff];
const CLIP = [0x5f, 0x63, 0x68];
const CHECK = [0x21, 0x73, 0x46];

/** Coverage of a pixel by a shape, sampled 4×4 for smooth edges. */
function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const u = (v) => v * size; // shape coordinates are in 0..1
  const inRoundRect = (x, y, l, t, r, b, rad) => {
    if (x < l || x > r || y < t || y > b) return false;
    const cx = Math.min(Math.max(x, l + rad), r - rad);
    const cy = Math.min(Math.max(y, t + rad), b - rad);
    return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
  };
  const nearSegment = (x, y, ax, ay, bx, by, w) => {
    const dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
  };
  const layers = [
    { color: BOARD, hit: (x, y) => inRoundRect(x, y, u(0.14), u(0.12), u(0.86), u(0.96), u(0.09)) },
    { color: PAPER, hit: (x, y) => inRoundRect(x, y, u(0.23), u(0.22), u(0.77), u(0.88), u(0.04)) },
    { color: CLIP, hit: (x, y) => inRoundRect(x, y, u(0.35), u(0.04), u(0.65), u(0.2), u(0.05)) },
    {
      color: CHECK,
      hit: (x, y) =>
        nearSegment(x, y, u(0.33), u(0.55), u(0.46), u(0.7), u(0.055)) ||
        nearSegment(x, y, u(0.46), u(0.7), u(0.68), u(0.38), u(0.055)),
    },
  ];
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const fx = x + (sx + 0.5) / S,
            fy = y + (sy + 0.5) / S;
          let c = null;
          for (const l of layers) if (l.hit(fx, fy)) c = l.color;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
        px[i + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return px;
}

const outDir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
