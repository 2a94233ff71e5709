import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { phrasePattern, words } from './text';

/** The lists of `context.json` whose phrases are said beside the question. */
interface AsideLists {
    styleAsks?: string[];
    asides?: string[];
}

/**
 * What is said in brackets or between two dashes after a space, on one line ("…in Ottawa (temporarily — my wife's
 * contract ends in the fall); does that affect…", « Le permis ouvert — celui pour les gens qui ont un CSQ — est valide
 * combien de temps? »), the words captured. Not brackets that close a word ("R200(1)(b)", « invité(e) »), nor the
 * hyphens of a list.
 */
const BRACKETED = [/(?<=^|\s)\(([^()\n]*)\)/gu, /(?<=\s)[—–]\s([^—–\n]*?)\s[—–](?=\s)/gu];

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
        return withoutAll(text, this.patterns);
    }

    /** The message without what it says in brackets or between dashes; undefined when it has none, or nothing else. */
    unbracketed(text: string): string | undefined {
        return withoutAll(text, BRACKETED);
    }

    /** What the message says in brackets or between dashes, each as a clause of its own ("(not IMP+)": "not IMP+"). */
    inBrackets(text: string): string[] {
        return BRACKETED.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
    }
}

/** The text without what the patterns match, its spaces joined; undefined when none matched, or nothing else is left. */
function withoutAll(text: string, patterns: readonly RegExp[]): string | undefined {
    const original = text.normalize('NFD');
    let rest = original;
    for (const pattern of patterns) rest = rest.replace(pattern, ' ');
    if (rest === original) return undefined;
    rest = rest.normalize('NFC').replace(/\s+/gu, ' ').trim();
    return words(rest).length > 0 ? rest : undefined;
}
