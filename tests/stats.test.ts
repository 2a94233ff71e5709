import { type Activity, ActivityTypes, MemoryStorage, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChartDataUri } from '../src/channels/barChart';
import { sparkline } from '../src/channels/statsCard';
import { createTranslator } from '../src/content/i18n';
import { STATS_DAYS } from '../src/content/staff';
import { countEvent, emptyDay, summarizeDays } from '../src/observability/dailyCounts';
import { createLogger } from '../src/observability/logger';
import { ActivityRollup, STATS_KEPT_DAYS } from '../src/storage/activityRollup';
import { BlobStateStore } from '../src/storage/blobStore';
import { type StateStore, StorageStore } from '../src/storage/store';
import { type Azurite, startAzurite } from './helpers/azurite';
import { Chat, messages, quietLogger, textOf } from './helpers/chat';

const FIRM_TENANT = '5e7a1c2d-3b4f-4a6e-9c8d-0f1e2d3c4b5a';
const t = createTranslator();
const DAY = 24 * 60 * 60 * 1000;
const NOV_30 = Date.UTC(2026, 10, 30, 12);

describe('daily counts', () => {
    it('counts every event by name and breakdown, sums the time to claim, and keeps the top unanswered questions', () => {
        const day = emptyDay();
        countEvent(day, { name: 'conversation.started', channel: 'webchat', language: 'fr' });
        countEvent(day, { name: 'conversation.started', channel: 'msteams', language: 'en' });
        countEvent(day, { name: 'dialog.started', dialog: 'eligibility' });
        countEvent(day, { name: 'dialog.started', dialog: 'permit' });
        countEvent(day, { name: 'eligibility.verdict', eligible: true, unmet: [] });
        countEvent(day, { name: 'eligibility.verdict', eligible: false, unmet: ['residence'] });
        countEvent(day, { name: 'eligibility.verdict', eligible: false, unmet: [] });
        countEvent(day, { name: 'unanswered', locale: 'en', score: 0.1, question: 'Express Entry?' });
        countEvent(day, { name: 'unanswered', locale: 'en', score: 0.1, question: 'express entry' });
        countEvent(day, { name: 'unanswered', locale: 'fr', score: 0.1, question: 'PEQ?' });
        // The handoff inbox's events count as they come, with nothing to add here.
        countEvent(day, { name: 'handoff.requested' });
        countEvent(day, { name: 'handoff.requested' });
        countEvent(day, { name: 'handoff.claimed', secondsToClaim: 90 });
        const stats = summarizeDays([{ date: '2026-11-30', counts: day }]);
        expect(stats.conversations).toEqual({ 'webchat.fr': 1, 'msteams.en': 1 });
        expect(stats.conversationsPerDay).toEqual([2]);
        expect(stats.checksStarted).toBe(1);
        expect(stats.checksFinished).toBe(3);
        expect(stats.verdicts).toEqual({ eligible: 1, notEligible: 1, unchecked: 1 });
        expect(stats.handoffs).toEqual({ requested: 2, claimed: 1, secondsToClaim: 90 });
        expect(stats.unanswered).toEqual([
            { question: 'express entry', count: 2 },
            { question: 'peq', count: 1 },
        ]);
    });

    it('draws the chart as a small PNG data URI and as a line of bars', () => {
        const uri = barChartDataUri([0, 2, 5, 1, 0, 3, 4]);
        expect(uri).toMatch(/^data:image\/png;base64,/);
        const bytes = Buffer.from(uri.split(',')[1] as string, 'base64');
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([280, 80]);
        expect(uri.length).toBeLessThan(4_000);
        expect(sparkline([0, 4, 8])).toBe('·▄█');
    });
});

