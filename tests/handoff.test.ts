import { Writable } from 'node:stream';
import type { Activity, Attachment, ConversationReference } from 'botbuilder';
import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { readContact } from '../dialogs/contact';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { type AnalyticsEvent, LogAnalytics } from '../src/observability/analytics';
import { createLogger } from '../src/observability/logger';
import type { ProactiveSender } from '../src/turn/proactive';
import { buttonsOf, Chat, textOf } from './helpers/chat';

const t = createTranslator();
const kb = new KnowledgeBase(t);
const FIRM = { name: 'Cabinet Tremblay', email: 'info@tremblay.example', phone: '+1 514 555 0100', bookingUrl: '' };
const TEAM = {
    team: { id: '19:team@thread.tacv2', name: 'Conseillers' },
    channel: { id: '19:handoffs@thread.tacv2', name: 'Demandes' },
    tenant: { id: 'tenant-1' },
};

interface Sent {
    reference: Partial<ConversationReference>;
    activity: Partial<Activity>;
}

/** A connector that records what the bot posts proactively, and can be told to fail. */
class FakeSender implements ProactiveSender {
    readonly sent: Sent[] = [];
    failing = false;

    async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string> {
        if (this.failing) throw new Error('connector said 502');
        this.sent.push({ reference, activity });
        return `posted-${this.sent.length}`;
    }

    readonly updated: Sent[] = [];

    async update(reference: Partial<ConversationReference>, activity: Partial<Activity> & { id: string }): Promise<void> {
        this.updated.push({ reference, activity });
    }

    cards(): Sent[] {
        return this.sent.filter((s) => s.activity.attachments?.length);
    }
}

/** A visitor's chat, and the firm's team channel, on one bot's storage. */
function setUp(channelId = 'webchat', locale = 'fr-CA') {
    const storage = new MemoryStorage();
    const sender = new FakeSender();
    const events: AnalyticsEvent[] = [];
    const analytics = { track: (event: AnalyticsEvent) => events.push(event) };
    const options = { storage, firm: FIRM, proactive: sender, analytics };
    const visitor = new Chat({ ...options, channelId, locale });
    const staff = new Chat({ ...options, channelId: 'msteams', locale: 'fr-CA', userId: 'advisor-1' });
    return { storage, sender, events, visitor, staff };
}

const inChannel = (fields: Partial<Activity>): Partial<Activity> => ({
    channelData: TEAM,
    conversation: { id: '19:handoffs@thread.tacv2;messageid=42', conversationType: 'channel' } as Activity['conversation'],
    ...fields,
});

/** A message in the channel, @mentioning the bot as Teams requires there. */
const mentioning = (text: string): Partial<Activity> =>
    inChannel({
        type: 'message',
        text: `<at>Bot</at> ${text}`,
        entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Bot' }, text: '<at>Bot</at>' }],
    });

async function chooseChannel(staff: Chat): Promise<string> {
    return textOf(await staff.send(mentioning('recevoir les transferts ici')));
}

interface CardJson {
    body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
    actions?: { type: string; title: string; verb?: string; data?: { handoffId: string } }[];
}

const cardOf = (attachment: Attachment | undefined): CardJson => attachment?.content as CardJson;
const cardText = (card: CardJson): string =>
    card.body.map((block) => [block.text ?? '', ...(block.facts ?? []).map((f) => `${f.title}: ${f.value}`)].join('\n')).join('\n');

/** A tap on "I'll take it" (the TestAdapter names every user "User"). */
async function claim(staff: Chat, handoffId: string): Promise<CardJson> {
    const replies = await staff.send(
        inChannel({
            type: 'invoke',
            name: 'adaptiveCard/action',
            replyToId: 'posted-1',
            value: { action: { type: 'Action.Execute', verb: 'handoff.claim', data: { handoffId } } },
        }),
    );
    const response = replies.find((a) => a.type === 'invokeResponse')?.value as { status: number; body: { value: CardJson } };
    expect(response.status).toBe(200);
    return response.body.value;
}

