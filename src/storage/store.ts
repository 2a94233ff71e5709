import type { Storage } from 'botbuilder';
import type { StorageKind } from '../configuration/storage';

/** A stored state object: its properties (without eTag) and the version the store gave it. */
export interface StoredItem {
    value: Record<string, unknown>;
    eTag: string;
}

/** When a write may happen: only over the version read, only if nothing is stored yet, or always. */
export type WriteCondition = { ifMatch: string } | { ifAbsent: true } | undefined;

/** A write lost a race: someone else changed (or created, or deleted) the item since it was read. */
export class StateConflictError extends Error {
    constructor(readonly key: string) {
        super(`State "${key}" was changed by another turn since it was read`);
        this.name = 'StateConflictError';
    }
}

/** The storage operations the turn machinery needs, with explicit optimistic-concurrency conditions. */
export interface StateStore {
    readonly kind: StorageKind;
    /** True when write(..., { ifAbsent: true }) is enforced by the store; false when it is a plain write. */
    readonly exclusiveCreate: boolean;
    read(key: string): Promise<StoredItem | undefined>;
    /** Throws StateConflictError when the condition does not hold. */
    write(key: string, value: Record<string, unknown>, condition?: WriteCondition): Promise<void>;
    /** With ifMatch, deletes only that version (where the store supports it); a missing item is not an error. */
    delete(key: string, ifMatch?: string): Promise<void>;
}

/** True for the eTag failures of MemoryStorage, BlobsStorage (message) and Cosmos DB (412 code). */
function isETagConflict(error: unknown): boolean {
    if (!(error instanceof Error)) return false;
    const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
    return code === 412 || statusCode === 412 || /eTag conflict/i.test(error.message);
}

/**
 * A botbuilder Storage (MemoryStorage, CosmosDbPartitionedStorage) as a StateStore. Updates are conditional
 * through the item's eTag, which both honour; a create cannot be made exclusive through the Storage
 * interface, and deletes are unconditional.
 */
export class StorageStore implements StateStore {
    readonly exclusiveCreate = false;

    constructor(
        readonly kind: StorageKind,
        private readonly storage: Storage,
    ) {}

    async read(key: string): Promise<StoredItem | undefined> {
        const item = (await this.storage.read([key]))[key] as Record<string, unknown> | undefined;
        if (!item) return undefined;
        const { eTag, ...value } = item;
        return { value, eTag: typeof eTag === 'string' ? eTag : '' };
    }

    async write(key: string, value: Record<string, unknown>, condition?: WriteCondition): Promise<void> {
        const eTag = condition && 'ifMatch' in condition ? condition.ifMatch : '*';
        try {
            await this.storage.write({ [key]: { ...value, eTag } });
        } catch (error) {
            if (isETagConflict(error)) throw new StateConflictError(key);
            throw error;
        }
    }

    async delete(key: string): Promise<void> {
        await this.storage.delete([key]);
    }
}
