import { fold } from '../text';
import { boundedEditDistance } from './editDistance';
import { FILLER_PHRASES, FILLER_WORDS, LETTER_NAMES, NOT_TYPOS, PHRASE_CONCEPTS, SPELLINGS, STOP_WORDS, WORD_CONCEPTS } from './lexicon';
import { stem } from './stemmer';

/** Concept tokens from the lexicon start with this character; they are never stemmed or corrected. */
const CONCEPT_PREFIX = '@';

/**
 * Folds and cuts a message into plain words: no accents, elisions split ("l'ontario" → "l ontario"),
 * other apostrophes and hyphens become spaces ("what's" → "what s", "grands-parents" → "grands parents").
 * Keeps "+" (IMP+) and "$".
 */
function rawWords(text: string): string[] {
    // "où" (where) folds to "ou" (or); keep its meaning by naming it before the accents go.
    return (
        fold(text.replace(/(?<!\p{L})où(?!\p{L})/giu, 'where'))
            .replace(/\b([cdjlmnst]|qu)'/g, '$1 ')
            // Spoken Quebec French drops the apostrophe: "jpeux", "jreste", "jsuis".
            .replace(/\bj(?=[bcdfghklmnpqrstvwxz][aeiouy])/g, 'j ')
            .replace(/imp\s*\+|pmi\s*\+/g, (m) => m.replace(/\s+/g, ''))
            .replace(/\+(?=\p{L})/gu, '+ ')
            .replace(/[^\p{L}\p{N}+$]+/gu, ' ')
            .split(' ')
            .filter((w) => w.length > 0)
    );
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface PhraseRule {
    phrase: string;
    pattern: RegExp;
    replacement: string;
}

/** Longest phrases first, so "permis de travail ouvert" wins over "permis de travail". */
const PHRASES = Object.keys(PHRASE_CONCEPTS).sort((a, b) => b.length - a.length || a.localeCompare(b));

const PHRASE_RULES: readonly PhraseRule[] = PHRASES.map((phrase) => ({
    phrase,
    pattern: new RegExp(`(?<=^| )${escapeRegExp(phrase)}(?= |$)`, 'g'),
    replacement: PHRASE_CONCEPTS[phrase] as string,
}));

/**
 * The rules (by position in PHRASE_RULES) that start with each word. A text only needs the rules of its own
 * words, and of the plain words a replacement can bring in ("quebec city" → "quebec"): the same result as
 * trying every rule, at a cost that no longer grows with the lexicon.
 */
const RULES_BY_FIRST_WORD = new Map<string, number[]>();
for (const [index, phrase] of PHRASES.entries()) {
    const first = phrase.split(' ')[0] as string;
    RULES_BY_FIRST_WORD.set(first, [...(RULES_BY_FIRST_WORD.get(first) ?? []), index]);
}
/** The rules that start with a plain word some replacement brings in: every text may need them. */
const RULES_REPLACEMENTS_BRING: readonly number[] = [
    ...new Set(
        Object.values(PHRASE_CONCEPTS)
            .flatMap((replacement) => replacement.split(' '))
            .filter((word) => word.length > 0 && !word.startsWith(CONCEPT_PREFIX))
            .flatMap((word) => RULES_BY_FIRST_WORD.get(word) ?? []),
    ),
];

function phraseRulesFor(words: readonly string[]): PhraseRule[] {
    const indexes = new Set<number>(RULES_REPLACEMENTS_BRING);
    for (const word of words) for (const index of RULES_BY_FIRST_WORD.get(word) ?? []) indexes.add(index);
    return [...indexes].sort((a, b) => a - b).map((index) => PHRASE_RULES[index] as PhraseRule);
}

const FOLDED_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS].map((w) => fold(w)));

/** Word pieces shorter than this are stop words ("de") or fragments ("capitale" is not "cap" "ita" "le"). */
const MIN_CONTENT_PIECE = 4;

/**
 * Pieces of a glued word that read as words typed together: each of them a word of four letters or more, but for one
 * stop word ("permis" "de" "travail"), or a known phrase ("how" "much"). Any word can be cut into short known
 * pieces (« salaire »: "sa" "lai" "re"; « italien »: "ita" "lien"), which would put the domain's acronyms into
 * everyday words.
 */
function plausibleParts(parts: readonly string[]): boolean {
    if (PHRASE_CONCEPTS[parts.join(' ')] !== undefined) return true;
    const short = parts.filter((part) => part.length < MIN_CONTENT_PIECE);
    return short.length <= 1 && short.every((part) => FOLDED_STOP_WORDS.has(part));
}

