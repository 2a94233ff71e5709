import { describe, expect, it } from 'vitest';
import { isFactId, isSourceId } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import { DIALOG_TARGETS, type DialogTarget, KnowledgeBase } from '../src/content/knowledgeBase';
import { LANGUAGES } from '../src/content/languages';
import { FaqMatcher } from '../src/understanding/faq/faqMatcher';
import { labelKey } from '../src/understanding/faq/outcome';

const translator = createTranslator();
const kb = new KnowledgeBase(translator);
const ids = (language: 'en' | 'fr'): string[] =>
    kb
        .topics(language)
        .map((t) => t.id)
        .sort();
const isDialogTarget = (value: string): value is DialogTarget => (DIALOG_TARGETS as readonly string[]).includes(value);

describe('FAQ knowledge base content', () => {
    it('has the same topic ids in English and French', () => {
        expect(ids('en').length).toBeGreaterThan(20);
        expect(ids('fr')).toEqual(ids('en'));
    });

    it('has one dialog topic per guided dialog, with the agreed ids', () => {
        for (const target of DIALOG_TARGETS) {
            for (const language of LANGUAGES) {
                const topic = kb.topic(language, `start-${target}`);
                expect(topic?.dialog, `${language} start-${target}`).toBe(target);
                expect(topic?.answer).toBeUndefined();
            }
        }
    });

    for (const language of LANGUAGES) {
        describe(language, () => {
            for (const topic of kb.topics(language)) {
                it(`${topic.id} is well formed`, () => {
                    expect(topic.label.length, 'label is a button title').toBeLessThanOrEqual(20);
                    expect(topic.label.trim().length).toBeGreaterThan(0);
                    expect(topic.samples.length).toBeGreaterThanOrEqual(5);
                    expect(topic.samples.length).toBeLessThanOrEqual(15);
                    if (topic.dialog !== undefined) {
                        expect(isDialogTarget(topic.dialog)).toBe(true);
                    } else {
                        expect(topic.answer, 'a topic answers or starts a dialog').toBeDefined();
                        expect(topic.answer!.length).toBeLessThanOrEqual(600);
                    }
                    if (topic.outOfScope === true) {
                        expect(topic.dialog).toBeUndefined();
                        expect(topic.followUps ?? []).toEqual([]);
                    } else if (topic.answer !== undefined) {
                        expect(topic.source, 'IMP+ answers cite a source').toBeDefined();
                    }
                    if (topic.source !== undefined) expect(isSourceId(topic.source), `source ${topic.source}`).toBe(true);
                    for (const id of topic.sources) {
                        expect(isSourceId(id), `source ${id}`).toBe(true);
                        expect(translator.template(language, `sources:${id}.title`), `title of ${id}`).toBeTruthy();
                    }
                    for (const followUp of topic.followUps ?? []) {
                        const known = kb.topic(language, followUp) !== undefined || isDialogTarget(followUp);
                        expect(known, `follow-up ${followUp}`).toBe(true);
                        expect(followUp).not.toBe(topic.id);
                        expect(kb.topic(language, followUp)?.outOfScope).not.toBe(true);
                    }
                });
            }

            it('has labels that identify one topic (they come back as button values)', () => {
                const owners = new Map<string, string>();
                for (const other of LANGUAGES) {
                    for (const topic of kb.topics(other)) {
                        const key = labelKey(topic.label);
                        expect(owners.get(key) ?? topic.id, `label "${topic.label}"`).toBe(topic.id);
                        owners.set(key, topic.id);
                    }
                }
            });

            it('quotes amounts and dates only from src/facts.ts', () => {
                for (const topic of kb.topics(language)) {
                    const template = translator.template(language, `faq:topics.${topic.id}.answer`) ?? '';
                    for (const match of template.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) {
                        expect(isFactId(match[1] as string), `${topic.id}: {{${match[1]}}}`).toBe(true);
                    }
                    expect(topic.answer ?? '', topic.id).not.toContain('{{');
                }
            });
        });
    }

    it('writes French with its accents (not a folded copy)', () => {
        const french = kb
            .topics('fr')
            .map((t) => t.answer ?? '')
            .join(' ');
        expect(french).toMatch(/é/);
        expect(french).toContain('Québec');
        expect(french).not.toMatch(/\bQuebec\b/);
    });

    describe('questions of people who already hold a CSQ get an answer, not the out-of-scope refusal', () => {
        const matcher = new FaqMatcher(kb);
        it.each([
            ['I have a PSTQ CSQ, am I eligible?', 'en', 'pstq-peq-holders'],
            ['j’ai un CSQ du PEQ, suis-je admissible au PMI+?', 'fr', 'pstq-peq-holders'],
            ['what if my CSQ expires', 'en', 'csq-expiry'],
            ['mon CSQ est expiré', 'fr', 'csq-expiry'],
            ['is IMP+ still open in 2026?', 'en', 'program-status'],
            ['le PMI+ est-il toujours offert en 2026', 'fr', 'program-status'],
            ['my PR was refused', 'en', 'pr-decision'],
            ['how long does processing take', 'en', 'processing-times'],
        ] as const)('%s → %s', (text, language, expected) => {
            const outcome = matcher.match(text, language);
            expect(outcome.kind === 'confident' ? outcome.topic.id : outcome.kind).toBe(expected);
        });
    });
});
