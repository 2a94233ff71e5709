/**
 * PNG reading for the Teams icon checks: the size from the IHDR chunk, a decoder of 8-bit non-interlaced
 * PNGs to RGBA (node:zlib does the inflating), and the icon rules Teams sets (192×192 colour, 32×32 outline
 * drawn in white on transparent only). It is written here rather than taken from an image library because
 * these few rules need nothing more, and the checks must run offline with the project's dependencies.
 */
import { inflateSync } from 'node:zlib';

/** The icon sizes Teams requires, in pixels (square). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

export interface DecodedPng {
    width: number;
    height: number;
    /** 8-bit RGBA, row after row. */
    rgba: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS_BY_COLOR_TYPE: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Width and height from the IHDR chunk, which must come first. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.length < 33 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file (bad signature)');
    if (buffer.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file (IHDR is not the first chunk)');
    return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * Decodes a non-interlaced 8-bit PNG (grey, RGB, palette, grey+alpha, RGBA) with all five row filters,
 * to RGBA. Other bit depths and interlaced files are refused with a clear message: icons exported by
 * design tools are 8-bit, and Teams needs nothing else.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
    const { width, height } = pngSize(bytes);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 8;
    let header: Buffer | undefined;
    let palette: Buffer | undefined;
    let transparency: Buffer | undefined;
    const data: Buffer[] = [];
    while (offset + 12 <= buffer.length) {
        const length = buffer.readUInt32BE(offset);
        const type = buffer.toString('latin1', offset + 4, offset + 8);
        const body = buffer.subarray(offset + 8, offset + 8 + length);
        if (body.length !== length) throw new Error(`PNG chunk ${type} is cut short`);
        if (type === 'IHDR') header = body;
        else if (type === 'PLTE') palette = body;
        else if (type === 'tRNS') transparency = body;
        else if (type === 'IDAT') data.push(body);
        else if (type === 'IEND') break;
        offset += 12 + length;
    }
    if (!header || data.length === 0) throw new Error('PNG has no IHDR or no IDAT');
    const [depth, colorType, , , interlace] = [header[8], header[9], header[10], header[11], header[12]] as number[];
    const channels = CHANNELS_BY_COLOR_TYPE[colorType as number];
    if (depth !== 8 || channels === undefined)
        throw new Error(`PNG colour type ${colorType} at ${depth} bits is not supported (8-bit only)`);
    if (interlace !== 0) throw new Error('interlaced PNGs are not supported');
    if (colorType === 3 && !palette) throw new Error('palette PNG without PLTE');

    const raw = inflateSync(Buffer.concat(data));
    const stride = width * channels;
    if (raw.length < (stride + 1) * height) throw new Error('PNG image data is cut short');
    const pixels = new Uint8Array(stride * height);
    const bpp = channels;
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)] as number;
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        const out = y * stride;
        const up = (y - 1) * stride;
        for (let i = 0; i < stride; i++) {
            const a = i >= bpp ? (pixels[out + i - bpp] as number) : 0;
            const b = y > 0 ? (pixels[up + i] as number) : 0;
            const c = i >= bpp && y > 0 ? (pixels[up + i - bpp] as number) : 0;
            let predictor: number;
            switch (filter) {
                case 0:
                    predictor = 0;
                    break;
                case 1:
                    predictor = a;
                    break;
                case 2:
                    predictor = b;
                    break;
                case 3:
                    predictor = (a + b) >> 1;
                    break;
                case 4: {
                    const p = a + b - c;
                    const pa = Math.abs(p - a);
                    const pb = Math.abs(p - b);
                    const pc = Math.abs(p - c);
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    break;
                }
                default:
                    throw new Error(`PNG row ${y} has unknown filter type ${filter}`);
            }
            pixels[out + i] = ((line[i] as number) + predictor) & 0xff;
        }
    }

    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) {
        const s = p * channels;
        let rgbaPixel: [number, number, number, number];
        switch (colorType) {
            case 0:
                rgbaPixel = [pixels[s] as number, pixels[s] as number, pixels[s] as number, 255];
                break;
            case 2:
                rgbaPixel = [pixels[s] as number, pixels[s + 1] as number, pixels[s + 2] as number, 255];
                break;
            case 3: {
                const index = pixels[s] as number;
                const entry = (palette as Buffer).subarray(index * 3, index * 3 + 3);
                if (entry.length !== 3) throw new Error(`PNG palette has no entry ${index}`);
                rgbaPixel = [entry[0] as number, entry[1] as number, entry[2] as number, transparency?.[index] ?? 255];
                break;
            }
            case 4:
                rgbaPixel = [pixels[s] as number, pixels[s] as number, pixels[s] as number, pixels[s + 1] as number];
                break;
            default:
                rgbaPixel = [pixels[s] as number, pixels[s + 1] as number, pixels[s + 2] as number, pixels[s + 3] as number];
        }
        if (colorType === 0 || colorType === 2) {
            // tRNS on grey/RGB images names one fully transparent colour.
            if (transparency && transparency.length >= (colorType === 0 ? 2 : 6)) {
                const key =
                    colorType === 0
                        ? [transparency.readUInt16BE(0)]
                        : [transparency.readUInt16BE(0), transparency.readUInt16BE(2), transparency.readUInt16BE(4)];
                const sample =
                    colorType === 0 ? [pixels[s] as number] : [pixels[s] as number, pixels[s + 1] as number, pixels[s + 2] as number];
                if (key.every((k, i) => k === sample[i])) rgbaPixel[3] = 0;
            }
        }
        rgba.set(rgbaPixel, p * 4);
    }
    return { width, height, rgba };
}

/** What is wrong with the icons, for Teams: sizes, and an outline icon drawn in white on transparent only. */
export function iconProblems(color: Uint8Array, outline: Uint8Array): string[] {
    const problems: string[] = [];
    for (const [name, bytes] of [
        ['color', color],
        ['outline', outline],
    ] as const) {
        let size: { width: number; height: number };
        try {
            size = pngSize(bytes);
        } catch (error) {
            problems.push(`${name} icon: ${(error as Error).message}`);
            continue;
        }
        const expected = ICON_SIZES[name];
        if (size.width !== expected || size.height !== expected) {
            problems.push(`${name} icon must be ${expected}×${expected} pixels, not ${size.width}×${size.height}`);
        }
    }
    if (problems.length > 0) return problems;
    let decoded: DecodedPng;
    try {
        decoded = decodePng(outline);
    } catch (error) {
        return [`outline icon: ${(error as Error).message}`];
    }
    let visible = 0;
    const offenders: string[] = [];
    for (let p = 0; p < decoded.width * decoded.height; p++) {
        const [r, g, b, a] = decoded.rgba.subarray(p * 4, p * 4 + 4);
        if (a === 0) continue;
        visible += 1;
        if (r !== 255 || g !== 255 || b !== 255)
            offenders.push(`(${p % decoded.width}, ${Math.floor(p / decoded.width)}) is rgb(${r}, ${g}, ${b})`);
    }
    if (offenders.length > 0) {
        problems.push(
            `outline icon must be white on transparent only; ${offenders.length} pixels are not, e.g. ${offenders.slice(0, 3).join('; ')}`,
        );
    }
    if (visible === 0) problems.push('outline icon is fully transparent');
    return problems;
}
