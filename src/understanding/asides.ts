import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { phrasePattern, words } from './text';

/** The lists of `context.json` whose phrases are said beside the question. */
interface AsideLists {
    styleAsks?: string[];
    asides?: string[];
}

/**
 * Words said beside the question, which say nothing about what is asked and beside a short question outweigh it:
 * how someone wants the answer said ("short answer pls:", "in plain english", « en deux mots », « oui ou non »;
 * `styleAsks`, and the answers are short already), chat markers ("ngl", "lowkey", « tsé »), saying one does not
 * know ("no clue", « aucune idée ») and hedging what one believes ("I guess", « je pense »; `asides`). The question is
 * read without them.
 */
export class Asides {
    private readonly patterns: readonly RegExp[];

    constructor(translator: Translator) {
        this.patterns = LANGUAGES.flatMap((language) => {
            const lists = translator.bundle<AsideLists>(language, 'context');
            return [...(lists?.styleAsks ?? []), ...(lists?.asides ?? [])];
        })
            // Longest first: "short answer please" before "short answer".
            .sort((a, b) => words(b).length - words(a).length)
            .flatMap((phrase) => phrasePattern(phrase, 'giu') ?? []);
    }

    /** The message without the words said aside; undefined when it has none, or nothing else. */
    without(text: string): string | undefined {
        let rest = text.normalize('NFD');
        for (const pattern of this.patterns) rest = rest.replace(pattern, ' ');
        rest = rest.normalize('NFC').replace(/\s+/gu, ' ').trim();
        return rest !== text.normalize('NFC').trim() && words(rest).length > 0 ? rest : undefined;
    }
}
