import type { TextAnalyzer } from './analyzer';
import type { Features } from './topicClassifier';

/**
 * What the trained classifier reads in a message, in three groups each scaled to unit length, as in Rasa's
 * default pipeline (word features beside character n-grams inside word boundaries):
 * - `w:` the analyzer's tokens (concepts, stems, typos corrected);
 * - `b:` pairs of neighbouring tokens, at half weight ("@spouse @work" is not "@work @permit");
 * - `c:` letter groups of 3 and 4 inside each word as typed, padded with < and >, which still match "documnts" or
 *   "linvitation" when no correction does; weighted `letterWeight` against the words.
 */
export function messageFeatures(analyzer: TextAnalyzer, text: string, known: boolean, letterWeight: number): Features {
    const features = new Map<string, number>();
    const tokens = known ? analyzer.analyzeKnown(text) : analyzer.analyze(text);
    const distinct = new Set(tokens);
    const wordWeight = distinct.size > 0 ? 1 / Math.sqrt(distinct.size) : 0;
    for (const token of distinct) features.set(`w:${token}`, wordWeight);
    for (let i = 0; i + 1 < tokens.length; i++) features.set(`b:${tokens[i]} ${tokens[i + 1]}`, wordWeight / 2);
    const grams = new Set<string>();
    for (const word of analyzer.keptWords(text)) {
        const padded = `<${word}>`;
        for (let size = 3; size <= 4; size++) for (let i = 0; i + size <= padded.length; i++) grams.add(padded.slice(i, i + size));
    }
    const gramWeight = grams.size > 0 ? letterWeight / Math.sqrt(grams.size) : 0;
    for (const gram of grams) features.set(`c:${gram}`, gramWeight);
    return features;
}
