import { type BotConfig, isAuthenticated, loadConfig } from './configuration/config';
import { ConfigurationError } from './configuration/env';
import { createApp } from './hosting/app';
import { listen } from './hosting/server';
import { createLogger } from './observability/logger';

/** Stops with one line that says what to do, rather than a stack trace, for the mistakes people make. */
function fail(message: string): never {
    console.error(message);
    process.exit(1);
}

function readConfig(): BotConfig {
    try {
        return loadConfig();
    } catch (err) {
        if (err instanceof ConfigurationError) fail(`Configuration error: ${err.message}. Every setting is described in .env.example.`);
        throw err;
    }
}

async function main(): Promise<void> {
    const config = readConfig();
    const logger = createLogger(config.logLevel);
    const { server } = createApp(config, { logger });
    let port: number;
    try {
        port = await listen(server, config.port);
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            fail(
                `Port ${config.port} is already in use (by another bot or the Bot Framework Emulator?). Stop it, or choose another port: PORT=${config.port + 1} npm start`,
            );
        }
        throw err;
    }
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
