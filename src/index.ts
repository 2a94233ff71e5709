import { isAuthenticated, loadConfig } from './configuration/config';
import { createApp } from './hosting/app';
import { listen } from './hosting/server';
import { createLogger } from './observability/logger';

async function main(): Promise<void> {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const { server } = createApp(config, { logger });
    const port = await listen(server, config.port);
    logger.info(
        { port, authentication: isAuthenticated(config) ? 'on' : 'off (local mode)', storage: config.storage.kind },
        `IMP+ bot listening on http://localhost:${port}`,
    );

    const shutdown = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        server.close(() => process.exit(0));
        setTimeout(() => process.exit(0), 5_000).unref();
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
