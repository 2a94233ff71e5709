import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { words } from './text';

/** The lists of `context.json` with which people say who they are. */
interface IntroductionLists {
    introductions?: { before?: string[]; after?: string[] };
}

/** At most so many words in a name someone gives ("Nguyen Thi Lan"). */
const NAME_WORDS = 3;
/** A name as typed: a capital, then a small letter ("Gabriel", "McKenzie"; not "PR", "CSQ", "urgent"). */
const NAME = /^\p{Lu}\p{Ll}/u;
/** The words of a message as typed, one for each of `words` (letters with their accents, digits, "+"). */
const TYPED_WORD_BREAK = /[^\p{L}\p{M}\p{N}+]+/u;

/**
 * Someone saying who they are and nothing else ("Hi there :) Gabriel here", "hello it's Maria", « allo, moi c'est
 * Gabriel »): a greeting. A name is no word the bot knows, and read as one ("Maria" near « mari ») it would answer
 * what no one asked. Only a name typed with its capital is taken for one: "it's urgent" says something else. The
 * name is not kept.
 */
export class SelfIntroductions {
    private readonly before: readonly string[][];
    private readonly after: readonly string[][];

    /** `openers`: the greetings that may come first, as folded words, longest first. */
    constructor(
        translator: Translator,
        private readonly openers: readonly (readonly string[])[],
    ) {
        const lists = LANGUAGES.map((language) => translator.bundle<IntroductionLists>(language, 'context')?.introductions);
        this.before = lists.flatMap((list) => list?.before ?? []).map((phrase) => words(phrase));
        this.after = lists.flatMap((list) => list?.after ?? []).map((phrase) => words(phrase));
    }

    /** Whether the message only says the writer's name, after a greeting or not. */
    isIntroduction(text: string): boolean {
        const tokens = words(text);
        const typed = text
            .normalize('NFC')
            .split(TYPED_WORD_BREAK)
            .filter((word) => word.length > 0);
        if (typed.length !== tokens.length) return false;
        const opener = this.openers.find((phrase) => startsWith(tokens, phrase));
        const start = opener?.length ?? 0;
        const [rest, typedRest] = [tokens.slice(start), typed.slice(start)];
        return (
            this.before.some((phrase) => startsWith(rest, phrase) && isName(typedRest.slice(phrase.length))) ||
            this.after.some((phrase) => endsWith(rest, phrase) && isName(typedRest.slice(0, rest.length - phrase.length)))
        );
    }
}

function startsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
    return phrase.length > 0 && phrase.every((word, at) => tokens[at] === word);
}

function endsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
    return tokens.length >= phrase.length && startsWith(tokens.slice(tokens.length - phrase.length), phrase);
}

function isName(typed: readonly string[]): boolean {
    return typed.length > 0 && typed.length <= NAME_WORDS && typed.every((word) => NAME.test(word));
}
