import { ConversationState, TestAdapter, TurnContext } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStateStore } from '../src/storage/blobStore';
import { StateConflictError } from '../src/storage/store';
import { LAST_SEEN, TurnStorage } from '../src/storage/turnStorage';
import { type Azurite, startAzurite } from './helpers/azurite';
import { quietLogger } from './helpers/chat';
import { activity, post, type ReplyActivity, type RunningBot, replies, startBot } from './helpers/server';

/** Azure Blob Storage for real: Azurite, started and stopped here. */

function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((done) => {
        resolve = done;
    });
    return { promise, resolve };
}

function turnContext(conversationId: string): TurnContext {
    return new TurnContext(new TestAdapter(), {
        type: 'message',
        channelId: 'test',
        conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
        from: { id: 'u', name: 'u' },
    });
}

const messageTexts = (sent: ReplyActivity[]) =>
    sent
        .filter((a) => a.type === 'message')
        .map((a) => a.text ?? '')
        .join('\n');

describe('blob state storage on Azurite', () => {
    let azurite: Azurite;
    beforeAll(async () => {
        azurite = await startAzurite();
    });
    afterAll(() => azurite?.stop());

    it('writes conditionally: create only if absent, update only the version read, delete only that version', async () => {
        const store = new BlobStateStore(azurite.connectionString, 'conditions');
        expect(await store.read('test/conversations/a')).toBeUndefined();
        await store.write('test/conversations/a', { n: 1 }, { ifAbsent: true });
        await expect(store.write('test/conversations/a', { n: 2 }, { ifAbsent: true })).rejects.toBeInstanceOf(StateConflictError);
        const first = await store.read('test/conversations/a');
        expect(first?.value).toEqual({ n: 1 });
        await store.write('test/conversations/a', { n: 3 }, { ifMatch: first?.eTag ?? '' });
        await expect(store.write('test/conversations/a', { n: 4 }, { ifMatch: first?.eTag ?? '' })).rejects.toBeInstanceOf(
            StateConflictError,
        );
        await store.delete('test/conversations/a', first?.eTag);
        expect((await store.read('test/conversations/a'))?.value).toEqual({ n: 3 });
        const current = await store.read('test/conversations/a');
        await store.delete('test/conversations/a');
        // The version read was deleted meanwhile: an update over it is a conflict, not a silent re-create.
        await expect(store.write('test/conversations/a', { n: 5 }, { ifMatch: current?.eTag ?? '' })).rejects.toBeInstanceOf(
            StateConflictError,
        );
        expect(await store.read('test/conversations/a')).toBeUndefined();
    });

    it('keeps French text intact and shares its layout with BlobsStorage both ways', async () => {
        const store = new BlobStateStore(azurite.connectionString, 'layout');
        const blobs = new BlobsStorage(azurite.connectionString, 'layout');
        const french = { conversation: { language: 'fr', note: 'Québec, façade, « guillemets » — 🙂' } };
        await store.write('msteams/conversations/a:b/c?d', french);
        expect((await blobs.read(['msteams/conversations/a:b/c?d']))['msteams/conversations/a:b/c?d']).toMatchObject(french);
        await blobs.write({ 'webchat/users/é': { profile: { language: 'fr' }, eTag: '*' } });
        expect((await store.read('webchat/users/é'))?.value).toEqual({ profile: { language: 'fr' } });
    });

    it('BotState with BlobsStorage alone loses an update; through TurnStorage the later commit is refused', async () => {
        // BotState.saveChanges sets eTag "*" on what it writes: the last writer wins, whatever it read.
        const plain = new ConversationState(new BlobsStorage(azurite.connectionString, 'lost-update'));
        const count = plain.createProperty<number>('count');
        const [a, b] = [turnContext('c1'), turnContext('c1')];
        await count.set(a, (await count.get(a, 0)) + 1);
        await count.set(b, (await count.get(b, 0)) + 1);
        await plain.saveChanges(a);
        await plain.saveChanges(b);
        const check = turnContext('c1');
        expect(await count.get(check)).toBe(1);

        const storage = new TurnStorage(new BlobStateStore(azurite.connectionString, 'turn-storage'), {
            retentionDays: 30,
            logger: quietLogger,
        });
        const guarded = new ConversationState(storage);
        const counter = guarded.createProperty<number>('count');
        for (const existing of [false, true]) {
            const id = existing ? 'existing' : 'new';
            if (existing) await storage.write({ [`test/conversations/${id}`]: { count: 0 } });
            const read = deferred();
            const gate = deferred();
            const slow = storage.turn(async () => {
                const context = turnContext(id);
                const n = await counter.get(context, 0);
                read.resolve();
                await gate.promise;
                await counter.set(context, n + 1);
                await guarded.saveChanges(context);
            });
            await read.promise;
            await storage.turn(async () => {
                const context = turnContext(id);
                await counter.set(context, (await counter.get(context, 0)) + 1);
                await guarded.saveChanges(context);
            });
            gate.resolve();
            await expect(slow).rejects.toBeInstanceOf(StateConflictError);
        }
    });

    it('deletes state older than STATE_RETENTION_DAYS when it is read', async () => {
        const store = new BlobStateStore(azurite.connectionString, 'retention');
        const storage = new TurnStorage(store, { retentionDays: 30, logger: quietLogger });
        const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString();
        await store.write('test/conversations/old', { conversation: { welcomed: true }, [LAST_SEEN]: old });
        await store.write('test/conversations/recent', { conversation: { welcomed: true }, [LAST_SEEN]: new Date().toISOString() });
        expect(await storage.read(['test/conversations/old', 'test/conversations/recent'])).toEqual({
            'test/conversations/recent': expect.objectContaining({ conversation: { welcomed: true } }),
        });
        expect(await store.read('test/conversations/old')).toBeUndefined();
    });

    describe('a bot serving concurrent turns of one conversation', () => {
        let bot: RunningBot;
        beforeAll(async () => {
            bot = await startBot({
                STORAGE: 'blob',
                BLOB_CONNECTION_STRING: azurite.connectionString,
                BLOB_CONTAINER: 'in-process',
                RATE_LIMIT_PER_MINUTE: '1000',
            });
        });
        afterAll(() => bot?.close());

        it('loses no update: five "next" at once give steps 2 to 6 once each, five "back" steps 5 to 1', async () => {
            const conversation = { id: 'concurrent-steps' };
            const from = { id: 'concurrent-user' };
            expect(messageTexts(await replies(await post(bot.url, activity({ text: 'How to apply', conversation, from }))))).toContain(
                'Step 1 of ',
            );
            const burst = async (text: string) => {
                const answers = await Promise.all(
                    [1, 2, 3, 4, 5].map(() => post(bot.url, activity({ text, conversation, from })).then(replies)),
                );
                return answers.map((sent) => /Step (\d) of \d+/.exec(messageTexts(sent))?.[1] ?? messageTexts(sent)).sort();
            };
            expect(await burst('next')).toEqual(['2', '3', '4', '5', '6']);
            expect(await burst('back')).toEqual(['1', '2', '3', '4', '5']);
            const profile = await new BlobStateStore(azurite.connectionString, 'in-process').read('emulator/users/concurrent-user');
            expect(profile?.value).toMatchObject({ profile: { walkthroughStep: 0 } });
        });
    });
});