describe('the handoff inbox', () => {
    it('asks a French visitor for consent and a contact, posts the card, and says so only after the post', async () => {
        const { sender, events, visitor, staff } = setUp();
        expect(await chooseChannel(staff)).toContain(t.t('fr', 'handoff:settings.set'));

        await visitor.open();
        await visitor.say('mon courriel est marie@exemple.ca');
        await visitor.say('combien coûte le permis de travail?');
        const consent = await visitor.say('parler à un conseiller');
        expect(textOf(consent)).toContain(t.t('fr', 'handoff:consent.ask', { firm: FIRM.name }));
        expect(buttonsOf(consent)).toEqual([t.t('fr', 'handoff:consent.yes'), t.t('fr', 'handoff:consent.no')]);

        const contact = await visitor.say('oui');
        expect(textOf(contact)).toContain(t.t('fr', 'handoff:contact.ask'));
        expect(buttonsOf(contact)).toEqual(['Passer']);
        expect(textOf(await visitor.say('demain matin'))).toContain(t.t('fr', 'handoff:contact.invalid'));
        expect(sender.cards()).toHaveLength(0);

        const done = await visitor.say('marie@exemple.ca');
        expect(textOf(done)).toContain(t.t('fr', 'handoff:postedWithContact', { firm: FIRM.name, contact: 'marie@exemple.ca' }));
        const [post] = sender.cards();
        // Posted at the channel itself, not as a reply in the thread where the channel was chosen.
        expect(post?.reference.conversation?.id).toBe('19:handoffs@thread.tacv2');
        const card = cardOf(post?.activity.attachments?.[0]);
        expect(post?.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        const text = cardText(card);
        expect(text).toContain('Langue: Français');
        expect(text).toContain('Canal: Site Web');
        expect(text).toContain('Coordonnées: marie@exemple.ca');
        expect(text).toContain('Question posée: combien coûte le permis de travail?');
        // The transcript is redacted like the logs: the e-mail address typed in the chat is not in it.
        expect(text).toContain('**Personne:** mon courriel est [email]');
        expect(text.match(/marie@exemple\.ca/g)).toHaveLength(1);
        expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', title: 'Je m’en occupe', verb: 'handoff.claim' });
        expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['handoff.requested', 'handoff.posted']));
    });

    it('lets the first advisor claim it, updates the card, tells the visitor in French, and refuses a second claim', async () => {
        const { sender, events, visitor, staff } = setUp();
        await chooseChannel(staff);
        await visitor.open();
        await visitor.say('parler à un conseiller');
        await visitor.say('oui');
        await visitor.say('Passer');
        const handoffId = cardOf(sender.cards()[0]?.activity.attachments?.[0]).actions?.[0]?.data?.handoffId ?? '';
        expect(handoffId).not.toBe('');

        const updates: Partial<Activity>[] = [];
        const update = staff.adapter.updateActivity.bind(staff.adapter);
        staff.adapter.updateActivity = (context, activity) => {
            updates.push(activity);
            return update(context, activity);
        };
        const claimed = await claim(staff, handoffId);
        expect(cardText(claimed)).toMatch(/Prise en charge par User le /);
        expect(claimed.actions).toBeUndefined();
        const told = sender.sent.filter((s) => s.activity.text);
        expect(told.map((s) => s.activity.text)).toEqual([t.t('fr', 'handoff:claimed', { firm: FIRM.name })]);
        expect(told[0]?.reference.channelId).toBe('webchat');
        expect(events.find((e) => e.name === 'handoff.claimed')).toMatchObject({
            channel: 'webchat',
            visitorTold: true,
            secondsToClaim: expect.any(Number),
        });

        // The message itself is updated too, for everyone in the channel.
        const updated = updates.at(-1);
        expect(updated?.id).toBe('posted-1');
        expect(cardText(cardOf(updated?.attachments?.[0]))).toMatch(/Prise en charge par User le /);

        const again = await claim(staff, handoffId);
        expect(cardText(again)).toMatch(/Déjà prise en charge par User le /);
        expect(sender.sent.filter((s) => s.activity.text)).toHaveLength(1);
        expect(updates).toHaveLength(1);
    });

    it('answers a question asked with the request, then asks for consent; the card carries the question', async () => {
        const { sender, visitor, staff } = setUp();
        await chooseChannel(staff);
        await visitor.open();
        const replies = textOf(await visitor.say('combien coûte le permis? pis je veux parler à un conseiller'));
        const fees = (kb.topic('fr', 'fees')?.answer ?? '').split('\n')[0] ?? '';
        expect(replies.indexOf(fees)).toBeGreaterThanOrEqual(0);
        expect(replies.indexOf(t.t('fr', 'handoff:consent.ask', { firm: FIRM.name }))).toBeGreaterThan(replies.indexOf(fees));
        await visitor.say('oui');
        await visitor.say('marie@exemple.ca');
        const card = cardText(cardOf(sender.cards()[0]?.activity.attachments?.[0]));
        expect(card).toContain('Question posée: combien coûte le permis? pis je veux parler à un conseiller');
    });

    it('tells the truth and gives the firm’s contact when no channel is configured, without asking for consent or a contact', async () => {
        const { sender, events, visitor } = setUp('webchat', 'en-US');
        await visitor.open();
        const replies = await visitor.say('talk to an advisor');
        const text = textOf(replies);
        expect(text).not.toContain(t.t('en', 'handoff:consent.ask', { firm: FIRM.name }));
        expect(text).toContain(t.t('en', 'handoff:notConfigured'));
        expect(text).toContain('info@tremblay.example');
        expect(text).not.toContain(t.t('en', 'handoff:posted', { firm: FIRM.name }));
        expect(sender.sent).toHaveLength(0);
        expect(events).toContainEqual({ name: 'handoff.failed', channel: 'webchat', reason: 'noChannel' });
    });

    it('tells the truth when the post fails', async () => {
        const { sender, events, visitor, staff } = setUp('webchat', 'en-US');
        await chooseChannel(staff);
        sender.failing = true;
        await visitor.open();
        await visitor.say('talk to an advisor');
        await visitor.say('yes');
        const text = textOf(await visitor.say('Skip'));
        expect(text).toContain(t.t('en', 'handoff:failed'));
        expect(text).toContain('+1 514 555 0100');
        expect(events).toContainEqual({ name: 'handoff.failed', channel: 'webchat', reason: 'postFailed' });
    });

    it('shares nothing without consent', async () => {
        const { sender, events, visitor, staff } = setUp('webchat', 'en-US');
        await chooseChannel(staff);
        await visitor.open();
        await visitor.say('talk to an advisor');
        const text = textOf(await visitor.say('no'));
        expect(text).toContain(t.t('en', 'handoff:consent.declined'));
        expect(text).toContain('info@tremblay.example');
        expect(sender.sent).toHaveLength(0);
        expect(events.filter((e) => e.name.startsWith('handoff.'))).toEqual([
            { name: 'handoff.requested', channel: 'webchat', language: 'en' },
            { name: 'handoff.declined', channel: 'webchat' },
        ]);
    });

    it('sends nothing to a Messenger visitor after the reply window, and the card says so', async () => {
        const { storage, sender, visitor, staff } = setUp('facebook', undefined);
        await chooseChannel(staff);
        await visitor.say('English');
        await visitor.say('talk to an advisor');
        await visitor.say('yes');
        await visitor.say('Skip');
        const handoffId = cardOf(sender.cards()[0]?.activity.attachments?.[0]).actions?.[0]?.data?.handoffId ?? '';
        // A day and an hour later.
        const key = `handoff/records/${handoffId}`;
        const stored = (await storage.read([key]))[key] as { lastUserMessageAt: string };
        stored.lastUserMessageAt = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
        await storage.write({ [key]: { ...stored, eTag: '*' } });

        const claimed = await claim(staff, handoffId);
        expect(cardText(claimed)).toContain(t.t('fr', 'handoff:card.visitorNotTold'));
        expect(sender.sent.filter((s) => s.activity.text)).toHaveLength(0);
    });

    it('tells a Messenger visitor within the window', async () => {
        const { sender, visitor, staff } = setUp('facebook', undefined);
        await chooseChannel(staff);
        await visitor.say('English');
        await visitor.say('talk to an advisor');
        await visitor.say('yes');
        await visitor.say('Skip');
        const handoffId = cardOf(sender.cards()[0]?.activity.attachments?.[0]).actions?.[0]?.data?.handoffId ?? '';
        await claim(staff, handoffId);
        expect(sender.sent.filter((s) => s.activity.text).map((s) => s.activity.text)).toEqual([
            t.t('en', 'handoff:claimed', { firm: FIRM.name }),
        ]);
    });

    it('keeps the eligibility answers for the card when the visitor asks mid-check', async () => {
        const { sender, visitor, staff } = setUp('webchat', 'en-US');
        await chooseChannel(staff);
        await visitor.open();
        await visitor.say('Am I eligible?');
        await visitor.say('Outside Canada');
        const consent = await visitor.say('talk to an advisor');
        expect(textOf(consent)).toContain(t.t('en', 'handoff:consent.ask', { firm: FIRM.name }));
        await visitor.say('yes');
        await visitor.say('Skip');
        const text = cardText(cardOf(sender.cards()[0]?.activity.attachments?.[0]));
        expect(text).toContain('Lieu de résidence: ');
        expect(text).toContain(t.t('fr', 'handoff:card.verdictOpen'));
        // An answer to the check is not the visitor's question.
        expect(text).toContain(`Question posée: ${t.t('fr', 'handoff:card.noQuestion')}`);
    });

    it('shows the verdict of a finished check', async () => {
        const { sender, visitor, staff } = setUp('webchat', 'en-US');
        await chooseChannel(staff);
        await visitor.open();
        await visitor.say('Am I eligible?');
        await visitor.say(t.t('en', 'eligibility:choices.abroad'));
        await visitor.say(t.t('en', 'eligibility:choices.none'));
        await visitor.say('talk to an advisor');
        await visitor.say('yes');
        await visitor.say('Skip');
        const text = cardText(cardOf(sender.cards()[0]?.activity.attachments?.[0]));
        expect(text).toContain(`Programme du CSQ: ${t.t('fr', 'eligibility:choices.none')}`);
        expect(text).toContain(`Résultat: ${t.t('fr', 'handoff:card.verdictNotMet', { unmet: 'Programme du CSQ' })}`);
    });

    it('erases the visitor’s handoff record, contact included, on "delete my data"', async () => {
        const { storage, sender, visitor, staff } = setUp('webchat', 'en-US');
        await chooseChannel(staff);
        await visitor.open();
        await visitor.say('talk to an advisor');
        await visitor.say('yes');
        await visitor.say('marie@example.com');
        const handoffId = cardOf(sender.cards()[0]?.activity.attachments?.[0]).actions?.[0]?.data?.handoffId ?? '';
        const key = `handoff/records/${handoffId}`;
        expect((await storage.read([key]))[key]).toMatchObject({ contact: 'marie@example.com' });
        await visitor.say('delete my data');
        expect((await storage.read([key]))[key]).toBeUndefined();
        // The card in the channel loses the contact and the messages too.
        const [cleared] = sender.updated;
        expect(cleared?.activity.id).toBe('posted-1');
        const text = cardText(cardOf(cleared?.activity.attachments?.[0]));
        expect(text).toContain(t.t('fr', 'handoff:card.gone'));
        expect(text).not.toContain('marie@example.com');
    });

    it('"cancel" leaves the request without sending anything', async () => {
        const { sender, visitor, staff } = setUp('webchat', 'en-US');
        await chooseChannel(staff);
        await visitor.open();
        await visitor.say('talk to an advisor');
        await visitor.say('yes');
        const text = textOf(await visitor.say('cancel'));
        expect(text).toContain(t.t('en', 'common:cancelled'));
        expect(sender.sent).toHaveLength(0);
    });
});

