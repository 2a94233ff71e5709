import { DIRECT_LINE_PATH, newUserId } from './localDirectLine';

/** What the page receives from GET /api/directline/token, in both modes. */
export interface WebChatSession {
    token: string;
    conversationId: string;
    /** The user the token is bound to: the page keeps it for the next conversation. */
    userId: string;
    expiresIn: number;
    /** Where Web Chat's Direct Line client connects (relative to the page in local mode). */
    domain: string;
    /** Azure streams over a WebSocket; the local Direct Line only supports polling. */
    webSocket: boolean;
}

export interface TokenExchangeOptions {
    /** The Direct Line service origin, e.g. https://directline.botframework.com. */
    endpoint: string;
    secret: string;
    /** A returning visitor's id (see returningUserId); a new one otherwise. */
    userId?: string;
    fetch?: typeof fetch;
    timeoutMs?: number;
}

/** The Direct Line service refused or failed: the page gets a 502 and the log says why (never the secret). */
export class TokenExchangeError extends Error {
    constructor(
        message: string,
        readonly upstreamStatus?: number,
    ) {
        super(message);
        this.name = 'TokenExchangeError';
    }
}

/**
 * Exchanges the Direct Line secret (server side only) for a token bound to one conversation and to a user id
 * (fresh, or the returning visitor's). Binding the user stops a page from speaking as someone else; the token lives about an hour and the
 * Web Chat client refreshes it itself.
 */
export async function exchangeSecretForToken(options: TokenExchangeOptions): Promise<WebChatSession> {
    const doFetch = options.fetch ?? fetch;
    const userId = options.userId ?? newUserId();
    let response: Response;
    try {
        response = await doFetch(`${options.endpoint}${DIRECT_LINE_PATH}/tokens/generate`, {
            method: 'POST',
            headers: { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ user: { id: userId } }),
            signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
    } catch (err) {
        throw new TokenExchangeError(`Direct Line could not be reached: ${(err as Error).message}`);
    }
    if (!response.ok) throw new TokenExchangeError(`Direct Line refused the token request (${response.status})`, response.status);
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const token = body?.token;
    const conversationId = body?.conversationId;
    const expiresIn = body?.expires_in;
    if (typeof token !== 'string' || typeof conversationId !== 'string' || typeof expiresIn !== 'number') {
        throw new TokenExchangeError('Direct Line answered without a token, conversationId and expires_in');
    }
    return { token, conversationId, userId, expiresIn, domain: `${options.endpoint}${DIRECT_LINE_PATH}`, webSocket: true };
}
