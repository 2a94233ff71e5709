/**
 * `npm run bench [-- --quick] [-- --users=N]`: speed and memory of the bot against the thinnest bot on the same
 * stack (issue #7). A measurement, not a test: it prints a table with PASS/FAIL per target and exits 0 whenever
 * it could measure. Everything runs on 127.0.0.1 on ports it opened; every child process is killed on exit.
 *
 * Phases: build → start-up time → alternating load rounds (bot, echo, bot, echo) → soak with memory samples →
 * CPU profile under load → memory per conversation (in-process) → FAQ matching time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT_SCRIPTS, type ConversationScript, echoScript, erasingScript } from './conversations';
import { formatProfile, type ProfileSummary, summarizeProfile } from './cpuProfile';
import type { FaqTimingResult } from './faqTiming';
import { type LoadResult, runLoad } from './load';
import type { MemoryResult } from './memory';
import { installCleanup, median, rssBytes, type Started, startServer, stopServer } from './processes';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'impplus-bench');
const BENCH_JS = join(OUT, 'scripts', 'bench');
const BOT_ENTRY = join('dist', 'src', 'index.js');
const BOT_ENV = { NODE_ENV: 'production', LOG_LEVEL: 'warn', STORAGE: 'memory' };

interface Settings {
    quick: boolean;
    users: number;
    warmupMs: number;
    roundMs: number;
    soakWarmupMs: number;
    soakMs: number;
    profileMs: number;
    memoryConversations: number;
    faqSyntheticTopics: number;
    faqShippedRounds: number;
    faqSyntheticRounds: number;
    startupRuns: number;
}

function settings(argv: readonly string[]): Settings {
    const quick = argv.includes('--quick');
    const usersArg = argv.find((a) => a.startsWith('--users='));
    const users = usersArg ? Math.max(1, Math.min(1000, Number(usersArg.split('=')[1]) || 32)) : 32;
    return quick
        ? {
              quick,
              users,
              warmupMs: 3_000,
              roundMs: 10_000,
              soakWarmupMs: 5_000,
              soakMs: 30_000,
              profileMs: 8_000,
              memoryConversations: 1_000,
              faqSyntheticTopics: 10_000,
              faqShippedRounds: 50,
              faqSyntheticRounds: 1,
              startupRuns: 5,
          }
        : {
              quick,
              users,
              warmupMs: 10_000,
              roundMs: 30_000,
              soakWarmupMs: 20_000,
              soakMs: 120_000,
              profileMs: 20_000,
              memoryConversations: 10_000,
              faqSyntheticTopics: 10_000,
              faqShippedRounds: 200,
              faqSyntheticRounds: 5,
              startupRuns: 5,
          };
}

// ---------------------------------------------------------------------------------------------------------------
// Machine and build

interface Machine {
    date: string;
    nproc: number;
    cpu: string;
    memory: string;
    node: string;
    commit: string;
    /** Files of the bot with uncommitted changes while we measured (others work in the same tree). */
    uncommitted: string[];
    loadAverageStart: number[];
}

function machine(): Machine {
    const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
    const memory =
        execFileSync('free', ['-h'], { encoding: 'utf8' })
            .split('\n')
            .find((l) => l.startsWith('Mem:'))
            ?.replace(/\s+/g, ' ') ?? '';
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    return {
        date: new Date().toISOString(),
        nproc: availableParallelism(),
        cpu,
        memory,
        node: process.version,
        commit: git('rev-parse', '--short', 'HEAD'),
        uncommitted: git('status', '--porcelain', '--', 'src', 'dialogs', 'locales').split('\n').filter(Boolean),
        loadAverageStart: loadavg(),
    };
}

