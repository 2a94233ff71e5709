/** Where conversation and user state is kept: the process's memory, Azure Blob Storage or Azure Cosmos DB. */
export type StorageKind = 'memory' | 'blob' | 'cosmos';

export type StorageConfig =
    | { kind: 'memory' }
    | { kind: 'blob'; connectionString: string; container: string }
    | { kind: 'cosmos'; endpoint: string; key: string; database: string; container: string };

type Env = Record<string, string | undefined>;

const KINDS: readonly StorageKind[] = ['memory', 'blob', 'cosmos'];

/** A setting's value, or '' when it is missing or blank (the Azure template sets the unused ones to ""). */
function setting(env: Env, name: string): string {
    return env[name]?.trim() ?? '';
}

function required(env: Env, name: string, kind: StorageKind): string {
    const value = setting(env, name);
    if (value === '') throw new Error(`${name} must be set when STORAGE=${kind}`);
    return value;
}

/** Reads STORAGE and the settings of the chosen storage; a missing one is an error that names it. */
export function loadStorageConfig(env: Env): StorageConfig {
    const raw = setting(env, 'STORAGE').toLowerCase() || 'memory';
    if (!(KINDS as readonly string[]).includes(raw)) {
        throw new Error(`STORAGE must be one of ${KINDS.join(', ')} (got "${env.STORAGE ?? ''}")`);
    }
    const kind = raw as StorageKind;
    switch (kind) {
        case 'memory':
            return { kind };
        case 'blob': {
            const connectionString = required(env, 'BLOB_CONNECTION_STRING', kind);
            const container = required(env, 'BLOB_CONTAINER', kind);
            // Container names: 3-63 lowercase letters, digits and single hyphens, starting and ending alphanumeric.
            if (!/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/.test(container)) {
                throw new Error(
                    `BLOB_CONTAINER must be a valid container name: 3 to 63 lowercase letters, digits and hyphens (got "${container}")`,
                );
            }
            return { kind, connectionString, container };
        }
        case 'cosmos': {
            const endpoint = required(env, 'COSMOS_ENDPOINT', kind);
            let url: URL;
            try {
                url = new URL(endpoint);
            } catch {
                throw new Error(`COSMOS_ENDPOINT must be an https address (got "${endpoint}")`);
            }
            if (url.protocol !== 'https:') throw new Error(`COSMOS_ENDPOINT must be an https address (got "${endpoint}")`);
            return {
                kind,
                endpoint,
                key: required(env, 'COSMOS_KEY', kind),
                database: required(env, 'COSMOS_DATABASE', kind),
                container: required(env, 'COSMOS_CONTAINER', kind),
            };
        }
    }
}
