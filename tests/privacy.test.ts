import { type Activity, ActivityTypes, MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { buttonsOf, Chat, textOf, trace } from './helpers/chat';

const t = createTranslator();
const FIRM = {
    name: 'Cabinet Tremblay',
    email: 'info@tremblay.example',
    phone: '+1 514 555 0100',
    bookingUrl: 'https://tremblay.example/rdv',
};

describe('privacy notice', () => {
    it.each([
        ['privacy', 'en-CA', 'en'],
        ['vie privée', 'fr-CA', 'fr'],
        ['Confidentialité', 'fr-CA', 'fr'],
    ] as const)('"%s" shows what is kept, for how long and why', async (text, locale, lang) => {
        const chat = new Chat({ locale });
        await chat.open();
        const replies = await chat.say(text);
        expect(textOf(replies)).toContain(t.t(lang, 'common:privacy.notice', { days: 30, codeDays: 60 }));
        expect(textOf(replies)).toContain('30');
    });

    it('answers in the middle of a dialog and asks the pending question again', async () => {
        const chat = new Chat();
        await chat.open();
        await chat.say('Am I eligible?');
        const replies = await chat.say('what data do you keep');
        expect(textOf(replies)).toContain('Privacy:');
        expect(textOf(replies)).toContain('Question 1:');
    });
});

describe('personal details typed into a question', () => {
    it.each([
        ['en-CA', 'en', 'UCI 1109-4472, how much are the fees for the permit?', 'my email is ana.r@example.com, is IMP+ still open?'],
        [
            'fr-CA',
            'fr',
            'Passeport CI0098123. Les frais du permis, c’est combien?',
            'mon courriel: b.diop@exemple.sn, le PMI+ est-il encore ouvert?',
        ],
    ] as const)('in %s: says once that they are not needed, beside the answer', async (locale, lang, first, second) => {
        const chat = new Chat({ locale });
        await chat.open();
        const note = t.t(lang, 'common:personalDetails');
        const answered = await chat.say(first);
        expect(textOf(answered)).toContain(note);
        expect(trace(answered, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'fees' });
        expect(textOf(await chat.say(second))).not.toContain(note);
    });

    it.each([
        ['en-CA', 'en', '(UCI 1109-4472) how much are the fees for the permit?'],
        ['fr-CA', 'fr', '(dossier W301122334) les frais du permis, c’est combien?'],
    ] as const)('in %s: in brackets before the question, answers the question', async (locale, lang, text) => {
        const chat = new Chat({ locale });
        await chat.open();
        const answered = await chat.say(text);
        expect(trace(answered, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'fees' });
        expect(textOf(answered)).toContain(t.t(lang, 'common:personalDetails'));
    });

    it.each([
        ['someone asking an advisor to call back', 'my phone is +1 514 555 0192, can an advisor call me?'],
        ['a date', 'I got my invitation on 2024-10-14, how much are the fees?'],
    ])('is not told to %s', async (_, text) => {
        const chat = new Chat();
        await chat.open();
        const replies = await chat.say(text);
        expect(textOf(replies)).not.toContain(t.t('en', 'common:personalDetails'));
    });
});

describe('delete my data', () => {
    const keys = (channel: string, conversation: string, user: string) => [
        `${channel}/conversations/${conversation}/`,
        `${channel}/users/${user}/`,
    ];

    it('erases the user’s and the conversation’s stored state, mid-dialog, and confirms', async () => {
        const storage = new MemoryStorage();
        const chat = new Chat({ storage, userId: 'erase-me', conversationId: 'erase-conv', locale: 'en-CA' });
        await chat.open();
        await chat.say('français');
        await chat.say('Faire la demande');
        await chat.say('Suivant');
        expect(Object.keys(await storage.read(keys('webchat', 'erase-conv', 'erase-me')))).toHaveLength(2);

        const replies = await chat.say('effacer mes données');
        expect(textOf(replies)).toContain(t.t('fr', 'common:privacy.deleted'));
        expect(await storage.read(keys('webchat', 'erase-conv', 'erase-me'))).toEqual({});

        // Nothing was kept: the explicit French choice is gone (the channel says en-CA) and the guide restarts.
        const after = await chat.say('How to apply');
        expect(textOf(after)).toContain('Step 1 of ');
        expect(textOf(after)).not.toContain('Welcome back');
    });

    it('works at the top level in English', async () => {
        const storage = new MemoryStorage();
        const chat = new Chat({ storage, userId: 'u2', conversationId: 'c2' });
        await chat.open();
        await chat.say('help');
        const replies = await chat.say('Delete my data');
        expect(textOf(replies)).toContain('I’ve erased everything');
        expect(buttonsOf(replies)).toContain('Am I eligible?');
        expect(await storage.read(keys('webchat', 'c2', 'u2'))).toEqual({});
    });
});

describe('talk to an advisor, for staff in Teams (visitors: tests/handoff.test.ts)', () => {
    it('gives the firm’s contact and hands the conversation over with its transcript', async () => {
        const chat = new Chat({ firm: FIRM, locale: 'fr-CA', channelId: 'msteams' });
        await chat.open();
        await chat.say('Suis-je admissible?');
        await chat.say('oui');
        const replies = await chat.say('parler à un conseiller');
        const text = textOf(replies);
        expect(text).toContain('Un conseiller de Cabinet Tremblay');
        expect(text).toContain('info@tremblay.example');
        expect(text).toContain('+1 514 555 0100');
        expect(text).toContain('https://tremblay.example/rdv');
        // The pending question comes back, so the visitor can carry on meanwhile.
        expect(text).toContain('Question 2\u00a0:');

        const handoff = replies.find((a) => a.type === ActivityTypes.Event && a.name === 'handoff.initiate') as Activity | undefined;
        expect(handoff).toBeDefined();
        expect(handoff?.value).toMatchObject({ language: 'fr', firm: 'Cabinet Tremblay' });
        const transcript =
            (handoff?.attachments?.[0]?.content as { activities: { text: string; from: { role: string } }[] } | undefined)?.activities ??
            [];
        expect(transcript.map((a) => a.text)).toEqual(expect.arrayContaining(['Suis-je admissible?', 'oui']));
        expect(transcript.some((a) => a.from.role === 'bot')).toBe(true);
    });

    it('is in the menu, and says how to reach the firm when no contact is configured', async () => {
        const chat = new Chat({ channelId: 'msteams' });
        const opened = await chat.open();
        expect(buttonsOf(opened)).toContain('Talk to an advisor');
        const replies = await chat.say('Talk to an advisor');
        expect(textOf(replies)).toContain(t.t('en', 'common:advisor.unavailable'));
        expect(buttonsOf(replies)).toContain('Am I eligible?');
    });

    it('keeps the transcript short', async () => {
        const chat = new Chat({ firm: FIRM, channelId: 'msteams' });
        await chat.open();
        for (let i = 0; i < 15; i++) await chat.say(`help ${'x'.repeat(400)}`);
        const replies = await chat.say('advisor');
        const handoff = replies.find((a) => a.name === 'handoff.initiate') as Activity;
        const transcript = (handoff.attachments?.[0]?.content as { activities: { text: string }[] } | undefined)?.activities ?? [];
        expect(transcript.length).toBeLessThanOrEqual(10);
        expect(transcript.every((a) => a.text.length <= 200)).toBe(true);
    });
});
