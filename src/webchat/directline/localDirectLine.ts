import { timingSafeEqual } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../observability/logger';
import { type ConversationStore, type DirectLineActivity, randomId, type StoredConversation } from './conversationStore';

/** Where Web Chat's client finds the API: `createDirectLine({ domain: origin + DIRECT_LINE_PATH })`. */
export const DIRECT_LINE_PATH = '/v3/directline';

/** Activities from the client waiting for the bot beyond this get 429: a client cannot queue unbounded work. */
export const MAX_PENDING_TURNS = 10;

/** The channel the bot sees, as with Azure's Web Chat channel (the bot draws suggested actions for it). */
const LOCAL_CHANNEL_ID = 'webchat';

export interface LocalDirectLineOptions {
    store: ConversationStore;
    /** When set, tokens/generate and secret-authenticated calls demand it, as Azure does; empty = open (local use). */
    secret: string;
    /** The bot's account, as the recipient of user activities and the sender of its replies. */
    bot: ChannelAccount;
    /** Runs one bot turn for an activity (the adapter, authentication off). Turns of a conversation never overlap. */
    deliver: (activity: Partial<Activity>) => Promise<void>;
    /** This server's own base URL: the adapter posts the bot's replies there, to the connector routes below. */
    serviceUrl: () => string;
    logger: Logger;
}

type Caller = { kind: 'secret' } | { kind: 'token'; token: string; conversationId: string; expiresInSeconds: number };

/** Direct Line's error shape, which its clients log. */
function fail(res: Response, status: number, code: string, message: string): void {
    res.send(status, { error: { code, message } });
}

function bearer(req: Request): string | undefined {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    return match?.[1];
}

function sameSecret(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
}

const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$/i;
const USER_ID = /^[\w.:@-]{1,64}$/;

export function validLocale(value: unknown): string | undefined {
    return typeof value === 'string' && value.length <= 35 && LOCALE.test(value) ? value : undefined;
}

function validUserId(value: unknown): string | undefined {
    return typeof value === 'string' && USER_ID.test(value) ? value : undefined;
}

/** A user id in Direct Line's style for tokens bound to a user ("dl_" is reserved for those). */
export function newUserId(): string {
    return `dl_${randomId(12)}`;
}

const RETURNING_USER_ID = /^dl_[\w-]{16,43}$/;

/**
 * The id a returning page presents (?user=), if it has the shape newUserId() gives: the page keeps it so that
 * the bot's per-user state (an unfinished check, the walkthrough step) follows the visitor into a new
 * conversation. It is as unguessable as a token; anything else gets a fresh id.
 */
export function returningUserId(value: unknown): string | undefined {
    return typeof value === 'string' && RETURNING_USER_ID.test(value) ? value : undefined;
}

/**
 * One query-string parameter. The server registers no query parser (it would change every route's
 * req.query), so the URL is read here.
 */
export function queryParam(req: Request, name: string): string | undefined {
    return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** What a client may send: the fields Web Chat uses. Ids, addresses, channel and service URL are ours to set. */
const CLIENT_FIELDS = [
    'text',
    'textFormat',
    'locale',
    'localTimestamp',
    'localTimezone',
    'name',
    'value',
    'channelData',
    'entities',
    'attachments',
] as const;
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);

/** True when the request comes from this machine: only our own adapter posts the bot's replies. */
function fromThisMachine(req: Request): boolean {
    const remote = req.socket.remoteAddress ?? '';
    return remote === '::1' || remote.startsWith('127.') || remote.startsWith('::ffff:127.') || remote === req.socket.localAddress;
}

/**
 * A small Direct Line 3.0 for local use, with no Azure, secret or internet: what Web Chat's standard client
 * needs with polling (start, post, get activities with watermarks, token generate and refresh), plus the
 * connector routes the bot's adapter posts its replies to (this server is its own serviceUrl).
 */
