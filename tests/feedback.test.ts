import { Writable } from 'node:stream';
import { type Activity, ActivityTypes, MemoryStorage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WALKTHROUGH_STEPS } from '../src/content/catalog';
import { SATISFACTION_CHOICES } from '../src/content/feedback';
import { createTranslator } from '../src/content/i18n';
import type { Language } from '../src/content/languages';
import { createConversation } from '../src/conversation/conversation';
import { createLogger } from '../src/observability/logger';
import { buttonsOf, Chat, messages, textOf } from './helpers/chat';
import { realMatcher } from './helpers/matcher';
import { activity, post, type RunningBot, replies, startBot } from './helpers/server';

const t = createTranslator();

/** A bot whose analytics events (and every other log line) are kept, to check what is tracked and what is not. */
function recordingBot() {
    const lines: string[] = [];
    const sink = new Writable({
        write(chunk, _encoding, done) {
            lines.push(...String(chunk).split('\n').filter(Boolean));
            done();
        },
    });
    const conversation = createConversation({
        storage: new MemoryStorage(),
        logger: createLogger('info', sink),
        maxMessageLength: 1000,
        createMatcher: realMatcher,
    });
    const events = (name: string) =>
        lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === name);
    return { conversation, lines, events };
}

const bot = recordingBot();

/** The status of the invoke response the bot gave (the TestAdapter queues it as an activity). */
const invokeStatus = (replies: Partial<Activity>[]) =>
    (replies.find((a) => a.type === 'invokeResponse')?.value as { status?: number } | undefined)?.status;

const rateable = (replies: Partial<Activity>[]) => messages(replies).at(-1) as Partial<Activity>;

describe('rating an answer on Teams (the feedback loop)', () => {
    it('turns the loop on for answers, answers the invoke with 200, tracks the topic and never the typed feedback', async () => {
        const chat = new Chat({ conversation: bot.conversation, channelId: 'msteams' });
        const answer = rateable(await chat.say('how much are the fees'));
        expect(answer.channelData).toMatchObject({ feedbackLoopEnabled: true });

        const before = bot.events('answer.rated').length;
        const response = await chat.send({
            type: ActivityTypes.Invoke,
            name: 'message/submitAction',
            replyToId: answer.id,
            value: {
                actionName: 'feedback',
                actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'wrong, call me at jane@example.com' }) },
            },
        });
        expect(invokeStatus(response)).toBe(200);
        // Teams asks why in its own form: the bot adds no message of its own.
        expect(messages(response)).toEqual([]);
        expect(bot.events('answer.rated').slice(before)).toEqual([
            expect.objectContaining({ topic: 'fees', helpful: false, channel: 'msteams', locale: 'en' }),
        ]);
        expect(bot.lines.join('\n')).not.toContain('jane@example.com');
        expect(bot.lines.join('\n')).not.toContain('call me');
    });

    it('does not loop small talk, and rates an unknown message as "unknown" rather than failing', async () => {
        const chat = new Chat({ conversation: bot.conversation, channelId: 'msteams' });
        expect(rateable(await chat.say('thanks')).channelData).toBeUndefined();
        const response = await chat.send({
            type: ActivityTypes.Invoke,
            name: 'message/submitAction',
            replyToId: 'not-a-message-of-ours',
            value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{}' } },
        });
        expect(invokeStatus(response)).toBe(200);
        expect(bot.events('answer.rated').at(-1)).toMatchObject({ topic: 'unknown', helpful: true });
    });

    it('takes a vote without replyToId (some Teams clients leave it out) as one on the latest answer', async () => {
        const chat = new Chat({ conversation: bot.conversation, channelId: 'msteams' });
        await chat.say('how much are the fees');
        await chat.say('what is a CSQ');
        await chat.send({
            type: ActivityTypes.Invoke,
            name: 'message/submitAction',
            value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{}' } },
        });
        expect(bot.events('answer.rated').at(-1)).toMatchObject({ topic: 'what-is-csq', helpful: true, channel: 'msteams' });
    });
});

