import type { Analytics, AnalyticsEvent } from '../observability/analytics';
import { countEvent, type DayCounts, emptyDay, mergeDays, type PeriodStats, summarizeDays } from '../observability/dailyCounts';
import type { Logger } from '../observability/logger';
import { StateConflictError, type StateStore } from './store';

/** Stored per UTC day, beside the conversation state (and erased with nobody's data: it holds no one's). */
const KEY_PREFIX = 'impplus-stats/days/';
/** Days kept: the longest period "stats" shows; older days are deleted (they hold redacted questions). */
export const STATS_KEPT_DAYS = 30;
/** How far back a new day looks for older days to delete (days the bot was not running included). */
const FORGET_WINDOW_DAYS = 60;
/** Attempts at merging a day's new counts into a day another instance changed meanwhile. */
const MERGE_ATTEMPTS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function asDay(value: Record<string, unknown> | undefined): DayCounts {
    const table = (key: string) => (value?.[key] && typeof value[key] === 'object' ? (value[key] as Record<string, number>) : {});
    return { counters: table('counters'), sums: table('sums'), unanswered: table('unanswered') };
}

/**
 * The analytics events as per-day counters in the bot's storage (memory, Blob or Cosmos DB), which "stats"
 * reads: the bot has no log file to read at run time. Events are counted in memory and merged into the
 * stored day in the background, with the store's eTags, so that several instances add up.
 */
export class ActivityRollup implements Analytics {
    private pending = new Map<string, DayCounts>();
    private flushing: Promise<void> | undefined;
    /** The last day this instance deleted the days that are too old. */
    private forgotten: string | undefined;

    constructor(
        private readonly store: StateStore,
        private readonly logger: Logger,
        private readonly now: () => number = Date.now,
    ) {}

    track(event: AnalyticsEvent): void {
        const day = isoDay(this.now());
        const counts = this.pending.get(day) ?? emptyDay();
        countEvent(counts, event);
        this.pending.set(day, counts);
        this.flushing ??= this.flushAll().finally(() => {
            this.flushing = undefined;
        });
    }

    /** Waits until every event tracked so far is stored. */
    async flush(): Promise<void> {
        while (this.flushing) await this.flushing;
    }

    /** The last `days` UTC days, today included. */
    async period(days: number): Promise<PeriodStats> {
        await this.flush();
        const today = this.now();
        const dates = Array.from({ length: days }, (_, i) => isoDay(today - (days - 1 - i) * DAY_MS));
        const stored = await Promise.all(
            dates.map(async (date) => ({ date, counts: asDay((await this.store.read(KEY_PREFIX + date))?.value) })),
        );
        return summarizeDays(stored);
    }

    private async flushAll(): Promise<void> {
        await this.forgetOldDays();
        while (this.pending.size > 0) {
            const batch = this.pending;
            this.pending = new Map();
            for (const [day, counts] of batch) {
                try {
                    await this.merge(day, counts);
                } catch (err) {
                    // Counts are not worth a failed turn: they wait for the next event, and the logs keep every event.
                    this.logger.warn({ err, day }, 'could not store the day’s analytics counters');
                    const later = this.pending.get(day);
                    this.pending.set(day, later ? mergeDays(counts, later) : counts);
                    return;
                }
            }
        }
    }

    /** Once a day: the days older than STATS_KEPT_DAYS are deleted (a missing day is no error). */
    private async forgetOldDays(): Promise<void> {
        const today = this.now();
        if (this.forgotten === isoDay(today)) return;
        this.forgotten = isoDay(today);
        try {
            for (let age = STATS_KEPT_DAYS; age < FORGET_WINDOW_DAYS; age++)
                await this.store.delete(KEY_PREFIX + isoDay(today - age * DAY_MS));
        } catch (err) {
            this.logger.warn({ err }, 'could not delete the old days’ analytics counters');
        }
    }

    private async merge(day: string, counts: DayCounts): Promise<void> {
        const key = KEY_PREFIX + day;
        for (let attempt = 1; ; attempt++) {
            const stored = await this.store.read(key);
            const merged = mergeDays(asDay(stored?.value), counts);
            try {
                await this.store.write(key, { ...merged }, stored ? { ifMatch: stored.eTag } : { ifAbsent: true });
                return;
            } catch (err) {
                if (!(err instanceof StateConflictError) || attempt === MERGE_ATTEMPTS) throw err;
            }
        }
    }
}
