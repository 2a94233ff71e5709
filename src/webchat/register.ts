import type { AddressInfo } from 'node:net';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { type BotConfig, isAuthenticated } from '../configuration/config';
import type { Logger } from '../observability/logger';
import { ConversationStore } from './directline/conversationStore';
import {
    DIRECT_LINE_PATH,
    newUserId,
    queryParam,
    registerLocalDirectLine,
    returningUserId,
    validLocale,
} from './directline/localDirectLine';
import { exchangeSecretForToken, TokenExchangeError, type WebChatSession } from './directline/tokenExchange';
import { registerPage } from './page';

const TOKEN_ROUTE = '/api/directline/token';

/** The bot's account in local conversations (Azure uses the bot's handle). */
const LOCAL_BOT: ChannelAccount = { id: 'impplus-bot', name: 'IMP+ assistant', role: 'bot' };

/** Local tokens live as long as Azure's: Web Chat's client refreshes them halfway through. */
const LOCAL_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface WebChatDependencies {
    config: BotConfig;
    logger: Logger;
    /** Runs one bot turn for an activity that did not come over HTTP (the local Direct Line's). */
    deliver: (activity: Partial<Activity>) => Promise<void>;
}

/** The server's own address, for the adapter to post the bot's replies back to (local mode only). */
function selfServiceUrl(server: Server): string {
    const address = server.address() as AddressInfo | null;
    if (!address) throw new Error('The server is not listening yet');
    const anyAddress = address.address === '0.0.0.0' || address.address === '::';
    const host = anyAddress ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
}

/**
 * The website widget. Local mode (no MicrosoftAppId): the page, a local Direct Line and connector routes,
 * and a token route that issues local tokens — Web Chat works on `npm start` with no Azure or internet.
 * Production: the page and a token route that exchanges DIRECT_LINE_SECRET at Azure; nothing local is open.
 */
export function registerWebChat(server: Server, { config, logger, deliver }: WebChatDependencies): void {
    const webChat = config.webChat;
    const production = isAuthenticated(config);
    const directLineOrigin = new URL(webChat.directLineEndpoint);
    const connectSources = production ? [directLineOrigin.origin, `wss://${directLineOrigin.host}`] : [];
    registerPage(server, { config: webChat, connectSources });

    const sendSession = (res: Response, session: WebChatSession) => {
        // A token is a credential: never cached, never stored by a proxy.
        res.header('Cache-Control', 'no-store');
        res.send(200, session);
    };

    if (production) {
        if (!webChat.directLineSecret) logger.warn('DIRECT_LINE_SECRET is not set: the website widget cannot connect');
        server.get(TOKEN_ROUTE, async (req: Request, res: Response) => {
            if (!webChat.directLineSecret) {
                res.send(503, { error: 'NotConfigured', message: 'The chat is not available.' });
                return;
            }
            try {
                sendSession(
                    res,
                    await exchangeSecretForToken({
                        endpoint: webChat.directLineEndpoint,
                        secret: webChat.directLineSecret,
                        userId: returningUserId(queryParam(req, 'user')),
                    }),
                );
            } catch (err) {
                const status = err instanceof TokenExchangeError ? err.upstreamStatus : undefined;
                logger.error({ reason: (err as Error).message, upstreamStatus: status }, 'Direct Line token exchange failed');
                res.send(502, { error: 'TokenUnavailable', message: 'The chat is not available right now.' });
            }
        });
        return;
    }

    const store = new ConversationStore({
        maxConversations: webChat.maxConversations,
        maxActivitiesPerConversation: webChat.maxActivitiesPerConversation,
        idleMs: webChat.conversationIdleMinutes * 60_000,
        tokenLifetimeMs: LOCAL_TOKEN_LIFETIME_MS,
    });
    registerLocalDirectLine(server, {
        store,
        secret: webChat.directLineSecret,
        bot: LOCAL_BOT,
        deliver,
        serviceUrl: () => selfServiceUrl(server),
        logger,
    });
    server.get(TOKEN_ROUTE, async (req: Request, res: Response) => {
        const conversation = store.create(returningUserId(queryParam(req, 'user')) ?? newUserId(), validLocale(queryParam(req, 'locale')));
        const { token, expiresInSeconds } = store.issueToken(conversation);
        sendSession(res, {
            token,
            conversationId: conversation.id,
            userId: conversation.userId,
            expiresIn: expiresInSeconds,
            domain: DIRECT_LINE_PATH,
            webSocket: false,
        });
    });
}