describe('rating an answer on Messenger (quick replies on the answer itself)', () => {
    async function start(language: Language) {
        const chat = new Chat({ conversation: bot.conversation, channelId: 'facebook', locale: undefined });
        await chat.say(language === 'fr' ? 'français' : 'english');
        return chat;
    }
    const tap = (chat: Chat, quickReply: { title: string; value: unknown } | undefined) =>
        chat.send({
            type: ActivityTypes.Message,
            text: quickReply?.title,
            channelData: { message: { quick_reply: { payload: quickReply?.value } } },
        });

    it.each(['en', 'fr'] as const)('adds 👍 / 👎 to the answer, asks why only after 👎, and tracks the reason (%s)', async (language) => {
        const chat = await start(language);
        const answerReplies = await chat.say(language === 'fr' ? 'combien coûte le permis' : 'how much are the fees');
        const answer = rateable(answerReplies);
        const quickReplies = answer.suggestedActions?.actions ?? [];
        // The votes close the answer's own quick replies: no second message.
        expect(quickReplies.slice(-2).map((a) => a.title)).toEqual(['👍', '👎']);
        expect(quickReplies.length).toBeLessThanOrEqual(13);

        const before = bot.events('answer.rated').length;
        const down = await tap(chat, quickReplies.at(-1) as { title: string; value: unknown });
        expect(textOf(down)).toContain(t.t(language, 'feedback:reasonQuestion'));
        expect(buttonsOf(down)).toEqual([
            ...['wrong', 'unclear', 'outdated', 'notMyQuestion'].map((r) => t.t(language, `feedback:reasons.${r}`)),
            t.t(language, 'feedback:skip'),
        ]);
        expect(bot.events('answer.rated').slice(before)).toEqual([
            expect.objectContaining({ helpful: false, channel: 'facebook', locale: language }),
        ]);
        const topic = bot.events('answer.rated').at(-1)?.topic;

        const reasonButton = rateable(down).suggestedActions?.actions[1];
        const thanked = await tap(chat, reasonButton as { title: string; value: unknown });
        expect(textOf(thanked)).toContain(t.t(language, 'feedback:thanks'));
        expect(bot.events('answer.reason').at(-1)).toMatchObject({ topic, reason: 'unclear', channel: 'facebook' });
    });

    it('thanks for a 👍 without asking why, and a message after 👎 is read for what it is', async () => {
        const chat = await start('en');
        const first = rateable(await chat.say('what is a CSQ'));
        const up = await tap(chat, first.suggestedActions?.actions.at(-2) as { title: string; value: unknown });
        expect(textOf(up)).toBe(t.t('en', 'feedback:thanks'));
        expect(bot.events('answer.rated').at(-1)).toMatchObject({ helpful: true, topic: 'what-is-csq' });

        const second = rateable(await chat.say('how much are the fees'));
        await tap(chat, second.suggestedActions?.actions.at(-1) as { title: string; value: unknown });
        const reasons = bot.events('answer.reason').length;
        const next = await chat.say('Am I eligible?');
        expect(textOf(next)).toContain(t.t('en', 'eligibility:intro'));
        expect(bot.events('answer.reason')).toHaveLength(reasons);
    });

    it('ignores a forged payload naming a topic that does not exist', async () => {
        const chat = await start('en');
        await tap(chat, { title: '👍', value: 'RATE:like:en:no-such-topic' });
        expect(bot.events('answer.rated').at(-1)).toMatchObject({ topic: 'unknown' });
    });
});

describe('feedback through the real HTTP endpoint', () => {
    let server: RunningBot;
    beforeAll(async () => {
        server = await startBot();
    });
    afterAll(async () => {
        await server?.close();
    });

    it('answers a Teams feedback invoke with 200 (the status Teams reads, no expectReplies)', async () => {
        const response = await post(
            server.url,
            activity({
                type: 'invoke',
                channelId: 'msteams',
                name: 'message/submitAction',
                deliveryMode: undefined,
                conversation: { id: 'teams-vote' },
                replyToId: 'some-message',
                value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":""}' } },
            }),
        );
        expect(response.status).toBe(200);
    });

    it('takes the vote event Web Chat sends (the action pressed, as entity) and asks why after a thumbs down', async () => {
        const response = await post(
            server.url,
            activity({
                type: 'event',
                channelId: 'webchat',
                conversation: { id: 'vote-1' },
                locale: 'fr-CA',
                name: 'webchat:activity-status/feedback',
                entities: [{ '@type': 'DislikeAction', '@id': 'urn:impplus:rating:fr:fees:dislike' }],
            }),
        );
        expect(response.status).toBe(200);
        const texts = (await replies(response)).map((a) => a.text ?? '');
        expect(texts.join('\n')).toContain(t.t('fr', 'feedback:reasonQuestion'));
    });

    it('still refuses other submit actions as unsupported invokes', async () => {
        const response = await post(
            server.url,
            activity({
                type: 'invoke',
                channelId: 'msteams',
                name: 'message/submitAction',
                deliveryMode: undefined,
                conversation: { id: 'teams-other' },
                value: { actionName: 'other' },
            }),
        );
        expect(response.status).toBe(400);
    });
});

