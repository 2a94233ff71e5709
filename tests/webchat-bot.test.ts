import { ActivityTypes } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../src/channels/render';
import { createTranslator } from '../src/content/i18n';
import { buttonsOf, Chat, messages, textOf } from './helpers/chat';
import { type RunningBot, startBot } from './helpers/server';

// The bot's side of the website widget: the page's "start" event, the welcome back in a later conversation,
// the returning user id of the token route, and how the web draws "not met" and phone numbers.
const t = createTranslator();
const MENU_FR = ['Suis-je admissible?', 'Permis de travail', 'Ma famille', 'Faire la demande', 'Poser une question', 'Voir un conseiller'];
let sequence = 0;
const ids = () => {
    sequence += 1;
    return { userId: `webchat-user-${sequence}`, conversationId: `webchat-conversation-${sequence}` };
};

describe('the page’s "start" event', () => {
    it('opens the eligibility check at once, in the page’s language, with the disclaimer shown once', async () => {
        const chat = new Chat({ locale: 'fr-CA', ...ids() });
        const started = await chat.send({ type: ActivityTypes.Event, name: 'start', value: 'eligibility' });
        expect(textOf(started)).toContain(t.t('fr', 'common:welcome.disclaimer'));
        expect(textOf(started)).toContain('Question 1\u00a0:');
        expect(buttonsOf(started)).toContain('Hors du Canada');
        // The conversationUpdate that may arrive after it does not greet again.
        expect(messages(await chat.open())).toEqual([]);
    });

    it('after the welcome, ends the menu and starts the check without a second disclaimer', async () => {
        const chat = new Chat({ locale: 'en-US', ...ids() });
        await chat.open();
        const started = await chat.send({ type: ActivityTypes.Event, name: 'start', value: 'eligibility' });
        expect(textOf(started)).not.toContain(t.t('en', 'common:welcome.disclaimer'));
        expect(textOf(started)).toContain('Question 1:');
    });

    it('ignores what it does not know', async () => {
        const chat = new Chat({ locale: 'en-US', ...ids() });
        await chat.open();
        expect(messages(await chat.send({ type: ActivityTypes.Event, name: 'start', value: 'payments' }))).toEqual([]);
        expect(messages(await chat.send({ type: ActivityTypes.Event, name: 'start', value: { dialog: 'eligibility' } }))).toEqual([]);
    });
});

describe('welcome back in a later conversation of the same user', () => {
    it('offers to pick up an unfinished eligibility check, which resumes at the question reached', async () => {
        const { userId } = ids();
        const first = new Chat({ locale: 'fr-CA', userId, conversationId: `${userId}-a` });
        await first.open();
        await first.say('Suis-je admissible?');
        await first.say('Hors du Canada');

        const later = new Chat({ locale: 'fr-CA', userId, conversationId: `${userId}-b` });
        const opened = await later.open();
        expect(textOf(opened)).toContain(t.t('fr', 'returning:eligibility', { label: 'Suis-je admissible?' }));
        expect(textOf(opened)).not.toContain(t.t('fr', 'common:welcome.greeting'));
        expect(textOf(opened)).toContain(t.t('fr', 'common:welcome.disclaimer'));
        expect(buttonsOf(opened)).toEqual(MENU_FR);
        expect(textOf(await later.say('Suis-je admissible?'))).toContain(t.t('fr', 'eligibility:resume.question', { n: 2 }));
    });

    it('offers to pick up the application steps', async () => {
        const { userId } = ids();
        const first = new Chat({ locale: 'en-US', userId, conversationId: `${userId}-a` });
        await first.open();
        await first.say('How to apply');
        await first.say('Next');

        const opened = await new Chat({ locale: 'en-US', userId, conversationId: `${userId}-b` }).open();
        expect(textOf(opened)).toContain(t.t('en', 'returning:steps', { label: 'How to apply' }));
    });

    it('greets a user with nothing unfinished as usual', async () => {
        const { userId } = ids();
        const first = new Chat({ locale: 'en-US', userId, conversationId: `${userId}-a` });
        await first.open();
        const opened = await new Chat({ locale: 'en-US', userId, conversationId: `${userId}-b` }).open();
        expect(textOf(opened)).toContain(t.t('en', 'common:welcome.greeting'));
    });
});

describe('the token route and a returning visitor', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot();
    });
    afterAll(async () => {
        await bot?.close();
    });

    it('binds the new conversation to the id the page kept, if the server could have made it', async () => {
        const first = (await (await fetch(`${bot.url}/api/directline/token`)).json()) as { userId: string; conversationId: string };
        expect(first.userId).toMatch(/^dl_[\w-]{16}$/);
        const again = (await (await fetch(`${bot.url}/api/directline/token?user=${first.userId}`)).json()) as typeof first;
        expect(again.userId).toBe(first.userId);
        expect(again.conversationId).not.toBe(first.conversationId);
        for (const claimed of ['someone-else', 'dl_short', 'dl_../../etc/passwd%20xxxxxxxxxx']) {
            const other = (await (
                await fetch(`${bot.url}/api/directline/token?user=${encodeURIComponent(claimed)}`)
            ).json()) as typeof first;
            expect(other.userId).not.toBe(claimed);
            expect(other.userId).toMatch(/^dl_[\w-]{16}$/);
        }
    });
});

describe('how the web draws a reply', () => {
    it('puts a criterion not met in bold on the card, and only that one', () => {
        const [activity] = renderReply('webchat', {
            text: 'Verdict',
            facts: [
                { label: 'Living outside Quebec', value: '✓ met' },
                { label: 'Complete application', value: '✗ not met', emphasis: true },
            ],
        });
        const card = activity?.attachments?.[0]?.content as { body: { facts?: { value: string }[] }[] } | undefined;
        const facts = card?.body.find((b) => b.facts)?.facts;
        expect(facts?.map((f) => f.value)).toEqual(['✓ met', '**✗ not met**']);
        // Plain-text channels get the words only.
        expect(renderReply('facebook', { text: 'V', facts: [{ label: 'A', value: '✗ not met', emphasis: true }] })[0]?.text).not.toContain(
            '**',
        );
    });

    it('makes a phone number in international form a tel: link where links render, and nothing else', () => {
        const reply = { text: 'Phone: +1 514 555 0100\nFees: $155 (CAD), file 2024-123456' };
        expect(renderReply('webchat', reply)[0]?.text).toBe(
            'Phone: [+1 514 555 0100](tel:+15145550100)\n\nFees: $155 (CAD), file 2024-123456',
        );
        expect(renderReply('facebook', reply)[0]?.text).toContain('Phone: +1 514 555 0100');
    });
});