describe('contact details and privacy', () => {
    it('never writes the contact left, nor the messages, into the logs', async () => {
        const lines: string[] = [];
        const sink = new Writable({
            write(chunk, _encoding, done) {
                lines.push(String(chunk));
                done();
            },
        });
        const logger = createLogger('debug', sink);
        const storage = new MemoryStorage();
        const sender = new FakeSender();
        sender.failing = true; // the failure is logged: with the error, never with the request
        const options = { storage, firm: FIRM, proactive: sender, logger, analytics: new LogAnalytics(logger) };
        const staff = new Chat({ ...options, channelId: 'msteams' });
        await chooseChannel(staff);
        const visitor = new Chat({ ...options, channelId: 'webchat', locale: 'en-US' });
        await visitor.open();
        await visitor.say('my file number is W123456789');
        await visitor.say('talk to an advisor');
        await visitor.say('yes');
        await visitor.say('jane.doe@example.com');
        const logged = lines.join('\n');
        expect(logged).toContain('handoff.failed');
        expect(logged).not.toContain('jane.doe');
        expect(logged).not.toContain('W123456789');
    });

    it.each([
        ['en', 'Microsoft Teams', 'consent'],
        ['fr', 'Microsoft Teams', 'consentement'],
    ] as const)('the privacy notice (%s) says what goes to the advisors and that the contact needs consent', (language, where, consent) => {
        const notice = t.t(language, 'common:privacy.notice', { days: 30 });
        expect(notice).toContain(where);
        expect(notice).toContain(consent);
    });
});