describe('activity rollup in the bot’s storage', () => {
    it('counts per UTC day in memory, events tracked while a day is being stored included', async () => {
        const store = new StorageStore('memory', new MemoryStorage());
        let now = NOV_30 - DAY;
        const one = new ActivityRollup(store, quietLogger, () => now);
        one.track({ name: 'conversation.started', channel: 'webchat', language: 'en' });
        one.track({ name: 'conversation.started', channel: 'webchat', language: 'en' });
        now = NOV_30;
        for (let i = 0; i < 10; i++) one.track({ name: 'dialog.started', dialog: 'eligibility' });
        await one.flush();
        const week = await one.period(7);
        expect(week.from).toBe('2026-11-24');
        expect(week.to).toBe('2026-11-30');
        expect(week.conversationsPerDay).toEqual([0, 0, 0, 0, 0, 2, 0]);
        expect(week.checksStarted).toBe(10);
        const today = await new ActivityRollup(store, quietLogger, () => now).period(1);
        expect(today.conversationsPerDay).toEqual([0]);
    });

    it('keeps counting when the store fails: nothing is lost, the turn never fails, and the counts arrive once it answers', async () => {
        const memory = new StorageStore('memory', new MemoryStorage());
        let down = true;
        const flaky: StateStore = {
            kind: 'memory',
            exclusiveCreate: false,
            read: (key) => (down ? Promise.reject(new Error('storage unavailable')) : memory.read(key)),
            write: (key, value, condition) =>
                down ? Promise.reject(new Error('storage unavailable')) : memory.write(key, value, condition),
            delete: (key) => memory.delete(key),
        };
        const warnings: string[] = [];
        const logger = createLogger('warn', { write: (line: string) => warnings.push(line) });
        const rollup = new ActivityRollup(flaky, logger, () => NOV_30);
        rollup.track({ name: 'dialog.started', dialog: 'eligibility' });
        await rollup.flush();
        expect(warnings.join('\n')).toContain('could not store');
        down = false;
        rollup.track({ name: 'dialog.started', dialog: 'eligibility' });
        expect((await rollup.period(1)).checksStarted).toBe(2);
    });

    it('keeps the days "stats" can show, and deletes older ones (they hold redacted questions)', async () => {
        expect(STATS_KEPT_DAYS).toBeGreaterThanOrEqual(Math.max(...Object.values(STATS_DAYS)));
        const memory = new MemoryStorage();
        const store = new StorageStore('memory', memory);
        let now = NOV_30 - 40 * DAY;
        const rollup = new ActivityRollup(store, quietLogger, () => now);
        rollup.track({ name: 'unanswered', locale: 'en', score: 0, question: 'an old question' });
        now = NOV_30 - 29 * DAY;
        rollup.track({ name: 'unanswered', locale: 'en', score: 0, question: 'a recent question' });
        await rollup.flush();
        now = NOV_30;
        rollup.track({ name: 'dialog.started', dialog: 'eligibility' });
        await rollup.flush();
        const keys = Object.keys(await memory.read(['impplus-stats/days/2026-10-21', 'impplus-stats/days/2026-11-01']));
        expect(keys).toEqual(['impplus-stats/days/2026-11-01']);
        expect((await rollup.period(30)).unanswered).toEqual([{ question: 'a recent question', count: 1 }]);
    });

    describe('on Blob storage (Azurite)', () => {
        let azurite: Azurite;
        beforeAll(async () => {
            azurite = await startAzurite();
        }, 60_000);
        afterAll(() => azurite?.stop());

        it('keeps the counters in blobs that two instances update without losing a count', async () => {
            const one = new ActivityRollup(new BlobStateStore(azurite.connectionString, 'stats'), quietLogger, () => NOV_30);
            const two = new ActivityRollup(new BlobStateStore(azurite.connectionString, 'stats'), quietLogger, () => NOV_30);
            for (let i = 0; i < 4; i++) {
                one.track({ name: 'eligibility.verdict', eligible: true, unmet: [] });
                two.track({ name: 'eligibility.verdict', eligible: false, unmet: ['csq'] });
            }
            await Promise.all([one.flush(), two.flush()]);
            const stats = await new ActivityRollup(new BlobStateStore(azurite.connectionString, 'stats'), quietLogger, () => NOV_30).period(
                30,
            );
            expect(stats.verdicts).toEqual({ eligible: 4, notEligible: 4, unchecked: 0 });
            expect(stats.conversationsPerDay).toHaveLength(30);
        });
    });
});

describe('"stats" in Teams', () => {
    it('shows staff what the public did: conversations per channel and language, checks, verdicts, unanswered questions', async () => {
        const chat = new Chat({ channelId: 'msteams', locale: 'en-CA', firmTenantId: FIRM_TENANT });
        // A website visitor of the same bot.
        const website = new TestAdapter((context) => chat.conversation.run(context), {
            channelId: 'webchat',
            from: { id: 'visitor', name: 'Visitor' },
            recipient: { id: 'bot', name: 'Bot' },
            conversation: { id: 'website-visit' } as Activity['conversation'],
        });
        const visitor = (text: string) => website.receiveActivity({ type: ActivityTypes.Message, text, locale: 'fr-CA' });
        await visitor('Suis-je admissible?');
        await visitor('Au Québec');
        await visitor('c quoi la recette de la tourtière');
        const staff = (text: string) =>
            chat.send({
                type: ActivityTypes.Message,
                text,
                conversation: { id: 'a:staff', conversationType: 'personal', tenantId: FIRM_TENANT } as Activity['conversation'],
                channelData: { tenant: { id: FIRM_TENANT } },
            });
        const replies = await staff('stats');
        const card = messages(replies).flatMap((a) => a.attachments ?? [])[0]?.content as {
            body: { type: string; text?: string; url?: string }[];
            actions: { title: string; data: { msteams: { text: string } } }[];
        };
        const text = card.body.map((b) => b.text ?? '').join('\n');
        expect(text).toContain(t.t('en', 'staff:stats.title', { days: 7 }));
        expect(text).toContain(t.t('en', 'staff:stats.conversationRow', { channel: 'Website', language: 'French', count: 1 }));
        expect(text).toContain(t.t('en', 'staff:stats.checks', { started: 1, finished: 1 }));
        expect(text).toContain(t.t('en', 'staff:stats.verdicts', { eligible: '0 (0%)', notEligible: '1 (100%)', unchecked: '0 (0%)' }));
        expect(text).toContain('tourtière');
        expect(card.body.find((b) => b.type === 'Image')?.url).toMatch(/^data:image\/png;base64,/);
        expect(card.actions[0]?.title).toBe(t.t('en', 'staff:stats.button', { days: 30 }));

        // The card's button asks for the other period; the staff member's own conversation counts too.
        const month = await staff(card.actions[0]?.data.msteams.text as string);
        expect(textOf(month) + JSON.stringify(messages(month)[0]?.attachments)).toContain(t.t('en', 'staff:stats.title', { days: 30 }));
    });
});
