import { ConfigurationError, type Env, httpsUrl, required, setting } from './env';

/** Where conversation and user state is kept: the process's memory, Azure Blob Storage or Azure Cosmos DB. */
export type StorageKind = 'memory' | 'blob' | 'cosmos';

export type StorageConfig =
    | { kind: 'memory' }
    | { kind: 'blob'; connectionString: string; container: string }
    | { kind: 'cosmos'; endpoint: string; key: string; database: string; container: string };

const KINDS: readonly StorageKind[] = ['memory', 'blob', 'cosmos'];

/**
 * On Blob Storage, result codes go to a container of their own, `<BLOB_CONTAINER>-results`: the state
 * container's lifecycle rule deletes blobs after STATE_RETENTION_DAYS, and codes live RESULT_CODE_DAYS.
 */
export function resultsContainer(container: string): string {
    return `${container}-results`;
}

/** Reads STORAGE and the settings of the chosen storage; a missing one is an error that names it. */
export function loadStorageConfig(env: Env): StorageConfig {
    const raw = setting(env, 'STORAGE').toLowerCase() || 'memory';
    if (!(KINDS as readonly string[]).includes(raw)) {
        throw new ConfigurationError(`STORAGE must be one of ${KINDS.join(', ')} (got "${env.STORAGE ?? ''}")`);
    }
    const kind = raw as StorageKind;
    const when = `STORAGE=${kind}`;
    switch (kind) {
        case 'memory':
            return { kind };
        case 'blob': {
            const connectionString = required(env, 'BLOB_CONNECTION_STRING', when);
            const container = required(env, 'BLOB_CONTAINER', when);
            // Container names: 3-63 lowercase letters, digits and single hyphens, starting and ending alphanumeric.
            // The results container's name (the state container's plus "-results") must be valid too.
            if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(container) || container.length < 3 || resultsContainer(container).length > 63) {
                throw new ConfigurationError(
                    `BLOB_CONTAINER must be a valid container name: 3 to ${63 - resultsContainer('').length} lowercase letters, digits and hyphens (got "${container}")`,
                );
            }
            return { kind, connectionString, container };
        }
        case 'cosmos': {
            const endpoint = required(env, 'COSMOS_ENDPOINT', when);
            httpsUrl(env, 'COSMOS_ENDPOINT');
            return {
                kind,
                endpoint,
                key: required(env, 'COSMOS_KEY', when),
                database: required(env, 'COSMOS_DATABASE', when),
                container: required(env, 'COSMOS_CONTAINER', when),
            };
        }
    }
}
