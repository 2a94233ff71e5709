import type { ConversationAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { ConversationRateLimiter } from '../src/hosting/rateLimit';
import { Chat, textOf } from './helpers/chat';
import { activity, post, type RunningBot, replies, startBot } from './helpers/server';

const t = createTranslator();

describe('per-conversation rate limit', () => {
    function limitedChat(perMinute: number, clock: { now: number }, maxTracked?: number) {
        const chat = new Chat({ locale: 'fr-CA' });
        chat.adapter.use(new ConversationRateLimiter(perMinute, chat.conversation.translator, () => clock.now, maxTracked));
        return chat;
    }

    it('asks once, politely and in the user’s language, to slow down, and keeps the conversation intact', async () => {
        const clock = { now: 0 };
        const chat = limitedChat(3, clock);
        await chat.say('Suis-je admissible?');
        await chat.say('oui');
        const third = await chat.say('Régulier (PRTQ)');
        expect(textOf(third)).toContain('Question 3\u00a0:');

        const limited = await chat.say('En traitement');
        expect(textOf(limited)).toBe(t.t('fr', 'common:rateLimited'));
        const silent = await chat.say('En traitement');
        expect(silent).toEqual([]);

        clock.now += 61_000;
        // The dropped answers never reached the dialog: it still waits for question 3.
        const after = await chat.say('En traitement');
        expect(textOf(after)).toContain('Question 4\u00a0:');
    });

    it('counts each conversation on its own', async () => {
        const clock = { now: 0 };
        const first = limitedChat(1, clock);
        await first.say('help');
        expect(textOf(await first.say('help'))).toBe(t.t('fr', 'common:rateLimited'));
        const second = new Chat({ locale: 'fr-CA' });
        second.adapter.use(new ConversationRateLimiter(1, second.conversation.translator, () => clock.now));
        expect(textOf(await second.say('aide'))).toContain(t.t('fr', 'common:help.general'));
    });

    it('forgets conversations silent for a minute and never tracks more than its cap', async () => {
        const clock = { now: 0 };
        const chat = new Chat({ locale: 'en-CA' });
        const limiter = new ConversationRateLimiter(10, chat.conversation.translator, () => clock.now, 3);
        chat.adapter.use(limiter);
        for (const id of ['a', 'b', 'c', 'd'])
            await chat.send({ type: 'message', text: 'help', conversation: { id } as ConversationAccount });
        expect(limiter.trackedConversations).toBe(3);
        clock.now += 61_000;
        await chat.send({ type: 'message', text: 'help', conversation: { id: 'e' } as ConversationAccount });
        expect(limiter.trackedConversations).toBe(1);
    });

    it('lets conversationUpdate and other activities through', async () => {
        const chat = limitedChat(1, { now: 0 });
        const reached: string[] = [];
        chat.adapter.use(async (context, next) => {
            reached.push(context.activity.type);
            await next();
        });
        await chat.say('help');
        await chat.say('help');
        await chat.open();
        await chat.send({ type: 'event', name: 'webchat/join', value: { language: 'fr-CA' } });
        expect(reached).toEqual(['message', 'conversationUpdate', 'event']);
    });
});

describe('rate limit on the HTTP endpoint', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot({ RATE_LIMIT_PER_MINUTE: '2' });
    });
    afterAll(() => bot.close());

    it('answers the third message of a minute with the polite limit, as a 200', async () => {
        const conversation = { id: 'rate-limited' };
        for (const text of ['help', 'menu']) expect((await post(bot.url, activity({ text, conversation }))).status).toBe(200);
        const response = await post(bot.url, activity({ text: 'help', conversation }));
        expect(response.status).toBe(200);
        const texts = (await replies(response)).map((a) => a.text);
        expect(texts).toEqual([t.t('en', 'common:rateLimited')]);
    });
});