describe('the end-of-conversation satisfaction question', () => {
    it.each(['en', 'fr'] as const)('comes once, after a thank-you, and its answer is tracked (%s)', async (language) => {
        const chat = new Chat({ conversation: bot.conversation, locale: language === 'fr' ? 'fr-CA' : 'en-US' });
        await chat.open();
        const asked = await chat.say(language === 'fr' ? 'merci' : 'thanks');
        expect(textOf(asked)).toContain(t.t(language, 'feedback:satisfaction.question'));
        expect(buttonsOf(asked)).toEqual(SATISFACTION_CHOICES.map((c) => t.t(language, c.labelKey)));
        // One question at a time: the thank-you's own "anything else?" gives way to a short reply.
        expect(textOf(asked)).toContain(t.t(language, 'feedback:satisfaction.welcome'));
        expect(textOf(asked)).not.toContain(t.t(language, 'faq:topics.thanks.answer'));

        const before = bot.events('satisfaction').length;
        const answered = await chat.say(t.t(language, 'feedback:satisfaction.good'));
        expect(textOf(answered)).toContain(t.t(language, 'feedback:satisfaction.thanks'));
        expect(buttonsOf(answered)).toContain(t.t(language, 'common:menu.choices.eligibility'));
        expect(bot.events('satisfaction').slice(before)).toEqual([
            expect.objectContaining({ rating: 'good', channel: 'webchat', locale: language }),
        ]);

        // At most once per conversation.
        const again = await chat.say(language === 'fr' ? 'merci' : 'thanks');
        expect(textOf(again)).not.toContain(t.t(language, 'feedback:satisfaction.question'));
        expect(buttonsOf(again)).toContain(t.t(language, 'common:menu.choices.eligibility'));
    });

    it.each([
        ['en', 'ok'],
        ['fr', 'd’accord'],
        ['fr', 'ok'],
    ] as const)(
        '(%s) is not asked after a mere “%s”, which gets a short reply in the conversation’s language and the menu, not an apology',
        async (language, text) => {
            const chat = new Chat({ conversation: bot.conversation, locale: language === 'fr' ? 'fr-CA' : 'en-US' });
            await chat.open();
            const replies = await chat.say(text);
            expect(textOf(replies)).toContain(t.t(language, 'faq:topics.acknowledgement.answer'));
            expect(textOf(replies)).not.toContain(t.t(language, 'common:fallback.unknown'));
            expect(textOf(replies)).not.toContain(t.t(language, 'feedback:satisfaction.question'));
            expect(buttonsOf(replies)).toContain(t.t(language, 'common:menu.choices.eligibility'));
        },
    );

    it('is never asked of the firm’s staff in Teams', async () => {
        const tenant = '5e7a1c2d-3b4f-4a6e-9c8d-0f1e2d3c4b5a';
        const staff = new Chat({ channelId: 'msteams', locale: 'en-US', firmTenantId: tenant });
        const personal = { conversation: { id: 'a:staff', conversationType: 'personal', tenantId: tenant } as Activity['conversation'] };
        const thanked = await staff.send({ type: 'message', text: 'thanks', channelData: { tenant: { id: tenant } }, ...personal });
        expect(textOf(thanked)).not.toContain(t.t('en', 'feedback:satisfaction.question'));
        expect(textOf(thanked)).toContain(t.t('en', 'faq:topics.thanks.answer'));
    });

    it('can be skipped, and anything else typed is read for what it is (and the question never comes back)', async () => {
        const chat = new Chat({ conversation: bot.conversation });
        await chat.open();
        await chat.say('bye');
        const skipped = await chat.say('Skip');
        expect(buttonsOf(skipped)).toContain('Am I eligible?');
        expect(bot.events('satisfaction').at(-1)).toMatchObject({ rating: 'skipped' });

        const other = new Chat({ conversation: bot.conversation });
        await other.open();
        await other.say('thanks');
        const before = bot.events('satisfaction').length;
        const answered = await other.say('how much are the fees');
        expect(textOf(answered)).toContain('Source:');
        expect(bot.events('satisfaction')).toHaveLength(before);
        expect(textOf(await other.say('thanks'))).not.toContain(t.t('en', 'feedback:satisfaction.question'));
    });

    it('is asked at the end of the walkthrough, in French', async () => {
        const chat = new Chat({ conversation: bot.conversation, locale: 'fr-CA' });
        await chat.open();
        await chat.say(t.t('fr', 'common:menu.choices.steps'));
        for (let step = 1; step < WALKTHROUGH_STEPS.length; step += 1) await chat.say(t.t('fr', 'steps:choices.next'));
        const end = await chat.say(t.t('fr', 'steps:choices.done'));
        expect(textOf(end)).toContain(t.t('fr', 'steps:finished'));
        expect(textOf(end)).toContain(t.t('fr', 'feedback:satisfaction.question'));
        await chat.say(t.t('fr', 'feedback:satisfaction.poor'));
        expect(bot.events('satisfaction').at(-1)).toMatchObject({ rating: 'poor', locale: 'fr' });
    });

    it('is asked after the verdict, but never over a pending question', async () => {
        const chat = new Chat({ conversation: bot.conversation });
        await chat.open();
        await chat.say('Am I eligible?');
        // "thanks" in the middle of the check: the question comes back, no satisfaction question.
        const midway = await chat.say('thanks');
        expect(textOf(midway)).not.toContain(t.t('en', 'feedback:satisfaction.question'));
        expect(textOf(midway)).toContain('Question 1');
        const verdict = await chat.say('In Quebec');
        expect(textOf(verdict)).toContain(t.t('en', 'feedback:satisfaction.question'));
    });
});
