/**
 * One UTC day of analytics events as small counters, so that the bot can answer "stats" without a log file:
 * every event counts under its name ("dialog.started"), some also under a breakdown ("conversation.started:
 * msteams.fr"), numeric properties listed in SUMS add up ("handoff.claimed.secondsToClaim"), and unanswered
 * questions (already redacted) count by their folded text. A new event counts with no change here.
 */
export interface DayCounts {
    counters: Record<string, number>;
    sums: Record<string, number>;
    unanswered: Record<string, number>;
}

type EventFields = Record<string, unknown>;

/** Events also counted under a breakdown of their properties. */
const BREAKDOWNS: Readonly<Record<string, (event: EventFields) => string | undefined>> = {
    'conversation.started': (event) => `${String(event.channel)}.${String(event.language)}`,
    'dialog.started': (event) => String(event.dialog),
    'dialog.completed': (event) => String(event.dialog),
    'eligibility.verdict': (event) =>
        event.eligible === true ? 'eligible' : Array.isArray(event.unmet) && event.unmet.length > 0 ? 'notEligible' : 'unchecked',
};

/** Numeric properties that add up, per event ("how long before an advisor claimed it"). */
const SUMS: readonly string[] = ['secondsToClaim'];

/** Distinct unanswered questions kept per day: the long tail says little and would only grow. */
const MAX_UNANSWERED = 50;

export const emptyDay = (): DayCounts => ({ counters: {}, sums: {}, unanswered: {} });

/** Counters under a name and a breakdown: "eligibility.verdict:eligible". */
const counterKey = (name: string, breakdown?: string): string => (breakdown === undefined ? name : `${name}:${breakdown}`);

const add = (table: Record<string, number>, key: string, amount: number) => {
    table[key] = (table[key] ?? 0) + amount;
};

/** Folded so that "How much?" and "how much" count as one question. */
const questionKey = (question: string) =>
    question
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/[?!.¿¡\s]+$/g, '')
        .trim();

/** Adds one event to a day's counts (any event of src/observability/analytics.ts, present or future). */
export function countEvent(day: DayCounts, event: Readonly<{ name: string } & EventFields>): void {
    const { name, ...fields } = event;
    add(day.counters, name, 1);
    const breakdown = BREAKDOWNS[name]?.(fields);
    if (breakdown !== undefined) add(day.counters, counterKey(name, breakdown), 1);
    for (const property of SUMS) {
        const value = fields[property];
        if (typeof value === 'number' && Number.isFinite(value)) add(day.sums, `${name}.${property}`, value);
    }
    if (name === 'unanswered' && typeof fields.question === 'string') {
        const key = questionKey(fields.question);
        if (key && (key in day.unanswered || Object.keys(day.unanswered).length < MAX_UNANSWERED)) add(day.unanswered, key, 1);
    }
}

/** Adds the counts of `more` into `day` (merging a turn's counts into the stored day). */
export function mergeDays(day: DayCounts, more: DayCounts): DayCounts {
    const merged: DayCounts = { counters: { ...day.counters }, sums: { ...day.sums }, unanswered: { ...day.unanswered } };
    for (const [key, value] of Object.entries(more.counters)) add(merged.counters, key, value);
    for (const [key, value] of Object.entries(more.sums)) add(merged.sums, key, value);
    for (const [key, value] of Object.entries(more.unanswered)) {
        if (key in merged.unanswered || Object.keys(merged.unanswered).length < MAX_UNANSWERED) add(merged.unanswered, key, value);
    }
    return merged;
}

/** What "stats" shows for a period: the sum of its days, and one figure per day for the chart. */
export interface PeriodStats {
    /** ISO dates, first and last day. */
    from: string;
    to: string;
    /** Conversations started per day, oldest first. */
    conversationsPerDay: number[];
    /** "channel.language" → conversations. */
    conversations: Record<string, number>;
    checksStarted: number;
    checksFinished: number;
    verdicts: { eligible: number; notEligible: number; unchecked: number };
    handoffs: { requested: number; claimed: number; secondsToClaim: number };
    unanswered: { question: string; count: number }[];
}

const counter = (day: DayCounts, key: string) => day.counters[key] ?? 0;

/** The period's figures from its days (oldest first), the top `topUnanswered` questions included. */
export function summarizeDays(days: readonly { date: string; counts: DayCounts }[], topUnanswered = 5): PeriodStats {
    const total = days.reduce((sum, day) => mergeDays(sum, day.counts), emptyDay());
    const conversations: Record<string, number> = {};
    const prefix = counterKey('conversation.started', '');
    for (const [key, value] of Object.entries(total.counters)) if (key.startsWith(prefix)) conversations[key.slice(prefix.length)] = value;
    return {
        from: days[0]?.date ?? '',
        to: days.at(-1)?.date ?? '',
        conversationsPerDay: days.map((day) => counter(day.counts, 'conversation.started')),
        conversations,
        checksStarted: counter(total, counterKey('dialog.started', 'eligibility')),
        checksFinished: counter(total, 'eligibility.verdict'),
        verdicts: {
            eligible: counter(total, counterKey('eligibility.verdict', 'eligible')),
            notEligible: counter(total, counterKey('eligibility.verdict', 'notEligible')),
            unchecked: counter(total, counterKey('eligibility.verdict', 'unchecked')),
        },
        handoffs: {
            requested: counter(total, 'handoff.requested'),
            claimed: counter(total, 'handoff.claimed'),
            secondsToClaim: total.sums['handoff.claimed.secondsToClaim'] ?? 0,
        },
        unanswered: Object.entries(total.unanswered)
            .map(([question, count]) => ({ question, count }))
            .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question))
            .slice(0, topUnanswered),
    };
}
