// Draws the add-in's icons (a green award medal with ribbon tails on white) as PNG files, with
// nothing but Node's zlib: `node assets/makeIcons.js`. The PNGs are committed; run this again only
// to change the design.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [16, 124, 65]; // Excel green #107C41
const DARK = [11, 83, 44];
const GOLD = [255, 214, 92];
const WHITE = [255, 255, 255];

/** The colour at a point of the unit square (0..1), or null for the white background. */
function colourAt(x, y) {
  const cx = 0.5;
  const cy = 0.4;
  const d = Math.hypot(x - cx, y - cy);
  // Ribbon tails: two slanted bands below the medal.
  const inTail = (x0) => {
    const top = 0.55;
    const bottom = 0.95;
    if (y < top || y > bottom) return false;
    const t = (y - top) / (bottom - top);
    const centre = x0 + (x0 < 0.5 ? -0.12 : 0.12) * t;
    const notch = y > bottom - 0.12 && Math.abs(x - centre) < 0.12 * ((y - (bottom - 0.12)) / 0.12);
    return Math.abs(x - centre) < 0.1 && !notch;
  };
  if (d <= 0.34) {
    if (d >= 0.3) return DARK;
    if (d <= 0.16) return star(x - cx, y - cy) ? GOLD : GREEN;
    return GREEN;
  }
  if (inTail(0.38) || inTail(0.62)) return DARK;
  return null;
}

/** A five-pointed star of radius 0.16 centred on the origin. */
function star(x, y) {
  const angle = Math.atan2(x, -y);
  const r = Math.hypot(x, y);
  const sector = (2 * Math.PI) / 5;
  const a = Math.abs(((((angle % sector) + sector) % sector) - sector / 2) / (sector / 2));
  const outer = 0.16;
  const inner = 0.065;
  return r <= inner + (outer - inner) * a;
}

function render(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const c =
            colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size) ??
            WHITE;
          for (let k = 0; k < 3; k += 1) sum[k] += c[k];
        }
      }
      for (let k = 0; k < 3; k += 1) row[1 + px * 4 + k] = Math.round(sum[k] / samples ** 2);
      row[1 + px * 4 + 3] = 255;
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), render(size));
}
fs.writeFileSync(path.join(__dirname, "logo-filled.png"), render(80));