describe('the handoff channel, for staff in Teams', () => {
    it('learns the channel on install in a team, and shows it in "handoff settings"', async () => {
        const { staff } = setUp();
        expect(textOf(await staff.say('handoff settings'))).toContain(t.t('en', 'handoff:settings.none'));
        const installed = await staff.send(inChannel({ type: 'installationUpdate', action: 'add', locale: 'en-US' }));
        expect(textOf(installed)).toContain(t.t('en', 'handoff:settings.set'));
        const shown = textOf(await staff.say('paramètres des transferts'));
        expect(shown).toContain('Demandes');
        expect(shown).toContain('Conseillers');
        expect(shown).toContain('en anglais');
    });

    it('with FIRM_TENANT_ID, takes no channel from another tenant: neither on install nor by command', async () => {
        const storage = new MemoryStorage();
        const firmTenantId = '5e7a1c2d-3b4f-4a6e-9c8d-0f1e2d3c4b5a';
        const options = { storage, firm: FIRM, proactive: new FakeSender(), firmTenantId };
        const outsider = new Chat({ ...options, channelId: 'msteams', locale: 'en-US', userId: 'outsider' });
        expect(textOf(await outsider.send(inChannel({ type: 'installationUpdate', action: 'add', locale: 'en-US' })))).not.toContain(
            t.t('en', 'handoff:settings.set'),
        );
        expect(textOf(await outsider.send(mentioning('use this channel for handoffs')))).not.toContain(t.t('en', 'handoff:settings.set'));
        // The firm's own people still can, in the same team channel shape with their tenant.
        const firmChannel = { ...TEAM, tenant: { id: firmTenantId } };
        const advisor = new Chat({ ...options, channelId: 'msteams', locale: 'en-US', userId: 'advisor' });
        const chosen = await advisor.send({ ...mentioning('use this channel for handoffs'), channelData: firmChannel });
        expect(textOf(chosen)).toContain(t.t('en', 'handoff:settings.set'));
        expect(textOf(await advisor.send({ ...mentioning('handoff settings'), channelData: firmChannel }))).toContain('Demandes');
    });

    it('refuses to choose a personal chat as the channel', async () => {
        const { staff } = setUp();
        expect(textOf(await staff.say('use this channel for handoffs'))).toContain(t.t('en', 'handoff:settings.notInChannel'));
    });
});

describe('reading a contact', () => {
    const skip = ['Skip', 'Passer'];
    it.each([
        ['marie@exemple.ca', 'contact'],
        ['+1 (514) 555-0100', 'contact'],
        ['514.555.0100', 'contact'],
        ['passer', 'skip'],
        ['Skip', 'skip'],
        ['demain', 'invalid'],
        ['12', 'invalid'],
        ['marie@', 'invalid'],
        ['1234567890123456789', 'invalid'],
    ] as const)('"%s" is %s', (text, kind) => {
        expect(readContact(text, skip).kind).toBe(kind);
    });
});
