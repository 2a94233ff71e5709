/**
 * A closed-loop load driver: `users` virtual users, each playing whole conversations one turn at a time
 * (the next message leaves when the previous reply has arrived) against POST /api/messages on 127.0.0.1,
 * each conversation with its own conversation and user ids. Every reply is checked. Bounded by time and by a
 * turn cap; every request has a timeout.
 */
import { Agent, request } from 'node:http';
import { activityBody, type ConversationScript } from './conversations';
import { HOST, percentile } from './processes';

export interface LoadOptions {
    port: number;
    /** Concurrent virtual users (= concurrent conversations = open connections). */
    users: number;
    durationMs: number;
    /** Conversation scripts, handed to the virtual users in turn (user i plays scripts[i % n]). */
    scripts: readonly ConversationScript[];
    /** Prefix of conversation ids, unique per run so no two runs share a conversation. */
    idPrefix: string;
    /** Stop after this many turns even if time is left. */
    maxTurns?: number;
    /** Start no more than this many conversations; each one started is played to its end (time permitting). */
    maxConversations?: number;
    requestTimeoutMs?: number;
    /** Called every `tickMs` while the load runs (memory sampling). */
    onTick?: (elapsedMs: number) => void;
    tickMs?: number;
}

export interface LoadResult {
    turns: number;
    conversations: number;
    errors: number;
    /** The first few distinct error descriptions. */
    errorSamples: string[];
    elapsedMs: number;
    turnsPerSecond: number;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    maxMs: number;
    meanMs: number;
}

interface Reply {
    status: number;
    body: string;
}

function post(agent: Agent, port: number, body: string, timeoutMs: number): Promise<Reply> {
    return new Promise((resolve, reject) => {
        const req = request(
            {
                host: HOST,
                port,
                path: '/api/messages',
                method: 'POST',
                agent,
                timeout: timeoutMs,
                headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
                res.on('error', reject);
            },
        );
        req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(body);
    });
}

/** Undefined when the reply is right; otherwise what is wrong with it. */
export function checkReply(reply: Reply, expect: string): string | undefined {
    if (reply.status !== 200) return `HTTP ${reply.status}: ${reply.body.slice(0, 120)}`;
    let texts: string[];
    try {
        const parsed = JSON.parse(reply.body) as { activities?: { type?: string; text?: string }[] };
        texts = (parsed.activities ?? []).filter((a) => a.type === 'message').map((a) => a.text ?? '');
    } catch {
        return `not JSON: ${reply.body.slice(0, 120)}`;
    }
    if (texts.some((text) => text.includes(expect))) return undefined;
    return `expected "${expect}", got ${JSON.stringify(texts.map((t) => t.slice(0, 60)))}`;
}

/** Plays conversations until the time is up; returns throughput, latency percentiles and errors. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
    const { port, users, durationMs, scripts, idPrefix } = options;
    const maxTurns = options.maxTurns ?? 5_000_000;
    const maxConversations = options.maxConversations ?? Number.POSITIVE_INFINITY;
    const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    const agent = new Agent({ keepAlive: true, maxSockets: users });
    const latencies: number[] = [];
    const errorSamples = new Set<string>();
    let errors = 0;
    let conversations = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    const tickMs = options.tickMs ?? 5_000;
    const ticker = options.onTick ? setInterval(() => options.onTick?.(performance.now() - started), tickMs) : undefined;

    const virtualUser = async (user: number): Promise<void> => {
        const script = scripts[user % scripts.length];
        for (let n = 0; performance.now() < deadline && latencies.length + errors < maxTurns && conversations < maxConversations; n++) {
            const conversationId = `${idPrefix}-u${user}-c${n}`;
            const userId = `${conversationId}-user`;
            conversations++;
            for (let t = 0; t < script.turns.length; t++) {
                if (performance.now() >= deadline || latencies.length + errors >= maxTurns) return;
                const turn = script.turns[t];
                const body = activityBody(script, turn, conversationId, userId, t);
                const sent = performance.now();
                let problem: string | undefined;
                try {
                    problem = checkReply(await post(agent, port, body, requestTimeoutMs), turn.expect);
                } catch (err) {
                    problem = (err as Error).message;
                }
                if (problem === undefined) {
                    latencies.push(performance.now() - sent);
                } else {
                    errors++;
                    if (errorSamples.size < 5) errorSamples.add(`${script.name} turn ${t} (${turn.text ?? 'join'}): ${problem}`);
                    break; // The rest of this conversation would only fail in turn; start a new one.
                }
            }
        }
    };

    try {
        await Promise.all(Array.from({ length: users }, (_, user) => virtualUser(user)));
    } finally {
        if (ticker) clearInterval(ticker);
        agent.destroy();
    }
    const elapsedMs = performance.now() - started;
    const sorted = Float64Array.from(latencies).sort();
    const sum = latencies.reduce((a, b) => a + b, 0);
    return {
        turns: latencies.length,
        conversations,
        errors,
        errorSamples: [...errorSamples],
        elapsedMs,
        turnsPerSecond: latencies.length / (elapsedMs / 1000),
        p50Ms: percentile(sorted, 50),
        p90Ms: percentile(sorted, 90),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
        meanMs: latencies.length > 0 ? sum / latencies.length : Number.NaN,
    };
}
