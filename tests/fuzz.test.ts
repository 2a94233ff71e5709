import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generator } from './helpers/fuzz';
import { activity, post, type RunningBot, replies, startBot } from './helpers/server';

describe('fuzzing the endpoint with hostile activities', () => {
    let bot: RunningBot;
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);

    beforeAll(async () => {
        bot = await startBot({ RATE_LIMIT_PER_MINUTE: '10000' });
        process.on('unhandledRejection', onCrash);
        process.on('uncaughtException', onCrash);
    });
    afterAll(async () => {
        process.off('unhandledRejection', onCrash);
        process.off('uncaughtException', onCrash);
        await bot.close();
    });

    it('never answers 5xx nor crashes over thousands of requests, and still holds a normal conversation', {
        timeout: 120_000,
    }, async () => {
        const COUNT = 3000;
        const CONCURRENCY = 16;
        const make = generator(20261125, bot.url);
        const statuses = new Map<number, number>();
        const serverErrors: { status: number; body: string; request: string }[] = [];
        let sent = 0;
        const worker = async () => {
            while (sent < COUNT) {
                const index = sent++;
                const body = make(index);
                const response = await post(bot.url, body);
                statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
                const text = await response.text();
                if (response.status >= 500)
                    serverErrors.push({ status: response.status, body: text.slice(0, 200), request: JSON.stringify(body).slice(0, 300) });
            }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));

        expect(serverErrors.slice(0, 5)).toEqual([]);
        expect(crashes).toEqual([]);
        expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(COUNT);
        // The fuzz reached the bot, not only the guard.
        expect(statuses.get(200) ?? 0).toBeGreaterThan(COUNT / 4);
        expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 10);

        const conversation = { id: 'after-the-storm' };
        const steps = ['Am I eligible?', 'yes', 'Regular (PRTQ)', 'In process', 'yes', 'yes'];
        let last: Awaited<ReturnType<typeof replies>> = [];
        for (const text of steps) last = await replies(await post(bot.url, activity({ text, conversation, from: { id: 'calm-user' } })));
        expect(last.map((a) => a.text ?? '').join('\n')).toContain('you appear to meet the published IMP+ criteria');
        expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    });
});
