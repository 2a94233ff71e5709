import type { AddressInfo } from 'node:net';
import type { CloudAdapter } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { activityProblem } from './activityGuard';
import type { BotConfig } from './config';
import type { ConversationHost } from './conversation';
import type { Logger } from './logger';

export interface ServerDependencies {
    config: BotConfig;
    adapter: CloudAdapter;
    conversation: ConversationHost;
    logger: Logger;
}

/** The HTTP face of the bot: the Bot Framework endpoint and a health check, hardened against bad input. */
export function createServer({ config, adapter, conversation, logger }: ServerDependencies): Server {
    const server = restify.createServer({ name: 'impplus-bot', handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false }));

    server.get('/healthz', async (_req: Request, res: Response) => {
        res.send(200, { status: 'ok' });
    });

    server.post('/api/messages', async (req: Request, res: Response) => {
        const problem = activityProblem(req.body);
        if (problem) {
            res.send(400, { error: 'BadActivity', message: problem });
            return;
        }
        try {
            await adapter.process(req, res, (context) => conversation.run(context));
        } catch (err) {
            logger.error({ err }, 'could not process the activity');
            if (!res.headersSent) res.send(500, { error: 'InternalError', message: 'The activity could not be processed.' });
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
