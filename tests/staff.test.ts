import { type Activity, ActivityTypes, type Attachment } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { factsCard } from '../src/channels/factsCard';
import { loadConfig } from '../src/configuration/config';
import { CRITERIA } from '../src/content/catalog';
import { FACT_IDS, FACTS, formatDate, formatFact, recheckDueSince, SOURCES } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import { FACTS_CARD_SECTIONS } from '../src/content/staff';
import { Chat, messages, textOf } from './helpers/chat';

const FIRM_TENANT = '5e7a1c2d-3b4f-4a6e-9c8d-0f1e2d3c4b5a';
const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';
const t = createTranslator();

/** A Teams personal chat of a user of `tenant`, with a bot that knows the firm's tenant (or none). */
function teamsChat(tenant: string, firmTenantId = FIRM_TENANT, locale = 'en-CA') {
    // '' = FIRM_TENANT_ID unset (the shared bot has none).
    const chat = new Chat({ channelId: 'msteams', locale, ...(firmTenantId ? { firmTenantId } : {}) });
    const conversation = {
        id: `a:personal-${tenant}-${Math.random()}`,
        conversationType: 'personal',
        tenantId: tenant,
    } as Activity['conversation'];
    const say = (text: string) => chat.send({ type: ActivityTypes.Message, text, conversation, channelData: { tenant: { id: tenant } } });
    return { chat, say };
}

interface CardBody {
    type: string;
    text?: string;
    facts?: { title: string; value: string }[];
    url?: string;
}

function adaptiveCards(replies: Partial<Activity>[]): { body: CardBody[]; version: string; actions?: { type: string; title: string }[] }[] {
    return messages(replies)
        .flatMap((a) => a.attachments ?? [])
        .filter((a: Attachment) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content as { body: CardBody[]; version: string });
}

/** Every text of the staff cards in the replies. */
function cardTexts(replies: Partial<Activity>[]): string {
    return adaptiveCards(replies)
        .flatMap((card) => card.body.flatMap((b) => [b.text ?? '', ...(b.facts ?? []).map((f) => `${f.title}: ${f.value}`)]))
        .join('\n');
}

describe('staff: who they are', () => {
    it('reads FIRM_TENANT_ID as a tenant id, in lower case, and refuses anything else', () => {
        expect(loadConfig({}).firmTenantId).toBe('');
        expect(loadConfig({ FIRM_TENANT_ID: ` ${FIRM_TENANT.toUpperCase()} ` }).firmTenantId).toBe(FIRM_TENANT);
        expect(() => loadConfig({ FIRM_TENANT_ID: 'contoso.onmicrosoft.com' })).toThrow(/FIRM_TENANT_ID must be a tenant id/);
    });

    it('gives the staff tools to a Teams user of the firm’s tenant in a personal chat (tenant id in any case)', async () => {
        const { say } = teamsChat(FIRM_TENANT.toUpperCase());
        expect(cardTexts(await say('facts'))).toContain(t.t('en', 'staff:facts.title'));
    });

    const refused: [string, () => Promise<Partial<Activity>[]>][] = [
        ['a Teams user of another tenant', () => teamsChat(OTHER_TENANT).say('facts')],
        ['anyone when FIRM_TENANT_ID is unset', () => teamsChat(FIRM_TENANT, '').say('facts')],
        [
            'the website, even with the firm’s tenant in its data',
            () =>
                new Chat({ channelId: 'webchat', firmTenantId: FIRM_TENANT }).send({
                    type: ActivityTypes.Message,
                    text: 'facts',
                    channelData: { tenant: { id: FIRM_TENANT } },
                    conversation: { id: 'web-staff', tenantId: FIRM_TENANT } as Activity['conversation'],
                }),
        ],
        [
            'Messenger',
            () =>
                new Chat({ channelId: 'facebook', locale: undefined, firmTenantId: FIRM_TENANT }).send({
                    type: ActivityTypes.Message,
                    text: 'facts',
                    channelData: { tenant: { id: FIRM_TENANT } },
                }),
        ],
        [
            'a group chat of the firm’s tenant (staff tools are for the personal chat)',
            () =>
                new Chat({ channelId: 'msteams', firmTenantId: FIRM_TENANT }).send({
                    type: ActivityTypes.Message,
                    text: '<at>Bot</at> facts',
                    conversation: {
                        id: '19:group@thread.v2',
                        conversationType: 'groupChat',
                        tenantId: FIRM_TENANT,
                    } as Activity['conversation'],
                    entities: [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: 'bot', name: 'Bot' } }],
                    channelData: { tenant: { id: FIRM_TENANT } },
                }),
        ],
    ];

    it.each(refused)('does not recognize the staff commands for %s: they get the public bot', async (_who, send) => {
        const replies = await send();
        expect(cardTexts(replies)).not.toContain(t.t('en', 'staff:facts.title'));
        expect(textOf(replies)).not.toContain(t.t('en', 'staff:facts.title'));
        // The public bot answered (it did not stay silent).
        expect(messages(replies).length).toBeGreaterThan(0);
    });

    it.each([
        ['client check', 'staff:clientCheck.intro'],
        ['stats', 'staff:stats.conversations'],
    ])('refuses "%s" to another tenant too', async (command, key) => {
        const replies = await teamsChat(OTHER_TENANT).say(command);
        expect(textOf(replies)).not.toContain(t.t('en', key));
        expect(cardTexts(replies)).not.toContain(t.t('en', key));
    });
});

