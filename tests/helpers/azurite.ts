import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Processes the storage tests start: Azurite and bots, each stopped by its test file (and killed at exit). */

const ROOT = resolve(__dirname, '../..');
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const running = new Set<ChildProcess>();
process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
});

/** A port nobody listens on right now (the OS picks it; never a fixed one). */
async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((done, fail) => {
        server.once('error', fail);
        server.listen(0, '127.0.0.1', done);
    });
    const address = server.address();
    await new Promise<void>((done) => server.close(() => done()));
    if (!address || typeof address === 'string') throw new Error('no port');
    return address.port;
}

function exited(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((done) => child.once('exit', () => done()));
}

/** Stops a child: SIGTERM, then SIGKILL if it is still there after a moment. */
async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const gone = exited(child);
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await gone;
    clearTimeout(timer);
    running.delete(child);
}

async function waitFor(
    check: () => Promise<boolean>,
    child: ChildProcess,
    what: string,
    output: () => string,
    timeoutMs = 120_000,
): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it was ready:\n${output()}`);
        if (await check().catch(() => false)) return;
        await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${output()}`);
}

function collect(child: ChildProcess): () => string {
    let text = '';
    const append = (chunk: Buffer) => {
        text = (text + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    return () => text;
}

export interface Azurite {
    port: number;
    connectionString: string;
    stop(): Promise<void>;
}

/** Azurite's blob service on a free port (or the one given), with its data in a fresh temporary folder. */
export async function startAzurite(port?: number): Promise<Azurite> {
    port ??= await freePort();
    const location = await mkdtemp(join(tmpdir(), 'azurite-'));
    const child = spawn(
        join(ROOT, 'node_modules/.bin/azurite-blob'),
        [
            '--blobHost',
            '127.0.0.1',
            '--blobPort',
            String(port),
            '--location',
            location,
            '--disableTelemetry',
            '--silent',
            '--skipApiVersionCheck',
            '--loose',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    running.add(child);
    const output = collect(child);
    const endpoint = `http://127.0.0.1:${port}/devstoreaccount1`;
    try {
        // Any HTTP answer (an unauthenticated request gets an error status) means it listens.
        await waitFor(async () => (await fetch(`${endpoint}?comp=list`)).status > 0, child, 'Azurite', output);
    } catch (error) {
        await stop(child, 'SIGKILL');
        throw error;
    }
    return {
        port,
        connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=${endpoint};`,
        async stop() {
            await stop(child);
            await rm(location, { recursive: true, force: true });
        },
    };
}

export interface BotProcess {
    url: string;
    /** Ends the process with a signal (SIGKILL: no shutdown code runs) and waits until it is gone. */
    kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The real bot (src/index.ts through tsx) as a child process on a free port, ready when /readyz says so. */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Only what the bot needs: nothing from the developer's environment changes its configuration.
        env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            TMPDIR: tmpdir(),
            PORT: String(port),
            LOG_LEVEL: 'warn',
            ...env,
        },
    });
    running.add(child);
    const output = collect(child);
    const url = `http://127.0.0.1:${port}`;
    try {
        await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, child, 'The bot', output);
    } catch (error) {
        await stop(child, 'SIGKILL');
        throw error;
    }
    return { url, kill: (signal: NodeJS.Signals = 'SIGTERM') => stop(child, signal) };
}
