import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase, type Topic } from '../src/content/knowledgeBase';
import type { Language } from '../src/content/languages';
import { lastAnswerOf, settledByContext } from '../src/understanding/context';
import type { Recognition } from '../src/understanding/recognizer';
import { Chat, textOf, trace } from './helpers/chat';
import { unsureMatcher } from './helpers/matcher';

/**
 * A question unclear on its own ("what happens when it expires?": the permit or the CSQ?) is settled by what the
 * bot just answered, in both languages; without that answer, the bot still asks "Did you mean…?".
 */
const t = createTranslator();
const kb = new KnowledgeBase(t);
const topic = (language: Language, id: string): Topic => kb.topic(language, id) as Topic;

/** The same unclear message in every test, so that "Did you mean…?" is certain whatever the trained model says. */
const UNCLEAR = { en: 'and when it runs out?', fr: 'pis quand ça finit?' } as const;

const unsure = unsureMatcher({
    [UNCLEAR.en]: ['csq-expiry', 'permit-expiry'],
    [UNCLEAR.fr]: ['csq-expiry', 'permit-expiry'],
});

describe('settledByContext', () => {
    const clarify = (language: Language): Recognition => ({
        kind: 'clarify',
        topics: [topic(language, 'csq-expiry'), topic(language, 'permit-expiry')],
        score: 0.5,
    });

    it.each(['en', 'fr'] as const)('answers the candidate that follows on from the last answer (%s)', (language) => {
        // permit-expiry offers duration as a follow-up; what-is-csq offers csq-expiry.
        expect(settledByContext(clarify(language), { topic: 'duration', offered: ['employers', 'pr-decision'] })).toMatchObject({
            kind: 'answer',
            topic: { id: 'permit-expiry', language },
        });
        expect(settledByContext(clarify(language), { topic: 'what-is-csq', offered: ['criteria-csq', 'csq-expiry'] })).toMatchObject({
            kind: 'answer',
            topic: { id: 'csq-expiry', language },
        });
    });

    it('still asks when the last answer points to both candidates, to neither, or there was none', () => {
        const both = { topic: 'pr-decision', offered: ['csq-expiry', 'criteria'] };
        expect(settledByContext(clarify('en'), both).kind).toBe('clarify');
        expect(settledByContext(clarify('en'), { topic: 'fees', offered: ['biometrics'] }).kind).toBe('clarify');
        expect(settledByContext(clarify('en'), undefined).kind).toBe('clarify');
    });

    it('never changes a confident answer or a refusal', () => {
        const answer: Recognition = { kind: 'answer', topic: topic('en', 'fees'), score: 0.9 };
        const last = { topic: 'duration', offered: [] };
        expect(settledByContext(answer, last)).toBe(answer);
        const refusal: Recognition = { kind: 'refuse', score: 0.1 };
        expect(settledByContext(refusal, last)).toBe(refusal);
    });
});

describe('lastAnswerOf', () => {
    it('remembers the last topic answered and what it offered, never small talk', () => {
        const duration = topic('en', 'duration');
        expect(lastAnswerOf({ kind: 'answer', topic: duration, score: 0.9 })).toEqual({ topic: 'duration', offered: duration.followUps });
        // Two questions in one: the second is the one answered last.
        expect(lastAnswerOf({ kind: 'answer', topic: topic('en', 'fees'), also: duration, score: 0.9 })?.topic).toBe('duration');
        expect(lastAnswerOf({ kind: 'answer', topic: topic('en', 'thanks'), score: 0.9 })).toBeUndefined();
        expect(lastAnswerOf({ kind: 'refuse', score: 0.1 })).toBeUndefined();
    });
});

describe('a follow-up question in a conversation', () => {
    it.each([
        ['en', 'en-CA', 'how long is the permit valid'],
        ['fr', 'fr-CA', 'le permis est valide combien de temps'],
    ] as const)('is read after the answer before it (%s)', async (language, locale, first) => {
        const chat = new Chat({ locale, createMatcher: unsure });
        await chat.open();
        const duration = await chat.say(first);
        expect(trace(duration, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'duration' });
        const replies = await chat.say(UNCLEAR[language]);
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'permit-expiry' });
        expect(textOf(replies)).toContain(topic(language, 'permit-expiry').answer);
    });

    it.each([
        ['en', 'en-CA'],
        ['fr', 'fr-CA'],
    ] as const)('asks "Did you mean…?" when nothing came before (%s)', async (language, locale) => {
        const chat = new Chat({ locale, createMatcher: unsure });
        await chat.open();
        const replies = await chat.say(UNCLEAR[language]);
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'fallback', candidates: ['csq-expiry', 'permit-expiry'] });
        expect(textOf(replies)).toContain(t.t(language, 'common:fallback.clarify'));
    });
});