export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): void {
    const { store, bot, logger } = options;

    const authenticate = (req: Request, res: Response): Caller | undefined => {
        const presented = bearer(req);
        if (!presented) {
            fail(res, 401, 'MissingAuthorization', 'Send "Authorization: Bearer <token>".');
            return undefined;
        }
        const check = store.checkToken(presented);
        if (check.status === 'valid')
            return { kind: 'token', token: presented, conversationId: check.conversationId, expiresInSeconds: check.expiresInSeconds };
        if (check.status === 'expired') {
            // 403 is what Direct Line clients read as "token expired": they refresh or reconnect.
            fail(res, 403, 'TokenExpired', 'The token has expired.');
            return undefined;
        }
        if (options.secret && sameSecret(presented, options.secret)) return { kind: 'secret' };
        fail(res, 403, 'BadToken', 'The token or secret is not valid.');
        return undefined;
    };

    /** The conversation in the URL, if the caller may use it; otherwise the response is sent. */
    const conversationFor = (req: Request, res: Response): { caller: Caller; conversation: StoredConversation } | undefined => {
        const caller = authenticate(req, res);
        if (!caller) return undefined;
        const id = String(req.params.conversationId ?? '');
        if (caller.kind === 'token' && caller.conversationId !== id) {
            fail(res, 403, 'BadToken', 'The token is for another conversation.');
            return undefined;
        }
        const conversation = store.get(id);
        if (!conversation) {
            // 404 tells the client the conversation ended (it was idle too long, or the server restarted).
            fail(res, 404, 'BadArgument', 'Conversation not found.');
            return undefined;
        }
        return { caller, conversation };
    };

    const enqueueTurn = (conversation: StoredConversation, activity: Partial<Activity>): void => {
        conversation.pendingTurns += 1;
        conversation.turns = conversation.turns
            .then(() => options.deliver(activity))
            .catch((err: unknown) =>
                logger.error({ err, activityType: activity.type }, 'local Direct Line: the bot could not handle an activity'),
            )
            .finally(() => {
                conversation.pendingTurns -= 1;
            });
    };

    const userAccount = (conversation: StoredConversation): ChannelAccount => ({ id: conversation.userId, name: '', role: 'user' });

    /** Tells the bot the conversation started, with both members, as Azure's channel does: the bot welcomes the user. */
    const start = (conversation: StoredConversation, locale: string | undefined): void => {
        conversation.started = true;
        conversation.locale = locale ?? conversation.locale;
        const user = userAccount(conversation);
        enqueueTurn(conversation, {
            type: 'conversationUpdate',
            id: `${conversation.id}|start`,
            timestamp: new Date(),
            channelId: LOCAL_CHANNEL_ID,
            serviceUrl: options.serviceUrl(),
            conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
            from: user,
            recipient: bot,
            membersAdded: [bot, user],
            ...(conversation.locale ? { locale: conversation.locale } : {}),
        });
    };

    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (req: Request, res: Response) => {
        if (options.secret && !sameSecret(bearer(req) ?? '', options.secret)) {
            fail(res, 403, 'BadSecret', 'tokens/generate needs "Authorization: Bearer <secret>".');
            return;
        }
        const body = asObject(req.body);
        const userId = validUserId(asObject(body?.user)?.id) ?? newUserId();
        const conversation = store.create(userId, validLocale(body?.locale));
        const { token, expiresInSeconds } = store.issueToken(conversation);
        res.send(200, { conversationId: conversation.id, token, expires_in: expiresInSeconds });
    });

    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
        const caller = authenticate(req, res);
        if (!caller) return;
        if (caller.kind !== 'token') {
            fail(res, 400, 'BadArgument', 'Only a token can be refreshed.');
            return;
        }
        const conversation = store.get(caller.conversationId);
        if (!conversation) {
            fail(res, 404, 'BadArgument', 'Conversation not found.');
            return;
        }
        const { token, expiresInSeconds } = store.issueToken(conversation);
        res.send(200, { conversationId: conversation.id, token, expires_in: expiresInSeconds });
    });

    server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
        const caller = authenticate(req, res);
        if (!caller) return;
        // DirectLineJS posts { user: { id }, locale } here: the locale comes from conversationStartProperties.
        const body = asObject(req.body);
        const locale = validLocale(body?.locale);
        if (caller.kind === 'secret') {
            const conversation = store.create(validUserId(asObject(body?.user)?.id) ?? newUserId(), locale);
            const { token, expiresInSeconds } = store.issueToken(conversation);
            start(conversation, locale);
            res.send(201, { conversationId: conversation.id, token, expires_in: expiresInSeconds });
            return;
        }
        const conversation = store.get(caller.conversationId);
        if (!conversation) {
            fail(res, 404, 'BadArgument', 'Conversation not found.');
            return;
        }
        const isNew = !conversation.started;
        if (isNew) start(conversation, locale);
        res.send(isNew ? 201 : 200, { conversationId: conversation.id, token: caller.token, expires_in: caller.expiresInSeconds });
    });

    // Reconnect: DirectLineJS calls it when it already has a conversation id.
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
        const found = conversationFor(req, res);
        if (!found) return;
        const { caller, conversation } = found;
        const issued =
            caller.kind === 'token' ? { token: caller.token, expiresInSeconds: caller.expiresInSeconds } : store.issueToken(conversation);
        res.send(200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresInSeconds });
    });

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
        const found = conversationFor(req, res);
        if (!found) return;
        const { caller, conversation } = found;
        const body = asObject(req.body);
        if (!body || typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) {
            fail(res, 400, 'BadArgument', `The activity's type must be one of: ${[...CLIENT_TYPES].join(', ')}.`);
            return;
        }
        if (body.text !== undefined && typeof body.text !== 'string') {
            fail(res, 400, 'BadArgument', 'The activity\'s "text" must be a string.');
            return;
        }
        if (conversation.pendingTurns >= MAX_PENDING_TURNS) {
            res.header('Retry-After', '1');
            fail(res, 429, 'TooManyRequests', 'The bot is still busy with earlier messages.');
            return;
        }
        const fields: Partial<Activity> = {};
        for (const field of CLIENT_FIELDS) if (body[field] !== undefined) Object.assign(fields, { [field]: body[field] });
        if (fields.locale !== undefined && !validLocale(fields.locale)) delete fields.locale;
        const claimedFrom = asObject(body.from);
        // A token is bound to its user: whatever the client claims, it speaks as that user (as on Azure).
        const fromId = caller.kind === 'token' ? conversation.userId : (validUserId(claimedFrom?.id) ?? conversation.userId);
        const fromName = typeof claimedFrom?.name === 'string' ? claimedFrom.name.slice(0, 100) : '';

        // The echo: the client's own activity, now with an id, that it recognizes by channelData.clientActivityID.
        const echo = store.append(conversation, {
            ...fields,
            type: body.type,
            channelId: LOCAL_CHANNEL_ID,
            conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
            from: { id: fromId, name: fromName, role: 'user' },
            recipient: bot,
        });
        // A client that posts before starting (possible with a secret) still gets a welcome first.
        if (!conversation.started) start(conversation, validLocale(fields.locale));
        enqueueTurn(conversation, { ...echo, timestamp: new Date(echo.timestamp), serviceUrl: options.serviceUrl() });
        res.send(200, { id: echo.id });
    });

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
        const found = conversationFor(req, res);
        if (!found) return;
        res.send(200, store.activitiesAfter(found.conversation, queryParam(req, 'watermark')));
    });

    // The connector side: the adapter's ConnectorClient posts the bot's messages here (serviceUrl = this server).
    const receiveFromBot = async (req: Request, res: Response) => {
        if (!fromThisMachine(req)) {
            fail(res, 403, 'Forbidden', 'Only the bot on this machine may post here.');
            return;
        }
        const conversation = store.get(String(req.params.conversationId ?? ''));
        if (!conversation) {
            fail(res, 404, 'ConversationNotFound', 'Conversation not found.');
            return;
        }
        const body = asObject(req.body);
        if (!body || typeof body.type !== 'string') {
            fail(res, 400, 'BadArgument', 'The body must be an activity.');
            return;
        }
        // Like Azure's channels, traces are for developer tools only: the user never receives them.
        if (body.type === 'trace') {
            res.send(200, { id: randomId() });
            return;
        }
        const { serviceUrl: _serviceUrl, id: _id, timestamp: _timestamp, ...reply } = body;
        const from = asObject(reply.from);
        const replyToId = typeof req.params.activityId === 'string' ? req.params.activityId : reply.replyToId;
        const stored: DirectLineActivity = store.append(conversation, {
            ...(reply as Partial<Activity>),
            type: body.type,
            channelId: LOCAL_CHANNEL_ID,
            conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
            from: {
                id: typeof from?.id === 'string' ? from.id : bot.id,
                name: typeof from?.name === 'string' ? from.name : bot.name,
                role: 'bot',
            },
            ...(typeof replyToId === 'string' ? { replyToId } : {}),
        });
        res.send(200, { id: stored.id });
    };
    server.post('/v3/conversations/:conversationId/activities', receiveFromBot);
    server.post('/v3/conversations/:conversationId/activities/:activityId', receiveFromBot);
}
