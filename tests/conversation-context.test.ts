import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase, type Topic } from '../src/content/knowledgeBase';
import type { Language } from '../src/content/languages';
import { FollowUpReader, type LastAnswer, lastAnswerOf, settledByContext } from '../src/understanding/context';
import type { MatchOutcome } from '../src/understanding/faq/matcher';
import { type Recognition, Recognizer } from '../src/understanding/recognizer';
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

/** "Did you mean `first` or `second`?" */
const clarifying = (language: Language, first: string, second: string): Recognition => ({
    kind: 'clarify',
    topics: [topic(language, first), topic(language, second)],
    score: 0.5,
});

describe('settledByContext', () => {
    const clarify = (language: Language): Recognition => clarifying(language, 'csq-expiry', 'permit-expiry');

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

describe('FollowUpReader: "it" is what was just answered', () => {
    /** The matcher's readings, by message: anything else is refused. */
    const readings: Record<string, MatchOutcome> = {
        'and when does it expire? the work permit': { kind: 'confident', topic: topic('en', 'permit-expiry'), score: 0.8 },
        'how long is it valid? the CSQ': { kind: 'confident', topic: topic('en', 'csq-expiry'), score: 0.8 },
        'et quand il expire? le permis de travail': { kind: 'confident', topic: topic('fr', 'permit-expiry'), score: 0.8 },
        'il est bon combien de temps? le CSQ': { kind: 'confident', topic: topic('fr', 'csq-expiry'), score: 0.8 },
        'comment je l’obtiens? l’invitation': { kind: 'confident', topic: topic('fr', 'invitation-request'), score: 0.8 },
        'does it let me work anywhere? the work permit': { kind: 'confident', topic: topic('en', 'fees'), score: 0.8 },
        'how long is it valid? can I talk to someone the CSQ': { kind: 'confident', topic: topic('en', 'csq-expiry'), score: 0.8 },
        'can I renew it? the CSQ': {
            kind: 'ambiguous',
            topics: [topic('en', 'permit-expiry'), topic('en', 'csq-expiry')],
            score: 0.5,
        },
    };
    const recognizer = new Recognizer(t, { match: (text) => readings[text] ?? { kind: 'none', score: 0 } });
    const followUps = new FollowUpReader(t, recognizer);
    const answer = (language: Language, id: string): Recognition => ({ kind: 'answer', topic: topic(language, id), score: 0.9 });
    const following = (id: string): LastAnswer => ({ topic: id, offered: [] });
    const read = (language: Language, text: string, recognition: Recognition, last?: LastAnswer) =>
        followUps.read(text, language, recognition, last);

    it.each([
        ['en', 'and when does it expire?', 'csq-expiry', 'duration', 'permit-expiry'],
        ['en', 'how long is it valid?', 'duration', 'what-is-csq', 'csq-expiry'],
        ['fr', 'et quand il expire?', 'csq-expiry', 'duration', 'permit-expiry'],
        ['fr', 'il est bon combien de temps?', 'duration', 'what-is-csq', 'csq-expiry'],
    ] as const)('%s: "%s" read as %s is about the last answer’s subject after %s', (language, text, first, last, expected) => {
        expect(read(language, text, answer(language, first), following(last))).toMatchObject({
            kind: 'answer',
            topic: { id: expected, language },
        });
    });

    it('reads a "Did you mean…?" about other subjects again with the subject named', () => {
        expect(
            read('en', 'and when does it expire?', clarifying('en', 'csq-expiry', 'invitation-request'), following('duration')),
        ).toMatchObject({
            kind: 'answer',
            topic: { id: 'permit-expiry' },
        });
    });

    it('does not give the answer just given again for a follow-up "Did you mean…?"', () => {
        expect(read('fr', 'et quand il expire?', clarifying('fr', 'csq-expiry', 'duration'), following('duration'))).toMatchObject({
            kind: 'answer',
            topic: { id: 'permit-expiry', language: 'fr' },
        });
    });

    it('takes the candidate about the subject from a "Did you mean…?", read again or not', () => {
        expect(read('en', 'can I renew it?', answer('en', 'permit-expiry'), following('what-is-csq'))).toMatchObject({
            kind: 'answer',
            topic: { id: 'csq-expiry' },
        });
        expect(
            read('en', 'is it open?', clarifying('en', 'program-status', 'open-vs-employer-specific'), following('duration')),
        ).toMatchObject({
            kind: 'answer',
            topic: { id: 'open-vs-employer-specific' },
        });
    });

    it('reads a near miss again too, and gives a near miss as the refusal it is', () => {
        const selection: Recognition = { kind: 'refuse', topic: topic('fr', 'oos-quebec-selection'), score: 0.8 };
        expect(read('fr', 'comment je l’obtiens?', selection, following('criteria-invitation'))).toMatchObject({
            kind: 'answer',
            topic: { id: 'invitation-request' },
        });
        expect(
            read('en', 'how do I get one?', clarifying('en', 'oos-quebec-selection', 'invitation-request'), following('what-is-csq')),
        ).toMatchObject({
            kind: 'refuse',
            topic: { id: 'oos-quebec-selection' },
        });
    });

    it('leaves the reading alone when the message names what it asks about, says no "it", or nothing came before', () => {
        const csq = answer('en', 'csq-expiry');
        expect(read('en', 'and when does my CSQ expire, is it soon?', csq, following('duration'))).toBe(csq);
        const certificate = answer('fr', 'csq-expiry');
        expect(read('fr', 'et quand le certificat expire?', certificate, following('duration'))).toBe(certificate);
        expect(read('en', 'and when does the CSQ expire?', csq, following('duration'))).toBe(csq);
        expect(read('en', 'and when does it expire?', csq, undefined)).toBe(csq);
        expect(read('en', 'and when does it expire?', csq, following('fees'))).toBe(csq);
    });

    it('never moves a topic that has no subject, a refusal, or onto a topic of another subject', () => {
        const fees = answer('en', 'fees');
        expect(read('en', 'how much does it cost?', fees, following('what-is-csq'))).toBe(fees);
        const refusal: Recognition = { kind: 'refuse', score: 0.1 };
        expect(read('en', 'is it cold there?', refusal, following('duration'))).toBe(refusal);
        // Read again, "does it let me work anywhere?" lands on fees, which is not about the permit: kept as it was.
        const employers = answer('en', 'employers');
        expect(read('en', 'does it let me work anywhere?', employers, following('what-is-csq'))).toBe(employers);
        const withAdvisor: Recognition = { kind: 'answer', topic: topic('en', 'duration'), score: 0.9, request: { command: 'advisor' } };
        expect(read('en', 'how long is it valid? can I talk to someone', withAdvisor, following('what-is-csq'))).toBe(withAdvisor);
        const csqEmployers = answer('en', 'what-is-csq');
        expect(read('en', 'does it let me work anywhere?', csqEmployers, following('duration'))).toBe(csqEmployers);
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
        ['en', 'how long is the permit valid', 'and when does it expire?', 'permit-expiry', 'en-CA'],
        ['en', 'what is a CSQ', 'how long is it valid?', 'csq-expiry', 'en-CA'],
        ['fr', 'le permis est valide combien de temps', 'et quand est-ce qu’il expire?', 'permit-expiry', 'fr-CA'],
        ['fr', 'c’est quoi un CSQ', 'il est valide combien de temps?', 'csq-expiry', 'fr-CA'],
        ['en', 'do I need an invitation letter', 'how do I get one?', 'invitation-request', 'en-CA'],
        ['fr', 'faut-il une lettre d’invitation', 'comment je l’obtiens?', 'invitation-request', 'fr-CA'],
    ] as const)('%s: "%s", then "%s" is about the same thing', async (language, first, followUp, expected, locale) => {
        const chat = new Chat({ locale });
        await chat.open();
        await chat.say(first);
        const replies = await chat.say(followUp);
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'answer', topic: expected });
        expect(textOf(replies)).toContain(topic(language, expected).answer);
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
