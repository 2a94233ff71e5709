import { type Activity, INVOKE_RESPONSE_KEY, type ResourceResponse, TurnContext } from 'botbuilder';
import type { Conversation } from '../conversation/conversation';
import type { Logger } from '../observability/logger';
import { StateConflictError } from '../storage/store';
import type { TurnStorage } from '../storage/turnStorage';

/**
 * A keyed async lock: tasks holding a common key run one after the other, in arrival order; tasks with
 * no key in common run concurrently. Several keys are taken in sorted order, so two tasks never wait
 * for each other.
 */
export class KeyedQueue {
    private readonly tails = new Map<string, Promise<void>>();

    /** Keys currently held or awaited (0 when idle: nothing leaks). */
    get size(): number {
        return this.tails.size;
    }

    async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
        const releases: (() => void)[] = [];
        try {
            for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
            return await task();
        } finally {
            for (const release of releases.reverse()) release();
        }
    }

    private async acquire(key: string): Promise<() => void> {
        const previous = this.tails.get(key) ?? Promise.resolve();
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => {
            release = resolve;
        });
        const tail = previous.then(() => held);
        this.tails.set(key, tail);
        await previous;
        return () => {
            release();
            if (this.tails.get(key) === tail) this.tails.delete(key);
        };
    }
}

const HELD_REPLIES = Symbol('impplus.heldReplies');

/**
 * Replies of a turn attempt are held until its state is committed (the adapter asks here before sending):
 * an attempt that loses a race to another instance is run again, and what it said must not reach the user.
 */
export function holdReplies(context: TurnContext, activities: Partial<Activity>[]): ResourceResponse[] | undefined {
    const held = context.turnState.get(HELD_REPLIES) as Partial<Activity>[] | undefined;
    if (!held) return undefined;
    held.push(...activities);
    return activities.map(() => ({ id: '' }));
}

/** The conversation and user a turn reads and writes state for. */
function turnKeys(activity: Activity): string[] {
    const channel = activity.channelId ?? '';
    const keys: string[] = [];
    if (activity.conversation?.id) keys.push(`conversation:${channel}/${activity.conversation.id}`);
    if (activity.from?.id) keys.push(`user:${channel}/${activity.from.id}`);
    return keys;
}

export interface TurnQueueOptions {
    storage: TurnStorage;
    logger: Logger;
    /** Runs of one turn before a conflict is treated as a failure. */
    maxAttempts?: number;
}

/**
 * The conversation with its turns made safe for shared state:
 * - within the process, turns of the same conversation (or user) run one at a time (KeyedQueue);
 * - across processes, each turn commits its state with eTags (TurnStorage); when another instance changed
 *   the state meanwhile, the turn is run again on fresh state, on a fresh TurnContext, and only the replies
 *   of the attempt that committed are delivered.
 * A turn that fails for another reason delivers what it said, then the conversation's onTurnError runs
 * (inside the queue, so the next turn sees the state it leaves).
 */
export function queueTurns(conversation: Conversation, { storage, logger, maxAttempts = 8 }: TurnQueueOptions): Conversation {
    const queue = new KeyedQueue();

    async function attempt(original: TurnContext): Promise<void> {
        // What the adapter put in the turn state (identity, connector client, callback) before the bot ran.
        const hostState = [...original.turnState.entries()];
        for (let n = 1; ; n += 1) {
            const context = new TurnContext(original.adapter, { ...original.activity });
            for (const [key, value] of hostState) context.turnState.set(key, value);
            const held: Partial<Activity>[] = [];
            context.turnState.set(HELD_REPLIES, held);
            try {
                await storage.turn(() => conversation.run(context));
            } catch (error) {
                if (error instanceof StateConflictError && n < maxAttempts) {
                    logger.info({ event: 'stateConflict', attempt: n }, 'state changed by another instance; turn run again');
                    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * n));
                    continue;
                }
                await deliver(original, context, held);
                await conversation.onTurnError(context, error);
                await deliver(original, context, []);
                return;
            }
            await deliver(original, context, held);
            return;
        }
    }

    return {
        ...conversation,
        run: (context) => queue.run(turnKeys(context.activity), () => attempt(context)),
    };
}

/** Sends the held replies and hands the attempt's results (expectReplies buffer, invoke response) to the host's context. */
async function deliver(original: TurnContext, context: TurnContext, held: Partial<Activity>[]): Promise<void> {
    context.turnState.delete(HELD_REPLIES);
    if (held.length > 0) await original.adapter.sendActivities(context, held);
    original.bufferedReplyActivities.push(...context.bufferedReplyActivities.splice(0));
    const invokeResponse: unknown = context.turnState.get(INVOKE_RESPONSE_KEY);
    if (invokeResponse) original.turnState.set(INVOKE_RESPONSE_KEY, invokeResponse);
    if (context.responded) original.responded = true;
}
