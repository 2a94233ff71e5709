/**
 * A light suffix stripper for folded English and French words.
 *
 * It does not need to produce linguistic roots: the same function runs on the samples and on the
 * question, so "working"/"worker" or "selectionne"/"selectionnes" only have to land on the same stem.
 * The words that really matter for IMP+ (permit/permis, spouse/conjointe…) are mapped to concepts by
 * the lexicon before stemming, so this only has to help with the long tail.
 */
const SUFFIXES = [
    'issements',
    'issement',
    'ements',
    'ement',
    'ments',
    'ment',
    'ations',
    'ation',
    'itions',
    'ition',
    'ances',
    'ance',
    'ences',
    'ence',
    'ities',
    'ity',
    'ites',
    'ite',
    'ives',
    'ive',
    'euses',
    'euse',
    'eurs',
    'eur',
    'ings',
    'ing',
    'ieres',
    'iere',
    'iers',
    'ier',
    'ees',
    'ee',
    'ies',
    'ied',
    'ers',
    'er',
    'ed',
    'es',
    'e',
    's',
    'x',
] as const;

/** Shortest stem we leave behind: stripping "-ing" from "sing" would merge unrelated words. */
const MIN_STEM = 4;

export function stem(word: string): string {
    if (word.length <= MIN_STEM || /\d/.test(word)) return word;
    for (const suffix of SUFFIXES) {
        if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
            return word.slice(0, -suffix.length);
        }
    }
    return word;
}
