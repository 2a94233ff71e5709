/**
 * Memory per conversation, in-process: the real app (createApp) on 127.0.0.1 with a MemoryStorage we can read,
 * N short conversations (welcome + eligibility check to the verdict, English and French) over HTTP, then the heap
 * growth after a full GC and the stored state, serialized as the storage keeps it.
 *
 * Run compiled with `node --expose-gc …/memory.js [conversations]`; prints one JSON line (MemoryResult).
 */
import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../src/configuration/config';
import { createApp } from '../../src/hosting/app';
import { listen } from '../../src/hosting/server';
import { createLogger } from '../../src/observability/logger';
import { BOT_SCRIPTS, erasingScript, shortScript } from './conversations';
import { runLoad } from './load';

/**
 * MemoryStorage keeps each item as a JSON string; this one lets us read them. Its delete() leaves the key with
 * `undefined` as the value (a tombstone), so values are typed as possibly undefined here.
 */
class InspectableStorage extends MemoryStorage {
    entries(): [string, string | undefined][] {
        return Object.entries(this.memory as Record<string, string | undefined>);
    }
}

export interface StoredSize {
    keys: number;
    /** Keys deleted through MemoryStorage.delete(), which keeps them with an undefined value. */
    tombstones: number;
    /** UTF-8 bytes of the keys and their JSON values, as a storage service would hold them. */
    bytes: number;
    conversationBytes: number;
    userBytes: number;
    largestEntryBytes: number;
}

export interface MemoryResult {
    conversations: number;
    turns: number;
    errors: number;
    errorSamples: string[];
    heapBeforeBytes: number;
    heapAfterBytes: number;
    heapPerConversationBytes: number;
    stored: StoredSize;
    storedPerConversationBytes: number;
    /** The same for the whole 11-turn benchmark conversation. */
    fullConversation: { conversations: number; errors: number; storedPerConversationBytes: number; largestEntryBytes: number };
    /** Conversations that ended with "delete my data", and the storage keys they left behind (should be 0). */
    erasing: { conversations: number; errors: number; keysLeft: number; tombstones: number };
}

function storedSize(storage: InspectableStorage, prefix: string): StoredSize {
    const size: StoredSize = { keys: 0, tombstones: 0, bytes: 0, conversationBytes: 0, userBytes: 0, largestEntryBytes: 0 };
    for (const [key, value] of storage.entries()) {
        if (!key.includes(prefix)) continue;
        if (value === undefined) {
            size.tombstones++;
            continue;
        }
        const bytes = Buffer.byteLength(key) + Buffer.byteLength(value);
        size.keys++;
        size.bytes += bytes;
        // Keys: "<channel>/conversations/<id>" and "<channel>/users/<id>".
        if (key.includes('/conversations/')) size.conversationBytes += bytes;
        else if (key.includes('/users/')) size.userBytes += bytes;
        size.largestEntryBytes = Math.max(size.largestEntryBytes, bytes);
    }
    return size;
}

function gcHeap(): number {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('run with node --expose-gc');
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
    const target = Number(process.argv[2] ?? 10_000);
    const users = 16;
    const storage = new InspectableStorage();
    // RATE_LIMIT_PER_MINUTE stays at its default: every conversation sends 6 messages at most.
    const app = createApp(loadConfig({ PORT: '0' }), { logger: createLogger('silent'), storage });
    const port = await listen(app.server, 0, '127.0.0.1');

    // Warm up (JIT, lazy module state) with conversations we do not count, then forget them.
    await runLoad({ port, users, durationMs: 60_000, maxTurns: 600, scripts: [shortScript('en'), shortScript('fr')], idPrefix: 'warm' });
    const heapBeforeBytes = gcHeap();

    const load = await runLoad({
        port,
        users,
        durationMs: 15 * 60_000,
        maxConversations: target,
        scripts: [shortScript('en'), shortScript('fr')],
        idPrefix: 'mem',
    });
    const heapAfterBytes = gcHeap();
    const stored = storedSize(storage, 'mem-');
    const conversations = load.conversations;

    // The whole benchmark conversation (11 turns, a longer transcript) stores more than the short one.
    const full = await runLoad({
        port,
        users: 8,
        durationMs: 60_000,
        maxConversations: 200,
        scripts: [BOT_SCRIPTS.en, BOT_SCRIPTS.fr],
        idPrefix: 'full',
    });
    const fullStored = storedSize(storage, 'full-');

    const erase = await runLoad({
        port,
        users: 8,
        durationMs: 60_000,
        maxConversations: 200,
        scripts: [erasingScript('en'), erasingScript('fr')],
        idPrefix: 'erase',
    });
    const erased = storedSize(storage, 'erase-');

    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    const result: MemoryResult = {
        conversations,
        turns: load.turns,
        errors: load.errors,
        errorSamples: load.errorSamples,
        heapBeforeBytes,
        heapAfterBytes,
        heapPerConversationBytes: (heapAfterBytes - heapBeforeBytes) / Math.max(conversations, 1),
        stored,
        storedPerConversationBytes: stored.bytes / Math.max(conversations, 1),
        fullConversation: {
            conversations: full.conversations,
            errors: full.errors,
            storedPerConversationBytes: fullStored.bytes / Math.max(full.conversations, 1),
            largestEntryBytes: fullStored.largestEntryBytes,
        },
        erasing: { conversations: erase.conversations, errors: erase.errors, keysLeft: erased.keys, tombstones: erased.tombstones },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
