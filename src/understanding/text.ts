/** Text folding shared by every matcher: lower case, no accents, plain apostrophes, single spaces. */
export function fold(text: string): string {
    return text
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[’‘`´]/g, "'")
        .replace(/œ/g, 'oe')
        .replace(/æ/g, 'ae')
        .replace(/\s+/g, ' ')
        .trim();
}

/** Folded words: letters, digits and the "+" of "IMP+"; elisions such as "l'" and "j'" are split off. */
export function words(text: string): string[] {
    return fold(text)
        .replace(/\b([cdjlmnst]|qu)'/g, '$1 ')
        .split(/[^\p{L}\p{N}+]+/u)
        .filter((w) => w.length > 0);
}

/** A letter typed three times or more in a row: no English or French word has one. */
const HELD_DOWN = /(\p{L})\1{2,}/gu;

/** `words`, each letter held down for emphasis typed once ("yesss", « ouiii », "helppp"): for short answers and commands. */
export function typedWords(text: string): string[] {
    return words(text).map((word) => word.replace(HELD_DOWN, '$1'));
}

/** What may stand between a phrase's words: spaces, apostrophes, hyphens, a ";" as in "tl;dr". */
const BETWEEN_WORDS = "[\\s'’‘;-]+";
/** Where a phrase takes any number ("in {{number}} sentences max"): figures are not written in locales. */
const NUMBER_SLOT = '{{number}}';

/**
 * A phrase of the locales as a pattern for typed text in NFD: whole words, found with accents and capitals ("résumé"
 * for "resume"), any number where it says {{number}}. Undefined for a phrase of no word.
 */
export function phrasePattern(phrase: string, flags = 'iu'): RegExp | undefined {
    const pieces = phrase.split(NUMBER_SLOT).flatMap((part, at) => [...(at > 0 ? ['\\d+'] : []), ...words(part).map(foldedWord)]);
    return pieces.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])${pieces.join(BETWEEN_WORDS)}(?![\\p{L}\\p{N}])`, flags);
}

/** A folded word as a pattern that also finds it typed with accents and capitals. */
function foldedWord(word: string): string {
    return [...fold(word)].map((letter) => `${letter.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\p{M}*`).join('');
}
