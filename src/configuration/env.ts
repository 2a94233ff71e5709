/**
 * Reading settings from the environment: one toolkit for every setting, with errors that name the variable.
 * Unset and blank are the same (the Azure template sets the unused settings to "").
 */
export type Env = Record<string, string | undefined>;

/** A setting that cannot be used as given; the message names it and says what it must be. */
export class ConfigurationError extends Error {
    override readonly name = 'ConfigurationError';
}

/** The value, trimmed; '' when unset or blank. */
export function setting(env: Env, name: string): string {
    return env[name]?.trim() ?? '';
}

/** The value, which must be set (`when` says in which case it is needed). */
export function required(env: Env, name: string, when: string): string {
    const value = setting(env, name);
    if (value === '') throw new ConfigurationError(`${name} must be set when ${when}`);
    return value;
}

/** A whole number within bounds; unset or blank gives the fallback. */
export function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
    const raw = setting(env, name);
    if (raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    }
    return value;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An https address ('' when unset); `allowLoopbackHttp` also accepts http on this machine (a local stand-in
 * for an Azure service in tests).
 */
export function httpsUrl(env: Env, name: string, options: { allowLoopbackHttp?: boolean } = {}): URL | undefined {
    const raw = setting(env, name);
    if (raw === '') return undefined;
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new ConfigurationError(`${name} must be an https address (got "${raw}")`);
    }
    const localHttp = options.allowLoopbackHttp === true && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !localHttp) throw new ConfigurationError(`${name} must be an https address (got "${raw}")`);
    return url;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A Microsoft Entra tenant id (a GUID), lower-cased so that comparisons ignore case; '' when unset. */
export function tenantGuid(env: Env, name: string): string {
    const value = setting(env, name).toLowerCase();
    if (value !== '' && !GUID.test(value)) {
        throw new ConfigurationError(`${name} must be a tenant id like 5e7a1c2d-3b4f-4a6e-9c8d-0f1e2d3c4b5a (got "${setting(env, name)}")`);
    }
    return value;
}
