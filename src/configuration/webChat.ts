import { type Env, wholeNumber } from './env';

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

export const DEFAULT_FIRM_NAME = 'Cabinet Exemple Immigration';
const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com';

/** An https origin (or http for a loopback stand-in in tests), without a trailing slash or path. */
function endpoint(raw: string | undefined): string {
    const value = raw?.trim() || DEFAULT_DIRECT_LINE_ENDPOINT;
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw new Error(`DIRECT_LINE_ENDPOINT must be a URL such as ${DEFAULT_DIRECT_LINE_ENDPOINT} (got "${value}")`);
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new Error(`DIRECT_LINE_ENDPOINT must use https (got "${value}")`);
    }
    if (url.pathname !== '/' || url.search || url.hash) {
        throw new Error(`DIRECT_LINE_ENDPOINT must be an origin only, without "/v3/directline" (got "${value}")`);
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
        throw new Error(`WEBCHAT_FRAME_ANCESTORS: "${source}" is not 'self', 'none' or an origin such as https://www.example.com`);
    });
    return sources.join(' ');
}

export function loadWebChatConfig(env: Env = process.env): WebChatConfig {
    return {
        firmName: env.FIRM_NAME?.trim() || DEFAULT_FIRM_NAME,
        directLineSecret: env.DIRECT_LINE_SECRET?.trim() ?? '',
        directLineEndpoint: endpoint(env.DIRECT_LINE_ENDPOINT),
        frameAncestors: frameAncestors(env.WEBCHAT_FRAME_ANCESTORS),
        maxConversations: wholeNumber(env, 'DIRECT_LINE_MAX_CONVERSATIONS', 500, 1, 100_000),
        maxActivitiesPerConversation: wholeNumber(env, 'DIRECT_LINE_MAX_ACTIVITIES', 200, 10, 10_000),
        conversationIdleMinutes: wholeNumber(env, 'DIRECT_LINE_IDLE_MINUTES', 30, 1, 24 * 60),
    };
}
