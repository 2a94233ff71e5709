import { ConfigurationError, type Env, httpsUrl, setting, wholeNumber } from './env';

/** Settings of the website widget (the page at / and the Direct Line it talks to), read from the environment. */
export interface WebChatConfig {
    /** Shown in the page title, header and chat panel. */
    firmName: string;
    /**
     * Production only: the Azure Bot Service Direct Line (or Web Chat) channel secret. It stays on the server:
     * GET /api/directline/token exchanges it for a short-lived token. In local mode, setting it makes the local
     * Direct Line demand it for tokens/generate, so that a local server can stand in for Azure in tests.
     */
    directLineSecret: string;
    /** Production only: the Direct Line service; regional bots use e.g. https://europe.directline.botframework.com. */
    directLineEndpoint: string;
    /** CSP frame-ancestors: who may put the page in an iframe ('self' alone = nobody else). */
    frameAncestors: string;
    /** Local Direct Line bounds, so that a public local-mode server cannot be made to grow without limit. */
    maxConversations: number;
    maxActivitiesPerConversation: number;
    /** Conversations with no traffic for this long are forgotten. */
    conversationIdleMinutes: number;
}

const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com';

/** An https origin (or http for a loopback stand-in in tests), without a trailing slash or path. */
function endpoint(env: Env): string {
    const url = httpsUrl(env, 'DIRECT_LINE_ENDPOINT', { allowLoopbackHttp: true });
    if (!url) return DEFAULT_DIRECT_LINE_ENDPOINT;
    if (url.pathname !== '/' || url.search || url.hash) {
        throw new ConfigurationError(
            `DIRECT_LINE_ENDPOINT must be an origin only, without "/v3/directline" (got "${setting(env, 'DIRECT_LINE_ENDPOINT')}")`,
        );
    }
    return url.origin;
}

/**
 * Each source must be a keyword (self, none; quoted or not, since .env parsers strip quotes) or an origin:
 * anything else could inject directives into the CSP header.
 */
function frameAncestors(raw: string | undefined): string {
    const sources = (raw?.trim() || "'self'").split(/\s+/).map((source) => {
        const keyword = /^'?(self|none)'?$/i.exec(source)?.[1];
        if (keyword) return `'${keyword.toLowerCase()}'`;
        if (/^https?:\/\/[a-z0-9.*-]+(:\d+)?$/i.test(source)) return source;
        throw new ConfigurationError(
            `WEBCHAT_FRAME_ANCESTORS: "${source}" is not 'self', 'none' or an origin such as https://www.example.com`,
        );
    });
    return sources.join(' ');
}

/** The widget's settings; the firm's name comes from the bot's configuration (FIRM_NAME, read once). */
export function loadWebChatConfig(env: Env, firmName: string): WebChatConfig {
    return {
        firmName,
        directLineSecret: setting(env, 'DIRECT_LINE_SECRET'),
        directLineEndpoint: endpoint(env),
        frameAncestors: frameAncestors(env.WEBCHAT_FRAME_ANCESTORS),
        maxConversations: wholeNumber(env, 'DIRECT_LINE_MAX_CONVERSATIONS', 500, 1, 100_000),
        maxActivitiesPerConversation: wholeNumber(env, 'DIRECT_LINE_MAX_ACTIVITIES', 200, 10, 10_000),
        conversationIdleMinutes: wholeNumber(env, 'DIRECT_LINE_IDLE_MINUTES', 30, 1, 24 * 60),
    };
}
