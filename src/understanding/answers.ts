import type { Question } from '../content/catalog';
import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { typedWords, words } from './text';

/** The answer id that means "I'm not sure": it explains the question and asks it again. */
export const UNSURE = 'unsure';

/**
 * What a message says to a pending question:
 * - an answer, `sure` when the message is the answer (a button, a number, "yes", "pas encore", "PSTQ",
 *   or a sentence that starts with one), not sure when the bot worked it out from a sentence ("I live in
 *   Sherbrooke", "not in Quebec"): questions whose answers count toward a verdict confirm those first;
 * - a reference to another question ("I meant no for the first question"), never applied to this one;
 * - nothing the bot may count: fragments, hopes and waits, questions, contradictions.
 */
export type Reading = { kind: 'answer'; id: string; sure: boolean } | { kind: 'otherQuestion' } | { kind: 'none' };

const NONE: Reading = { kind: 'none' };

/** locales/<lang>/answers.json */
interface Vocabulary {
    phrases: Record<string, string[]>;
    /** Phrases that name an answer loosely ("pilot": there are several): always confirmed. */
    confirm: Record<string, string[]>;
    wholeOnly: Record<string, string[]>;
    /** The plain yes and no words: the only ones that stand for other answers ("no" → no CSQ). */
    bare: Record<'yes' | 'no', string[]>;
    places: Record<string, string[]>;
    negations: string[];
    unclear: string[];
    questions: string[];
    otherQuestion: string[];
}

interface Phrase {
    id: string;
    tokens: string[];
}

interface Hit {
    id: string;
    start: number;
    end: number;
    loose?: boolean;
}

/** Answers that move the conversation rather than state a fact: only as the whole message or its start. */
const LEAD_ONLY = new Set(['back', 'next', 'done', 'resume', 'restart']);
const YES_NO = new Set(['yes', 'no']);

/** Phrases longest first, so "not sure" is read before "sure" and "pas encore" before "pas". */
function phraseList(tables: Iterable<Record<string, string[]>>): Phrase[] {
    const list: Phrase[] = [];
    for (const table of tables) {
        for (const [id, phrases] of Object.entries(table)) {
            for (const phrase of phrases) {
                const tokens = words(phrase);
                if (tokens.length > 0) list.push({ id, tokens });
            }
        }
    }
    return list.sort((a, b) => b.tokens.length - a.tokens.length);
}

function tokenSet(lists: Iterable<string[]>): Phrase[] {
    return phraseList([...lists].map((list) => ({ marker: list })));
}

/** Finds the phrases in the message, longest first and without overlap; `taken` marks the tokens used. */
function scan(tokens: readonly string[], phrases: readonly Phrase[], allowed: (id: string) => boolean, taken: boolean[]): Hit[] {
    const hits: Hit[] = [];
    for (const { id, tokens: phrase } of phrases) {
        if (!allowed(id)) continue;
        for (let start = 0; start + phrase.length <= tokens.length; start++) {
            if (phrase.every((token, i) => !taken[start + i] && tokens[start + i] === token)) {
                for (let i = 0; i < phrase.length; i++) taken[start + i] = true;
                hits.push({ id, start, end: start + phrase.length });
            }
        }
    }
    return hits.sort((a, b) => a.start - b.start);
}

function contains(tokens: readonly string[], taken: readonly boolean[], markers: readonly Phrase[]): boolean {
    const copy = [...taken];
    return scan(tokens, markers, () => true, copy).length > 0;
}

/**
 * Reads a typed or tapped answer to a Question in either language (accents optional). It counts an
 * answer only when the message clearly gives one; everything else is asked again.
 */
export class AnswerReader {
    private readonly labels = new Map<string, Map<string, string>>();
    private readonly phrases: Phrase[];
    private readonly loose: Phrase[];
    private readonly whole = new Map<string, string[]>();
    private readonly wholeLoose = new Map<string, string>();
    private readonly bare = new Set<string>();
    private readonly places: Phrase[];
    private readonly negations: Phrase[];
    private readonly unclear: Phrase[];
    private readonly questionWords: Phrase[];
    private readonly otherQuestion: Phrase[];

