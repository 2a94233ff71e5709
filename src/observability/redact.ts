/**
 * Removes what could identify a person from a text before it is logged: e-mail addresses, phone numbers,
 * long digit runs (file, passport, UCI numbers) and web addresses. Questions are logged so the firm can
 * improve the answers, never to know who asked.
 */
const PATTERNS: readonly [RegExp, string][] = [
    [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, '[email]'],
    [/https?:\/\/\S+/gi, '[link]'],
    [/\+?\d[\d\s().-]{6,}\d/g, '[number]'],
    [/\b\p{Lu}{1,2}\d{6,}\b/gu, '[number]'],
];

/** Longest text kept in a log line. */
const MAX_LOGGED = 300;

export function redact(text: string): string {
    let out = text;
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out.length > MAX_LOGGED ? `${out.slice(0, MAX_LOGGED)}…` : out;
}
