/**
 * Removes what could identify a person from a text before it is logged: e-mail addresses, phone numbers,
 * long digit runs (file, passport, UCI numbers) and web addresses. Questions are logged so the firm can
 * improve the answers, never to know who asked.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Phone numbers and long digit runs: file, UCI and passport numbers, dates written with dashes. */
const LONG_NUMBER = /\+?\d[\d\s().-]{6,}\d/g;
/** Passport and application numbers that start with letters ("W301122334", "CI0098123"). */
const LETTERED_NUMBER = /\b\p{Lu}{1,2}\d{6,}\b/gu;

/** What identifies a person in a message, for the understanding to read past it as well; lettered numbers first. */
export const PERSONAL_DETAILS: readonly RegExp[] = [EMAIL, LETTERED_NUMBER, LONG_NUMBER];

/** A date written with dashes is a long number too, but alone it says who no one is ("invited on 2024-10-14"). */
const DASHED_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})$/;

/** Whether a message gives something that identifies a person. */
export function givesPersonalDetails(text: string): boolean {
    return PERSONAL_DETAILS.some((pattern) => [...text.matchAll(pattern)].some(([found]) => !DASHED_DATE.test(found)));
}

const PATTERNS: readonly [RegExp, string][] = [
    [EMAIL, '[email]'],
    [/https?:\/\/\S+/gi, '[link]'],
    [LETTERED_NUMBER, '[number]'],
    [LONG_NUMBER, '[number]'],
];

/** Result codes ("K7QM-2X4A-9P3R-TT8V", or spaced): whoever has one can read the answers kept under it. */
const RESULT_CODES = [
    /(?<![\p{L}\p{N}])[0-9a-z]{4}(?:[-‐–—]?[0-9a-z]{4}){3}(?![\p{L}\p{N}])/giu,
    // Spaced, the last four groups of four ("my code k7qm 2x4a 9p3r tt8v" is not "code k7qm 2x4a 9p3r").
    /(?<![\p{L}\p{N}])[0-9a-z]{4}(?:\s[0-9a-z]{4}){3}(?![\p{L}\p{N}])(?!\s[0-9a-z]{4}(?![\p{L}\p{N}]))/giu,
];

/** Longest text kept in a log line. */
const MAX_LOGGED = 300;

export function redact(text: string): string {
    let out = text;
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    // A long word or four words of four letters ("what does this mean") are not a code: a code has a digit or dashes.
    for (const pattern of RESULT_CODES) out = out.replace(pattern, (match) => (/\d|-/.test(match) ? '[code]' : match));
    return out.length > MAX_LOGGED ? `${out.slice(0, MAX_LOGGED)}…` : out;
}

/** A request path for the logs: the code in /result/<code> is a key to someone's answers. */
export function redactPath(path: string): string {
    return path.replace(/^\/result\/.+$/i, '/result/[code]');
}
