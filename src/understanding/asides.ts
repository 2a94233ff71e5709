import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { fold, words } from './text';

/** Letters and what may stand between a phrase's words: spaces, apostrophes, hyphens, a ";" as in "tl;dr". */
const BETWEEN_WORDS = "[\\s'’‘;-]+";
/** Where a phrase takes any number ("in {{number}} sentences max"): figures are not written in locales. */
const NUMBER_SLOT = '{{number}}';

/** The lists of `context.json` whose phrases are said beside the question. */
interface AsideLists {
    styleAsks?: string[];
    asides?: string[];
}

/**
 * Words said beside the question, which say nothing about what is asked and beside a short question outweigh it:
 * how someone wants the answer said ("short answer pls:", "in plain english", « en deux mots », « oui ou non »;
 * `styleAsks`, and the answers are short already), chat markers ("ngl", "lowkey", « tsé ») and saying one does not
 * know ("no clue", « aucune idée »; `asides`). The question is read without them.
 */
export class Asides {
    private readonly patterns: readonly RegExp[];

    constructor(translator: Translator) {
        const phrases = LANGUAGES.flatMap((language) => {
            const lists = translator.bundle<AsideLists>(language, 'context');
            return [...(lists?.styleAsks ?? []), ...(lists?.asides ?? [])];
        })
            .map((phrase) => phrase.split(NUMBER_SLOT).flatMap((part, at) => [...(at > 0 ? ['\\d+'] : []), ...words(part).map(foldedWord)]))
            .filter((pieces) => pieces.length > 0)
            .sort((a, b) => b.length - a.length);
        this.patterns = phrases.map((pieces) => new RegExp(`(?<![\\p{L}\\p{N}])${pieces.join(BETWEEN_WORDS)}(?![\\p{L}\\p{N}])`, 'giu'));
    }

    /** The message without the words said aside; undefined when it has none, or nothing else. */
    without(text: string): string | undefined {
        let rest = text.normalize('NFD');
        for (const pattern of this.patterns) rest = rest.replace(pattern, ' ');
        rest = rest.normalize('NFC').replace(/\s+/gu, ' ').trim();
        return rest !== text.normalize('NFC').trim() && words(rest).length > 0 ? rest : undefined;
    }
}

/** A folded word as a pattern that also finds it typed with accents and capitals ("résumé" for "resume"). */
function foldedWord(word: string): string {
    return [...fold(word)].map((letter) => `${letter.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\p{M}*`).join('');
}
