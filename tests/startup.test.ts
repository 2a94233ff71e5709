import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/configuration/paths';
import { type RunningBot, startBot } from './helpers/server';

/**
 * A newcomer's first minutes: `npm start` reads .env, says in one line what to do when the port is taken or a
 * setting is wrong (no stack trace), prints no deprecation warning, and the page answers HEAD.
 */
const startScript = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

/** Runs `npm start`'s own command (with .env taken from `envFile`) until it prints `until`, or until it exits. */
function start(
    env: Record<string, string>,
    envFile: string,
    until?: RegExp,
): Promise<{ out: string; err: string; code: number | null; child: ChildProcess }> {
    const command = startScript.replace('--env-file-if-exists=.env', `--env-file-if-exists=${envFile}`);
    // Node never lets .env override a variable already set: the settings under test come from the file only.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['PORT', 'FIRM_NAME', 'STORAGE'].includes(name)));
    // Its own process group: stopping the test's shell must also stop the node server it started.
    const child = spawn(command, { cwd: projectRoot, shell: true, detached: true, env: { ...inherited, LOG_LEVEL: 'info', ...env } });
    let out = '';
    let err = '';
    return new Promise((resolve) => {
        const check = () => {
            if (until && (until.test(out) || until.test(err))) resolve({ out, err, code: null, child });
        };
        child.stdout?.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            check();
        });
        child.stderr?.on('data', (chunk: Buffer) => {
            err += chunk.toString();
            check();
        });
        child.on('exit', (code) => resolve({ out, err, code, child }));
    });
}

/** Stops the shell and the server under it, and waits until the shell is gone. */
async function stop(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
}

async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

describe('npm start on a fresh machine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'impplus-start-'));
    const envFile = join(dir, '.env');

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    beforeAll(() => {
        // What `npm start`'s prestart does: compile when dist/ is missing or older than the sources.
        execFileSync(process.execPath, [join(projectRoot, 'scripts', 'build-if-needed.js')], { cwd: projectRoot, stdio: 'pipe' });
    }, 120_000);

    it('keys the texts it reads by the compiled code, so the built bot loads those `npm run build` ships', () => {
        const [shipped, cache] = [mkdtempSync(join(dir, 'shipped-')), mkdtempSync(join(dir, 'cache-'))];
        // The build's step, as `npm run build` runs it (it trains the classifier too: seconds).
        execFileSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'train-matcher.js'), shipped], {
            cwd: projectRoot,
            stdio: 'pipe',
        });
        expect(readdirSync(shipped).some((name) => name.startsWith('faq-texts-js-'))).toBe(true);
        const builtBot = `
            const dist = ${JSON.stringify(join(projectRoot, 'dist', 'src'))};
            const { createTranslator, loadResources } = require(dist + '/content/i18n');
            const { KnowledgeBase } = require(dist + '/content/knowledgeBase');
            const { createMatcher } = require(dist + '/understanding/faq/createMatcher');
            createMatcher(new KnowledgeBase(createTranslator(loadResources())), process.argv.slice(1));`;
        execFileSync(process.execPath, ['-e', builtBot, shipped, cache], { cwd: projectRoot, stdio: 'pipe' });
        // Found everything it needs where the build left it: nothing made again, nothing kept in the cache.
        expect(readdirSync(cache)).toEqual([]);
    }, 180_000);

    it('reads .env, and prints no deprecation warning', async () => {
        const port = await freePort();
        writeFileSync(envFile, `PORT=${port}\nFIRM_NAME=Cabinet Dotenv\n`);
        const run = await start({}, envFile, /listening on/);
        try {
            expect(run.out).toContain(`http://localhost:${port}`);
            const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
            expect(page).toContain('Cabinet Dotenv');
            expect(run.err).not.toMatch(/DeprecationWarning|DEP0111/);
        } finally {
            await stop(run.child);
        }
    });

    it('says in one line what to do when the port is already in use', async () => {
        const taken = createServer();
        await new Promise<void>((resolve) => taken.listen(0, resolve));
        const port = (taken.address() as { port: number }).port;
        writeFileSync(envFile, `PORT=${port}\n`);
        try {
            const run = await start({}, envFile);
            expect(run.code).toBe(1);
            expect(run.err.trim()).toBe(
                `Port ${port} is already in use (by another bot or the Bot Framework Emulator?). Stop it, or choose another port: PORT=${port + 1} npm start`,
            );
        } finally {
            taken.close();
        }
    });

    it('names a wrong setting in one line, without a stack trace', async () => {
        writeFileSync(envFile, 'STORAGE=floppy\n');
        const run = await start({}, envFile);
        expect(run.code).toBe(1);
        expect(run.err.trim()).toBe(
            'Configuration error: STORAGE must be one of memory, blob, cosmos (got "floppy"). Every setting is described in .env.example.',
        );
    });
});

describe('HEAD requests', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot();
    });
    afterAll(async () => bot?.close());

    it.each(['/', '/chat', '/healthz'])('%s answers HEAD with 200 and no body', async (path) => {
        const response = await fetch(`${bot.url}${path}`, { method: 'HEAD' });
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('');
    });
});
