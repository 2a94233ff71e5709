import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Translator } from '../content/i18n';
import { languageFromLocale } from '../content/languages';
import { detectLanguage } from '../understanding/languageDetection';

interface Window {
    /** When the messages of the last minute arrived. */
    arrivals: number[];
    /** The "slow down" message was sent in this window (once is enough). */
    warned: boolean;
}

const MINUTE = 60_000;

/**
 * At most `perMinute` messages per conversation per minute reach the bot; past that the sender is asked,
 * once, to slow down, and the extra messages are dropped before any state is read or written.
 * Counted per process: with several instances the effective limit is that many times higher, which is
 * fine for its purpose (a runaway client or a script, not a determined attacker: that is the gateway's job).
 */
export class ConversationRateLimiter implements Middleware {
    private readonly windows = new Map<string, Window>();

    constructor(
        private readonly perMinute: number,
        private readonly translator: Translator,
        private readonly now: () => number = Date.now,
        /** Conversations tracked at once; the least recently active are forgotten first. */
        private readonly maxTracked = 10_000,
    ) {}

    /** Conversations counted right now (bounded by activity in the last minute and by the cap). */
    get trackedConversations(): number {
        return this.windows.size;
    }

    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        const { activity } = context;
        if (activity.type !== ActivityTypes.Message) return next();
        const key = `${activity.channelId}/${activity.conversation?.id}`;
        const now = this.now();
        const window = this.windows.get(key) ?? { arrivals: [], warned: false };
        window.arrivals = window.arrivals.filter((time) => time > now - MINUTE);
        // Re-inserting keeps the Map in least-recently-active order for eviction.
        this.windows.delete(key);
        this.evict(now);
        this.windows.set(key, window);

        if (window.arrivals.length >= this.perMinute) {
            if (!window.warned) {
                window.warned = true;
                const language = languageFromLocale(activity.locale) ?? detectLanguage(activity.text ?? '').language ?? 'en';
                await context.sendActivity(this.translator.t(language, 'common:rateLimited'));
            }
            return;
        }
        window.warned = false;
        window.arrivals.push(now);
        return next();
    }

    /**
     * Forgets conversations silent for a minute (their window is empty anyway), oldest first, and the least
     * recently active ones past the cap. The Map is kept in activity order, so this stops at the first
     * conversation still active: O(1) per message on average.
     */
    private evict(now: number): void {
        for (const [key, window] of this.windows) {
            const lastArrival = window.arrivals[window.arrivals.length - 1] ?? 0;
            if (this.windows.size < this.maxTracked && lastArrival > now - MINUTE) return;
            this.windows.delete(key);
        }
    }
}
