import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadEvalItems } from '../scripts/faq-eval/evaluation';
import { projectRoot } from '../src/configuration/paths';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { LANGUAGES } from '../src/content/languages';
import { FaqMatcher } from '../src/understanding/faq/faqMatcher';
import { fold } from '../src/understanding/text';

const kb = new KnowledgeBase(createTranslator());
const items = loadEvalItems(join(projectRoot, 'tests/fixtures/faq-eval.jsonl'));
const holdout = loadEvalItems(join(projectRoot, 'tests/fixtures/faq-eval-holdout.jsonl'));
const isOutOfScope = (expect: string | null): boolean => expect === null || kb.topic('en', expect)?.outOfScope === true;
const normalized = (text: string): string =>
    fold(text)
        .replace(/[^\p{L}\p{N}+ ]/gu, '')
        .replace(/\s+/g, ' ')
        .trim();

describe('FAQ evaluation set', () => {
    it('is large enough and covers every in-scope topic in both languages', () => {
        expect(items.filter((i) => !isOutOfScope(i.expect)).length).toBeGreaterThanOrEqual(200);
        expect(items.filter((i) => isOutOfScope(i.expect)).length).toBeGreaterThanOrEqual(60);
        // Requests and small talk are measured in the frozen set with the rest of what people type.
        for (const topic of kb.topics('en').filter((t) => t.outOfScope !== true && !t.command && !t.smallTalk)) {
            const questions = items.filter((i) => i.expect === topic.id);
            expect(questions.length, topic.id).toBeGreaterThanOrEqual(8);
            for (const language of LANGUAGES)
                expect(
                    questions.some((q) => q.lang === language),
                    `${topic.id} ${language}`,
                ).toBe(true);
        }
    });

    it('only expects topics that exist', () => {
        for (const item of [...items, ...holdout]) {
            if (item.expect !== null) expect(kb.topic(item.lang, item.expect), item.expect).toBeDefined();
        }
    });

    it('is written independently of the samples and labels (no question copies one)', () => {
        const samples = new Set(LANGUAGES.flatMap((l) => kb.topics(l).flatMap((t) => [t.label, ...t.samples])).map(normalized));
        const copies = [...items, ...holdout].filter((item) => samples.has(normalized(item.text)));
        expect(copies.map((c) => c.text)).toEqual([]);
    });

    it('holds the reached quality (floors just under the current numbers; see npm run eval:faq)', () => {
        const reports = evaluate(new FaqMatcher(kb), kb, items);
        for (const report of reports) {
            expect(report.inScopeAccuracy, `${report.language} in-scope`).toBeGreaterThanOrEqual(0.98);
            expect(report.refusalRate, `${report.language} refusal`).toBeGreaterThanOrEqual(0.92);
            expect(report.confidentlyWrongRate, `${report.language} confidently wrong`).toBeLessThanOrEqual(0.02);
            expect(report.wrongReplyLanguage).toBe(0);
        }
        const [en, fr] = reports;
        expect(Math.abs(en!.inScopeAccuracy - fr!.inScopeAccuracy)).toBeLessThanOrEqual(0.02);
    });

    it('holds a floor on the holdout set, which is never used for tuning', () => {
        for (const report of evaluate(new FaqMatcher(kb), kb, holdout)) {
            expect(report.inScopeAccuracy, `${report.language} holdout in-scope`).toBeGreaterThanOrEqual(0.85);
            expect(report.refusalRate, `${report.language} holdout refusal`).toBeGreaterThanOrEqual(0.85);
        }
    });
});
