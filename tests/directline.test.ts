import type { Activity as BotActivity } from 'botbuilder';
import { type Activity, ConnectionStatus, DirectLine, type Services } from 'botframework-directlinejs';
import restify from 'restify';
import { Observable } from 'rxjs/Observable';
import type { AjaxCreationMethod, AjaxRequest } from 'rxjs/observable/dom/AjaxObservable';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../src/hosting/server';
import { createLogger } from '../src/observability/logger';
import { ConversationStore } from '../src/webchat/directline/conversationStore';
import { MAX_PENDING_TURNS, registerLocalDirectLine } from '../src/webchat/directline/localDirectLine';
import { type RunningBot, startBot } from './helpers/server';

/**
 * DirectLineJS speaks through rxjs's XMLHttpRequest ajax, which Node lacks; this gives it the same contract
 * over fetch (errors carry `status` and `xhr.getResponseHeader`, as the client reads them).
 */
const fetchAjax = ((request: AjaxRequest) =>
    new Observable<{ status: number; response: unknown }>((subscriber) => {
        const controller = new AbortController();
        const timer = request.timeout ? setTimeout(() => controller.abort(), request.timeout) : undefined;
        fetch(request.url as string, {
            method: request.method ?? 'GET',
            headers: request.headers as Record<string, string>,
            ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
            signal: controller.signal,
        })
            .then(async (res) => {
                const text = await res.text();
                const result = {
                    status: res.status,
                    response: text ? (JSON.parse(text) as unknown) : null,
                    xhr: { getResponseHeader: (name: string) => res.headers.get(name) },
                };
                if (res.ok) {
                    subscriber.next(result);
                    subscriber.complete();
                } else subscriber.error(result);
            })
            .catch((err: unknown) => subscriber.error({ status: 0, message: String(err), xhr: { getResponseHeader: () => null } }))
            .finally(() => clearTimeout(timer));
        return () => controller.abort();
    })) as unknown as AjaxCreationMethod;

/** Polling only: DirectLineJS still looks up a WebSocket class, which Node 20 lacks; this one must never be used. */
class NoWebSocket {
    constructor() {
        throw new Error('these tests use polling (webSocket: false)');
    }
}

const clients: DirectLine[] = [];
afterEach(() => {
    while (clients.length > 0) clients.pop()?.end();
});

function connect(baseUrl: string, token: string, locale?: string): DirectLine {
    const client = new DirectLine({
        token,
        domain: `${baseUrl}/v3/directline`,
        webSocket: false,
        pollingInterval: 200,
        ...(locale ? { conversationStartProperties: { locale } } : {}),
        ajax: fetchAjax,
        WebSocket: NoWebSocket as unknown as Services['WebSocket'],
    });
    clients.push(client);
    return client;
}

/** Collects what the client receives and waits for an activity matching a predicate. */
function recorder(client: DirectLine) {
    const received: Activity[] = [];
    const waiters: { predicate: (a: Activity) => boolean; resolve: (a: Activity) => void }[] = [];
    client.activity$.subscribe(
        (activity) => {
            received.push(activity);
            for (const waiter of [...waiters]) {
                if (waiter.predicate(activity)) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    waiter.resolve(activity);
                }
            }
        },
        // end() in afterEach errors the stream with "conversation ended": expected, and waiters time out on their own.
        () => undefined,
    );
    return {
        received,
        next(predicate: (a: Activity) => boolean, timeoutMs = 60_000): Promise<Activity> {
            const already = received.find(predicate);
            if (already) return Promise.resolve(already);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(
                    () => reject(new Error(`no matching activity; received: ${JSON.stringify(received.map(textOf))}`)),
                    timeoutMs,
                );
                waiters.push({
                    predicate,
                    resolve: (a) => {
                        clearTimeout(timer);
                        resolve(a);
                    },
                });
            });
        },
    };
}

