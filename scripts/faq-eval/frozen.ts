import { readFileSync } from 'node:fs';
import { isLanguage, LANGUAGES, type Language } from '../../src/content/languages';
import type { Recognition, Recognizer } from '../../src/understanding/recognizer';

/**
 * The frozen evaluation set (tests/fixtures/faq-frozen.jsonl): questions, requests and small talk typed the way
 * people type, written apart from the samples before any tuning, and never used to tune. It is read through
 * the whole Recognizer (commands, menu labels, then the knowledge base), as the bot reads a message at the top
 * level, and scored by intent: a topic id, a command ("advisor", "deleteData"…), a small-talk topic, or a
 * guided dialog ("start-eligibility"); null = out of scope, which must be refused.
 */
export interface FrozenItem {
    text: string;
    lang: Language;
    expect: string | null;
    /** The second question of a two-in-one message. */
    also?: string;
}

export function loadFrozenItems(path: string): FrozenItem[] {
    return readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line, index) => {
            const value = JSON.parse(line) as Record<string, unknown>;
            const { text, lang, expect, also } = value;
            if (typeof text !== 'string' || !isLanguage(lang) || !(expect === null || typeof expect === 'string')) {
                throw new Error(`faq-frozen.jsonl line ${index + 1}: expected { text, lang, expect, also? }`);
            }
            return { text, lang, expect, ...(typeof also === 'string' ? { also } : {}) };
        });
}

/** What the bot would do with a message, as intents: what it answers or runs, and what it offers to choose. */
export interface Reading {
    answered: string[];
    offered: string[];
    /** The bot refused: no answer, or an out-of-scope near miss. */
    refused: boolean;
}

export function readingOf(recognition: Recognition): Reading {
    const reading: Reading = { answered: [], offered: [], refused: true };
    switch (recognition.kind) {
        case 'command':
            reading.answered.push(recognition.command);
            reading.refused = false;
            break;
        case 'dialog':
            reading.answered.push(recognition.topic ?? `start-${recognition.target}`);
            reading.refused = false;
            break;
        case 'answer':
            reading.answered.push(
                recognition.topic.id,
                ...(recognition.also ? [recognition.also.id] : []),
                ...(recognition.request
                    ? ['dialog' in recognition.request ? `start-${recognition.request.dialog}` : recognition.request.command]
                    : []),
            );
            reading.refused = false;
            break;
        case 'clarify':
            reading.offered.push(...recognition.topics.map((topic) => topic.id));
            reading.refused = false;
            break;
        case 'refuse':
            break;
    }
    return reading;
}

export interface FrozenReport {
    language: Language;
    inScope: number;
    /** 1 per message whose intents were all answered (or, for two in one, offered together); 0.5 when the
     * right intent was only offered in "Did you mean…?", or one of two questions was answered. */
    credit: number;
    accuracy: number;
    outOfScope: number;
    refused: number;
    refusalRate: number;
    /** Answered something the message did not ask (over every message of the language). */
    confidentlyWrong: number;
    confidentlyWrongRate: number;
    misses: { item: FrozenItem; got: string }[];
}

function emptyReport(language: Language): FrozenReport {
    return {
        language,
        inScope: 0,
        credit: 0,
        accuracy: 0,
        outOfScope: 0,
        refused: 0,
        refusalRate: 0,
        confidentlyWrong: 0,
        confidentlyWrongRate: 0,
        misses: [],
    };
}

/** The report with its rates computed from its counts. */
function withRates(report: FrozenReport): FrozenReport {
    const all = report.inScope + report.outOfScope;
    report.accuracy = report.inScope === 0 ? 0 : report.credit / report.inScope;
    report.refusalRate = report.outOfScope === 0 ? 0 : report.refused / report.outOfScope;
    report.confidentlyWrongRate = all === 0 ? 0 : report.confidentlyWrong / all;
    return report;
}

export function scoreFrozen(items: readonly FrozenItem[], read: (item: FrozenItem) => Reading): FrozenReport[] {
    return LANGUAGES.map((language) => {
        const report = emptyReport(language);
        const ofLanguage = items.filter((item) => item.lang === language);
        for (const item of ofLanguage) {
            const reading = read(item);
            const got = describeReading(reading);
            const wanted = [item.expect, item.also].filter((id): id is string => id !== null && id !== undefined);
            if (reading.answered.some((id) => !wanted.includes(id))) report.confidentlyWrong++;
            if (item.expect === null) {
                report.outOfScope++;
                if (reading.refused) report.refused++;
                else report.misses.push({ item, got });
                continue;
            }
            report.inScope++;
            const answered = wanted.filter((id) => reading.answered.includes(id));
            const offered = wanted.filter((id) => reading.offered.includes(id) || reading.answered.includes(id));
            const credit =
                answered.length === wanted.length
                    ? 1
                    : offered.length === wanted.length || answered.length > 0 || offered.length > 0
                      ? 0.5
                      : 0;
            report.credit += credit;
            if (credit < 1) report.misses.push({ item, got });
        }
        return withRates(report);
    });
}

/** Reports of one language added up (cross-validation's folds), their rates computed again. */
export function sumFrozen(reports: readonly FrozenReport[], language: Language): FrozenReport {
    const sum = emptyReport(language);
    for (const report of reports) {
        sum.inScope += report.inScope;
        sum.credit += report.credit;
        sum.outOfScope += report.outOfScope;
        sum.refused += report.refused;
        sum.confidentlyWrong += report.confidentlyWrong;
        sum.misses.push(...report.misses);
    }
    return withRates(sum);
}

/**
 * What went wrong, by kind, counted without showing a message (the frozen set's texts stay unseen): in scope
 * refused, offered in "Did you mean…?" beside another topic (or not offered), one of two questions answered,
 * another topic answered, the right answer with an extra one; out of scope answered or offered.
 */
export function missKinds(items: readonly FrozenItem[], read: (item: FrozenItem) => Reading): Map<Language, Map<string, number>> {
    const kinds = new Map<Language, Map<string, number>>(LANGUAGES.map((language) => [language, new Map()]));
    for (const item of items) {
        const reading = read(item);
        const wanted = [item.expect, item.also].filter((id): id is string => id !== null && id !== undefined);
        const extra = reading.answered.filter((id) => !wanted.includes(id));
        const answered = wanted.filter((id) => reading.answered.includes(id));
        let kind: string | undefined;
        if (item.expect === null)
            kind = reading.refused ? undefined : reading.answered.length > 0 ? 'off topic answered' : 'off topic offered';
        else if (answered.length === wanted.length) kind = extra.length > 0 ? 'right with an extra answer' : undefined;
        else if (reading.refused) kind = 'refused';
        else if (answered.length > 0) kind = 'one of two answered';
        else if (reading.answered.length > 0) kind = 'another topic answered';
        else kind = reading.offered.some((id) => wanted.includes(id)) ? 'offered beside another' : 'others offered';
        const counts = kinds.get(item.lang);
        if (kind !== undefined && counts !== undefined) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return kinds;
}

function describeReading(reading: Reading): string {
    const parts = [
        ...reading.answered.map((id) => `answers ${id}`),
        ...(reading.offered.length ? [`offers ${reading.offered.join(' | ')}`] : []),
    ];
    return parts.length > 0 ? parts.join(', ') : 'refuses';
}

/** The recognizer's reading of a message at the top level, in the item's language. */
export function recognizerReading(recognizer: Pick<Recognizer, 'understand'>) {
    return (item: FrozenItem): Reading => readingOf(recognizer.understand(item.text, item.lang));
}
