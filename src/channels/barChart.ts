import { crc32, deflateSync } from 'node:zlib';

/** The brand blue of the Teams icon, and a light grey baseline. */
const BAR = [0x1f, 0x5f, 0xa8] as const;
const BASELINE = [0xc8, 0xcc, 0xd2] as const;

function chunk(type: string, data: Buffer): Buffer {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
}

/** An RGBA bitmap as a PNG file (colour type 6, no filter). */
function png(width: number, height: number, pixels: Uint8Array): Buffer {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 6, 0, 0, 0], 8);
    const rows = Buffer.alloc(height * (width * 4 + 1));
    for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(rows)),
        chunk('IEND', Buffer.alloc(0)),
    ]);
}

/**
 * A small bar chart (one bar per value, oldest first) as a PNG data URI, drawn here without any network or
 * browser: no words in it, the card says what it shows. A few hundred bytes, so Teams keeps it inline.
 */
export function barChartDataUri(values: readonly number[], width = 280, height = 80): string {
    const pixels = new Uint8Array(width * height * 4);
    const paint = (x: number, y: number, [r, g, b]: readonly number[]) =>
        pixels.set([r as number, g as number, b as number, 255], (y * width + x) * 4);
    for (let x = 0; x < width; x++) paint(x, height - 1, BASELINE);
    const max = Math.max(1, ...values);
    const slot = width / Math.max(1, values.length);
    const gap = slot >= 4 ? Math.max(1, Math.floor(slot / 5)) : 0;
    values.forEach((value, i) => {
        const barHeight = Math.round(((height - 2) * value) / max);
        const left = Math.floor(i * slot) + gap;
        const right = Math.floor((i + 1) * slot) - gap;
        for (let x = left; x < right; x++) for (let y = height - 1 - barHeight; y < height - 1; y++) paint(x, y, BAR);
    });
    return `data:image/png;base64,${png(width, height, pixels).toString('base64')}`;
}