function build(): void {
    console.log('Building the bot (npm run build → dist/) and the benchmark (→ node_modules/.cache/impplus-bench/)…');
    const npm = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error('npm run build failed');
    const tsc = join(require.resolve('typescript/package.json'), '..', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'scripts', 'bench', 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------------------------
// Phases

const startBot = (extraArgs: string[] = [], env: Record<string, string> = {}) =>
    startServer({ args: [...extraArgs, BOT_ENTRY], env: { ...BOT_ENV, ...env }, cwd: ROOT });
const startEcho = (extraArgs: string[] = []) =>
    startServer({ args: [...extraArgs, join(BENCH_JS, 'echoBot.js')], env: BOT_ENV, cwd: ROOT });

interface Startup {
    botMs: number[];
    echoMs: number[];
}

async function measureStartup(runs: number): Promise<Startup> {
    const result: Startup = { botMs: [], echoMs: [] };
    for (let i = 0; i < runs; i++) {
        for (const [start, into] of [
            [startBot, result.botMs],
            [startEcho, result.echoMs],
        ] as const) {
            const server = await start();
            into.push(server.readyMs);
            await stopServer(server.child);
        }
    }
    return result;
}

interface Side {
    rounds: LoadResult[];
    turns: number;
    errors: number;
    turnsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    rssAfterBytes: number | undefined;
}

function combine(rounds: LoadResult[], rss: number | undefined): Side {
    const turns = rounds.reduce((n, r) => n + r.turns, 0);
    const seconds = rounds.reduce((n, r) => n + r.elapsedMs, 0) / 1000;
    return {
        rounds,
        turns,
        errors: rounds.reduce((n, r) => n + r.errors, 0),
        turnsPerSecond: turns / seconds,
        // Rounds are the same length: the median of the per-round percentiles keeps one noisy round from deciding.
        p50Ms: median(rounds.map((r) => r.p50Ms)),
        p99Ms: median(rounds.map((r) => r.p99Ms)),
        rssAfterBytes: rss,
    };
}

const botScripts: ConversationScript[] = [BOT_SCRIPTS.en, BOT_SCRIPTS.fr];
const echoScripts: ConversationScript[] = botScripts.map(echoScript);

function describeRound(label: string, r: LoadResult): string {
    return `  ${label.padEnd(5)} ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s  p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p99 ${r.p99Ms.toFixed(1).padStart(6)} ms  ${r.turns} turns, ${r.errors} errors${r.errorSamples.length ? `\n        ${r.errorSamples.join('\n        ')}` : ''}`;
}

async function compare(s: Settings, runId: string): Promise<{ bot: Side; echo: Side }> {
    const bot = await startBot();
    const echo = await startEcho();
    try {
        console.log(`Warm-up ${s.warmupMs / 1000} s each…`);
        await runLoad({ port: bot.port, users: s.users, durationMs: s.warmupMs, scripts: botScripts, idPrefix: `${runId}-warm-bot` });
        await runLoad({ port: echo.port, users: s.users, durationMs: s.warmupMs, scripts: echoScripts, idPrefix: `${runId}-warm-echo` });
        const botRounds: LoadResult[] = [];
        const echoRounds: LoadResult[] = [];
        for (let round = 1; round <= 2; round++) {
            const a = await runLoad({
                port: bot.port,
                users: s.users,
                durationMs: s.roundMs,
                scripts: botScripts,
                idPrefix: `${runId}-bot-r${round}`,
            });
            console.log(describeRound(`A${round}`, a));
            botRounds.push(a);
            const b = await runLoad({
                port: echo.port,
                users: s.users,
                durationMs: s.roundMs,
                scripts: echoScripts,
                idPrefix: `${runId}-echo-r${round}`,
            });
            console.log(describeRound(`B${round}`, b));
            echoRounds.push(b);
        }
        return { bot: combine(botRounds, rssBytes(bot.child.pid ?? 0)), echo: combine(echoRounds, rssBytes(echo.child.pid ?? 0)) };
    } finally {
        await stopServer(bot.child);
        await stopServer(echo.child);
    }
}

interface MemorySample {
    t: number;
    rss: number;
    /** After a full GC. */
    heapUsed: number;
    /** What V8 holds for the heap (used or not): RSS follows it. */
    heapTotal: number;
}

interface Soak {
    load: LoadResult;
    samples: MemorySample[];
    windowMs: number;
    first: { rss: number; heapUsed: number };
    last: { rss: number; heapUsed: number };
    heapGrowthPercent: number;
    rssGrowthPercent: number;
}

/** Probe lines the soak bot writes to stderr (see memoryProbe.cjs). */
function probeSamples(server: Started): MemorySample[] {
    const samples: MemorySample[] = [];
    for (const line of server.stderr().split('\n')) {
        if (!line.startsWith('BENCH_MEMORY ')) continue;
        const sample = JSON.parse(line.slice('BENCH_MEMORY '.length)) as MemorySample;
        samples.push({ t: sample.t, rss: sample.rss, heapUsed: sample.heapUsed, heapTotal: sample.heapTotal });
    }
    return samples;
}

/**
 * The bot under steady load for soakWarmupMs + soakMs, conversations that end with "delete my data" so that the
 * stored state stays bounded and any lasting growth is memory the bot keeps by mistake. The bot is preloaded with
 * memoryProbe.cjs (full GC + process.memoryUsage() every 5 s, on stderr).
 */
async function soak(s: Settings, runId: string): Promise<Soak> {
    const probe = join(ROOT, 'scripts', 'bench', 'memoryProbe.cjs');
    const bot = await startBot(['--expose-gc', '--require', probe], { BENCH_PROBE_MS: '5000' });
    try {
        const scripts = [erasingScript('en'), erasingScript('fr')];
        const load = await runLoad({
            port: bot.port,
            users: s.users,
            durationMs: s.soakWarmupMs + s.soakMs,
            scripts,
            idPrefix: `${runId}-soak`,
        });
        // Probe times count from the bot's start (≈ spawn); the load started when the bot was ready.
        const after = (sample: MemorySample) => sample.t - bot.readyMs;
        const samples = probeSamples(bot).filter((sample) => after(sample) >= s.soakWarmupMs && after(sample) <= s.soakWarmupMs + s.soakMs);
        // Full run: first minute vs last minute; quick run: first third vs last third.
        const windowMs = s.quick ? s.soakMs / 3 : 60_000;
        const inWindow = (from: number, to: number) =>
            samples.filter((x) => after(x) - s.soakWarmupMs >= from && after(x) - s.soakWarmupMs < to);
        const firstWindow = inWindow(0, windowMs);
        const lastWindow = inWindow(s.soakMs - windowMs, s.soakMs + 1);
        const summary = (xs: MemorySample[]) => ({ rss: median(xs.map((x) => x.rss)), heapUsed: median(xs.map((x) => x.heapUsed)) });
        const first = summary(firstWindow);
        const last = summary(lastWindow);
        return {
            load,
            samples: samples.map((x) => ({ ...x, t: after(x) })),
            windowMs,
            first,
            last,
            heapGrowthPercent: (100 * (last.heapUsed - first.heapUsed)) / first.heapUsed,
            rssGrowthPercent: (100 * (last.rss - first.rss)) / first.rss,
        };
    } finally {
        await stopServer(bot.child);
    }
}

interface Profiled {
    /** Under load, start-up excluded. */
    summary: ProfileSummary;
    /** From process start to /healthz answering. */
    startup: ProfileSummary;
    file: string;
    load: LoadResult;
    /** CPU time of the server's main thread per turn under load (sampled busy time / turns). */
    cpuPerTurnUs: number;
}

/** Runs a server under `node --cpu-prof` for profileMs of load, then summarizes its profile. */
async function profile(
    s: Settings,
    runId: string,
    label: string,
    start: (args: string[]) => Promise<Started>,
    scripts: ConversationScript[],
): Promise<Profiled> {
    const dir = mkdtempSync(join(tmpdir(), 'impplus-cpuprof-'));
    const server = await start(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    let load: LoadResult;
    try {
        load = await runLoad({ port: server.port, users: s.users, durationMs: s.profileMs, scripts, idPrefix: `${runId}-prof-${label}` });
    } finally {
        await stopServer(server.child); // the profile is written when the process exits
    }
    const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!name) throw new Error(`no .cpuprofile written in ${dir}`);
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `${label}-${runId}.cpuprofile`);
    writeFileSync(file, readFileSync(join(dir, name)));
    rmSync(dir, { recursive: true, force: true });
    // The profile starts with the process: the first readyMs are start-up, the rest is the load (and shutdown).
    const summary = summarizeProfile(file, ROOT, 15, { fromMs: server.readyMs });
    const startup = summarizeProfile(file, ROOT, 10, { toMs: server.readyMs });
    return { summary, startup, file, load, cpuPerTurnUs: (summary.busyMs * 1000) / Math.max(load.turns, 1) };
}

/** CPU per turn by area, bot next to echo bot: where the bot's extra time goes. */
function areaComparison(bot: Profiled, echo: Profiled): string {
    const perTurn = (p: Profiled, area: string) =>
        ((p.summary.areas.find((a) => a.area === area)?.selfMs ?? 0) * 1000) / Math.max(p.load.turns, 1);
    const areas = [...new Set([...bot.summary.areas, ...echo.summary.areas].map((a) => a.area))]
        .map((area) => ({ area, bot: perTurn(bot, area), echo: perTurn(echo, area) }))
        .sort((a, b) => b.bot - a.bot);
    const lines = [
        `CPU per turn (main thread, sampled): bot ${bot.cpuPerTurnUs.toFixed(0)} µs, echo ${echo.cpuPerTurnUs.toFixed(0)} µs`,
        '  area                          bot µs/turn  echo µs/turn',
    ];
    for (const a of areas.slice(0, 16))
        lines.push(`  ${a.area.padEnd(30)} ${a.bot.toFixed(0).padStart(10)} ${a.echo.toFixed(0).padStart(12)}`);
    return lines.join('\n');
}

/** Runs a compiled bench script with plain node and parses its one JSON line. */
function runJson<T>(script: string, nodeArgs: string[], args: string[], timeoutMs: number): T {
    const out = execFileSync(process.execPath, [...nodeArgs, join(BENCH_JS, script), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: timeoutMs,
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, ...BOT_ENV },
    });
    const line = out.trim().split('\n').pop() ?? '';
    return JSON.parse(line) as T;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

interface Row {
    target: string;
    measured: string;
    pass: boolean;
}

function table(rows: Row[]): string {
    const w1 = Math.max(...rows.map((r) => r.target.length), 6);
    const w2 = Math.max(...rows.map((r) => r.measured.length), 8);
    const line = (a: string, b: string, c: string) => `| ${a.padEnd(w1)} | ${b.padEnd(w2)} | ${c.padEnd(6)} |`;
    return [
        line('Target', 'Measured', 'Result'),
        `|${'-'.repeat(w1 + 2)}|${'-'.repeat(w2 + 2)}|--------|`,
        ...rows.map((r) => line(r.target, r.measured, r.pass ? 'PASS' : 'FAIL')),
    ].join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

async function main(): Promise<void> {
    installCleanup();
    const s = settings(process.argv.slice(2));
    const runId = `b${Date.now().toString(36)}`;
    const info = machine();
    // A hard ceiling on the whole run, in case something hangs: the cleanup handler kills the servers.
    setTimeout(
        () => {
            console.error('benchmark took too long; stopping');
            process.exit(1);
        },
        s.quick ? 30 * 60_000 : 45 * 60_000,
    ).unref();

    console.log(`IMP+ bot benchmark (${s.quick ? 'quick' : 'full'}), ${info.date}`);
    console.log(
        `${info.nproc} CPUs (${info.cpu}), ${info.memory}, Node ${info.node}, commit ${info.commit}${info.uncommitted.length ? ` + uncommitted: ${info.uncommitted.join(', ')}` : ''}`,
    );
    build();

    console.log(`\nStart-up to /healthz (${s.startupRuns} runs each)…`);
    const startup = await measureStartup(s.startupRuns);
    console.log(
        `  bot ${startup.botMs.map((x) => x.toFixed(0)).join(', ')} ms; echo ${startup.echoMs.map((x) => x.toFixed(0)).join(', ')} ms`,
    );

    console.log(`\nLoad: ${s.users} virtual users, rounds of ${s.roundMs / 1000} s: A = bot, B = echo bot`);
    const { bot, echo } = await compare(s, runId);

    console.log(`\nSoak: ${s.soakWarmupMs / 1000} s warm-up + ${s.soakMs / 1000} s, memory sampled every 5 s…`);
    const soaked = await soak(s, runId);
    console.log(describeRound('soak', soaked.load));
    for (const x of soaked.samples)
        console.log(
            `  t=${(x.t / 1000).toFixed(0).padStart(4)} s  rss ${mb(x.rss)}  heap total ${mb(x.heapTotal)}  heap used after GC ${mb(x.heapUsed)}`,
        );

    console.log(`\nCPU profiles under load (${s.profileMs / 1000} s each; bot, then echo bot)…`);
    const prof = await profile(s, runId, 'bot', (args) => startBot(args), botScripts);
    console.log(describeRound('prof', prof.load));
    const echoProf = await profile(s, runId, 'echo', (args) => startEcho(args), echoScripts);
    console.log(describeRound('prof', echoProf.load));

    console.log(`\nMemory per conversation: ${s.memoryConversations} short conversations in-process…`);
    const memory = runJson<MemoryResult>('memory.js', ['--expose-gc'], [String(s.memoryConversations)], 20 * 60_000);

    console.log(`FAQ matching: shipped knowledge base and ${s.faqSyntheticTopics} synthetic topics…`);
    const faq = runJson<FaqTimingResult>(
        'faqTiming.js',
        // 10,000 topics of as many samples as the shipped ones average (about 46) hold about 5 GB while the
        // matcher is built: more than Node's default heap.
        ['--max-old-space-size=8192'],
        [String(s.faqSyntheticTopics), String(s.faqShippedRounds), String(s.faqSyntheticRounds)],
        // Building 10,000 topics took 6–10 minutes on a busy 2-core machine, and grows with the shipped samples.
        25 * 60_000,
    );

    const throughputRatio = bot.turnsPerSecond / echo.turnsPerSecond;
    const p99Ratio = bot.p99Ms / echo.p99Ms;
    const readyMs = median(startup.botMs);
    const rows: Row[] = [
        {
            target: 'Throughput ≥ 0.7× echo bot',
            measured: `${bot.turnsPerSecond.toFixed(0)} vs ${echo.turnsPerSecond.toFixed(0)} turns/s = ${throughputRatio.toFixed(2)}×`,
            pass: throughputRatio >= 0.7,
        },
        {
            target: 'p99 latency ≤ 2× echo bot',
            measured: `${bot.p99Ms.toFixed(1)} vs ${echo.p99Ms.toFixed(1)} ms = ${p99Ratio.toFixed(2)}×`,
            pass: p99Ratio <= 2,
        },
        {
            target: 'Stored state ≤ 8 KB / conversation',
            measured: `${kb(memory.storedPerConversationBytes)} (11-turn: ${kb(memory.fullConversation.storedPerConversationBytes)})`,
            pass: memory.storedPerConversationBytes <= 8 * 1024 && memory.fullConversation.storedPerConversationBytes <= 8 * 1024,
        },
        {
            target: `No memory growth (${s.soakMs / 1000} s soak)`,
            measured: `heap ${mb(soaked.first.heapUsed)} → ${mb(soaked.last.heapUsed)} (${soaked.heapGrowthPercent.toFixed(1)}%), RSS ${mb(soaked.first.rss)} → ${mb(soaked.last.rss)} (${soaked.rssGrowthPercent.toFixed(1)}%)`,
            pass: soaked.heapGrowthPercent <= 5 && soaked.rssGrowthPercent <= 10,
        },
        {
            target: 'Ready (/healthz) < 1.5 s',
            measured: `median ${readyMs.toFixed(0)} ms (echo ${median(startup.echoMs).toFixed(0)} ms)`,
            pass: readyMs < 1500,
        },
        {
            target: 'No errors (wrong or failed replies)',
            measured: `bot ${bot.errors + soaked.load.errors + prof.load.errors + memory.errors}, echo ${echo.errors}`,
            pass: bot.errors + echo.errors + soaked.load.errors + prof.load.errors + memory.errors === 0,
        },
    ];

    const details = [
        `Latency p50: bot ${bot.p50Ms.toFixed(1)} ms, echo ${echo.p50Ms.toFixed(1)} ms; RSS after the rounds: bot ${mb(bot.rssAfterBytes)}, echo ${mb(echo.rssAfterBytes)}`,
        `Memory per conversation (${memory.conversations} conversations, welcome + eligibility to the verdict): heap +${kb(memory.heapPerConversationBytes)} after GC; stored ${kb(memory.storedPerConversationBytes)} (conversation ${kb(memory.stored.conversationBytes / memory.conversations)}, user ${kb(memory.stored.userBytes / memory.conversations)}, largest item ${kb(memory.stored.largestEntryBytes)})`,
        `"Delete my data": ${memory.erasing.conversations} conversations, ${memory.erasing.keysLeft} items left, ${memory.erasing.tombstones} MemoryStorage tombstones (keys kept with an undefined value)`,
        `FAQ match, shipped (${faq.shipped.topics} topics, ${faq.shipped.samples} samples): mean ${faq.shipped.meanMs.toFixed(3)} ms, p99 ${faq.shipped.p99Ms.toFixed(3)} ms; index built in ${faq.shipped.buildMs.toFixed(0)} ms`,
        `FAQ match, synthetic (${faq.synthetic.topics} topics, ${faq.synthetic.samples} samples): mean ${faq.synthetic.meanMs.toFixed(1)} ms, p99 ${faq.synthetic.p99Ms.toFixed(1)} ms; index built in ${(faq.synthetic.buildMs / 1000).toFixed(1)} s`,
        `Load average at start ${info.loadAverageStart.map((x) => x.toFixed(2)).join(' ')}, at end ${loadavg()
            .map((x) => x.toFixed(2))
            .join(' ')}`,
    ];

    console.log(`\nCPU profile of the bot under load (${prof.file}):\n${formatProfile(prof.summary)}`);
    console.log(`\nCPU profile of the bot's start-up (to /healthz):\n${formatProfile(prof.startup)}`);
    console.log(`\n${areaComparison(prof, echoProf)}`);
    console.log(`\n${details.join('\n')}\n`);
    console.log(table(rows));

    const resultsFile = join(OUT, `results-${runId}.json`);
    writeFileSync(
        resultsFile,
        JSON.stringify(
            { settings: s, machine: info, startup, bot, echo, soak: soaked, memory, faq, profile: { bot: prof, echo: echoProf }, rows },
            null,
            2,
        ),
    );
    console.log(`\nAll numbers: ${resultsFile}`);
}

main().then(
    () => process.exit(0),
    (err: unknown) => {
        console.error(err);
        process.exit(1);
    },
);