describe('staff: facts', () => {
    it('lists every fact of src/content/facts.ts in one section of the card', () => {
        expect(FACTS_CARD_SECTIONS.flatMap((s) => s.facts).sort()).toEqual([...FACT_IDS].sort());
    });

    it.each([
        ['facts', 'en', 'en-CA'],
        ['faits', 'fr', 'fr-CA'],
    ] as const)(
        '"%s" draws the facts card in %s: criteria, each figure with its source and the date it was checked',
        async (command, lang, locale) => {
            const { say } = teamsChat(FIRM_TENANT, FIRM_TENANT, locale);
            const replies = await say(command);
            const cards = adaptiveCards(replies);
            expect(cards).toHaveLength(1);
            expect(cards[0]?.version).toBe('1.5');
            // Teams refuses bot messages over about 28 KB.
            expect(Buffer.byteLength(JSON.stringify(messages(replies)))).toBeLessThan(28_000);
            const text = cardTexts(replies);
            expect(text).toContain(t.t(lang, 'staff:facts.title'));
            for (const criterion of CRITERIA) expect(text).toContain(t.t(lang, `eligibility:criteria.${criterion.id}.short`));
            for (const id of FACT_IDS) {
                const fact = FACTS[id];
                const row = t.t(lang, 'staff:facts.row', { label: t.t(lang, `staff:facts.labels.${id}`), value: formatFact(fact, lang) });
                expect(text, id).toContain(row);
                const source = SOURCES[fact.source];
                expect(text, id).toContain(
                    `(${source.url[lang]}), ${lang === 'fr' ? 'vérifiée le' : 'checked on'} ${formatDate(fact.checked, lang)}`,
                );
            }
        },
    );
});

describe('staff: facts due for a recheck', () => {
    const due = FACT_IDS.filter((id) => 'revisedOn' in FACTS[id]);
    const revisedOn = (FACTS[due[0] as (typeof FACT_IDS)[number]] as { revisedOn: string }).revisedOn;
    const dayOf = new Date(`${revisedOn}T00:00:00Z`);
    const dayBefore = new Date(dayOf.getTime() - 86_400_000);

    it.each(['en', 'fr'] as const)('warns in %s on each figure its publisher was due to revise, from that day on', (lang) => {
        const words = { language: lang, t: (key: string, params?: Record<string, unknown>) => t.t(lang, key, params) };
        const warning = t.t(lang, 'staff:facts.dueForRecheck', { date: formatDate(revisedOn, lang) });
        const count = (card: Attachment) => JSON.stringify(card.content).split(JSON.stringify(warning).slice(1, -1)).length - 1;
        expect(due.length).toBeGreaterThan(0);
        expect(count(factsCard(words, dayBefore))).toBe(0);
        expect(count(factsCard(words, dayOf))).toBe(due.filter((id) => recheckDueSince(FACTS[id], dayOf)).length);
        expect(count(factsCard(words, dayOf))).toBeGreaterThan(0);
    });
});