/** The concept of a word, trying its singular too ("conjointes" → "conjointe"). */
function conceptOf(word: string): string | undefined {
    const direct = WORD_CONCEPTS[word];
    if (direct !== undefined) return direct;
    if (word.length > 4 && /[sx]$/.test(word)) return WORD_CONCEPTS[word.slice(0, -1)];
    return undefined;
}

/** French elided words that a message typed without apostrophes glues to the next one. */
const ELIDED = ['qu', 'l', 'd', 'j', 'n', 's', 'c', 'm', 't'];

/** A single letter, or a letter's name as dictation writes it (« cé », "ess"). */
const letterOf = (word: string): string | undefined => (/^\p{L}$/u.test(word) ? word : LETTER_NAMES[word]);

/**
 * An acronym the lexicon knows, typed in two pieces ("ram q", "mi fi"): neither piece means anything to it, nor is a
 * stop word (« est à » is no "ESTA").
 */
const MAX_ACRONYM_LETTERS = 5;
const isSplitAcronym = (word: string, next: string): boolean =>
    word.length + next.length <= MAX_ACRONYM_LETTERS &&
    conceptOf(word + next) !== undefined &&
    [word, next].every((piece) => conceptOf(piece) === undefined && !FOLDED_STOP_WORDS.has(piece));

/** A glued word is read as at most three known words of two letters or more ("permis" "de" "travail"). */
const MAX_SPLIT_PARTS = 3;
const MIN_SPLIT_PART = 2;

/** Fewer letters spelt one by one are words ("y a", « j'y »), not an acronym. */
const MIN_SPELLED_LETTERS = 3;

/** Swapped letters are forgiven from this length on, the first letter kept. */
const SWAP_MIN_LETTERS = 4;

/**
 * A word the samples hold this many times or fewer may be one of their typos ("requirments"): when it is a word of
 * the lexicon with one letter missing, it reads as that word.
 */
const RARE_KNOWN_WORD = 3;
const MIN_RESTORED_LETTERS = 6;
/** Words the lexicon itself writes (in its phrases, fillers and spellings) are never typos. */
const LEXICON_WORDS: ReadonlySet<string> = new Set(
    [...Object.keys(PHRASE_CONCEPTS), ...FILLER_PHRASES, ...FILLER_WORDS, ...Object.keys(SPELLINGS)].flatMap((phrase) => phrase.split(' ')),
);

/** How many typos we forgive: none in words of 4 letters or fewer (too many false friends: rent → rend), one up to 7, then two. */
function typoBudget(word: string): number {
    if (word.length <= 4) return 0;
    return word.length <= 7 ? 1 : 2;
}

const VOWELS = new Set('aeiouy');
/** Two words of one length that differ in a single letter, a vowel in both ("documants", "documents"). */
function oneVowelApart(a: string, b: string): boolean {
    let differing = -1;
    for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i]) continue;
        if (differing >= 0) return false;
        differing = i;
    }
    return differing >= 0 && VOWELS.has(a[differing] as string) && VOWELS.has(b[differing] as string);
}

/** The tokens of a text cut into plain words: short forms spelt out, phrases and words read as concepts, the rest stemmed. */
function tokensOf(typed: readonly string[]): string[] {
    const plainWords = typed.map((word) => SPELLINGS[word] ?? word).filter((word) => !FILLER_WORDS.has(word));
    let text = ` ${plainWords.join(' ')} `;
    for (const filler of FILLER_PHRASES) if (text.includes(filler)) text = text.replaceAll(` ${filler} `, ' ');
    text = text.trim();
    for (const rule of phraseRulesFor(plainWords)) {
        // Most rules a text's words call up are not in it: a plain search first is cheaper than the pattern.
        if (text.includes(rule.phrase)) text = text.replace(rule.pattern, rule.replacement);
    }
    const tokens: string[] = [];
    for (const word of text.split(' ')) {
        if (word.length === 0) continue;
        if (word.startsWith(CONCEPT_PREFIX)) {
            tokens.push(word);
        } else if (!FOLDED_STOP_WORDS.has(word)) {
            const concept = conceptOf(word);
            // An empty concept marks a word the lexicon deliberately drops ("currently").
            if (concept !== '') tokens.push(concept ?? stem(word));
        }
    }
    return tokens;
}

