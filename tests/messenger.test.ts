import { ActivityTypes } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { buttonsOf, Chat, messages, textOf, trace } from './helpers/chat';

const t = createTranslator();

const messenger = () => new Chat({ channelId: 'facebook', locale: undefined });

describe('Facebook Messenger', () => {
    it('welcomes on the "Get Started" postback and asks for the language, since Messenger sends no locale', async () => {
        const chat = messenger();
        const replies = await chat.send({
            type: ActivityTypes.Message,
            text: 'Get Started',
            channelData: { postback: { payload: 'GET_STARTED', title: 'Get Started' } },
        });
        expect(textOf(replies)).toContain('Hello! Bonjour!');
        expect(buttonsOf(replies)).toEqual(['English', 'Français']);
    });

    it('understands quick-reply payloads', async () => {
        const chat = messenger();
        await chat.say('Français');
        const replies = await chat.send({
            type: ActivityTypes.Message,
            text: 'Suis-je admissible?',
            channelData: { message: { quick_reply: { payload: 'Suis-je admissible?' } } },
        });
        expect(textOf(replies)).toContain('Question 1\u00a0:');
        const answer = await chat.send({
            type: ActivityTypes.Message,
            text: 'Oui',
            channelData: { message: { quick_reply: { payload: 'Oui' } } },
        });
        expect(textOf(answer)).toContain('Question 2\u00a0:');
    });

    it('answers the pending question with what the bot read: the payload, not the title of the button', async () => {
        const chat = messenger();
        await chat.say('Français');
        await chat.say('Suis-je admissible?');
        // A postback whose title says something else: the dialog must read the payload, as the bot did.
        const replies = await chat.send({
            type: ActivityTypes.Message,
            text: 'Touchez ici',
            channelData: { postback: { payload: 'Hors du Canada', title: 'Touchez ici' } },
        });
        expect(textOf(replies)).toContain(t.t('fr', 'eligibility:criteria.csq.question', { n: 2 }));
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'dialog', target: 'eligibility' });
    });

    it('prefers the postback payload over the button title', async () => {
        const chat = messenger();
        await chat.say('English');
        const replies = await chat.send({ type: ActivityTypes.Message, text: 'Tap here', channelData: { postback: { payload: 'menu' } } });
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'command', command: 'menu' });
    });

    it('writes facts and sources as text (no Adaptive Cards) and keeps quick replies', async () => {
        const chat = messenger();
        await chat.say('English');
        const replies = await chat.say('Open work permit');
        const last = messages(replies).at(-1);
        expect(last?.attachments ?? []).toEqual([]);
        expect(last?.text).toContain(`• ${t.t('en', 'permit:facts.duration.label')}: ${t.t('en', 'permit:facts.duration.value')}`);
        expect(last?.text).toMatch(/Source: .+, checked on [A-Z][a-z]+ \d{1,2}, \d{4}: https:\/\//);
    });

    it('follows French typography in plain text (no-break space before the colon)', async () => {
        const chat = messenger();
        await chat.say('Français');
        const replies = await chat.say('Permis de travail');
        const last = messages(replies).at(-1);
        expect(last?.text).toContain(`• ${t.t('fr', 'permit:facts.duration.label')}\u00a0: `);
        expect(last?.text).toMatch(/Source\u00a0: .+, vérifiée le \d{1,2}(er)?\u00a0[a-zéû]+ \d{4}\u00a0: https:\/\//);
        expect(last?.suggestedActions?.actions.length).toBeLessThanOrEqual(13);
    });

    it('detects the language of typed text', async () => {
        const chat = messenger();
        const replies = await chat.say('Bonjour! Est-ce que je peux amener ma famille?');
        expect(trace(replies, 'Recognizer')).toMatchObject({ locale: 'fr' });
    });
});