describe('readiness through a storage outage', () => {
    let azurite: Azurite | undefined;
    let bot: RunningBot | undefined;
    afterAll(async () => {
        await bot?.close();
        await azurite?.stop();
    });

    it('is 503 while Azurite is down, and ready again (container re-created) when it is back', async () => {
        azurite = await startAzurite();
        bot = await startBot({
            STORAGE: 'blob',
            BLOB_CONNECTION_STRING: azurite.connectionString,
            BLOB_CONTAINER: 'outage',
            RATE_LIMIT_PER_MINUTE: '1000',
        });
        const ready = async () => {
            const response = await fetch(`${bot?.url}/readyz`);
            return { status: response.status, body: await response.json() };
        };
        expect(await ready()).toEqual({ status: 200, body: { status: 'ready', storage: 'blob' } });
        const port = azurite.port;
        await azurite.stop();
        azurite = undefined;
        expect(await ready()).toEqual({ status: 503, body: { status: 'unavailable', storage: 'blob' } });
        // Back on the same address, empty (as after a storage account was re-created).
        azurite = await startAzurite(port);
        expect(await ready()).toEqual({ status: 200, body: { status: 'ready', storage: 'blob' } });
        const conversation = { id: 'after-outage' };
        expect(messageTexts(await replies(await post(bot.url, activity({ text: 'Am I eligible?', conversation }))))).toContain(
            'Question 1:',
        );
        expect(messageTexts(await replies(await post(bot.url, activity({ text: 'yes', conversation }))))).toContain('Question 2:');
    });
});
