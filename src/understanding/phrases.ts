import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { typedWords, words } from './text';

/**
 * Vocabulary of short answers and commands, from both languages at once: a French speaker who types
 * "oui" in an English conversation is still understood. Built once at start-up.
 */
export class PhraseBook {
    /** Folded whole message → id, for commands that must be the whole message. */
    private readonly whole = new Map<string, string>();

    constructor(entries: Iterable<[id: string, phrases: readonly string[]]>) {
        for (const [id, list] of entries) {
            for (const phrase of list) {
                const tokens = words(phrase);
                // "?" alone (help) has no words: it is kept as the whole message it is.
                if (tokens.length === 0 && /^\s*\?+\s*$/.test(phrase)) this.whole.set('?', id);
                if (tokens.length === 0) continue;
                const key = tokens.join(' ');
                if (!this.whole.has(key)) this.whole.set(key, id);
            }
        }
    }

    /** Builds a book from a locales namespace whose keys are ids and values are phrase lists, in both languages. */
    static fromNamespace(translator: Translator, namespace: string): PhraseBook {
        const entries: [string, string[]][] = [];
        for (const language of LANGUAGES) {
            const table = translator.bundle<Record<string, string[]>>(language, namespace) ?? {};
            for (const [id, list] of Object.entries(table)) entries.push([id, list]);
        }
        return new PhraseBook(entries);
    }

    /** The id whose phrase is the whole message (punctuation and case aside, and letters held down: "helppp", « ouiii »). */
    matchWhole(text: string): string | undefined {
        return this.whole.get(typedWords(text).join(' ')) ?? (/^\s*\?+\s*$/.test(text) ? this.whole.get('?') : undefined);
    }
}
