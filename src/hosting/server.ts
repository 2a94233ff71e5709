import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import restify, { type Request, type Response, type Server } from 'restify';
import { type BotConfig, isAuthenticated } from '../configuration/config';
import type { ConversationHost } from '../conversation/conversation';
import type { Logger } from '../observability/logger';
import { redactPath } from '../observability/redact';
import { activityProblem } from './activityGuard';
import type { HostAdapter } from './adapter';

export interface ServerDependencies {
    config: BotConfig;
    adapter: HostAdapter;
    conversation: ConversationHost;
    logger: Logger;
}

/** The HTTP face of the bot: the Bot Framework endpoint and a health check, hardened against bad input. */
export function createServer({ config, adapter, conversation, logger }: ServerDependencies): Server {
    const server = restify.createServer({ name: 'impplus-bot', handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false }));

    // Every response names its request (an incoming x-request-id is kept), and every request but the health
    // checks is logged with it: method, path, status and time, never bodies.
    server.pre((req: Request, res: Response, next: () => void) => {
        const incoming = req.header('x-request-id');
        // restify's id(reqId) sets the id once; its type declarations only list the getter.
        if (typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming)) (req.id as (reqId: string) => string).call(req, incoming);
        res.header('x-request-id', req.getId());
        next();
    });
    server.on('after', (req: Request, res: Response) => {
        const path = redactPath(req.getPath());
        if (path === '/healthz' || path === '/readyz') return;
        logger.info({ reqId: req.getId(), method: req.method, path, status: res.statusCode, ms: Date.now() - req.time() }, 'request');
    });

    const healthy = async (_req: Request, res: Response) => {
        res.send(200, { status: 'ok' });
    };
    server.get('/healthz', healthy);
    server.head('/healthz', healthy);

    server.post('/api/messages', async (req: Request, res: Response) => {
        const problem = activityProblem(req.body, { localMode: !isAuthenticated(config) });
        if (problem) {
            res.send(400, { error: 'BadActivity', message: problem });
            return;
        }
        // The adapter's own process() answers every failure with 500; calling processActivity lets us tell an
        // unauthenticated caller (401: the token is invalid, or its signing keys could not be fetched to check
        // it) from a fault of ours, and keep error details out of the response.
        const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
        let turnStarted = false;
        try {
            const invokeResponse = await adapter.handle(authorization, req.body as Activity, (context) => {
                turnStarted = true;
                return conversation.run(context);
            });
            res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
        } catch (err) {
            if (res.headersSent) return;
            if (err instanceof AuthenticationError || !turnStarted) {
                logger.warn({ reason: (err as Error).message }, 'request could not be authenticated');
                res.send(401, { error: 'Unauthorized', message: 'The request could not be authenticated.' });
                return;
            }
            logger.error({ err }, 'could not process the activity');
            res.send(500, { error: 'InternalError', message: 'The activity could not be processed.' });
        }
    });

    // Malformed JSON (400) and oversized bodies (413) are answered by restify's body parser as JSON errors.
    server.on('restifyError', (_req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
        if ((err.statusCode ?? 500) >= 500) logger.error({ err }, 'request failed');
        callback();
    });
    return server;
}

/** Listens on the configured port (0 = any free port) and resolves with the actual port. */
export async function listen(server: Server, port: number, host?: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.removeListener('error', reject);
            resolve();
        });
    });
    return (server.address() as AddressInfo).port;
}
