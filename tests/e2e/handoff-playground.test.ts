import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/content/i18n';
import { Playground, type Playground as PlaygroundClient, type PlaygroundMessage } from '../helpers/playground';
import { type RunningBot, startBot } from '../helpers/server';
import { eventually, Visitor } from '../helpers/visitor';

const t = createTranslator();

interface CardJson {
    body: { text?: string; facts?: { title: string; value: string }[] }[];
    actions?: { type: string; title: string; verb: string; data: { handoffId: string } }[];
}
const cardOf = (message: PlaygroundMessage | undefined) => message?.attachments[0]?.content as CardJson | undefined;
const cardText = (card: CardJson | undefined) =>
    (card?.body ?? []).map((b) => [b.text ?? '', ...(b.facts ?? []).map((f) => `${f.title}: ${f.value}`)].join('\n')).join('\n');

describe('the handoff inbox in a Teams-like client (Microsoft 365 Agents Playground)', () => {
    let bot: RunningBot;
    let playground: PlaygroundClient;
    beforeAll(async () => {
        bot = await startBot({ FIRM_NAME: 'Cabinet Tremblay', FIRM_EMAIL: 'info@tremblay.example' });
        playground = await Playground.start(`${bot.url}/api/messages`);
    });
    afterAll(async () => {
        await playground?.stop();
        await bot?.close();
    });

    it('installs in a team channel, posts a French visitor’s request there, and the claim reaches the visitor', async () => {
        const config = await playground.config();
        const team = config.teams[0];
        const general = team?.channels[0];
        if (!team || !general) throw new Error('the Playground has no team channel');

        // 1. The firm installs the bot in its team: the channel becomes the inbox.
        await playground.install(general.id);
        const installed = await eventually(
            () => [...playground.messages.values()],
            (messages) => messages.some((m) => m.text?.includes(t.t('en', 'handoff:settings.set'))),
            'the bot to confirm the handoff channel',
        );
        expect(installed.find((m) => m.text?.includes(t.t('en', 'handoff:settings.set')))?.conversationId).toBe(general.id);

        // 2. A website visitor asks for an advisor in French, consents and leaves an e-mail address.
        const visitor = await Visitor.start(bot.url, 'fr-CA');
        await visitor.hears('Bonjour');
        await visitor.poll();
        await visitor.say('combien coûte le permis de travail ouvert?');
        await visitor.hearsAnswer();
        await visitor.say('parler à un conseiller');
        await visitor.hears(t.t('fr', 'handoff:consent.ask', { firm: 'Cabinet Tremblay' }));
        await visitor.say('oui');
        await visitor.hears(t.t('fr', 'handoff:contact.ask'));
        await visitor.say('marie.gagnon@exemple.ca');
        await visitor.hears(t.t('fr', 'handoff:postedWithContact', { firm: 'Cabinet Tremblay', contact: 'marie.gagnon@exemple.ca' }));

        // 3. The card is in the channel, in the staff's language (English: the Playground's client is en-US).
        const posted = await eventually(
            () => [...playground.messages.values()].find((m) => cardOf(m)?.actions?.[0]?.verb === 'handoff.claim'),
            (message) => message !== undefined,
            'the handoff card in the channel',
        );
        expect(posted?.conversationId).toBe(general.id);
        const text = cardText(cardOf(posted));
        expect(text).toContain('Language: French');
        expect(text).toContain('Channel: Website');
        expect(text).toContain('Contact: marie.gagnon@exemple.ca');
        expect(text).toContain('Question: combien coûte le permis de travail ouvert?');

        // 4. An advisor taps "I'll take it": the card is updated in place, and the visitor told in French.
        const action = cardOf(posted)?.actions?.[0];
        const answer = await playground.execute(posted as PlaygroundMessage, config.currentUser.id, { ...action });
        expect(answer.status).toBe(200);
        const updated = await eventually(
            () => cardText(cardOf(playground.messages.get(posted?.messageId ?? ''))),
            (card) => card.includes(`Taken by ${config.currentUser.name}`),
            'the card to show who took it',
        );
        expect(updated).toContain(t.t('en', 'handoff:card.visitorTold'));
        expect(cardOf(playground.messages.get(posted?.messageId ?? ''))?.actions).toBeUndefined();
        await visitor.hears(t.t('fr', 'handoff:claimed', { firm: 'Cabinet Tremblay' }));
    });
});

describe('the handoff inbox when Teams cannot take the request (Playground)', () => {
    let bot: RunningBot;
    let playground: PlaygroundClient | undefined;
    beforeAll(async () => {
        bot = await startBot({ FIRM_NAME: 'Cabinet Tremblay', FIRM_EMAIL: 'info@tremblay.example' });
        playground = await Playground.start(`${bot.url}/api/messages`);
    });
    afterAll(async () => {
        await playground?.stop();
        await bot?.close();
    });

    async function askForAdvisor(): Promise<Visitor> {
        const visitor = await Visitor.start(bot.url, 'fr-CA');
        await visitor.hears('Bonjour');
        await visitor.say('parler à un conseiller');
        await visitor.hears(t.t('fr', 'handoff:consent.ask', { firm: 'Cabinet Tremblay' }));
        await visitor.say('oui');
        await visitor.hears(t.t('fr', 'handoff:contact.ask'));
        await visitor.say('Passer');
        return visitor;
    }

    it('tells the visitor the truth before any channel is chosen, then when the channel cannot be reached', async () => {
        const before = await Visitor.start(bot.url, 'fr-CA');
        await before.hears('Bonjour');
        await before.say('parler à un conseiller');
        await before.hears(t.t('fr', 'handoff:notConfigured'));
        await before.hears('info@tremblay.example');

        const general = (await playground?.config())?.teams[0]?.channels[0];
        if (!playground || !general) throw new Error('the Playground has no team channel');
        await playground.install(general.id);
        await eventually(
            () => [...(playground?.messages.values() ?? [])],
            (messages) => messages.some((m) => m.text?.includes(t.t('en', 'handoff:settings.set'))),
            'the bot to confirm the handoff channel',
        );
        // Teams goes away: the post is refused at the network, and the visitor hears so.
        await playground.stop();
        playground = undefined;
        const after = await askForAdvisor();
        await after.hears(t.t('fr', 'handoff:failed'));
        const texts = await after.poll();
        expect(texts.join('\n')).not.toContain(t.t('fr', 'handoff:posted', { firm: 'Cabinet Tremblay' }));
    });
});
