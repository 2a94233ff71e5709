import { type Env, httpsUrl, setting, tenantGuid, wholeNumber } from './env';
import { loadResultsConfig, type ResultsConfig } from './results';
import { loadStorageConfig, type StorageConfig } from './storage';
import { loadWebChatConfig, type WebChatConfig } from './webChat';

/** The firm's name when FIRM_NAME is not set (a demonstration name). */
export const DEFAULT_FIRM_NAME = 'Cabinet Exemple Immigration';

/** Everything the bot reads from the environment, typed and with the embedded defaults for local use. */
export interface BotConfig {
    port: number;
    /** Bot Framework credentials; all empty = local mode, authentication off. */
    microsoftAppId: string;
    microsoftAppPassword: string;
    microsoftAppType: string;
    microsoftAppTenantId: string;
    logLevel: string;
    /** Larger request bodies are refused with 413 before they are parsed. */
    maxBodyBytes: number;
    /** Longer messages get a polite request to shorten them. */
    maxMessageLength: number;
    /** The website widget: page, local Direct Line, production token exchange (src/webchat/config.ts). */
    webChat: WebChatConfig;
    /** How visitors reach a person at the firm ("talk to an advisor"). */
    firm: FirmContact;
    /** Stored conversation and user state is erased this many days after the last message (privacy notice). */
    stateRetentionDays: number;
    /** Where conversation and user state is kept: STORAGE=memory (default) | blob | cosmos (src/storage/config.ts). */
    storage: StorageConfig;
    /** Messages one conversation may send per minute before the bot asks it to slow down. */
    rateLimitPerMinute: number;
    /** Application Insights; empty = events go to the logs only. */
    appInsightsConnectionString: string;
    /** The result a visitor keeps: its page's address (PUBLIC_BASE_URL) and its code's lifetime (RESULT_CODE_DAYS). */
    results: ResultsConfig;
    /**
     * The firm's Microsoft Entra tenant id (lower case): Teams users of this tenant are staff and get the
     * staff tools. Empty = nobody is staff.
     */
    firmTenantId: string;
}

export interface FirmContact {
    name: string;
    email: string;
    phone: string;
    /** https address of the firm's booking page, or empty. */
    bookingUrl: string;
}

function loadFirm(env: Env): FirmContact {
    return {
        name: setting(env, 'FIRM_NAME') || DEFAULT_FIRM_NAME,
        email: setting(env, 'FIRM_EMAIL'),
        phone: setting(env, 'FIRM_PHONE'),
        bookingUrl: httpsUrl(env, 'FIRM_BOOKING_URL')?.href ?? '',
    };
}

export function loadConfig(env: Env = process.env): BotConfig {
    const firm = loadFirm(env);
    return {
        port: wholeNumber(env, 'PORT', 3978, 0, 65_535),
        microsoftAppId: setting(env, 'MicrosoftAppId'),
        microsoftAppPassword: env.MicrosoftAppPassword ?? '',
        microsoftAppType: setting(env, 'MicrosoftAppType'),
        microsoftAppTenantId: setting(env, 'MicrosoftAppTenantId'),
        logLevel: setting(env, 'LOG_LEVEL') || 'info',
        maxBodyBytes: wholeNumber(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
        maxMessageLength: wholeNumber(env, 'MAX_MESSAGE_LENGTH', 1000, 10, 100_000),
        webChat: loadWebChatConfig(env, firm.name),
        firm,
        stateRetentionDays: wholeNumber(env, 'STATE_RETENTION_DAYS', 30, 1, 3650),
        storage: loadStorageConfig(env),
        rateLimitPerMinute: wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 10_000),
        appInsightsConnectionString: setting(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING'),
        results: loadResultsConfig(env),
        firmTenantId: tenantGuid(env, 'FIRM_TENANT_ID'),
    };
}

/** True when credentials are set: requests must then be signed by the Bot Framework. */
export function isAuthenticated(config: BotConfig): boolean {
    return config.microsoftAppId !== '';
}
