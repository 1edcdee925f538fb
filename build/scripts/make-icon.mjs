// Draws the app icon (build/icons/icon.png, 512×512) without any image library, so it can be
// regenerated anywhere: a UN-blue rounded square, a white ring (the directory, a network of points
// of contact) and four white dots on it joined to the centre. electron-builder derives the Windows
// .ico, macOS .icns and Linux sizes from this one PNG.
//   node build/scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const out = join(dirname(fileURLToPath(import.meta.url)), '../icons/icon.png');
const blue = [0, 158, 219];
const white = [255, 255, 255];
const c = SIZE / 2;

/** Coverage (0..1) of the shape at a pixel, 4×4 supersampled for smooth edges. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

const radius = 96;
const inRoundedSquare = (x, y) => {
  const m = 24;
  const dx = Math.max(m + radius - x, 0, x - (SIZE - m - radius));
  const dy = Math.max(m + radius - y, 0, y - (SIZE - m - radius));
  return dx * dx + dy * dy <= radius * radius;
};
const dist = (x, y, px, py) => Math.hypot(x - px, y - py);
const nodes = [0, 1, 2, 3].map((k) => [
  c + 150 * Math.cos(Math.PI / 4 + (k * Math.PI) / 2),
  c + 150 * Math.sin(Math.PI / 4 + (k * Math.PI) / 2),
]);
const onSegment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return dist(x, y, ax + t * (bx - ax), ay + t * (by - ay)) <= width / 2;
};
const inMark = (x, y) => {
  const r = dist(x, y, c, c);
  if (r >= 138 && r <= 162) return true; // the ring
  if (r <= 40) return true; // the centre
  return nodes.some((n) => dist(x, y, n[0], n[1]) <= 34 || onSegment(x, y, [c, c], n, 16));
};

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const bg = coverage(x, y, inRoundedSquare);
    const mark = bg > 0 ? coverage(x, y, inMark) : 0;
    const px = row + 1 + x * 4;
    for (let k = 0; k < 3; k++) raw[px + k] = Math.round(blue[k] * (1 - mark) + white[k] * mark);
    raw[px + 3] = Math.round(255 * bg);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let v = n;
  for (let k = 0; k < 8; k++) v = v & 1 ? 0xedb88320 ^ (v >>> 1) : v >>> 1;
  return v >>> 0;
});
const crc32 = (buf) => {
  let v = 0xffffffff;
  for (const byte of buf) v = crcTable[(v ^ byte) & 0xff] ^ (v >>> 8);
  return (v ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`icon: wrote ${out} (${png.length} bytes)`);
