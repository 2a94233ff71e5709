import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, post, type RunningBot, replies, startBot } from './helpers/server';

describe('HTTP endpoint in local mode', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot({}, { maxBodyBytes: 64 * 1024 });
    });
    afterAll(() => bot.close());

    it('answers /healthz with JSON', async () => {
        const response = await fetch(`${bot.url}/healthz`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('names every response with a request id, keeping the caller’s', async () => {
        const given = await fetch(`${bot.url}/healthz`, { headers: { 'x-request-id': 'req-123' } });
        expect(given.headers.get('x-request-id')).toBe('req-123');
        const generated = await fetch(`${bot.url}/healthz`);
        expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('returns the replies in the body with deliveryMode expectReplies', async () => {
        const response = await post(bot.url, activity({ text: 'bonjour', locale: 'fr-CA', conversation: { id: 'expect-1' } }));
        expect(response.status).toBe(200);
        const sent = await replies(response);
        const texts = sent.filter((a) => a.type === 'message').map((a) => a.text ?? '');
        expect(texts.join('\n')).toContain('Bonjour! Je suis l’assistant PMI+');
        expect(sent.find((a) => a.name === 'Recognizer')?.value).toMatchObject({ action: 'command', locale: 'fr' });
    });

    it.each([
        ['malformed JSON', '{"type": "message", ', 400],
        ['an empty object', {}, 400],
        ['an array', [activity()], 400],
        ['a JSON string', '"hello"', 400],
        ['null', 'null', 400],
        ['no conversation id', { ...activity(), conversation: {} }, 400],
        ['no from id', { ...activity(), from: { name: 'x' } }, 400],
        ['no channelId', { ...activity(), channelId: undefined }, 400],
        ['a non-string type', { ...activity(), type: 42 }, 400],
        ['a non-string text', { ...activity(), text: { nested: true } }, 400],
        ['entities that are not a list', { ...activity(), entities: 'mention' }, 400],
        ['membersAdded with a non-object', { ...activity({ type: 'conversationUpdate' }), membersAdded: ['bob'] }, 400],
        ['channelData that is a string', { ...activity(), channelData: 'x' }, 400],
        ['a serviceUrl elsewhere than this machine (local mode)', { ...activity(), serviceUrl: 'http://10.0.0.1/' }, 400],
        ['a serviceUrl that is not a URL (local mode)', { ...activity(), serviceUrl: 'javascript:alert(1)' }, 400],
    ])('refuses %s with a clear 400', async (_name, body, status) => {
        const response = await post(bot.url, body);
        expect(response.status).toBe(status);
        const json = (await response.json()) as { message?: string };
        expect(json.message).toMatch(/\w+/);
    });

    it('refuses a body over the size limit with 413', async () => {
        const response = await post(bot.url, activity({ text: 'x'.repeat(100 * 1024) }));
        expect(response.status).toBe(413);
    });

    it('refuses a body that is not JSON', async () => {
        const response = await post(bot.url, 'type=message', { 'content-type': 'text/plain' });
        expect(response.status).toBe(400);
    });

    it('answers an invoke it does not handle with 400, not the SDK’s 501', async () => {
        const response = await post(
            bot.url,
            activity({ type: 'invoke', name: 'some/unknownInvoke', deliveryMode: undefined, conversation: { id: 'invoke' } }),
        );
        expect(response.status).toBe(400);
    });

    it('accepts and ignores unknown activity types', async () => {
        const response = await post(bot.url, activity({ type: 'holographicPing', conversation: { id: 'unknown-type' } }));
        expect(response.status).toBe(200);
        expect((await replies(response)).filter((a) => a.type === 'message')).toEqual([]);
    });

    it('answers very long text politely', async () => {
        const response = await post(bot.url, activity({ text: 'word '.repeat(2000), conversation: { id: 'long' } }));
        expect(response.status).toBe(200);
        const texts = (await replies(response)).map((a) => a.text ?? '').join('\n');
        expect(texts).toContain('under 1000 characters');
    });

    it('answers odd text without failing', async () => {
        for (const text of ['\u0000\u0001', '🙂🙂🙂', 'é'.repeat(900), '<script>alert(1)</script>', '   ', 'ｙｅｓ']) {
            const response = await post(bot.url, activity({ text, conversation: { id: 'odd' } }));
            expect(response.status).toBe(200);
        }
    });

    it('keeps the conversation state through bad requests', async () => {
        const conversation = { id: 'resilient' };
        await post(bot.url, activity({ text: 'Am I eligible?', conversation }));
        await post(bot.url, '{"broken');
        await post(bot.url, {});
        await post(bot.url, activity({ type: 'mystery', conversation }));
        const response = await post(bot.url, activity({ text: 'yes', conversation }));
        const texts = (await replies(response)).map((a) => a.text ?? '').join('\n');
        expect(texts).toContain('Question 2:');
    });

    it('survives a reply that cannot be delivered (unreachable serviceUrl)', async () => {
        const response = await post(bot.url, activity({ text: 'help', deliveryMode: undefined, conversation: { id: 'undeliverable' } }));
        expect(response.status).toBeLessThan(500);
        const health = await fetch(`${bot.url}/healthz`);
        expect(health.status).toBe(200);
    });
});

describe('HTTP endpoint with credentials set', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot({
            MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
            MicrosoftAppPassword: 'not-a-real-secret',
            MicrosoftAppType: 'SingleTenant',
            MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
        });
    });
    afterAll(() => bot.close());

    it('refuses an unsigned request with 401', async () => {
        const response = await post(bot.url, activity({ channelId: 'webchat' }));
        expect(response.status).toBe(401);
    });

    it('refuses a badly signed request with 401', async () => {
        const forged = ['eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0', 'c2lnbmF0dXJl'].join(
            '.',
        );
        const response = await post(bot.url, activity({ channelId: 'webchat' }), { authorization: `Bearer ${forged}` });
        expect(response.status).toBe(401);
    });

    it('still validates the body before authentication work', async () => {
        const response = await post(bot.url, {});
        expect(response.status).toBe(400);
    });
});