    constructor(private readonly translator: Translator) {
        const vocabularies = LANGUAGES.map((language) => translator.bundle<Vocabulary>(language, 'answers') as Vocabulary);
        this.phrases = phraseList(vocabularies.map((v) => v.phrases));
        for (const { id, tokens } of phraseList(vocabularies.flatMap((v) => [v.phrases, v.wholeOnly]))) {
            const key = tokens.join(' ');
            const ids = this.whole.get(key) ?? [];
            if (!ids.includes(id)) ids.push(id);
            this.whole.set(key, ids);
        }
        for (const v of vocabularies) for (const word of [...v.bare.yes, ...v.bare.no]) this.bare.add(words(word).join(' '));
        this.loose = phraseList(vocabularies.map((v) => v.confirm));
        for (const { id, tokens } of this.loose) this.wholeLoose.set(tokens.join(' '), id);
        this.places = phraseList(vocabularies.map((v) => v.places));
        this.negations = tokenSet(vocabularies.map((v) => v.negations));
        this.unclear = tokenSet(vocabularies.map((v) => v.unclear));
        this.questionWords = tokenSet(vocabularies.map((v) => v.questions));
        this.otherQuestion = tokenSet(vocabularies.map((v) => v.otherQuestion));
    }

    /** The choice whose button label (or number) is the whole message: a tap, or typing it out. */
    readLabel(question: Question, text: string): string | undefined {
        const folded = typedWords(text).join(' ');
        const number = /^\d{1,2}$/.test(folded) ? Number(folded) : Number.NaN;
        if (number >= 1 && number <= question.choices.length) return question.choices[number - 1]?.id;
        return this.labelsOf(question).get(folded);
    }

    read(question: Question, text: string): Reading {
        const tokens = typedWords(text);
        if (tokens.length === 0) return NONE;
        const folded = tokens.join(' ');
        const answerOf = (id: string): string | undefined => this.answerId(question, id);

        const asking = /\?\s*$/.test(text);
        const tapped = this.readLabel(question, text);
        if (tapped && (!asking || this.labelAsks(question, tapped))) return sure(tapped);

        const taken = new Array<boolean>(tokens.length).fill(false);
        if (contains(tokens, taken, this.otherQuestion)) return { kind: 'otherQuestion' };
        // A question back ("PSTQ?", "yes?") states nothing, unless it asks what the question means.
        if (asking) return this.readsAsUnsure(question, tokens) ? { kind: 'answer', id: UNSURE, sure: true } : NONE;

        // The whole message is an answer: "yes", "pantoute", "PSTQ", "IT" (alone, never inside a sentence).
        const yesNoQuestion = question.choices.some((c) => YES_NO.has(c.id));
        const wholeIds = [
            ...new Set(
                (this.whole.get(folded) ?? [])
                    .filter((raw) => yesNoQuestion || !YES_NO.has(raw) || this.bare.has(folded))
                    .map(answerOf)
                    .filter((id) => id !== undefined),
            ),
        ];
        if (wholeIds.length === 1) return sure(wholeIds[0]);
        if (wholeIds.length > 1) return NONE;
        const looseWhole = this.wholeLoose.get(folded);
        if (looseWhole && answerOf(looseWhole)) return { kind: 'answer', id: answerOf(looseWhole) as string, sure: false };

        // Where yes and no only stand for other answers (residence, CSQ, PR), a bare "yes"/"no" at the start
        // counts, never a yes/no phrase that says something else ("expired"); on yes/no questions a lone "no" inside a sentence ("applied in
        // March, still no news") does not either. Moving on ("back") is only ever the start of a message.
        const counts = (hit: Hit): boolean => {
            const length = hit.end - hit.start;
            const isBare = this.bare.has(tokens.slice(hit.start, hit.end).join(' '));
            if (YES_NO.has(hit.id)) return yesNoQuestion ? hit.start === 0 || length > 1 : hit.start === 0 && isBare;
            return hit.start === 0 || !LEAD_ONLY.has(hit.id);
        };
        const allHits = scan(tokens, this.phrases, (id) => answerOf(id) !== undefined, taken);
        const phraseHits = allHits.filter(counts);
        // "oui non", "yes and no", "oui... non en fait": a yes and a no together say nothing.
        const saidYesNo = new Set(allHits.filter((hit) => YES_NO.has(hit.id)).map((hit) => hit.id));
        if (saidYesNo.size > 1) return NONE;
        const looseHits = scan(tokens, this.loose, (id) => answerOf(id) !== undefined, taken).map((hit) => ({ ...hit, loose: true }));
        let hits = [...phraseHits, ...looseHits]
            .map((hit) => ({ ...hit, raw: hit.id, id: answerOf(hit.id) as string }))
            .sort((a, b) => a.start - b.start);
        const placeHits = question.places ? this.readPlaces(tokens, taken) : [];
        // "Non, j'habite pas au Québec" to "do you live outside Quebec?": what the sentence says beats the bare
        // yes or no in front of it (people answer the negation), and is confirmed.
        const stated = hits.filter((hit) => !YES_NO.has(hit.raw) || yesNoQuestion);
        if (!yesNoQuestion && hits.length > stated.length && stated.length + placeHits.length > 0) {
            hits = stated.map((hit) => ({ ...hit, loose: true }));
            if (hits.length === 0 && placeHits[0]) hits = [{ ...placeHits[0], raw: placeHits[0].id, loose: true }];
        }
        const id = this.combine(
            question,
            [...hits, ...placeHits].map((hit) => hit.id),
        );
        if (id === undefined) return NONE;
        if (id === UNSURE) return { kind: 'answer', id, sure: true };

        const first = hits[0];
        const leads = first !== undefined && first.start === 0;
        // Hopes, waits, plans and hedges are not answers, except after a plain "no" ("no, still waiting").
        const saysNo = leads && first.raw === 'no';
        if (!saysNo && contains(tokens, taken, this.unclear)) return NONE;
        if (leads && !hits.some((hit) => hit.loose)) return { kind: 'answer', id, sure: true };
        if (!leads && contains(tokens, taken, this.questionWords)) return NONE;
        if (!leads && placeHits.length === 0 && contains(tokens, taken, this.negations)) return NONE;
        return { kind: 'answer', id, sure: !question.confirm };
    }

