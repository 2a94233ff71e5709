import { execFileSync } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/configuration/config';
import { projectRoot } from '../src/configuration/paths';
import { createApp } from '../src/hosting/app';
import { registerReadiness } from '../src/hosting/readiness';
import { listen } from '../src/hosting/server';
import { KeyedQueue } from '../src/hosting/turnQueue';
import { createStateStore, loadStorageConfig } from '../src/storage';
import { mergeState } from '../src/storage/merge';
import { StateConflictError, type StateStore, StorageStore } from '../src/storage/store';
import { LAST_SEEN, TurnStorage } from '../src/storage/turnStorage';
import { quietLogger } from './helpers/chat';
import { activity, post, type RunningBot, replies, startBot } from './helpers/server';

const DAY = 24 * 60 * 60 * 1000;
const BLOB = { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'bot-state' };
const COSMOS = {
    STORAGE: 'cosmos',
    COSMOS_ENDPOINT: 'https://example.documents.azure.com:443/',
    COSMOS_KEY: 'a2V5',
    COSMOS_DATABASE: 'bot',
    COSMOS_CONTAINER: 'state',
};

describe('storage configuration', () => {
    it('defaults to memory', () => {
        expect(loadStorageConfig({})).toEqual({ kind: 'memory' });
        expect(loadStorageConfig({ STORAGE: '' })).toEqual({ kind: 'memory' });
        expect(loadConfig({}).storage).toEqual({ kind: 'memory' });
    });

    it('reads the blob and Cosmos DB settings', () => {
        expect(loadStorageConfig({ ...BLOB, STORAGE: ' Blob ' })).toEqual({
            kind: 'blob',
            connectionString: BLOB.BLOB_CONNECTION_STRING,
            container: 'bot-state',
        });
        expect(loadStorageConfig(COSMOS)).toEqual({
            kind: 'cosmos',
            endpoint: COSMOS.COSMOS_ENDPOINT,
            key: 'a2V5',
            database: 'bot',
            container: 'state',
        });
    });

    it.each([
        ['BLOB_CONNECTION_STRING', BLOB],
        ['BLOB_CONTAINER', BLOB],
        ['COSMOS_ENDPOINT', COSMOS],
        ['COSMOS_KEY', COSMOS],
        ['COSMOS_DATABASE', COSMOS],
        ['COSMOS_CONTAINER', COSMOS],
    ])('names a missing %s at startup', (name, env) => {
        const message = `${name} must be set when STORAGE=${env.STORAGE}`;
        expect(() => loadStorageConfig({ ...env, [name]: undefined })).toThrow(message);
        // The Azure template sets the settings of the storages it does not use to "".
        expect(() => loadStorageConfig({ ...env, [name]: '' })).toThrow(message);
        expect(() => loadStorageConfig({ ...env, [name]: '   ' })).toThrow(message);
        expect(() => loadConfig({ ...env, [name]: '' })).toThrow(message);
    });

    it('ignores the settings of the storages it does not use', () => {
        expect(loadStorageConfig({ ...COSMOS, ...BLOB, COSMOS_KEY: '' }).kind).toBe('blob');
        expect(loadStorageConfig({ STORAGE: 'memory', BLOB_CONNECTION_STRING: '', COSMOS_ENDPOINT: '' })).toEqual({ kind: 'memory' });
    });

    it('refuses an unknown kind, a bad container name and a Cosmos endpoint that is not https', () => {
        expect(() => loadStorageConfig({ STORAGE: 'redis' })).toThrow('STORAGE must be one of memory, blob, cosmos (got "redis")');
        expect(() => loadStorageConfig({ ...BLOB, BLOB_CONTAINER: 'Bot_State' })).toThrow(/BLOB_CONTAINER must be a valid container name/);
        expect(() => loadStorageConfig({ ...COSMOS, COSMOS_ENDPOINT: 'http://example.documents.azure.com' })).toThrow(
            'COSMOS_ENDPOINT must be an https address',
        );
        expect(() => loadStorageConfig({ ...COSMOS, COSMOS_ENDPOINT: 'not a url' })).toThrow('COSMOS_ENDPOINT must be an https address');
    });

    it('builds each kind of store without contacting it', () => {
        expect(createStateStore(loadStorageConfig({})).kind).toBe('memory');
        expect(createStateStore(loadStorageConfig(BLOB))).toMatchObject({ kind: 'blob', exclusiveCreate: true });
        expect(createStateStore(loadStorageConfig(COSMOS))).toMatchObject({ kind: 'cosmos', exclusiveCreate: false });
    });

    it('loads the Azure SDKs only with the store that needs them (a bot keeping state in memory starts faster)', () => {
        // A process of its own: this one has loaded every module the tests use.
        const script = `
            const storage = require('./src/storage/index.ts');
            const loaded = (name) => Object.keys(require.cache).some((file) => file.includes(name));
            const before = { blob: loaded('@azure/storage-blob'), cosmos: loaded('@azure/cosmos') };
            storage.createStateStore(storage.loadStorageConfig(${JSON.stringify(BLOB)}));
            storage.createStateStore(storage.loadStorageConfig(${JSON.stringify(COSMOS)}));
            console.log(JSON.stringify({ before, after: { blob: loaded('@azure/storage-blob'), cosmos: loaded('@azure/cosmos') } }));`;
        const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
        expect(JSON.parse(out)).toEqual({ before: { blob: false, cosmos: false }, after: { blob: true, cosmos: true } });
    });
});

