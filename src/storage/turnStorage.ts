import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../observability/logger';
import { mergeState } from './merge';
import { StateConflictError, type StateStore, type WriteCondition } from './store';

/** The property every stored state object carries: when a turn last wrote or refreshed it. */
export const LAST_SEEN = 'lastSeen';
/** An object that carries this ISO time expires then, not a retention period after it was last seen. */
const EXPIRES_AT = 'expiresAt';

const DAY_MS = 24 * 60 * 60 * 1000;
/** State only read (not changed) by a turn is rewritten when its stamp is older than this. */
const REFRESH_AFTER_MS = 60 * 60 * 1000;
/** Attempts at merging this turn's change into a key that changed meanwhile, once another key is committed. */
const MERGE_ATTEMPTS = 5;

/** What a turn found when it first read a key. */
interface ReadRecord {
    /** Version read; undefined = nothing was stored. */
    eTag?: string;
    /** The state as read (without eTag and stamp); undefined when absent or expired. */
    base?: Record<string, unknown>;
    /** The stored state was older than the retention period: treated as absent. */
    expired: boolean;
    lastSeen?: number;
}

type PendingChange = { kind: 'write'; value: Record<string, unknown> } | { kind: 'delete' };

/** One attempt at one turn: what it read, and the changes it will commit at the end. */
class TurnScope {
    readonly reads = new Map<string, ReadRecord>();
    readonly changes = new Map<string, PendingChange>();
}

export interface TurnStorageOptions {
    /** State untouched for longer than this is treated as absent (and deleted). */
    retentionDays: number;
    logger: Logger;
    now?: () => number;
}

/** A state change cannot be merged after repeated conflicts; not retried as a whole (part is committed). */
class StateMergeError extends Error {
    constructor(readonly key: string) {
        super(`State "${key}" kept changing while this turn's change was merged into it`);
        this.name = 'StateMergeError';
    }
}

function copy<T>(value: T): T {
    return structuredClone(value);
}

/** Conversation state is committed first: a conflict there means nothing of the turn is stored yet. */
function commitOrder(key: string): number {
    return key.includes('/conversations/') ? 0 : 1;
}

/**
 * The Storage the bot's ConversationState and UserState use. Inside a turn (see `turn()`), it records the
 * version of every key read, keeps the turn's writes and deletes until the turn ends, then commits them
 * with optimistic concurrency: a key read is written only over the version read, a key read as absent is
 * created only if still absent. A conflict on the first commit means another instance changed the state
 * meanwhile and nothing of this turn is stored: `turn()` throws StateConflictError and the caller runs the
 * turn again on fresh state. Later keys (user state, after the conversation state is committed) are merged
 * instead. Every write stamps `lastSeen`; state older than the retention period reads as absent and is
 * deleted; state a turn only reads is re-stamped at most hourly, so that it ages from the last message.
 *
 * Outside a turn (readiness probe, error recovery, tests), reads and writes go straight to the store.
 */
export class TurnStorage implements Storage {
    private readonly scopes = new AsyncLocalStorage<TurnScope>();
    private readonly retentionMs: number;
    private readonly now: () => number;
    private readonly logger: Logger;

    constructor(
        readonly store: StateStore,
        options: TurnStorageOptions,
    ) {
        this.retentionMs = options.retentionDays * DAY_MS;
        this.now = options.now ?? Date.now;
        this.logger = options.logger;
    }

    /** Runs one attempt at a turn, then commits its state changes. Throws StateConflictError to ask for a rerun. */
    async turn(run: () => Promise<void>): Promise<void> {
        const scope = new TurnScope();
        await this.scopes.run(scope, run);
        await this.commit(scope);
    }

    async read(keys: string[]): Promise<StoreItems> {
        const scope = this.scopes.getStore();
        const items: StoreItems = {};
        for (const key of keys) {
            const value = scope ? await this.readInTurn(scope, key) : await this.readOutside(key);
            if (value) items[key] = value;
        }
        return items;
    }

    async write(changes: StoreItems): Promise<void> {
        const scope = this.scopes.getStore();
        for (const [key, item] of Object.entries(changes)) {
            const { eTag: _ignored, ...value } = item as Record<string, unknown>;
            if (scope) scope.changes.set(key, { kind: 'write', value: copy(value) });
            else await this.store.write(key, this.stamp(value));
        }
    }

    async delete(keys: string[]): Promise<void> {
        const scope = this.scopes.getStore();
        for (const key of keys) {
            if (scope) scope.changes.set(key, { kind: 'delete' });
            else await this.store.delete(key);
        }
    }

    private stamp(value: Record<string, unknown>): Record<string, unknown> {
        return { ...value, [LAST_SEEN]: new Date(this.now()).toISOString() };
    }

