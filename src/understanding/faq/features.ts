import type { Features } from './topicClassifier';

/**
 * Changes whenever `messageFeatures` does: a stored classifier is found by the tokens and words its features are
 * made from, not by the features themselves (cheaper at each start), so only this tells an old model from a new one
 * (tests/faq-classifier.test.ts records what version 1 gives).
 */
export const FEATURES_VERSION = 1;

/**
 * What the trained classifier reads in a message (its analyzer tokens and its kept words as typed, see
 * TextAnalyzer), in three groups each scaled to unit length, as in Rasa's
 * default pipeline (word features beside character n-grams inside word boundaries):
 * - `w:` the analyzer's tokens (concepts, stems, typos corrected);
 * - `b:` pairs of neighbouring tokens, at half weight ("@spouse @work" is not "@work @permit");
 * - `c:` letter groups of 3 and 4 inside each word as typed, padded with < and >, which still match "documnts" or
 *   "linvitation" when no correction does; weighted `letterWeight` against the words.
 */
export function messageFeatures(tokens: readonly string[], words: readonly string[], letterWeight: number): Features {
    const features = new Map<string, number>();
    const distinct = new Set(tokens);
    const wordWeight = distinct.size > 0 ? 1 / Math.sqrt(distinct.size) : 0;
    for (const token of distinct) features.set(`w:${token}`, wordWeight);
    for (let i = 0; i + 1 < tokens.length; i++) features.set(`b:${tokens[i]} ${tokens[i + 1]}`, wordWeight / 2);
    const grams = new Set(gramsOf(words));
    const gramWeight = grams.size > 0 ? letterWeight / Math.sqrt(grams.size) : 0;
    for (const gram of grams) features.set(`c:${gram}`, gramWeight);
    return features;
}

/** The letter groups of 3 and 4 inside each word, padded with < and > (as Rasa's char_wb), repeats kept. */
export function gramsOf(words: readonly string[]): string[] {
    const grams: string[] = [];
    for (const word of words) {
        const padded = `<${word}>`;
        for (const size of [3, 4]) for (let i = 0; i + size <= padded.length; i++) grams.push(padded.slice(i, i + size));
    }
    return grams;
}