/** A known text as the matchers read it: its tokens, and its plain words that carry meaning (for letter groups). */
export interface KnownReading {
    tokens: string[];
    words: string[];
}

/** The plain words of a text that carry meaning (stop words left out), as typed. */
function meaningfulWords(plain: readonly string[]): string[] {
    return plain.filter((word) => !FOLDED_STOP_WORDS.has(word));
}

function readingOf(plain: readonly string[]): KnownReading {
    return { tokens: tokensOf(plain), words: meaningfulWords(plain) };
}

/** A known, well-written text (samples, labels) as the matchers read it: no typo correction. */
export function readKnown(text: string): KnownReading {
    return readingOf(rawWords(text));
}

/** The analyzer's known words: every plain word of the known texts and the lexicon, how often each occurs, and their stems. */
export class Vocabulary {
    private constructor(
        readonly counts: ReadonlyMap<string, number>,
        readonly stems: ReadonlySet<string>,
    ) {}

    /** As `learn` found them before (kept on disk between starts: see knownTexts.ts). */
    static restore(counts: Iterable<readonly [string, number]>, stems: Iterable<string>): Vocabulary {
        return new Vocabulary(new Map(counts), new Set(stems));
    }

    /** The vocabulary of `knownTexts`, and the reading of each of `read` (which are known texts too), each cut into words once. */
    static learn(read: readonly string[], knownTexts: Iterable<string> = []): { vocabulary: Vocabulary; readings: KnownReading[] } {
        const counts = new Map<string, number>();
        const add = (word: string): void => {
            if (/^\d+$/.test(word)) return;
            counts.set(word, (counts.get(word) ?? 0) + 1);
        };
        const readings = read.map((text) => {
            const plain = rawWords(text);
            plain.forEach(add);
            return readingOf(plain);
        });
        for (const text of knownTexts) rawWords(text).forEach(add);
        for (const phrase of Object.keys(PHRASE_CONCEPTS)) phrase.split(' ').forEach(add);
        // A filler's words are known, or "croise" in « je croise les doigts » would be corrected away from its phrase.
        for (const phrase of FILLER_PHRASES) phrase.split(' ').forEach(add);
        for (const word of FILLER_WORDS) add(word);
        for (const word of Object.keys(WORD_CONCEPTS)) add(word);
        for (const word of Object.keys(SPELLINGS)) add(word);
        for (const word of FOLDED_STOP_WORDS) add(word);
        const stems = new Set<string>();
        for (const word of counts.keys()) stems.add(stem(word));
        return { vocabulary: new Vocabulary(counts, stems), readings };
    }
}

/**
 * Turns text into the tokens the matchers compare: concepts for the domain vocabulary, light stems for the
 * rest, without stop words. Words it has never seen are first corrected to the closest known word
 * (typo tolerance), using a vocabulary built once from the knowledge base and the lexicon.
 */
export class TextAnalyzer {
    /** Known plain words and how often they occur, to prefer the common word when two corrections tie. */
    private readonly vocabulary: ReadonlyMap<string, number>;
    /** Known words grouped by length, so a correction only scans words of a compatible length. */
    private readonly vocabularyByLength = new Map<number, string[]>();
    /** Stems of the known words: an unknown inflection of a known word ("starting") needs no correction. */
    private readonly knownStems: ReadonlySet<string>;

    /** `known`: the texts whose words it knows, or their vocabulary already learnt. */
    constructor(known: Vocabulary | Iterable<string>) {
        const { counts, stems } = known instanceof Vocabulary ? known : Vocabulary.learn([], known).vocabulary;
        this.vocabulary = counts;
        this.knownStems = stems;
        for (const word of [...counts.keys()].sort()) {
            const bucket = this.vocabularyByLength.get(word.length) ?? [];
            bucket.push(word);
            this.vocabularyByLength.set(word.length, bucket);
        }
    }

    /** The plain words of a text that carry meaning (stop words left out), as typed: for character n-grams. */
    keptWords(text: string): string[] {
        return meaningfulWords(this.spelledOut(rawWords(text)));
    }

    /** Tokens of a known, well-written text (samples, labels): no typo correction. */
    analyzeKnown(text: string): string[] {
        return tokensOf(rawWords(text));
    }

