import { type Env, wholeNumber } from './env';
import { loadStorageConfig, type StorageConfig } from './storage';
import { DEFAULT_FIRM_NAME, loadWebChatConfig, type WebChatConfig } from './webChat';

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
}

export interface FirmContact {
    name: string;
    email: string;
    phone: string;
    /** https address of the firm's booking page, or empty. */
    bookingUrl: string;
}

function httpsUrl(env: Env, name: string): string {
    const raw = env[name]?.trim() ?? '';
    if (raw === '') return '';
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new Error(`${name} must be an https address (got "${raw}")`);
    }
    if (url.protocol !== 'https:') throw new Error(`${name} must be an https address (got "${raw}")`);
    return url.href;
}

function loadFirm(env: Env): FirmContact {
    return {
        name: env.FIRM_NAME?.trim() || DEFAULT_FIRM_NAME,
        email: env.FIRM_EMAIL?.trim() ?? '',
        phone: env.FIRM_PHONE?.trim() ?? '',
        bookingUrl: httpsUrl(env, 'FIRM_BOOKING_URL'),
    };
}

export function loadConfig(env: Env = process.env): BotConfig {
    return {
        port: wholeNumber(env, 'PORT', 3978, 0, 65_535),
        microsoftAppId: env.MicrosoftAppId?.trim() ?? '',
        microsoftAppPassword: env.MicrosoftAppPassword ?? '',
        microsoftAppType: env.MicrosoftAppType?.trim() ?? '',
        microsoftAppTenantId: env.MicrosoftAppTenantId?.trim() ?? '',
        logLevel: env.LOG_LEVEL?.trim() || 'info',
        maxBodyBytes: wholeNumber(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
        maxMessageLength: wholeNumber(env, 'MAX_MESSAGE_LENGTH', 1000, 10, 100_000),
        webChat: loadWebChatConfig(env),
        firm: loadFirm(env),
        stateRetentionDays: wholeNumber(env, 'STATE_RETENTION_DAYS', 30, 1, 3650),
        storage: loadStorageConfig(env),
        rateLimitPerMinute: wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 10_000),
        appInsightsConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim() ?? '',
    };
}

/** True when credentials are set: requests must then be signed by the Bot Framework. */
export function isAuthenticated(config: BotConfig): boolean {
    return config.microsoftAppId !== '';
}
