import type { Question } from './content';
import { LANGUAGES, type Translator } from './i18n';
import { PhraseBook } from './phrases';
import { words } from './text';

/** The answer id that means "I'm not sure": it explains the question and asks it again. */
export const UNSURE = 'unsure';

/**
 * Reads a typed or tapped answer to a Question: the choice number, a button label in either language
 * (accents optional), or a yes/no word or short sentence ("yep", "pas encore", "oui j'habite à Paris").
 */
export class AnswerReader {
    private readonly labels = new Map<string, Map<string, string>>();

    constructor(
        private readonly translator: Translator,
        private readonly vocabulary: PhraseBook = PhraseBook.fromNamespace(translator, 'answers'),
    ) {}

    /** The id of the answer, or undefined when the message does not answer the question unambiguously. */
    read(question: Question, text: string): string | undefined {
        const folded = words(text).join(' ');
        if (folded.length === 0) return undefined;

        const number = /^\d{1,2}$/.test(folded) ? Number(folded) : Number.NaN;
        if (number >= 1 && number <= question.choices.length) return question.choices[number - 1]?.id;

        const byLabel = this.labelsOf(question).get(folded);
        if (byLabel) return byLabel;

        const allowed = new Set(question.choices.map((c) => c.id));
        if (question.explainKey) allowed.add(UNSURE);
        const found = this.vocabulary.scan(text, allowed);
        if (found.size === 1) return [...found][0];
        return Object.entries(question.combinations ?? {}).find(
            ([, parts]) => parts.length === found.size && parts.every((part) => found.has(part)),
        )?.[0];
    }

    private labelsOf(question: Question): Map<string, string> {
        const cacheKey = question.choices.map((c) => c.labelKey).join('|');
        let table = this.labels.get(cacheKey);
        if (!table) {
            table = new Map();
            for (const language of LANGUAGES) {
                for (const c of question.choices) table.set(words(this.translator.t(language, c.labelKey)).join(' '), c.id);
            }
            this.labels.set(cacheKey, table);
        }
        return table;
    }
}
