import type { Resource } from 'i18next';
import { createTranslator, type Translator } from '../../src/content/i18n';
import { KnowledgeBase, type TopicContent } from '../../src/content/knowledgeBase';
import { LANGUAGES } from '../../src/content/languages';
import { FaqMatcher } from '../../src/understanding/faq/faqMatcher';
import { Recognizer } from '../../src/understanding/recognizer';
import { type EvalItem, evaluate, type LanguageReport } from './evaluation';
import { type FrozenReport, recognizerReading, scoreFrozen, sumFrozen } from './frozen';

/**
 * k-fold cross-validation over the knowledge base's own samples and off-topic messages: they are dealt into k folds; each fold
 * is held out in turn, the matcher is built from the others, and every held-out sample is scored as a question
 * whose own phrasing the matcher never saw. It measures how well the samples generalise to each other, beside
 * the frozen set's measure of how well they generalise to people.
 */
export function crossValidate(resources: Resource, folds = 10): LanguageReport[] {
    const totals = new Map<string, LanguageReport>();
    for (const { knowledgeBase, test } of foldsOf(resources, folds)) {
        for (const report of evaluate(new FaqMatcher(knowledgeBase), knowledgeBase, test)) add(totals, report);
    }
    return LANGUAGES.map((language) => finish(totals.get(language) as LanguageReport));
}

/**
 * The same folds, each held-out sample read through the whole Recognizer (two questions in one, context clauses,
 * commands) and scored as the frozen set is: what the bot would do at the top level, not only the matcher.
 */
export function crossValidateRecognizer(resources: Resource, folds = 10): FrozenReport[] {
    const reports = [...foldsOf(resources, folds)].flatMap(({ translator, knowledgeBase, test }) =>
        scoreFrozen(test, recognizerReading(new Recognizer(translator, new FaqMatcher(knowledgeBase)))),
    );
    return LANGUAGES.map((language) =>
        sumFrozen(
            reports.filter((report) => report.language === language),
            language,
        ),
    );
}

/** Each fold in turn: the knowledge base built without its samples, and those samples as questions. */
function* foldsOf(
    resources: Resource,
    folds: number,
): Generator<{ translator: Translator; knowledgeBase: KnowledgeBase; test: EvalItem[] }> {
    const held: { item: EvalItem; fold: number }[] = [];
    for (const language of LANGUAGES) {
        const topics = topicsOf(resources, language);
        for (const [id, topic] of Object.entries(topics)) {
            for (const text of topic.samples) {
                held.push({ item: { text, lang: language, expect: topic.outOfScope ? null : id }, fold: foldOf(language, text, folds) });
            }
        }
        for (const text of offTopicOf(resources, language).samples)
            held.push({ item: { text, lang: language, expect: null }, fold: foldOf(language, text, folds) });
    }
    for (let fold = 0; fold < folds; fold++) {
        const training = structuredClone(resources);
        for (const language of LANGUAGES) {
            const topics = topicsOf(training, language);
            for (const topic of Object.values(topics)) {
                topic.samples = topic.samples.filter((text) => foldOf(language, text, folds) !== fold);
            }
            const offTopic = offTopicOf(training, language);
            offTopic.samples = offTopic.samples.filter((text) => foldOf(language, text, folds) !== fold);
        }
        const translator = createTranslator(training);
        yield { translator, knowledgeBase: new KnowledgeBase(translator), test: held.filter((h) => h.fold === fold).map((h) => h.item) };
    }
}

/**
 * A sample's fold, from a hash of its text (FNV-1a): adding or removing one sample leaves every other sample in
 * its fold, so two runs differ only by the samples that changed, not by a reshuffle of the whole deal.
 */
function foldOf(language: string, text: string, folds: number): number {
    let hash = 0x811c9dc5;
    for (const character of `${language}\u0000${text}`) {
        hash ^= character.codePointAt(0) ?? 0;
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % folds;
}

/** A language's offtopic.json in the resources. */
function offTopicOf(resources: Resource, language: string): { samples: string[] } {
    return (resources[language]?.offtopic as { samples: string[] } | undefined) ?? { samples: [] };
}

/** The topics of a language's faq.json in the resources. */
function topicsOf(resources: Resource, language: string): Record<string, TopicContent> {
    return (resources[language]?.faq as { topics: Record<string, TopicContent> } | undefined)?.topics ?? {};
}

function add(totals: Map<string, LanguageReport>, report: LanguageReport): void {
    const total = totals.get(report.language);
    if (!total) {
        totals.set(report.language, { ...report, misses: [...report.misses] });
        return;
    }
    total.inScopeCount += report.inScopeCount;
    total.inScopeCredit += report.inScopeCredit;
    total.outOfScopeCount += report.outOfScopeCount;
    total.refused += report.refused;
    total.confidentlyWrong += report.confidentlyWrong;
    total.wrongReplyLanguage += report.wrongReplyLanguage;
    total.misses.push(...report.misses);
}

function finish(report: LanguageReport): LanguageReport {
    const all = report.inScopeCount + report.outOfScopeCount;
    return {
        ...report,
        inScopeAccuracy: report.inScopeCount === 0 ? 0 : report.inScopeCredit / report.inScopeCount,
        refusalRate: report.outOfScopeCount === 0 ? 0 : report.refused / report.outOfScopeCount,
        confidentlyWrongRate: all === 0 ? 0 : report.confidentlyWrong / all,
    };
}