    /**
     * Tokens of a user message: words split in two joined ("bio metrics"), glued elisions split ("linvitation"),
     * then unknown words corrected, or else split into the known words they glue ("workpermit").
     */
    analyze(text: string): string[] {
        return tokensOf(
            this.rejoin(this.spelledOut(rawWords(text)))
                .flatMap((word) => this.unglue(word))
                .flatMap((word) => {
                    // A near known word first ("televers" → « televerse »), then the words it may glue ("workpermit").
                    const corrected = this.correct(word);
                    return corrected === word ? this.split(word) : [corrected];
                }),
        );
    }

    /**
     * Letters dictated or typed one by one ("L M I A", "I R C C", « E I M T »): a run of three or more single letters
     * that together make a known word is read as that word. Only known words, so « j'y a » stays three words.
     */
    spelledOut(words: readonly string[]): string[] {
        const read: string[] = [];
        for (let i = 0; i < words.length; ) {
            let last = i;
            while (last < words.length && letterOf(words[last] as string) !== undefined) last++;
            // The longest run that spells something: « cé ès cu c'est » spells "CSQ" before the « c » of « c'est ».
            let end = last;
            while (end - i >= MIN_SPELLED_LETTERS && !this.spells(words.slice(i, end))) end--;
            if (end - i >= MIN_SPELLED_LETTERS) {
                read.push(words.slice(i, end).map(letterOf).join(''));
                i = end;
            } else {
                read.push(words[i] as string);
                i++;
            }
        }
        return read;
    }

    /** Only letters may spell any known word; a letter's name makes the run an acronym the lexicon knows. */
    private spells(run: readonly string[]): boolean {
        const glued = run.map(letterOf).join('');
        return run.every((word) => word.length === 1) ? this.knowsWhole(glued) : conceptOf(glued) !== undefined;
    }

    /** A word of the samples, or one the lexicon reads as a concept ("ramq", "mifi"). */
    private knowsWhole(word: string): boolean {
        return this.vocabulary.has(word) || conceptOf(word) !== undefined;
    }

    /**
     * Two neighbours that make a known word together: one of them unknown ("bio metrics"), or both short pieces of an
     * acronym the lexicon knows, as dictation splits it (« la ram Q », « mi fi »).
     */
    rejoin(words: readonly string[]): string[] {
        const joined: string[] = [];
        for (let i = 0; i < words.length; i++) {
            const word = words[i] as string;
            const next = words[i + 1];
            const split = next !== undefined && (!this.isKnown(word) || !this.isKnown(next) || isSplitAcronym(word, next));
            if (next !== undefined && split && this.knowsWhole(word + next)) {
                joined.push(word + next);
                i++;
            } else joined.push(word);
        }
        return joined;
    }

    /**
     * An unknown word typed without its spaces ("workpermit", « permisdetravail »): the known words it is made of,
     * when they read as words typed together (`plausibleParts`).
     */
    split(word: string): string[] {
        if (word.length < 6 || this.isKnown(word)) return [word];
        const parts = this.knownParts(word, MAX_SPLIT_PARTS);
        return parts !== undefined && plausibleParts(parts) ? parts : [word];
    }

    private knownParts(word: string, parts: number): string[] | undefined {
        if (this.vocabulary.has(word)) return [word];
        if (parts === 1) return undefined;
        for (let cut = word.length - MIN_SPLIT_PART; cut >= MIN_SPLIT_PART; cut--) {
            const head = word.slice(0, cut);
            if (!this.vocabulary.has(head)) continue;
            const rest = this.knownParts(word.slice(cut), parts - 1);
            if (rest) return [head, ...rest];
        }
        return undefined;
    }

    private isKnown(word: string): boolean {
        return this.vocabulary.has(word) || this.knownStems.has(stem(word)) || /\d/.test(word);
    }

    /**
     * French typed without apostrophes glues the elided article to the word: "linvitation", "detudes",
     * "jhabite", "quil". An unknown word that is a known word once its first letter (or "qu") is split off
     * is read as the two.
     */
    unglue(word: string): string[] {
        if (word.length < 5) return [word];
        // A glued form seen in a sample ("linvitation") is still the domain word it glues ("invitation").
        const known = this.vocabulary.has(word) || this.knownStems.has(stem(word));
        if (known && conceptOf(word) !== undefined) return [word];
        for (const prefix of ELIDED) {
            if (!word.startsWith(prefix)) continue;
            const rest = word.slice(prefix.length);
            // French elides only before a vowel or a mute h ("scool" is not « s'cool »), but for « je », which Quebec
            // speech and texting elide everywhere (« jprepare », « jveux »).
            if (rest.length < 4 || (prefix !== 'j' && !/^[aeiouyh]/.test(rest))) continue;
            // « couvert » is a word, not « c'ouvert »: c' only elides before « est ».
            if (known ? prefix !== 'c' && conceptOf(rest) !== undefined : this.vocabulary.has(rest) || this.knownStems.has(stem(rest)))
                return [prefix, rest];
        }
        return [word];
    }

