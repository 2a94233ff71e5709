import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { getTurnInfo } from '../src/turn/turn';
import { buttonsOf, Chat, messages, textOf, trace } from './helpers/chat';

const TENANT = '11111111-2222-3333-4444-555555555555';
const teams = (locale = 'en-US') => new Chat({ channelId: 'msteams', locale });
const groupConversation = { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: TENANT } as Activity['conversation'];

function mentionOfBot(text: string): Partial<Activity> {
    return {
        type: ActivityTypes.Message,
        text: `<at>IMP+ Assistant</at> ${text}`,
        conversation: groupConversation,
        entities: [{ type: 'mention', text: '<at>IMP+ Assistant</at>', mentioned: { id: 'bot', name: 'IMP+ Assistant' } }],
        channelData: { tenant: { id: TENANT } },
    };
}

describe('Microsoft Teams', () => {
    it('greets once on a personal install, not again when the bot is added to the chat', async () => {
        const chat = teams();
        const installed = await chat.send({
            type: ActivityTypes.InstallationUpdate,
            action: 'add',
            channelData: { tenant: { id: TENANT } },
        });
        expect(textOf(installed)).toContain('I’m the IMP+ assistant');
        const added = await chat.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'Bot' }] });
        const userAdded = await chat.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user', name: 'User' }] });
        expect(messages(added)).toEqual([]);
        expect(messages(userAdded)).toEqual([]);
    });

    it('draws choices as a hero card whose buttons send text and a payload (messageBack)', async () => {
        const chat = teams();
        const replies = await chat.open();
        const menu = messages(replies).at(-1);
        expect(menu?.suggestedActions).toBeUndefined();
        const card = menu?.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.hero');
        const buttons = (card?.content as { buttons: { type: string; text: string; displayText: string }[] } | undefined)?.buttons ?? [];
        expect(buttons.every((b) => b.type === 'messageBack' && b.text === b.displayText)).toBe(true);
        expect(buttonsOf(replies)).toContain('Am I eligible?');
    });

    it('draws facts and sources as an Adaptive Card 1.5 whose buttons are messageBack submits', async () => {
        const chat = teams();
        await chat.open();
        await chat.say('Open work permit');
        const permit = await chat.say('Yearly caps');
        const card = messages(permit).at(-1)?.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        const content = card?.content as {
            version: string;
            actions: { type: string; data?: { msteams?: { type: string; text?: string } } }[];
        };
        expect(content.version).toBe('1.5');
        const submits = content.actions.filter((a) => a.type === 'Action.Submit');
        expect(submits.length).toBeGreaterThan(0);
        expect(submits.every((a) => a.data?.msteams?.type === 'messageBack' && a.data.msteams.text)).toBe(true);
    });

    it('stays quiet in a group chat unless mentioned', async () => {
        const chat = teams();
        const replies = await chat.send({ type: ActivityTypes.Message, text: 'am I eligible?', conversation: groupConversation });
        expect(replies).toEqual([]);
    });

    it('answers when mentioned, reading the text without the mention', async () => {
        const chat = teams();
        const replies = await chat.send(mentionOfBot('Am I eligible?'));
        expect(trace(replies, 'Recognizer')).toMatchObject({ text: 'Am I eligible?', action: 'dialog', target: 'eligibility' });
        expect(textOf(replies)).toContain('Question 1:');
        const next = await chat.send(mentionOfBot('yes'));
        expect(textOf(next)).toContain('Question 2:');
    });

    it('makes the tenant id available to the rest of the code', async () => {
        const chat = teams();
        let seen: string | undefined;
        chat.adapter.use(async (context: TurnContext, next) => {
            await next();
            seen = getTurnInfo(context).tenantId;
        });
        await chat.send(mentionOfBot('help'));
        expect(seen).toBe(TENANT);
    });
});