describe('staff: client check', () => {
    const label = (lang: 'en' | 'fr', id: string) => t.t(lang, `eligibility:choices.${id}`);

    it('runs the eligibility check for a client and ends with a summary card: answers, verdict, next steps, sources', async () => {
        const { say } = teamsChat(FIRM_TENANT);
        const start = await say('client check');
        expect(textOf(start)).toContain(t.t('en', 'staff:clientCheck.intro'));
        expect(textOf(start)).toContain('Question 1:');
        for (const answer of ['abroad', 'regular', 'notYet', 'yes', 'yes']) await say(label('en', answer));
        const end = await say(label('en', 'yes'));
        const card = cardTexts(end);
        expect(card).toContain(t.t('en', 'staff:clientCheck.title'));
        expect(card).toContain(t.t('en', 'staff:clientCheck.verdict.eligible'));
        expect(card).toContain(
            `${t.t('en', 'eligibility:criteria.residence.short')}: ${label('en', 'abroad')} · ${t.t('en', 'eligibility:verdict.met')}`,
        );
        expect(card).toContain(t.t('en', 'staff:clientCheck.nextSteps.eligible'));
        expect(card).toContain(`checked on ${formatDate(SOURCES['quebec-imp-plus'].checked, 'en')}`);
        // The fees the next steps quote are cited with their source.
        expect(card).toContain(SOURCES['ircc-fees'].url.en);
        // The public verdict is not sent instead: the summary speaks of the client.
        expect(textOf(end)).not.toContain(t.t('en', 'eligibility:verdict.eligible'));
        expect(textOf(end)).toContain(t.t('en', 'common:menu.again'));
    });

    it('never says the client appears to meet the criteria when an answer was unclear', async () => {
        const { say } = teamsChat(FIRM_TENANT);
        await say('client check');
        for (const answer of ['abroad', 'regular', 'notYet', 'yes', 'unsure', 'unsure']) await say(label('en', answer));
        const end = await say(label('en', 'yes'));
        const card = cardTexts(end);
        expect(card).toContain(t.t('en', 'staff:clientCheck.verdict.unchecked'));
        expect(card).not.toContain(t.t('en', 'staff:clientCheck.verdict.eligible'));
        expect(card).toContain(t.t('en', 'eligibility:criteria.invitation.unknown'));
    });

    it('in French, lists the unmet criterion with its explanation and its own sources', async () => {
        const { say } = teamsChat(FIRM_TENANT, FIRM_TENANT, 'fr-CA');
        await say('vérification client');
        const end = await say(label('fr', 'quebec'));
        const card = cardTexts(end);
        expect(card).toContain(t.t('fr', 'staff:clientCheck.verdict.notEligible'));
        expect(card).toContain(t.t('fr', 'staff:clientCheck.unmet'));
        expect(card).toContain(t.t('fr', 'eligibility:criteria.residence.unmet.quebec'));
        expect(card).toContain(SOURCES['quebec-csq-in-quebec'].url.fr);
        expect(card).toContain(`vérifiée le ${formatDate(SOURCES['quebec-csq-in-quebec'].checked, 'fr')}`);
    });

    it('keeps the client’s answers out of the staff member’s own saved check, and "restart" stays a client check', async () => {
        const { say } = teamsChat(FIRM_TENANT);
        await say('Am I eligible?');
        await say(label('en', 'abroad'));
        await say('client check');
        await say(label('en', 'province'));
        const restarted = await say('restart');
        expect(textOf(restarted)).toContain(t.t('en', 'staff:clientCheck.intro'));
        await say('cancel');
        // The staff member's own check is still where they left it.
        const own = await say('Am I eligible?');
        expect(textOf(own)).toContain(t.t('en', 'eligibility:resume.question', { n: 2 }));
    });
});

describe('staff: finding the tools', () => {
    it('tells staff about their tools on a personal install and with "help"; others never read of them', async () => {
        const install = (tenant: string) =>
            new Chat({ channelId: 'msteams', locale: 'en-CA', firmTenantId: FIRM_TENANT }).send({
                type: ActivityTypes.InstallationUpdate,
                action: 'add',
                conversation: { id: `a:install-${tenant}`, conversationType: 'personal', tenantId: tenant } as Activity['conversation'],
                channelData: { tenant: { id: tenant } },
            });
        expect(textOf(await install(FIRM_TENANT))).toContain(t.t('en', 'staff:help'));
        expect(textOf(await install(OTHER_TENANT))).not.toContain(t.t('en', 'staff:help'));
        expect(textOf(await teamsChat(FIRM_TENANT).say('help'))).toContain(t.t('en', 'staff:help'));
        expect(textOf(await teamsChat(OTHER_TENANT).say('help'))).not.toContain(t.t('en', 'staff:help'));
    });
});
