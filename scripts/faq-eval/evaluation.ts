import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../../src/content/knowledgeBase';
import { isLanguage, LANGUAGES, type Language } from '../../src/content/languages';
import type { MatchOutcome, TopicMatcher } from '../../src/understanding/faq/matcher';

/** One line of tests/fixtures/faq-eval.jsonl. `expect` is a topic id, or null for "must be refused". */
export interface EvalItem {
    text: string;
    lang: Language;
    expect: string | null;
}

/** Reads the JSON-lines evaluation set, failing loudly on a malformed line. */
export function loadEvalItems(path: string): EvalItem[] {
    return readFileSync(path, 'utf8')
        .split('\n')
        .map((line, index) => ({ line: line.trim(), number: index + 1 }))
        .filter(({ line }) => line.length > 0)
        .map(({ line, number }) => {
            const value: unknown = JSON.parse(line);
            if (typeof value !== 'object' || value === null) throw new Error(`line ${number}: not an object`);
            const { text, lang, expect } = value as Record<string, unknown>;
            if (typeof text !== 'string' || !isLanguage(lang) || !(expect === null || typeof expect === 'string')) {
                throw new Error(`line ${number}: expected { "text": string, "lang": "en"|"fr", "expect": string|null }`);
            }
            return { text, lang, expect };
        });
}

export interface EvalMiss {
    item: EvalItem;
    /** What the matcher said, e.g. "confident fees", "ambiguous fees | biometrics", "none". */
    got: string;
    credit: number;
}

export interface LanguageReport {
    language: Language;
    inScopeCount: number;
    /** Sum of credits: 1 per confident right answer, 0.5 per ambiguous outcome that offers the right topic. */
    inScopeCredit: number;
    inScopeAccuracy: number;
    outOfScopeCount: number;
    refused: number;
    refusalRate: number;
    /** Confident on an in-scope topic that is not the expected one (over every question of the language). */
    confidentlyWrong: number;
    confidentlyWrongRate: number;
    /** Topics returned in another language than the question's. */
    wrongReplyLanguage: number;
    misses: EvalMiss[];
}

/**
 * Scoring rules (documented in docs/faq.md):
 * - in-scope question: confident on the expected topic = 1; ambiguous with the expected topic among the two = 0.5
 *   (the user still has to pick); anything else = 0.
 * - out-of-scope question (expect null or an outOfScope topic): refused when the outcome is none, confident on
 *   an outOfScope topic, or ambiguous between two outOfScope topics. Offering an IMP+ topic is not a refusal.
 * - confidently wrong: a confident outcome on an in-scope topic other than the expected one.
 */
export function evaluate(matcher: TopicMatcher, knowledgeBase: KnowledgeBase, items: readonly EvalItem[]): LanguageReport[] {
    const isOutOfScope = (id: string): boolean => knowledgeBase.topic('en', id)?.outOfScope === true;
    return LANGUAGES.map((language) => {
        const report: LanguageReport = {
            language,
            inScopeCount: 0,
            inScopeCredit: 0,
            inScopeAccuracy: 0,
            outOfScopeCount: 0,
            refused: 0,
            refusalRate: 0,
            confidentlyWrong: 0,
            confidentlyWrongRate: 0,
            wrongReplyLanguage: 0,
            misses: [],
        };
        const ofLanguage = items.filter((item) => item.lang === language);
        for (const item of ofLanguage) {
            const outcome = matcher.match(item.text, item.lang);
            const topics = outcomeTopics(outcome);
            if (topics.some((topic) => topic.language !== item.lang)) report.wrongReplyLanguage++;
            const confidentInScope = outcome.kind === 'confident' && !isOutOfScope(outcome.topic.id);
            if (item.expect === null || isOutOfScope(item.expect)) {
                report.outOfScopeCount++;
                const refused = topics.every((topic) => isOutOfScope(topic.id));
                if (refused) report.refused++;
                else report.misses.push({ item, got: describe(outcome), credit: 0 });
                if (confidentInScope) report.confidentlyWrong++;
            } else {
                report.inScopeCount++;
                const credit = creditFor(outcome, item.expect);
                report.inScopeCredit += credit;
                if (credit < 1) report.misses.push({ item, got: describe(outcome), credit });
                if (confidentInScope && outcome.kind === 'confident' && outcome.topic.id !== item.expect) {
                    report.confidentlyWrong++;
                }
            }
        }
        report.inScopeAccuracy = ratio(report.inScopeCredit, report.inScopeCount);
        report.refusalRate = ratio(report.refused, report.outOfScopeCount);
        report.confidentlyWrongRate = ratio(report.confidentlyWrong, ofLanguage.length);
        return report;
    });
}

function creditFor(outcome: MatchOutcome, expected: string): number {
    if (outcome.kind === 'confident') return outcome.topic.id === expected ? 1 : 0;
    if (outcome.kind === 'ambiguous') return outcome.topics.some((topic) => topic.id === expected) ? 0.5 : 0;
    return 0;
}

function outcomeTopics(outcome: MatchOutcome): { id: string; language: Language }[] {
    if (outcome.kind === 'confident') return [outcome.topic];
    if (outcome.kind === 'ambiguous') return [...outcome.topics];
    return [];
}

export function describe(outcome: MatchOutcome): string {
    const score = outcome.score.toFixed(2);
    if (outcome.kind === 'confident') return `confident ${outcome.topic.id} (${score})`;
    if (outcome.kind === 'ambiguous') return `ambiguous ${outcome.topics[0].id} | ${outcome.topics[1].id} (${score})`;
    return `none (${score})`;
}

function ratio(part: number, whole: number): number {
    return whole === 0 ? 0 : part / whole;
}
