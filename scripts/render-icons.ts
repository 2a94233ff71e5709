/**
 * npx tsx scripts/render-icons.ts   → appPackage/color.png (192×192) and appPackage/outline.png (32×32)
 *
 * Run once when the mark changes; the PNGs are committed. The icons are SVG drawn on a canvas in headless
 * Chromium at their exact size, then written here as PNGs (node:zlib) so that the outline icon can be made
 * exactly white: Teams wants it white on transparent, and un-premultiplied anti-aliased edges may come back
 * from the canvas as 254 instead of 255.
 *
 * The mark: a chat bubble (the assistant) holding a plus (IMP+). Colour icon: full-bleed brand blue, as
 * Teams wants a full square and applies its own mask, with the mark inside the 120×120 safe area.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { projectRoot } from '../src/configuration/paths';

/** Brand colours; ACCENT is the manifest's accentColor (the middle of the background gradient). */
export const BRAND = { dark: '#0A3A78', light: '#1763BF', accent: '#0F4C97', red: '#D62718' } as const;

const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${BRAND.dark}"/>
      <stop offset="1" stop-color="${BRAND.light}"/>
    </linearGradient>
  </defs>
  <rect width="192" height="192" fill="url(#bg)"/>
  <path d="M60 44H132A22 22 0 0 1 154 66V106A22 22 0 0 1 132 128H90L60 152L64 128H60A22 22 0 0 1 38 106V66A22 22 0 0 1 60 44Z"
        fill="#FFFFFF" stroke="#FFFFFF" stroke-width="2" stroke-linejoin="round"/>
  <text x="96" y="98" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="700"
        font-size="35" letter-spacing="-0.5" fill="${BRAND.dark}">IMP<tspan fill="${BRAND.red}">+</tspan></text>
</svg>`;

const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <path d="M9 5H23A5 5 0 0 1 28 10V18A5 5 0 0 1 23 23H15L9.5 28L10 23H9A5 5 0 0 1 4 18V10A5 5 0 0 1 9 5Z"
        fill="none" stroke="#FFFFFF" stroke-width="2" stroke-linejoin="round"/>
  <rect x="11" y="13" width="10" height="2" fill="#FFFFFF"/>
  <rect x="15" y="9" width="2" height="10" fill="#FFFFFF"/>
</svg>`;

// --- PNG writing -------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();

export function crc32(bytes: Uint8Array): number {
    let c = 0xffffffff;
    for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    typeAndData.copy(out, 4);
    out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
    return out;
}

function paeth(a: number, b: number, c: number): number {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** One scanline filtered with `type` (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth), 4 bytes per pixel. */
function filterRow(type: number, row: Uint8Array, previous: Uint8Array): Uint8Array {
    const out = new Uint8Array(row.length);
    for (let i = 0; i < row.length; i++) {
        const a = i >= 4 ? (row[i - 4] as number) : 0;
        const b = previous[i] as number;
        const c = i >= 4 ? (previous[i - 4] as number) : 0;
        const x = row[i] as number;
        const predictor = type === 0 ? 0 : type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth(a, b, c);
        out[i] = (x - predictor) & 0xff;
    }
    return out;
}

/**
 * An 8-bit RGBA PNG. Each row gets the filter with the smallest sum of absolute values (libpng's heuristic)
 * unless `filter` forces one type for every row, or picks one per row.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array, filter?: number | ((row: number) => number)): Buffer {
    if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
    const stride = width * 4;
    const raw = Buffer.alloc((stride + 1) * height);
    let previous: Uint8Array = new Uint8Array(stride);
    for (let y = 0; y < height; y++) {
        const row = rgba.subarray(y * stride, (y + 1) * stride);
        const types = filter === undefined ? [0, 1, 2, 3, 4] : [typeof filter === 'number' ? filter : filter(y)];
        let best: { type: number; data: Uint8Array; cost: number } | undefined;
        for (const type of types) {
            const data = filterRow(type, row, previous);
            const cost = data.reduce((sum, v) => sum + (v < 128 ? v : 256 - v), 0);
            if (!best || cost < best.cost) best = { type, data, cost };
        }
        const chosen = best as { type: number; data: Uint8Array };
        raw[y * (stride + 1)] = chosen.type;
        raw.set(chosen.data, y * (stride + 1) + 1);
        previous = row;
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header[8] = 8; // bit depth
    header[9] = 6; // colour type: RGBA
    header[10] = 0; // deflate
    header[11] = 0; // adaptive filtering
    header[12] = 0; // no interlace
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(raw, { level: 9 })),
        chunk('IEND', new Uint8Array(0)),
    ]);
}

// --- Rendering ---------------------------------------------------------------------------------------------

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The SVG drawn on a canvas of exactly its size; RGBA, not premultiplied. */
async function rasterize(svg: string, size: number): Promise<Uint8Array> {
    if (!existsSync(CHROMIUM_PATH))
        throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
        const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
        // Runs in the page (this project compiles without the DOM library, hence a string).
        const pixels: unknown = await page.evaluate(`(async () => {
            const image = new Image(${size}, ${size});
            image.src = 'data:image/svg+xml;base64,' + btoa(${JSON.stringify(svg)});
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = ${size};
            canvas.height = ${size};
            const context = canvas.getContext('2d');
            context.drawImage(image, 0, 0, ${size}, ${size});
            return Array.from(context.getImageData(0, 0, ${size}, ${size}).data);
        })()`);
        if (!Array.isArray(pixels) || pixels.length !== size * size * 4) throw new Error('the canvas gave no pixels');
        return Uint8Array.from(pixels as number[]);
    } finally {
        await browser.close();
    }
}

/** Every visible pixel pure white, keeping its coverage as alpha; nothing else. */
function whiteOnTransparent(rgba: Uint8Array): Uint8Array {
    const out = new Uint8Array(rgba.length);
    for (let i = 0; i < rgba.length; i += 4) {
        const alpha = rgba[i + 3] as number;
        if (alpha === 0) continue;
        out.set([255, 255, 255, alpha], i);
    }
    return out;
}

async function main(): Promise<void> {
    const dir = join(projectRoot, 'appPackage');
    const color = await rasterize(COLOR_SVG, 192);
    for (let i = 3; i < color.length; i += 4) {
        if (color[i] !== 255) throw new Error('the colour icon must be opaque (full bleed)');
    }
    const outline = whiteOnTransparent(await rasterize(OUTLINE_SVG, 32));
    await writeFile(join(dir, 'color.png'), encodePng(192, 192, color));
    await writeFile(join(dir, 'outline.png'), encodePng(32, 32, outline));
    console.log(`wrote ${join(dir, 'color.png')} (192×192) and ${join(dir, 'outline.png')} (32×32)`);
}

if (resolve(process.argv[1] ?? '') === __filename) {
    main().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