    /** The stored object split into state and stamp; the stamp is missing in state written before it existed. */
    private unstamp(value: Record<string, unknown>): { state: Record<string, unknown>; lastSeen?: number } {
        const { [LAST_SEEN]: raw, ...state } = value;
        const lastSeen = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
        return Number.isFinite(lastSeen) ? { state, lastSeen } : { state };
    }

    /**
     * State expires its retention period after it was last seen; an object that carries its own `expiresAt`
     * (a result code, kept for a set number of days whoever reads it) expires then instead.
     */
    private isExpired(lastSeen: number | undefined, state?: Record<string, unknown>): boolean {
        const expiresAt = state?.[EXPIRES_AT];
        if (typeof expiresAt === 'string') return !(Date.parse(expiresAt) > this.now());
        return lastSeen !== undefined && this.now() - lastSeen > this.retentionMs;
    }

    private async readOutside(key: string): Promise<Record<string, unknown> | undefined> {
        const item = await this.store.read(key);
        if (!item) return undefined;
        const { state, lastSeen } = this.unstamp(item.value);
        if (this.isExpired(lastSeen, state)) {
            await this.store.delete(key, item.eTag);
            return undefined;
        }
        return { ...state, eTag: item.eTag };
    }

    private async readInTurn(scope: TurnScope, key: string): Promise<Record<string, unknown> | undefined> {
        const change = scope.changes.get(key);
        if (change) return change.kind === 'write' ? copy(change.value) : undefined;
        let record = scope.reads.get(key);
        if (!record) {
            const item = await this.store.read(key);
            if (!item) record = { expired: false };
            else {
                const { state, lastSeen } = this.unstamp(item.value);
                const expired = this.isExpired(lastSeen, state);
                record = { eTag: item.eTag, expired, ...(expired ? {} : { base: state }), ...(lastSeen === undefined ? {} : { lastSeen }) };
            }
            scope.reads.set(key, record);
        }
        return record.base ? copy(record.base) : undefined;
    }

    private async commit(scope: TurnScope): Promise<void> {
        const changes = [...scope.changes].sort(([a], [b]) => commitOrder(a) - commitOrder(b));
        let committed = false;
        for (const [key, change] of changes) {
            const read = scope.reads.get(key);
            if (change.kind === 'delete') {
                await this.store.delete(key);
                committed = true;
                continue;
            }
            // Never read in this turn (a blind write): nothing to compare with, written as is.
            const condition: WriteCondition = !read ? undefined : read.eTag !== undefined ? { ifMatch: read.eTag } : { ifAbsent: true };
            try {
                await this.store.write(key, this.stamp(change.value), condition);
            } catch (error) {
                if (!(error instanceof StateConflictError)) throw error;
                // Nothing of this turn is stored yet: the caller reruns the whole turn on fresh state.
                if (!committed) throw error;
                await this.merge(key, read?.base ?? {}, change.value);
            }
            committed = true;
        }
        await this.upkeep(scope);
    }

    /** Applies this turn's change to the key as it is now, until no one else writes in between. */
    private async merge(key: string, base: Record<string, unknown>, ours: Record<string, unknown>): Promise<void> {
        for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt += 1) {
            const current = await this.store.read(key);
            const theirs = current ? this.unstamp(current.value) : undefined;
            const live = theirs && !this.isExpired(theirs.lastSeen, theirs.state) ? theirs.state : {};
            const merged = mergeState(base, ours, live) as Record<string, unknown>;
            try {
                await this.store.write(key, this.stamp(merged), current ? { ifMatch: current.eTag } : { ifAbsent: true });
                this.logger.info({ event: 'stateMerged', attempt: attempt + 1 }, 'state changed by another turn; change merged');
                return;
            } catch (error) {
                if (!(error instanceof StateConflictError)) throw error;
            }
        }
        throw new StateMergeError(key);
    }

    /** Retention for keys the turn only read: expired ones are deleted, stale stamps refreshed. */
    private async upkeep(scope: TurnScope): Promise<void> {
        for (const [key, read] of scope.reads) {
            if (scope.changes.has(key) || read.eTag === undefined) continue;
            try {
                if (read.expired) await this.store.delete(key, read.eTag);
                else if (read.base && (read.lastSeen === undefined || this.now() - read.lastSeen > REFRESH_AFTER_MS)) {
                    await this.store.write(key, this.stamp(read.base), { ifMatch: read.eTag });
                }
            } catch (error) {
                // Someone else wrote it meanwhile (which refreshed it), or the store hiccupped: the turn is done anyway.
                if (!(error instanceof StateConflictError)) this.logger.warn({ err: error }, 'state upkeep failed');
            }
        }
    }
}
