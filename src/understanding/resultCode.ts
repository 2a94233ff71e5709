import { CODE_ALPHABET, CODE_LENGTH } from '../storage/resultCodes';
import { words } from './text';

const GROUP = 4;

/** "K7QM2X4A9P3RTT8V" → "K7QM-2X4A-9P3R-TT8V": groups of four, easier to read aloud and to copy. */
export function formatCode(code: string): string {
    return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

/** Typed by hand: lower case, and the letters Crockford's base32 reads as digits (O → 0, I and L → 1). */
function normalize(raw: string): string | undefined {
    const code = raw
        .toUpperCase()
        .replace(/[^0-9A-Z]/g, '')
        .replace(/O/g, '0')
        .replace(/[IL]/g, '1');
    return code.length === CODE_LENGTH && [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : undefined;
}

/** Four groups of four joined by dashes (or nothing), or by spaces when a group has a digit (plain words never do). */
const DASHED = /(?<![0-9a-z])[0-9a-z]{4}(?:[-‐–—]?[0-9a-z]{4}){3}(?![0-9a-z])/giu;
/** The last four groups when more follow ("code k7qm 2x4a 9p3r tt8v" is not "code k7qm 2x4a 9p3r"). */
const SPACED = /(?<![0-9a-z])[0-9a-z]{4}(?:\s[0-9a-z]{4}){3}(?![0-9a-z])(?!\s[0-9a-z]{4}(?![0-9a-z]))/giu;

/** Words besides the code that still make the message a request to come back ("resume …", « reprendre mon code … »). */
const MAX_OTHER_WORDS = 4;

/**
 * The result code in a message that asks to come back with it ("resume K7QM-…", « reprendre k7qm… », or the
 * code pasted alone), normalized; undefined when the message is something else.
 */
export function readResultCode(text: string): string | undefined {
    for (const pattern of [DASHED, SPACED]) {
        for (const match of text.matchAll(pattern)) {
            if (pattern === SPACED && !/\d/.test(match[0])) continue;
            const code = normalize(match[0]);
            const rest = `${text.slice(0, match.index)} ${text.slice((match.index ?? 0) + match[0].length)}`;
            if (code && words(rest).length <= MAX_OTHER_WORDS) return code;
        }
    }
    return undefined;
}

/** A code as written in a link or typed alone ("k7qm-2x4a-9p3r-tt8v"), normalized; undefined when it cannot be one. */
export function parseCode(raw: string): string | undefined {
    return raw.length <= 40 ? normalize(raw) : undefined;
}
