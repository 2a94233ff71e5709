import { resultsContainer, type StorageConfig } from '../configuration/storage';
import { BlobStateStore } from './blobStore';
import { CompactMemoryStorage } from './memory';
import { type StateStore, StorageStore } from './store';

export { loadStorageConfig, type StorageConfig } from '../configuration/storage';
export { TurnStorage } from './turnStorage';

/** The store for a configuration. Nothing is contacted yet: blob and Cosmos DB connect on first use. */
export function createStateStore(config: StorageConfig): StateStore {
    switch (config.kind) {
        case 'memory':
            return new StorageStore('memory', new CompactMemoryStorage());
        case 'blob':
            return new BlobStateStore(config.connectionString, config.container);
        case 'cosmos': {
            // Loaded only when configured: botbuilder-azure (with the Cosmos DB SDK) takes a tenth of the start-up.
            const { CosmosDbPartitionedStorage } = require('botbuilder-azure') as typeof import('botbuilder-azure');
            return new StorageStore(
                'cosmos',
                new CosmosDbPartitionedStorage({
                    cosmosDbEndpoint: config.endpoint,
                    authKey: config.key,
                    databaseId: config.database,
                    containerId: config.container,
                }),
            );
        }
    }
}

/**
 * The store of result codes: a container of their own on Blob Storage (the state container's lifecycle rule
 * would delete them after the state retention), the state's store elsewhere.
 */
export function createResultStore(config: StorageConfig, stateStore: StateStore): StateStore {
    return config.kind === 'blob' ? new BlobStateStore(config.connectionString, resultsContainer(config.container)) : stateStore;
}