/** Reads until the value meets the condition (a safety-net deadline of a minute, never a pace). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 60_000): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
        const value = await read();
        if (done(value) || Date.now() > deadline) return value;
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

function textOf(activity: Activity): string {
    return activity.type === 'message' ? (activity.text ?? '') : `<${activity.type}>`;
}
const fromBot = (activity: Activity) => activity.from.role === 'bot';
const buttons = (activity: Activity) => (activity.type === 'message' ? (activity.suggestedActions?.actions ?? []).map((a) => a.title) : []);

async function localToken(baseUrl: string, init: RequestInit = {}): Promise<{ token: string; conversationId: string; expires_in: number }> {
    const response = await fetch(`${baseUrl}/v3/directline/tokens/generate`, { method: 'POST', ...init });
    expect(response.status).toBe(200);
    return (await response.json()) as { token: string; conversationId: string; expires_in: number };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe('local Direct Line (no MicrosoftAppId)', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot();
    });
    afterAll(() => bot.close());

    it('starts a conversation and delivers the welcome in the locale of the start request', async () => {
        const { token } = await localToken(bot.url);
        const client = connect(bot.url, token, 'en-US');
        const inbox = recorder(client);
        const menu = await inbox.next((a) => fromBot(a) && textOf(a).includes('What would you like to do?'));
        expect(buttons(menu)).toEqual([
            'Am I eligible?',
            'Open work permit',
            'Family options',
            'How to apply',
            'Ask a question',
            'Talk to an advisor',
        ]);
        expect(inbox.received.map(textOf).join('\n')).toContain('This is general information, not legal advice.');
        expect(client.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
    });

    it('gives a French browser the French welcome', async () => {
        const { token } = await localToken(bot.url);
        const inbox = recorder(connect(bot.url, token, 'fr-CA'));
        const greeting = await inbox.next((a) => fromBot(a) && textOf(a).includes('Bonjour'));
        expect(textOf(greeting)).toContain('Bonjour! Je suis l’assistant PMI+');
        const menu = await inbox.next((a) => fromBot(a) && buttons(a).length > 0);
        expect(buttons(menu)).toContain('Suis-je admissible?');
    });

    it('echoes a posted activity with its id, clientActivityID, channel, timestamp and role, then the bot replies to it', async () => {
        const { token, conversationId } = await localToken(bot.url);
        const client = connect(bot.url, token, 'en-US');
        const inbox = recorder(client);
        await inbox.next((a) => fromBot(a) && buttons(a).length > 0);

        const posted = {
            type: 'message',
            text: 'Am I eligible?',
            locale: 'en-US',
            from: { id: 'someone-else', name: 'Ana' },
            channelData: { clientActivityID: 'client-42' },
        } as Activity;
        const id = await new Promise<string>((resolve, reject) => client.postActivity(posted).subscribe(resolve, reject));
        expect(id).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`));

        const echo = await inbox.next((a) => a.id === id);
        expect(echo).toMatchObject({
            type: 'message',
            text: 'Am I eligible?',
            channelId: 'webchat',
            conversation: { id: conversationId },
            channelData: { clientActivityID: 'client-42' },
        });
        // The token is bound to its user: the client cannot speak as someone else.
        expect(echo.from).toMatchObject({ role: 'user', name: 'Ana' });
        expect(echo.from.id).toMatch(/^dl_/);
        expect(Date.parse(echo.timestamp as string)).not.toBeNaN();

        const question = await inbox.next((a) => fromBot(a) && textOf(a).includes('Question 1:'));
        expect(textOf(question)).toContain('where do you live right now');
        expect(question).toMatchObject({ replyToId: id, channelId: 'webchat', conversation: { id: conversationId } });
        expect(buttons(question)).toEqual(['Outside Canada', 'Another province', 'In Quebec', 'Not sure']);
        // Each activity reaches the client once: the watermark moves on.
        const ids = inbox.received.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
        // Traces are for developer tools; Direct Line clients never receive them.
        expect(inbox.received.some((a) => a.type === ('trace' as Activity['type']))).toBe(false);
    });

    it('pages activities by watermark, in order, with sequential ids', async () => {
        const { token, conversationId } = await localToken(bot.url);
        const headers = bearer(token);
        const started = await fetch(`${bot.url}/v3/directline/conversations`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ locale: 'en-US' }),
        });
        expect(started.status).toBe(201);
        expect(await started.json()).toMatchObject({ conversationId, token });
        // Starting again with the same token resumes: 200 and no second welcome.
        expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers, body: '{}' })).status).toBe(200);

        const poll = async (watermark: string) => {
            const response = await fetch(`${bot.url}/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, {
                headers,
            });
            expect(response.status).toBe(200);
            return (await response.json()) as { activities: Activity[]; watermark: string };
        };
        const hasMenu = (set: { activities: Activity[] }) => set.activities.some((a) => buttons(a).length > 0);
        const all = await eventually(() => poll(''), hasMenu);
        const welcomeCount = all.activities.length;
        expect(welcomeCount).toBeGreaterThanOrEqual(2);
        expect(all.activities.map((a) => a.id)).toEqual(
            all.activities.map((_, i) => `${conversationId}|${String(i + 1).padStart(7, '0')}`),
        );
        expect(all.watermark).toBe(String(welcomeCount));
        expect(await poll(all.watermark)).toEqual({ activities: [], watermark: String(welcomeCount) });

        const post = await fetch(`${bot.url}/v3/directline/conversations/${conversationId}/activities`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ type: 'message', text: 'help', from: { id: 'x' }, channelData: { clientActivityID: 'c1' } }),
        });
        const echoId = `${conversationId}|${String(welcomeCount + 1).padStart(7, '0')}`;
        expect(await post.json()).toEqual({ id: echoId });
        const later = await eventually(() => poll(all.watermark), hasMenu);
        expect(later.activities[0]).toMatchObject({ id: echoId, text: 'help' });
        expect(later.activities.slice(1).every((a) => a.from.role === 'bot')).toBe(true);
        expect(later.watermark).toBe(String(welcomeCount + later.activities.length));
    });

    it('refreshes a token into a new one that works, and refuses missing, wrong or foreign tokens', async () => {
        const first = await localToken(bot.url);
        const other = await localToken(bot.url);
        const refreshed = await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: bearer(first.token) });
        expect(refreshed.status).toBe(200);
        const body = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
        expect(body.conversationId).toBe(first.conversationId);
        expect(body.token).not.toBe(first.token);
        expect(body.expires_in).toBeGreaterThan(60);

        const activities = `${bot.url}/v3/directline/conversations/${first.conversationId}/activities`;
        expect((await fetch(activities, { headers: bearer(body.token) })).status).toBe(200);
        expect((await fetch(activities)).status).toBe(401);
        expect((await fetch(activities, { headers: bearer('made-up') })).status).toBe(403);
        expect((await fetch(activities, { headers: bearer(other.token) })).status).toBe(403);
        expect((await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: bearer('made-up') })).status).toBe(403);
    });

    it('refuses activity types and shapes a client may not send', async () => {
        const { token, conversationId } = await localToken(bot.url);
        const url = `${bot.url}/v3/directline/conversations/${conversationId}/activities`;
        const send = (body: unknown) => fetch(url, { method: 'POST', headers: bearer(token), body: JSON.stringify(body) });
        expect((await send({ type: 'conversationUpdate', membersAdded: [{ id: 'x' }] })).status).toBe(400);
        expect((await send({ type: 'message', text: 42 })).status).toBe(400);
        expect((await send([])).status).toBe(400);
    });

    it('lets only this machine post bot replies, and only into live conversations', async () => {
        const reply = await fetch(`${bot.url}/v3/conversations/no-such-conversation/activities`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', text: 'spoofed' }),
        });
        expect(reply.status).toBe(404);
    });
});

describe('local Direct Line bounds', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot({ DIRECT_LINE_MAX_CONVERSATIONS: '2' });
    });
    afterAll(() => bot.close());

    it('keeps at most DIRECT_LINE_MAX_CONVERSATIONS: the oldest conversation ends (404) for its client', async () => {
        const oldest = await localToken(bot.url);
        await localToken(bot.url);
        await localToken(bot.url);
        const response = await fetch(`${bot.url}/v3/directline/conversations/${oldest.conversationId}/activities`, {
            headers: bearer(oldest.token),
        });
        expect(response.status).toBe(404);
        expect(bot.app.config.webChat.maxConversations).toBe(2);
    });

    it('answers 429 when a client queues more activities than the bot is working through, and runs turns one at a time', async () => {
        const server = restify.createServer();
        server.use(restify.plugins.bodyParser({ mapParams: false }));
        const store = new ConversationStore({
            maxConversations: 5,
            maxActivitiesPerConversation: 50,
            idleMs: 60_000,
            tokenLifetimeMs: 60_000,
        });
        let running = 0;
        let mostAtOnce = 0;
        let delivered = 0;
        let release: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => {
            release = resolve;
        });
        registerLocalDirectLine(server, {
            store,
            secret: '',
            bot: { id: 'bot', name: 'Bot' },
            serviceUrl: () => 'http://127.0.0.1:9',
            logger: createLogger('silent'),
            deliver: async (_activity: Partial<BotActivity>) => {
                running += 1;
                mostAtOnce = Math.max(mostAtOnce, running);
                await gate;
                running -= 1;
                delivered += 1;
            },
        });
        const port = await listen(server, 0, '127.0.0.1');
        try {
            const base = `http://127.0.0.1:${port}`;
            const { token, conversationId } = await localToken(base);
            const statuses: number[] = [];
            // The start's conversationUpdate is the first queued turn.
            await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: bearer(token), body: '{}' });
            for (let i = 0; i < MAX_PENDING_TURNS; i++) {
                const response = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
                    method: 'POST',
                    headers: bearer(token),
                    body: JSON.stringify({ type: 'message', text: `m${i}` }),
                });
                statuses.push(response.status);
                if (response.status === 429) expect(response.headers.get('retry-after')).toBe('1');
            }
            expect(statuses.slice(0, MAX_PENDING_TURNS - 1).every((s) => s === 200)).toBe(true);
            expect(statuses.at(-1)).toBe(429);
            release();
            // Every accepted turn (the start's conversationUpdate and the 200s) is delivered, one at a time.
            const accepted = 1 + statuses.filter((s) => s === 200).length;
            await eventually(
                async () => delivered,
                (count) => count >= accepted,
            );
            expect(mostAtOnce).toBe(1);
        } finally {
            release();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        }
    });
});

describe('production mode (MicrosoftAppId set)', () => {
    const SECRET = 'stand-in-direct-line-secret';
    let azure: RunningBot;
    let production: RunningBot;
    beforeAll(async () => {
        // A local-mode server plays Azure's Direct Line; with DIRECT_LINE_SECRET set it demands that secret.
        azure = await startBot({ DIRECT_LINE_SECRET: SECRET });
        production = await startBot({
            MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
            MicrosoftAppPassword: 'not-used-in-these-tests',
            DIRECT_LINE_SECRET: SECRET,
            DIRECT_LINE_ENDPOINT: azure.url,
        });
    });
    afterAll(async () => {
        await production.close();
        await azure.close();
    });

    it('closes every local Direct Line and connector route (404)', async () => {
        const routes: [string, string][] = [
            ['POST', '/v3/directline/tokens/generate'],
            ['POST', '/v3/directline/tokens/refresh'],
            ['POST', '/v3/directline/conversations'],
            ['GET', '/v3/directline/conversations/abc/activities'],
            ['POST', '/v3/directline/conversations/abc/activities'],
            ['POST', '/v3/conversations/abc/activities'],
            ['POST', '/v3/conversations/abc/activities/abc%7C0000001'],
        ];
        for (const [method, path] of routes) {
            const response = await fetch(`${production.url}${path}`, {
                method,
                headers: { 'content-type': 'application/json' },
                ...(method === 'POST' ? { body: '{}' } : {}),
            });
            expect(`${method} ${path} → ${response.status}`).toBe(`${method} ${path} → 404`);
        }
    });

    it('exchanges the secret for a token at Direct Line; the browser gets the token, never the secret', async () => {
        const response = await fetch(`${production.url}/api/directline/token`);
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
        const text = await response.text();
        expect(text).not.toContain(SECRET);
        const session = JSON.parse(text) as {
            token: string;
            conversationId: string;
            expiresIn: number;
            domain: string;
            webSocket: boolean;
        };
        expect(session).toMatchObject({ domain: `${azure.url}/v3/directline`, webSocket: true });
        expect(session.expiresIn).toBeGreaterThan(0);

        // The token works at "Azure": the welcome arrives, and the conversation is bound to a dl_ user.
        const client = connect(azure.url, session.token, 'en-US');
        const inbox = recorder(client);
        await inbox.next((a) => fromBot(a) && textOf(a).includes('What would you like to do?'));
        const id = await new Promise<string>((resolve, reject) =>
            client.postActivity({ type: 'message', text: 'help', from: { id: 'anyone' } } as Activity).subscribe(resolve, reject),
        );
        const echo = await inbox.next((a) => a.id === id);
        expect(echo.from.id).toMatch(/^dl_/);
        expect(session.conversationId).toBe(echo.conversation?.id);
    });

    it('binds a returning visitor’s kept id at Direct Line, and gives anything else a fresh one', async () => {
        const returning = 'dl_abcdefghijklmnop';
        const session = (await (await fetch(`${production.url}/api/directline/token?user=${returning}`)).json()) as {
            token: string;
            userId: string;
        };
        expect(session.userId).toBe(returning);
        const client = connect(azure.url, session.token, 'en-US');
        const inbox = recorder(client);
        await inbox.next((a) => fromBot(a) && textOf(a).includes('What would you like to do?'));
        const id = await new Promise<string>((resolve, reject) =>
            client.postActivity({ type: 'message', text: 'help', from: { id: 'anyone' } } as Activity).subscribe(resolve, reject),
        );
        expect((await inbox.next((a) => a.id === id)).from.id).toBe(returning);

        const claimed = (await (await fetch(`${production.url}/api/directline/token?user=emulator-user`)).json()) as { userId: string };
        expect(claimed.userId).toMatch(/^dl_/);
        expect(claimed.userId).not.toBe(returning);
    });

    it('answers 502 when Direct Line refuses the secret, and 503 when no secret is configured', async () => {
        const wrongSecret = await startBot({
            MicrosoftAppId: 'app',
            MicrosoftAppPassword: 'pw',
            DIRECT_LINE_SECRET: 'wrong',
            DIRECT_LINE_ENDPOINT: azure.url,
        });
        const noSecret = await startBot({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' });
        try {
            const refused = await fetch(`${wrongSecret.url}/api/directline/token`);
            expect(refused.status).toBe(502);
            expect(await refused.text()).not.toContain('wrong');
            expect((await fetch(`${noSecret.url}/api/directline/token`)).status).toBe(503);
            // The stand-in itself refuses tokens/generate without the secret.
            expect((await fetch(`${azure.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(403);
        } finally {
            await wrongSecret.close();
            await noSecret.close();
        }
    });

    it('serves the page with a CSP that allows the Direct Line service (https and wss) and nothing else remote', async () => {
        const response = await fetch(`${production.url}/`);
        expect(response.status).toBe(200);
        const csp = response.headers.get('content-security-policy') ?? '';
        const azureHost = new URL(azure.url).host;
        expect(csp).toContain(`connect-src 'self' ${azure.url} wss://${azureHost}`);
        expect(csp).toContain("script-src 'self';");
        expect(csp).not.toContain('unsafe-inline');
    });
});
