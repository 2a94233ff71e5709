import { describe, expect, it } from 'vitest';
import { CLOSING_TOPICS, PERSON_TOPICS, TOPIC_SUBJECTS } from '../src/content/catalog';
import { isFactId, isSourceId } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import { DIALOG_TARGETS, type DialogTarget, KnowledgeBase, TOPIC_COMMANDS, type Topic } from '../src/content/knowledgeBase';
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
/** A topic is one of: a guided dialog, a request the bot carries out, small talk, or an answer (IMP+ or out of scope). */
type Kind = 'dialog' | 'command' | 'smallTalk' | 'outOfScope' | 'answer';
const kindOf = (topic: Topic): Kind =>
    topic.dialog !== undefined
        ? 'dialog'
        : topic.command !== undefined
          ? 'command'
          : topic.smallTalk === true
            ? 'smallTalk'
            : topic.outOfScope === true
              ? 'outOfScope'
              : 'answer';
/** Values the code puts into small-talk answers itself (not facts): the firm's name. */
const RUNTIME_VALUES = new Set(['firm']);

describe('FAQ knowledge base content', () => {
    it('has the same topic ids in English and French', () => {
        expect(ids('en').length).toBeGreaterThan(20);
        expect(ids('fr')).toEqual(ids('en'));
    });

    it('names only existing topics in the code’s lists of topics (subjects, closings, people)', () => {
        const named = [...Object.values(TOPIC_SUBJECTS).flat(), ...CLOSING_TOPICS, ...PERSON_TOPICS];
        expect(named.filter((id) => !ids('en').includes(id))).toEqual([]);
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
                    // Up to 85: people word a question in many ways (typos, SMS French, long personal messages) and
                    // the classifier learns from all of them; a topic far above the others would pull answers to it.
                    expect(topic.samples.length).toBeLessThanOrEqual(85);
                    const kind = kindOf(topic);
                    const marks = [
                        topic.dialog !== undefined,
                        topic.command !== undefined,
                        topic.smallTalk === true,
                        topic.outOfScope === true,
                    ];
                    expect(
                        marks.filter(Boolean).length,
                        'dialog, command, smallTalk and outOfScope exclude each other',
                    ).toBeLessThanOrEqual(1);
                    switch (kind) {
                        case 'dialog':
                            expect(isDialogTarget(topic.dialog as string)).toBe(true);
                            expect(topic.answer).toBeUndefined();
                            break;
                        case 'command':
                            // The bot carries the request out ("talk to an advisor"): no answer, no source, and the same id.
                            expect(
                                (TOPIC_COMMANDS as readonly string[]).includes(topic.command as string),
                                `command ${topic.command}`,
                            ).toBe(true);
                            expect(topic.command).toBe(topic.id);
                            expect(
                                translator.list(language, `commands:${topic.command}`).length,
                                'the command has typed phrases',
                            ).toBeGreaterThan(0);
                            expect(topic.answer).toBeUndefined();
                            expect(topic.source).toBeUndefined();
                            break;
                        case 'smallTalk':
                            // The bot's own short reply ("thanks", "who are you"): an answer, no source, nothing quoted from the facts.
                            expect(topic.answer?.trim().length).toBeGreaterThan(0);
                            expect(topic.answer!.length, 'a short reply').toBeLessThanOrEqual(400);
                            expect(topic.source).toBeUndefined();
                            expect(topic.sources).toEqual([]);
                            break;
                        case 'outOfScope':
                            expect(topic.answer, 'a refusal').toBeDefined();
                            expect(topic.answer!.length).toBeLessThanOrEqual(600);
                            expect(topic.followUps ?? []).toEqual([]);
                            break;
                        case 'answer':
                            expect(topic.answer, 'a topic answers, starts a dialog, runs a command or makes small talk').toBeDefined();
                            expect(topic.answer!.length).toBeLessThanOrEqual(600);
                            expect(topic.source, 'IMP+ answers cite a source').toBeDefined();
                            break;
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
                    expect((topic.followUps ?? []).length, 'at most 3 follow-up buttons').toBeLessThanOrEqual(3);
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

            it('quotes amounts and dates only from src/facts.ts (small talk may name the firm, which the code fills in)', () => {
                for (const topic of kb.topics(language)) {
                    const template = translator.template(language, `faq:topics.${topic.id}.answer`) ?? '';
                    const runtime = (name: string) => topic.smallTalk === true && RUNTIME_VALUES.has(name);
                    for (const match of template.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) {
                        const name = match[1] as string;
                        expect(isFactId(name) || runtime(name), `${topic.id}: {{${name}}}`).toBe(true);
                    }
                    const left = (topic.answer ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
                        runtime(name) ? '' : whole,
                    );
                    expect(left, topic.id).not.toContain('{{');
                }
            });
        });
    }

    it('cites, beside the topic’s source, the page a sentence of its answer comes from', () => {
        for (const language of LANGUAGES)
            expect(kb.topic(language, 'application-form')?.sources).toEqual(['ircc-imp-plus-copy', 'ircc-fraud-consequences']);
    });

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

    describe('questions applicants ask that used to be refused or misrouted reach their own topic', () => {
        const matcher = new FaqMatcher(kb);
        it.each([
            ['am I allowed to take classes while I work on IMP+', 'en', 'study-with-permit'],
            ['je peux-tu suivre une formation avec mon permis PMI+', 'fr', 'study-with-permit'],
            // Not studying in another province (« je peux étudier avec? »; "can I study with it", the issue's own
            // wording, is in tests/understanding.test.ts: the recognizer reads its "it" as the permit).
            ['je peux étudier avec?', 'fr', 'study-with-permit'],
            ['does my son need a study permit for school in Quebec', 'en', 'children-school'],
            ['ma fille a-t-elle besoin d’un permis d’études pour l’école', 'fr', 'children-school'],
            ['is an LMIA needed for IMP+', 'en', 'job-offer-lmia'],
            ['ça prend-tu une offre d’emploi pour le PMI+', 'fr', 'job-offer-lmia'],
            ['is my time on IMP+ counted for citizenship', 'en', 'citizenship-time'],
            ['can my wife work with an open permit too', 'en', 'spouse-work'],
            ['ma blonde pourra-tu travailler elle aussi', 'fr', 'spouse-work'],
            ['what happens when the IMP+ permit runs out', 'en', 'permit-expiry'],
            ['can I renew it', 'en', 'permit-expiry'],
            ['je peux le renouveler?', 'fr', 'permit-expiry'],
            ['kestion sur les frai', 'fr', 'fees'],
            ['kel document faut', 'fr', 'documents-list'],
            ['coudonc c’est quoi le pmi+', 'fr', 'what-is-imp'],
            ['do I need a chest xray', 'en', 'medical-exam'],
            ['faut-il passer une radiographie', 'fr', 'medical-exam'],
            ['is there a backlog at cic', 'en', 'processing-times'],
            ['how much r the feez', 'en', 'fees'],
            // How long it takes to get the permit, not how long the permit lasts.
            ['how long it take', 'en', 'processing-times'],
            ['how long to get the permit', 'en', 'processing-times'],
            ['combien de temps pour avoir le permis', 'fr', 'processing-times'],
            ['how long is the permit valid', 'en', 'duration'],
            ['can my hubby work too', 'en', 'spouse-work'],
            ['mon fiston peut aller a lecole?', 'fr', 'children-school'],
            // France's slang: « taf » is a job, « taffer » to work, « les gosses » the kids.
            ['ma femme pourra taffer aussi?', 'fr', 'spouse-work'],
            ['je peux changer de taf?', 'fr', 'employers'],
            ['les gosses peuvent aller à l’école?', 'fr', 'children-school'],
            // Quebec's « les petits »: the children.
            ['pis les petits, pour l’école ça se passe comment?', 'fr', 'children-school'],
            // English "son" is not the French stop word « son ».
            ['can my son go to school when we arrive', 'en', 'children-school'],
            ['does my son need a study permit', 'en', 'children-school'],
            // Staff shorthand: PTO is the open work permit.
            ['frais titulaire PTO?', 'fr', 'fees'],
            // A language test is not among the criteria: said so, not the travel documents « français » once led to.
            ['do I need to speak French for IMP+?', 'en', 'language-test'],
            ['is IELTS needed for this permit', 'en', 'language-test'],
            ['faut-il parler français pour le PMI+?', 'fr', 'language-test'],
            ['faut un test de francais pour avoir le pmi?', 'fr', 'language-test'],
        ] as const)('%s → %s', (text, language, expected) => {
            const outcome = matcher.match(text, language);
            expect(outcome.kind === 'confident' ? outcome.topic.id : outcome.kind).toBe(expected);
        });

        it('"what happens when it expires" answers the permit’s end, or asks between it and the CSQ’s ("it" may be either)', () => {
            const outcome = matcher.match('what happens when it expires', 'en');
            const topics =
                outcome.kind === 'confident' ? [outcome.topic.id] : outcome.kind === 'ambiguous' ? outcome.topics.map((t) => t.id) : [];
            expect(topics).toContain('permit-expiry');
            for (const id of topics) expect(['permit-expiry', 'csq-expiry']).toContain(id);
        });
    });
});
