import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { words } from './text';

/** The lists of `context.json` with which people say who they are. */
interface IntroductionLists {
    introductions?: { before?: string[]; after?: string[]; from?: string[] };
}

/** At most so many words in a name someone gives ("Nguyen Thi Lan"). */
const NAME_WORDS = 3;
/** At most so many words in where someone says they write from ("the fish plant in Matane"). */
const PLACE_WORDS = 5;
/** A question mark, or a clause after the greeting's ("Hi from Sherbrooke, how much is it"). */
const ASKS_OR_GOES_ON = /[?,;:]/u;
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
    private readonly from: readonly string[][];

    /**
     * `openers`: the greetings (and fillers: "ok", « ben ») that may come first, as folded words, longest first;
     * `questionStarts`: the words that start a question, which no place name holds; `greets`: whether an opener is a
     * greeting ("hi", not « ok » before « d'accord »).
     */
    constructor(
        translator: Translator,
        private readonly openers: readonly (readonly string[])[],
        private readonly questionStarts: ReadonlySet<string>,
        private readonly greets: (opener: string) => boolean,
    ) {
        const lists = LANGUAGES.map((language) => translator.bundle<IntroductionLists>(language, 'context')?.introductions);
        this.before = lists.flatMap((list) => list?.before ?? []).map((phrase) => words(phrase));
        this.after = lists.flatMap((list) => list?.after ?? []).map((phrase) => words(phrase));
        this.from = lists.flatMap((list) => list?.from ?? []).map((phrase) => words(phrase));
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
            this.after.some((phrase) => endsWith(rest, phrase) && isName(typedRest.slice(0, rest.length - phrase.length))) ||
            (opener !== undefined && this.greets(opener.join(' ')) && !ASKS_OR_GOES_ON.test(text) && this.saysWhereFrom(rest))
        );
    }

    /**
     * "Hi from Sherbrooke!", « Salut de la ferme! »: after a greeting, where the writer is, and nothing else. Read as a
     * question, the place leans to one ("from Sherbrooke": where one applies from).
     */
    private saysWhereFrom(rest: readonly string[]): boolean {
        return this.from.some((phrase) => {
            const place = rest.slice(phrase.length);
            return (
                startsWith(rest, phrase) &&
                place.length > 0 &&
                place.length <= PLACE_WORDS &&
                !place.some((word) => this.questionStarts.has(word))
            );
        });
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
