import { ConfigurationError, type Env, setting, wholeNumber } from './env';

/** Settings of the result a visitor keeps: the printable page's address and how long a code lasts. */
export interface ResultsConfig {
    /**
     * Where visitors reach this server, without a trailing slash: links to /result/<code> start with it.
     * Unset: https://<WEBSITE_HOSTNAME> on Azure App Service (which sets it), else empty = the server's own
     * address (http://localhost:<port>), for local use.
     */
    publicBaseUrl: string;
    /** A result code resumes the check or the walkthrough for this many days after it was made, then expires. */
    codeDays: number;
}

/** An http(s) origin with an optional path; http is accepted because a local server has no certificate. */
function baseUrl(env: Env): string {
    const raw = setting(env, 'PUBLIC_BASE_URL');
    if (raw === '') {
        const appServiceHost = setting(env, 'WEBSITE_HOSTNAME');
        return /^[a-z0-9.-]+$/i.test(appServiceHost) ? `https://${appServiceHost.toLowerCase()}` : '';
    }
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new ConfigurationError(`PUBLIC_BASE_URL must be an address such as https://bot.example-firm.ca (got "${raw}")`);
    }
    if (!['https:', 'http:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
        throw new ConfigurationError(`PUBLIC_BASE_URL must be an address such as https://bot.example-firm.ca (got "${raw}")`);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function loadResultsConfig(env: Env): ResultsConfig {
    return {
        publicBaseUrl: baseUrl(env),
        codeDays: wholeNumber(env, 'RESULT_CODE_DAYS', 60, 1, 365),
    };
}
