import type { Request, Response, Server } from 'restify';
import type { Logger } from '../observability/logger';
import type { StateStore } from '../storage/store';

/** A key no state ever uses: /readyz reads it to check that the storage answers. */
const READINESS_PROBE_KEY = 'impplus/readiness-probe';
const READINESS_TIMEOUT_MS = 5_000;

/**
 * GET /readyz: 200 { status: "ready", storage } when the state storage answers a read, 503 otherwise.
 * (/healthz only says the process is alive.)
 */
export function registerReadiness(server: Server, store: StateStore, logger: Logger): void {
    server.get('/readyz', async (_req: Request, res: Response) => {
        let timer: NodeJS.Timeout | undefined;
        try {
            await Promise.race([
                store.read(READINESS_PROBE_KEY),
                new Promise((_resolve, reject) => {
                    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
                }),
            ]);
            res.send(200, { status: 'ready', storage: store.kind });
        } catch (err) {
            logger.warn({ err, storage: store.kind }, 'state storage is not answering');
            res.send(503, { status: 'unavailable', storage: store.kind });
        } finally {
            clearTimeout(timer);
        }
    });
}
