import { type Activity, ActivityTypes, type CardAction } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { Chat, messages, textOf } from './helpers/chat';

const TENANT = '11111111-2222-3333-4444-555555555555';
const t = createTranslator();

const conversations = {
    groupChat: { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: TENANT },
    channel: { id: '19:general@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: TENANT },
} as const;
type GroupKind = keyof typeof conversations;

/** A Teams group chat or channel where messages are sent as Teams sends them. */
function group(kind: GroupKind) {
    const chat = new Chat({ channelId: 'msteams', locale: 'en-CA' });
    const conversation = { ...conversations[kind], id: `${conversations[kind].id}-${Math.random()}` } as Activity['conversation'];
    const base = { type: ActivityTypes.Message, conversation, channelData: { tenant: { id: TENANT } } };
    return {
        mention: (text: string) =>
            chat.send({
                ...base,
                text: `<at>IMP+ Assistant</at> ${text}`,
                entities: [{ type: 'mention', text: '<at>IMP+ Assistant</at>', mentioned: { id: 'bot', name: 'IMP+ Assistant' } }],
            }),
        chatter: (text: string) => chat.send({ ...base, text }),
        /** A tap on a hero card's messageBack button: Teams sends its text and value, without a mention. */
        tap: (button: CardAction) => chat.send({ ...base, text: button.text, value: button.value }),
        /** A tap on an Adaptive Card's Action.Submit: the data in value (and, with messageBack, the text). */
        submit: (data: Record<string, unknown>, text?: string) => chat.send({ ...base, ...(text ? { text } : {}), value: data }),
    };
}

/** The buttons of the last card of the replies (hero card buttons). */
function cardButtons(replies: Partial<Activity>[]): CardAction[] {
    const last = messages(replies).at(-1);
    return (last?.attachments ?? []).flatMap((a) => (a.content as { buttons?: CardAction[] } | undefined)?.buttons ?? []);
}

const button = (replies: Partial<Activity>[], title: string): CardAction => {
    const found = cardButtons(replies).find((b) => b.title === title);
    if (!found)
        throw new Error(
            `no button "${title}" in ${cardButtons(replies)
                .map((b) => b.title)
                .join(', ')}`,
        );
    return found;
};

describe.each(['groupChat', 'channel'] as const)('Teams %s: card taps', (kind) => {
    it('still ignores chatter that does not mention the bot', async () => {
        const { chatter } = group(kind);
        expect(await chatter('yes')).toEqual([]);
    });

    it('answers a tap on a card button, which arrives without an @mention', async () => {
        const { mention, tap } = group(kind);
        const question1 = await mention('Am I eligible?');
        expect(textOf(question1)).toContain('Question 1:');
        const yes = button(question1, t.t('en', 'eligibility:choices.abroad'));
        expect(yes.type).toBe('messageBack');
        const question2 = await tap(yes);
        expect(textOf(question2)).toContain('Question 2:');
    });

    it('answers an Adaptive Card submit that carries only its data', async () => {
        const { mention, submit } = group(kind);
        const question1 = await mention('Am I eligible?');
        const value = button(question1, t.t('en', 'eligibility:choices.abroad')).value as Record<string, unknown>;
        // No text at all: the payload says what was tapped.
        expect(textOf(await submit(value))).toContain('Question 2:');
    });

    it('never lets a tap on an old card answer the current question: it says so and asks the current one', async () => {
        const { mention, tap } = group(kind);
        const question1 = await mention('Am I eligible?');
        const abroad = button(question1, t.t('en', 'eligibility:choices.abroad'));
        const inQuebec = button(question1, t.t('en', 'eligibility:choices.quebec'));
        const question2 = await tap(abroad);
        expect(textOf(question2)).toContain('Question 2:');

        // "In Quebec" on question 1's card would end the check as unmet; it must not touch question 2.
        const stale = await tap(inQuebec);
        expect(textOf(stale)).toContain(t.t('en', 'cards:stale.question'));
        expect(textOf(stale)).toContain('Question 2:');
        expect(textOf(stale)).not.toContain(t.t('en', 'eligibility:verdict.notEligible'));

        // Question 2 still takes its own card's buttons.
        const question3 = await tap(button(question2, t.t('en', 'eligibility:choices.regular')));
        expect(textOf(question3)).toContain('Question 3:');
    });

    it('says a card is out of date when its question is closed, and offers the menu', async () => {
        const { mention, tap } = group(kind);
        const question1 = await mention('Am I eligible?');
        const inQuebec = button(question1, t.t('en', 'eligibility:choices.quebec'));
        const verdict = await mention('cancel');
        expect(textOf(verdict)).toContain(t.t('en', 'common:cancelled'));
        const stale = await tap(inQuebec);
        expect(textOf(stale)).toContain(t.t('en', 'cards:stale.closed'));
        expect(textOf(stale)).toContain(t.t('en', 'common:menu.prompt'));
    });

    it('takes a tap on the satisfaction card once; a later tap on it is out of date, not a question', async () => {
        const { mention, tap } = group(kind);
        const asked = await mention('thanks');
        expect(textOf(asked)).toContain(t.t('en', 'feedback:satisfaction.question'));
        const notUseful = button(asked, t.t('en', 'feedback:satisfaction.poor'));
        expect(textOf(await tap(notUseful))).toContain(t.t('en', 'feedback:satisfaction.thanks'));
        const again = await tap(notUseful);
        expect(textOf(again)).toContain(t.t('en', 'cards:stale.closed'));
        expect(textOf(again)).not.toContain(t.t('en', 'faq:topics.what-is-imp.answer'));
    });

    it('reads a menu tap (a button that answers no question) like typing its label', async () => {
        const { mention, tap } = group(kind);
        const menu = await mention('menu');
        const replies = await tap(button(menu, t.t('en', 'common:menu.choices.eligibility')));
        expect(textOf(replies)).toContain('Question 1:');
    });
});

describe('Teams personal chat: every kind of question card answers its own question when tapped', () => {
    /** The actions of the last message: hero card buttons, or an Adaptive Card's submits (as their data). */
    function taps(replies: Partial<Activity>[]): { title: string; send: Partial<Activity> }[] {
        const last = messages(replies).at(-1);
        return (last?.attachments ?? []).flatMap((attachment) => {
            const content = attachment.content as {
                buttons?: CardAction[];
                actions?: { type: string; title: string; data?: { msteams?: { text?: string } } & Record<string, unknown> }[];
            };
            const hero = (content.buttons ?? []).map((b) => ({ title: b.title, send: { text: b.text, value: b.value } }));
            const submits = (content.actions ?? [])
                .filter((a) => a.type === 'Action.Submit')
                .map((a) => ({ title: a.title, send: { text: a.data?.msteams?.text, value: a.data } }));
            return [...hero, ...submits];
        });
    }

    it('goes through questions, an "is that right?", a resumed check and an Adaptive Card by taps alone', async () => {
        const chat = new Chat({ channelId: 'msteams', locale: 'en-CA' });
        const conversation = { id: 'a:personal-taps', conversationType: 'personal', tenantId: TENANT } as Activity['conversation'];
        const send = (activity: Partial<Activity>) => chat.send({ type: ActivityTypes.Message, conversation, ...activity });
        const tap = async (replies: Partial<Activity>[], title: string) => {
            const found = taps(replies).find((t) => t.title === title);
            if (!found)
                throw new Error(
                    `no "${title}" in ${taps(replies)
                        .map((t) => t.title)
                        .join(', ')}`,
                );
            return send(found.send);
        };
        const notCounted = [t.t('en', 'cards:stale.question'), t.t('en', 'cards:stale.closed')];
        const expectAnswered = (replies: Partial<Activity>[]) => {
            for (const text of notCounted) expect(textOf(replies)).not.toContain(text);
        };

        let replies = await send({ text: 'Am I eligible?' });
        replies = await send({ text: 'I live in Sherbrooke' });
        expect(taps(replies).map((action) => action.title)).toContain(t.t('en', 'common:confirm.yes'));
        replies = await tap(replies, t.t('en', 'common:confirm.yes'));
        expectAnswered(replies);
        expect(textOf(replies)).toContain(t.t('en', 'eligibility:verdict.notEligible'));

        replies = await send({ text: 'Am I eligible?' });
        replies = await tap(replies, t.t('en', 'eligibility:choices.abroad'));
        expectAnswered(replies);
        expect(textOf(replies)).toContain('Question 2:');
        await send({ text: 'menu' });
        replies = await send({ text: 'Am I eligible?' });
        replies = await tap(replies, t.t('en', 'eligibility:choices.resume'));
        expectAnswered(replies);
        expect(textOf(replies)).toContain('Question 2:');
        await send({ text: 'cancel' });

        // The permit overview draws its facts and buttons as one Adaptive Card: its submits answer it.
        replies = await send({ text: 'Open work permit' });
        expect(messages(replies).at(-1)?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        replies = await tap(replies, t.t('en', 'permit:choices.caps'));
        expectAnswered(replies);
        expect(textOf(replies)).toContain(t.t('en', 'permit:sections.caps').slice(0, 40));
    });
});
