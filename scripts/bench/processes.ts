/**
 * Child processes for the benchmark: free loopback ports, spawning servers, waiting for /healthz, and making
 * sure every child dies with us (normal exit, Ctrl-C, SIGTERM, uncaught error).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';

const children = new Set<ChildProcess>();
let cleanupInstalled = false;

function killAll(): void {
    for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    children.clear();
}

/** Kills every child this process started when it exits, for whatever reason. Idempotent. */
export function installCleanup(): void {
    if (cleanupInstalled) return;
    cleanupInstalled = true;
    process.on('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        process.once(signal, () => {
            console.error(`\n${signal}: stopping the benchmark and its servers`);
            killAll();
            process.exit(130);
        });
    }
    process.on('uncaughtException', (err) => {
        console.error(err);
        killAll();
        process.exit(1);
    });
    process.on('unhandledRejection', (err) => {
        console.error(err);
        killAll();
        process.exit(1);
    });
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, HOST, () => {
            const address = server.address();
            const port = typeof address === 'object' && address !== null ? address.port : 0;
            server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
        });
    });
}

export interface Started {
    child: ChildProcess;
    port: number;
    /** Milliseconds from spawn() to the first 200 from /healthz. */
    readyMs: number;
    /** Everything the child wrote to stderr so far (for probes and for error reports). */
    stderr: () => string;
}

export interface StartOptions {
    /** Arguments after `node` (flags, then the script). */
    args: string[];
    env?: Record<string, string>;
    cwd: string;
    /** Give up waiting for /healthz after this long. */
    timeoutMs?: number;
    pollMs?: number;
}

/** GET /healthz once; true on 200. */
export function healthy(port: number, timeoutMs = 1000): Promise<boolean> {
    return new Promise((resolve) => {
        const req = request({ host: HOST, port, path: '/healthz', method: 'GET', timeout: timeoutMs, agent: false }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode === 200));
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(false));
        req.end();
    });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spawns `node <args>` with PORT set to a free port and resolves once /healthz answers 200. */
export async function startServer(options: StartOptions): Promise<Started> {
    installCleanup();
    const port = await freePort();
    const timeoutMs = options.timeoutMs ?? 15_000;
    const pollMs = options.pollMs ?? 10;
    let stderr = '';
    const startedAt = performance.now();
    const child = spawn(process.execPath, options.args, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
        // Bounded: keep the last 1 MB only.
        stderr = (stderr + chunk).slice(-1_000_000);
    });
    // Bounded poll: every pollMs until timeoutMs.
    while (performance.now() - startedAt < timeoutMs) {
        if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was ready:\n${stderr}`);
        if (await healthy(port, 500)) return { child, port, readyMs: performance.now() - startedAt, stderr: () => stderr };
        await sleep(pollMs);
    }
    await stopServer(child);
    throw new Error(`server not ready after ${timeoutMs} ms:\n${stderr}`);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export function stopServer(child: ChildProcess, graceMs = 8_000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve();
        });
        child.kill('SIGTERM');
    });
}

/** Resident set size of a process in bytes, from /proc (Linux only; undefined elsewhere or once it is gone). */
export function rssBytes(pid: number): number | undefined {
    try {
        const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match ? Number(match[1]) * 1024 : undefined;
    } catch {
        return undefined;
    }
}

export function median(values: readonly number[]): number {
    if (values.length === 0) return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in [0, 100]) of an already sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
}