    /** "Can you explain?", "what does that mean?": the message asks about the question itself. */
    private readsAsUnsure(question: Question, tokens: readonly string[]): boolean {
        if (!question.explainKey) return false;
        const taken = new Array<boolean>(tokens.length).fill(false);
        return scan(tokens, this.phrases, (id) => id === UNSURE, taken).length > 0;
    }

    /**
     * The question's own id for a vocabulary id: its choices, its hidden answers, "not sure" where the
     * question can explain itself, and yes/no where it maps them ("yes" to "do you live outside Quebec?").
     */
    private answerId(question: Question, id: string): string | undefined {
        if (question.choices.some((c) => c.id === id) || question.answers?.includes(id)) return id;
        if (id === UNSURE && question.explainKey) return UNSURE;
        return question.yesNo?.[id as 'yes' | 'no'];
    }

    /**
     * Places named in the message: a Quebec place read with the negation before it ("not in Quebec",
     * "je n'habite pas au Québec" → outside Quebec).
     */
    private readPlaces(tokens: readonly string[], taken: boolean[]): Hit[] {
        const hits = scan(tokens, this.places, () => true, taken);
        const negated = (start: number): boolean => {
            const before = tokens.slice(Math.max(0, start - 4), start);
            return scan(before, this.negations, () => true, new Array<boolean>(before.length).fill(false)).length > 0;
        };
        return hits.map((hit) => (hit.id === 'quebec' && negated(hit.start) ? { ...hit, id: 'outside' } : hit));
    }

    /** One answer from everything the message named, or undefined when they disagree. */
    private combine(question: Question, ids: readonly string[]): string | undefined {
        const found = new Set(ids);
        if (found.size === 0) return undefined;
        // Doubt wins: "peut-être le régulier, je suis pas sûr" is not an answer to count.
        if (found.has(UNSURE)) return UNSURE;
        // "Outside Quebec" and a place outside Quebec say the same thing, the place more precisely.
        for (const [general, precise] of Object.entries(question.refinements ?? {})) {
            if (found.has(general) && precise.some((id) => found.has(id))) found.delete(general);
        }
        if (found.size === 1) return [...found][0];
        return Object.entries(question.combinations ?? {}).find(
            ([, parts]) => parts.length === found.size && parts.every((part) => found.has(part)),
        )?.[0];
    }

    /** Whether the button label of a choice is itself a question ("Why IMP+?"). */
    private labelAsks(question: Question, id: string): boolean {
        const spec = question.choices.find((c) => c.id === id);
        return spec !== undefined && LANGUAGES.some((language) => this.translator.t(language, spec.labelKey).trim().endsWith('?'));
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

function sure(id: string | undefined): Reading {
    return id === undefined ? NONE : { kind: 'answer', id, sure: true };
}