describe('KeyedQueue', () => {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

    it('runs tasks with a common key one at a time, in arrival order, and others alongside', async () => {
        const queue = new KeyedQueue();
        const log: string[] = [];
        const task = (name: string) => async () => {
            log.push(`${name}+`);
            await tick();
            log.push(`${name}-`);
        };
        await Promise.all([
            queue.run(['a'], task('1')),
            queue.run(['a'], task('2')),
            queue.run(['b'], task('3')),
            queue.run(['a', 'b'], task('4')),
        ]);
        expect(log.indexOf('1-')).toBeLessThan(log.indexOf('2+'));
        expect(log.indexOf('2-')).toBeLessThan(log.indexOf('4+'));
        expect(log.indexOf('3-')).toBeLessThan(log.indexOf('4+'));
        // 3 shares no key with 1: it started before 1 ended.
        expect(log.indexOf('3+')).toBeLessThan(log.indexOf('1-'));
        expect(queue.size).toBe(0);
    });

    it('takes several keys without deadlock, and releases them when a task fails', async () => {
        const queue = new KeyedQueue();
        const results = await Promise.allSettled([
            queue.run(['x', 'y'], async () => tick().then(() => 1)),
            queue.run(['y', 'x'], async () => {
                throw new Error('boom');
            }),
            queue.run(['y', 'x'], async () => 3),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(queue.size).toBe(0);
    });
});

describe('mergeState', () => {
    it('applies what this turn changed on top of what another turn stored', () => {
        const base = { profile: { language: 'en', walkthroughStep: 1 } };
        const ours = { profile: { language: 'en', walkthroughStep: 2 } };
        const theirs = { profile: { language: 'fr', walkthroughStep: 1 } };
        expect(mergeState(base, ours, theirs)).toEqual({ profile: { language: 'fr', walkthroughStep: 2 } });
    });

    it('keeps their change when we changed nothing, ours when both changed one value, and removals', () => {
        expect(mergeState({ a: 1 }, { a: 1 }, { a: 2 })).toEqual({ a: 2 });
        expect(mergeState({ a: 1 }, { a: 3 }, { a: 2 })).toEqual({ a: 3 });
        expect(mergeState({ a: 1, b: 1 }, { b: 1 }, { a: 1, b: 2 })).toEqual({ b: 2 });
        expect(mergeState({}, { a: [1] }, { b: [2] })).toEqual({ a: [1], b: [2] });
    });
});

/** A memory store with a clock the test moves. */
function memoryState(start = Date.UTC(2025, 0, 1)) {
    const clock = { now: start };
    const store = new StorageStore('memory', new MemoryStorage());
    const storage = new TurnStorage(store, { retentionDays: 30, logger: quietLogger, now: () => clock.now });
    return { clock, store, storage };
}

describe('TurnStorage', () => {
    it('stamps every write with lastSeen and hides the stamp from the bot', async () => {
        const { store, storage } = memoryState();
        await storage.turn(async () => storage.write({ k: { profile: { language: 'fr' }, eTag: '*' } }));
        expect((await store.read('k'))?.value).toEqual({ profile: { language: 'fr' }, [LAST_SEEN]: '2025-01-01T00:00:00.000Z' });
        const outside = (await storage.read(['k'])).k as Record<string, unknown>;
        expect(outside).toMatchObject({ profile: { language: 'fr' } });
        expect(outside).not.toHaveProperty(LAST_SEEN);
    });

    it('treats state older than the retention period as absent and deletes it when read', async () => {
        const { clock, store, storage } = memoryState();
        await storage.write({ k: { value: 1 } });
        clock.now += 30 * DAY;
        expect(await storage.read(['k'])).toHaveProperty('k');
        clock.now += 1;
        expect(await storage.read(['k'])).toEqual({});
        expect(await store.read('k')).toBeUndefined();
    });

    it('in a turn, replaces expired state when the turn writes, and deletes it when the turn only read it', async () => {
        const { clock, store, storage } = memoryState();
        await storage.write({ written: { old: true }, onlyRead: { old: true } });
        clock.now += 31 * DAY;
        let seen: StoreItems = { before: true };
        await storage.turn(async () => {
            seen = await storage.read(['written', 'onlyRead']);
            await storage.write({ written: { fresh: true } });
        });
        expect(seen).toEqual({});
        expect((await store.read('written'))?.value).toEqual({ fresh: true, [LAST_SEEN]: new Date(clock.now).toISOString() });
        expect(await store.read('onlyRead')).toBeUndefined();
    });

    it('refreshes the stamp of state a turn only reads, at most hourly, so that it ages from the last message', async () => {
        const { clock, store, storage } = memoryState();
        await storage.write({ k: { v: 1 } });
        const stamp = async () => (await store.read('k'))?.value[LAST_SEEN];
        clock.now += 30 * 60 * 1000;
        await storage.turn(async () => void (await storage.read(['k'])));
        expect(await stamp()).toBe('2025-01-01T00:00:00.000Z');
        clock.now += 40 * 60 * 1000;
        await storage.turn(async () => void (await storage.read(['k'])));
        expect(await stamp()).toBe('2025-01-01T01:10:00.000Z');
    });

    it('refuses the commit of a turn whose state another turn changed since it was read; nothing of it is stored', async () => {
        const { store, storage } = memoryState();
        await storage.write({ 'c/conversations/1': { n: 0 } });
        let release: () => void = () => undefined;
        const paused = new Promise<void>((resolve) => {
            release = resolve;
        });
        const slow = storage.turn(async () => {
            await storage.read(['c/conversations/1']);
            await paused;
            await storage.write({ 'c/conversations/1': { n: 'slow' }, 'c/users/1': { n: 'slow' } });
        });
        await storage.turn(async () => {
            await storage.read(['c/conversations/1']);
            await storage.write({ 'c/conversations/1': { n: 'fast' } });
        });
        release();
        await expect(slow).rejects.toBeInstanceOf(StateConflictError);
        expect((await store.read('c/conversations/1'))?.value.n).toBe('fast');
        expect(await store.read('c/users/1')).toBeUndefined();
    });

    it('merges a later key that changed meanwhile, once the conversation state is committed', async () => {
        const { store, storage } = memoryState();
        await storage.write({ 'c/users/1': { profile: { language: 'en', walkthroughStep: 1 } } });
        let release: () => void = () => undefined;
        const paused = new Promise<void>((resolve) => {
            release = resolve;
        });
        const turn = storage.turn(async () => {
            await storage.read(['c/conversations/1', 'c/users/1']);
            await paused;
            await storage.write({ 'c/users/1': { profile: { language: 'en', walkthroughStep: 2 } }, 'c/conversations/1': { step: 2 } });
        });
        // Another conversation of the same user switches the language meanwhile.
        await storage.turn(async () => {
            await storage.read(['c/users/1']);
            await storage.write({ 'c/users/1': { profile: { language: 'fr', walkthroughStep: 1 } } });
        });
        release();
        await turn;
        expect((await store.read('c/users/1'))?.value.profile).toEqual({ language: 'fr', walkthroughStep: 2 });
        expect((await store.read('c/conversations/1'))?.value.step).toBe(2);
    });
});

describe('the bot on memory storage', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot({ RATE_LIMIT_PER_MINUTE: '1000' });
    });
    afterAll(() => bot.close());

    it('GET /readyz is ready when the storage answers, and /healthz stays "alive"', async () => {
        const ready = await fetch(`${bot.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready', storage: 'memory' });
        expect(await (await fetch(`${bot.url}/healthz`)).json()).toEqual({ status: 'ok' });
    });

    it('GET /readyz answers 503 when the storage fails', async () => {
        const failing: StateStore = {
            kind: 'blob',
            exclusiveCreate: true,
            read: () => Promise.reject(new Error('connect ECONNREFUSED')),
            write: () => Promise.reject(new Error('unused')),
            delete: () => Promise.reject(new Error('unused')),
        };
        const server = restify.createServer();
        registerReadiness(server, failing, quietLogger);
        const port = await listen(server, 0, '127.0.0.1');
        try {
            const response = await fetch(`http://127.0.0.1:${port}/readyz`);
            expect(response.status).toBe(503);
            expect(await response.json()).toEqual({ status: 'unavailable', storage: 'blob' });
        } finally {
            server.close();
        }
    });
});

