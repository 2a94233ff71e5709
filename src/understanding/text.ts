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
