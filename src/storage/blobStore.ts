import { text } from 'node:stream/consumers';
import type { ContainerClient } from '@azure/storage-blob';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { StateConflictError, type StateStore, type StoredItem, type WriteCondition } from './store';

type BlobSdk = typeof import('@azure/storage-blob');
let loadedSdk: BlobSdk | undefined;

/** Loaded with the first blob store: the Azure SDK takes a twentieth of a start-up that keeps state in memory. */
function sdk(): BlobSdk {
    loadedSdk ??= require('@azure/storage-blob') as BlobSdk;
    return loadedSdk;
}

function status(error: unknown): number | undefined {
    return error instanceof sdk().RestError ? error.statusCode : undefined;
}

/**
 * Azure Blob Storage, one JSON blob per state key, in the layout of botbuilder-azure-blobs' BlobsStorage
 * (same blob names, same JSON; data written by either is read by the other) with what BlobsStorage cannot
 * do: an exclusive create (If-None-Match: *), conditional deletes, and a container check that is retried
 * after a failure (BlobsStorage caches the failed promise and fails for good).
 */
export class BlobStateStore implements StateStore {
    readonly kind = 'blob';
    readonly exclusiveCreate = true;
    private readonly container: ContainerClient;
    private ready: Promise<unknown> | undefined;

    constructor(connectionString: string, containerName: string) {
        // A chat turn cannot wait long: a few quick tries, not the SDK's default minutes of backoff.
        this.container = new (sdk().ContainerClient)(connectionString, containerName, {
            retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1_000, tryTimeoutInMs: 10_000 },
        });
    }

    /** Creates the container the first time; a failure is not remembered, the next call tries again. */
    private ensureContainer(): Promise<unknown> {
        this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
            this.ready = undefined;
            throw error;
        });
        return this.ready;
    }

    /** Runs a request; if the container has gone (deleted, or a fresh emulator), creates it again and retries once. */
    private async inContainer<T>(request: () => Promise<T>): Promise<T> {
        await this.ensureContainer();
        try {
            return await request();
        } catch (error) {
            if (!(error instanceof sdk().RestError) || error.code !== 'ContainerNotFound') throw error;
            this.ready = undefined;
            await this.ensureContainer();
            return request();
        }
    }

    private blob(key: string) {
        return this.container.getBlockBlobClient(sanitizeBlobKey(key));
    }

    async read(key: string): Promise<StoredItem | undefined> {
        try {
            const response = await this.inContainer(() => this.blob(key).download());
            if (!response.readableStreamBody || !response.etag) return undefined;
            const value = JSON.parse(await text(response.readableStreamBody)) as Record<string, unknown>;
            return { value, eTag: response.etag };
        } catch (error) {
            if (status(error) === 404) return undefined;
            throw error;
        }
    }

    async write(key: string, value: Record<string, unknown>, condition?: WriteCondition): Promise<void> {
        const body = JSON.stringify(value);
        const conditions = !condition ? {} : 'ifMatch' in condition ? { ifMatch: condition.ifMatch } : { ifNoneMatch: '*' };
        try {
            await this.inContainer(() =>
                this.blob(key).upload(body, Buffer.byteLength(body), {
                    conditions,
                    blobHTTPHeaders: { blobContentType: 'application/json' },
                }),
            );
        } catch (error) {
            // 412: changed since read; 409: created by someone else (If-None-Match); 404: deleted since read.
            const code = status(error);
            if (condition && (code === 412 || code === 409 || code === 404)) throw new StateConflictError(key);
            throw error;
        }
    }

    async delete(key: string, ifMatch?: string): Promise<void> {
        try {
            await this.inContainer(() => this.blob(key).delete(ifMatch ? { conditions: { ifMatch } } : {}));
        } catch (error) {
            const code = status(error);
            // Already gone, or rewritten since read (then it is someone's fresh state: keep it).
            if (code === 404 || (ifMatch && code === 412)) return;
            throw error;
        }
    }
}
