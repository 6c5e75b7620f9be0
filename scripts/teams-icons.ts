/**
 * Draws the Teams app's two icons and writes them, base64, into src/adapters/teams-icons.ts (the
 * Forge function bundles that module; it reads no file at run time).
 *
 *   npx tsx scripts/teams-icons.ts [--png DIR]   (--png also writes color.png and outline.png)
 *
 * The symbol: a Confluence page with a folded corner and lines of text, and a chat bubble over
 * its corner. Microsoft's rules (apps-package.md): color.png 192×192 with the symbol in the middle
 * 96×96 on a solid background; outline.png 32×32, white on fully transparent, no padding.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const hex = (color: string, alpha = 255): Rgba => [
  parseInt(color.slice(1, 3), 16),
  parseInt(color.slice(3, 5), 16),
  parseInt(color.slice(5, 7), 16),
  alpha,
];

const BLUE = hex('#0052CC'); // the manifest's accentColor
const FLAP = hex('#B3D4FF');
const PURPLE = hex('#5B5FC7');
const WHITE = hex('#FFFFFF');
const CLEAR: Rgba = [255, 255, 255, 0];

// The symbol in a unit square: (0,0) top left, (1,1) bottom right.
const roundRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (x: number, y: number, cx: number, cy: number, r: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const PAGE = { x0: 0.08, y0: 0.02, x1: 0.7, y1: 0.88, r: 0.07, fold: 0.22 };
const page = (x: number, y: number, inset = 0) =>
  roundRect(
    x,
    y,
    PAGE.x0 + inset,
    PAGE.y0 + inset,
    PAGE.x1 - inset,
    PAGE.y1 - inset,
    Math.max(PAGE.r - inset, 0.01),
  ) && x - y <= PAGE.x1 - PAGE.fold - PAGE.y0 - inset * 0.6;
const flap = (x: number, y: number) =>
  x >= PAGE.x1 - PAGE.fold && y <= PAGE.y0 + PAGE.fold && x - y <= PAGE.x1 - PAGE.fold - PAGE.y0;
const LINES = [
  [0.19, 0.3, 0.46],
  [0.19, 0.44, 0.56],
  [0.19, 0.58, 0.4],
] as const;
const textLine = (x: number, y: number, thickness: number, count: number = LINES.length) =>
  LINES.slice(0, count).some(([x0, y0, x1]) => roundRect(x, y, x0, y0, x1, y0 + thickness, thickness / 2));
const BUBBLE = { cx: 0.7, cy: 0.7, r: 0.27 };
const bubble = (x: number, y: number, grow = 0) =>
  circle(x, y, BUBBLE.cx, BUBBLE.cy, BUBBLE.r + grow) ||
  // the tail, bottom left
  (x >= 0.44 - grow && y <= 0.99 + grow && y >= 0.8 && x - 0.44 >= (y - 0.8) * 0.1 - grow && x <= 0.62);
const DOTS = [0.58, 0.7, 0.82].map((cx) => ({ cx, cy: 0.7 }));
const dot = (x: number, y: number, r: number) => DOTS.some((d) => circle(x, y, d.cx, d.cy, r));

const colorScene = (x: number, y: number): Rgba => {
  if (dot(x, y, 0.04)) return WHITE;
  if (bubble(x, y)) return PURPLE;
  if (bubble(x, y, 0.045)) return BLUE; // a gap between bubble and page
  if (flap(x, y)) return FLAP;
  if (textLine(x, y, 0.065)) return BLUE;
  if (page(x, y)) return WHITE;
  return BLUE;
};

const outlineScene = (x: number, y: number): Rgba => {
  if (dot(x, y, 0.05)) return CLEAR;
  if (bubble(x, y)) return WHITE;
  if (bubble(x, y, 0.07)) return CLEAR;
  if (flap(x, y)) return WHITE;
  if (textLine(x, y, 0.08, 2)) return WHITE;
  if (page(x, y) && !page(x, y, 0.085)) return WHITE;
  return CLEAR;
};

/** Renders `scene` with 8×8 samples a pixel, the symbol filling `box` pixels at `offset`. */
const render = (size: number, offset: number, box: number, scene: (x: number, y: number) => Rgba) => {
  const SAMPLES = 8;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES - offset) / box;
          const y = (py + (sy + 0.5) / SAMPLES - offset) / box;
          const [r, g, b, a] = scene(x, y);
          // premultiplied, so a transparent sample adds no colour
          sum[0] += (r * a) / 255;
          sum[1] += (g * a) / 255;
          sum[2] += (b * a) / 255;
          sum[3] += a;
        }
      }
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[at + c] = alpha === 0 ? 255 : Math.round((sum[c] / (SAMPLES * SAMPLES)) * (255 / alpha));
      }
      pixels[at + 3] = Math.round(alpha);
    }
  }
  return pixels;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A truecolour-with-alpha PNG (colour type 6, 8 bits), every row with filter 0. */
const encodePng = (size: number, rgba: Buffer) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const color = encodePng(192, render(192, 48, 96, colorScene));
// 1 px margin so anti-aliased edges are not cut; Microsoft asks for no padding beyond that.
const outline = encodePng(32, render(32, 1, 30, outlineScene));

const pngDir =
  process.argv.indexOf('--png') > -1 ? process.argv[process.argv.indexOf('--png') + 1] : undefined;
if (pngDir) {
  mkdirSync(pngDir, { recursive: true });
  writeFileSync(join(pngDir, 'color.png'), color);
  writeFileSync(join(pngDir, 'outline.png'), outline);
}

const target = join(__dirname, '..', 'src', 'adapters', 'teams-icons.ts');
writeFileSync(
  target,
  `/**
 * The Teams app's icons as PNG bytes in base64. Generated by scripts/teams-icons.ts: change the
 * drawing there and run it again rather than edit these strings.
 */
export const TEAMS_ICONS = {
  /** 192×192, the symbol in the middle 96×96 on a solid #0052CC background. */
  color:
    '${color.toString('base64')}',
  /** 32×32, white on fully transparent. */
  outline:
    '${outline.toString('base64')}',
} as const;
`,
);
process.stdout.write(
  `wrote ${target} (color.png ${color.length} bytes, outline.png ${outline.length} bytes)\n`,
);