    /** The closest known word within the typo budget, or the word itself. */
    correct(word: string): string {
        if (/\d/.test(word) || NOT_TYPOS.has(word)) return word;
        if (this.vocabulary.has(word)) return this.lexiconWordOfTypo(word) ?? word;
        const unstretched = this.unstretched(word);
        if (unstretched !== undefined) return unstretched;
        // An unknown inflection of a known word ("starting") needs no correction, unless it is one letter from a
        // word the lexicon names: "procesing" shares its stem with "process", but means "processing".
        const inflection = this.knownStems.has(stem(word));
        if (inflection && conceptOf(word) !== undefined) return word;
        const budget = inflection ? Math.min(1, typoBudget(word)) : typoBudget(word);
        if (budget === 0) return inflection ? word : (this.unswapped(word) ?? word);
        let best: string | undefined;
        let bestDistance = budget + 1;
        let bestFrequency = 0;
        for (let length = word.length - budget; length <= word.length + budget; length++) {
            for (const candidate of this.vocabularyByLength.get(length) ?? []) {
                // Typos rarely hit the first letter; requiring it avoids "wife" → "life"-style swaps of meaning.
                if (candidate[0] !== word[0] || candidate.length < 4) continue;
                // A short target only takes one edit: "wiffe" → "wife", but not "resident" → "resto".
                const allowed = Math.min(budget, Math.max(1, typoBudget(candidate)));
                const distance = boundedEditDistance(word, candidate, allowed);
                if (distance > allowed) continue;
                if (inflection && conceptOf(candidate) === undefined) continue;
                const frequency = this.vocabulary.get(candidate) ?? 0;
                if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
                    best = candidate;
                    bestDistance = distance;
                    bestFrequency = frequency;
                }
            }
        }
        return best ?? word;
    }

    /**
     * The lexicon word that a rare known word is with one letter put back ("requirments" → "requirements") or one vowel
     * written as heard ("documants" → "documents"). Other letters are left: "regler" is not « règles », nor "matters" "masters".
     */
    private lexiconWordOfTypo(word: string): string | undefined {
        if (word.length < MIN_RESTORED_LETTERS || (this.vocabulary.get(word) ?? 0) > RARE_KNOWN_WORD) return undefined;
        if (conceptOf(word) !== undefined || LEXICON_WORDS.has(word)) return undefined;
        let best: string | undefined;
        let bestFrequency = this.vocabulary.get(word) ?? 0;
        for (const length of [word.length, word.length + 1]) {
            for (const candidate of this.vocabularyByLength.get(length) ?? []) {
                if (candidate[0] !== word[0] || conceptOf(candidate) === undefined) continue;
                if (length === word.length && !oneVowelApart(word, candidate)) continue;
                const frequency = this.vocabulary.get(candidate) ?? 0;
                if (frequency > bestFrequency && boundedEditDistance(word, candidate, 1) <= 1) {
                    best = candidate;
                    bestFrequency = frequency;
                }
            }
        }
        return best;
    }

    /**
     * A letter held down for emphasis ("heyy", "feee", "merciii", "pleaseee"): the known word under it. A run of
     * three or more becomes two, else one; a doubled last letter, one.
     */
    private unstretched(word: string): string | undefined {
        const forms = [word.replace(/(\p{L})\1{2,}/gu, '$1$1'), word.replace(/(\p{L})\1{2,}/gu, '$1'), word.replace(/(\p{L})\1$/u, '$1')];
        return forms.find((form) => form !== word && this.vocabulary.has(form));
    }

    /**
     * A short word with two neighbouring letters swapped ("wrok", "tiem", "lmai"): the known word it becomes,
     * if exactly one. Other edits of short words are left alone (too many false friends: rent → rend).
     */
    private unswapped(word: string): string | undefined {
        if (word.length < SWAP_MIN_LETTERS) return undefined;
        const found = new Set<string>();
        for (let i = 1; i < word.length - 1; i++) {
            const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
            if (swapped !== word && this.vocabulary.has(swapped)) found.add(swapped);
        }
        return found.size === 1 ? [...found][0] : undefined;
    }
}