describe('a turn that loses a race to another instance', () => {
    /** Conversation-state writes fail once with an eTag conflict, as when another instance wrote first. */
    class RacedStorage extends MemoryStorage {
        conflicts = 1;
        override async write(changes: StoreItems): Promise<void> {
            if (this.conflicts > 0 && Object.keys(changes).some((key) => key.includes('/conversations/'))) {
                this.conflicts -= 1;
                throw new Error(`Storage: error writing "${Object.keys(changes)[0]}" due to eTag conflict.`);
            }
            return super.write(changes);
        }
    }

    let bot: RunningBot;
    let connector: ReturnType<typeof createHttpServer>;
    let serviceUrl = '';
    const delivered: { text?: string; type?: string }[] = [];
    const storage = new RacedStorage();
    beforeAll(async () => {
        // A stand-in for the channel's connector: replies without expectReplies are POSTed to the serviceUrl.
        connector = createHttpServer((req: IncomingMessage, res) => {
            let body = '';
            req.on('data', (chunk: Buffer) => (body += chunk.toString()));
            req.on('end', () => {
                delivered.push(JSON.parse(body) as { text?: string; type?: string });
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify({ id: `r${delivered.length}` }));
            });
        });
        await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
        serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
        const app = createApp(loadConfig({ PORT: '0', RATE_LIMIT_PER_MINUTE: '1000' }), { logger: quietLogger, storage });
        const port = await listen(app.server, 0, '127.0.0.1');
        bot = { app, url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => app.server.close(() => resolve())) };
    });
    afterAll(async () => {
        await bot.close();
        connector.close();
    });

    it('is run again on fresh state, and the user gets the replies of one run only', async () => {
        const response = await post(
            bot.url,
            activity({ text: 'Am I eligible?', serviceUrl, deliveryMode: undefined, conversation: { id: 'raced' } }),
        );
        expect(response.status).toBe(200);
        expect(storage.conflicts).toBe(0);
        const texts = delivered.filter((a) => a.type === 'message').map((a) => a.text ?? '');
        expect(texts.filter((text) => text.includes('Question 1:'))).toHaveLength(1);
        expect(texts.filter((text) => text.includes('not legal advice'))).toHaveLength(1);
        expect(delivered.filter((a) => a.type === 'trace')).toHaveLength(1);
        const next = await replies(await post(bot.url, activity({ text: 'yes', conversation: { id: 'raced' } })));
        expect(next.map((a) => a.text ?? '').join('\n')).toContain('Question 2:');
    });
});
