/**
 * What the analytics events say, added up: conversations per day and channel, the eligibility funnel
 * with the drop-off at each question, the verdicts, how the guided dialogs end, the ratings of the
 * answers, the end-of-conversation satisfaction, handoffs and the questions the bot could not answer.
 * Pure: it reads the JSON log lines (pino: one event a line, with its `time`) and nothing else, so the
 * report script and a staff command can share it.
 */

interface LogEvent {
    event?: string;
    time?: string | number;
    channel?: string;
    dialog?: string;
    step?: string;
    eligible?: boolean;
    unmet?: string[];
    question?: string;
    topic?: string;
    helpful?: boolean;
    reason?: string;
    rating?: string;
}

interface TopicRatings {
    topic: string;
    helpful: number;
    notHelpful: number;
    /** Reasons given after a thumbs down, by reason id. */
    reasons: Record<string, number>;
}

export interface Summary {
    /** The first and last day with an event (ISO dates), when the lines carry times. */
    period?: { from: string; to: string };
    /** Conversations (first messages) per day (ISO date, UTC) and channel, sorted by day then channel. */
    conversations: { day: string; channel: string; count: number }[];
    /** Per question: how many checks asked it, and how many were left there without an answer. */
    funnel: { step: string; reached: number; droppedAfter: number }[];
    started: number;
    verdicts: { total: number; eligible: number; unchecked: number; unmet: Record<string, number> };
    dialogs: Record<string, { started: number; completed: number; abandoned: number }>;
    unanswered: { question: string; count: number }[];
    /** Ratings per topic, the most often rated not helpful first. */
    ratings: TopicRatings[];
    /** Answers to the end-of-conversation question, by rating ("skipped" included). */
    satisfaction: Record<string, number>;
    handoffs: { requested: number; claimed: number };
}

export interface SummaryOptions {
    /** The eligibility questions in the order they are asked (the funnel's steps). */
    steps: readonly string[];
    /** How many unanswered questions to keep, the most frequent first. */
    topUnanswered?: number;
}

/** Groups questions that differ only by case, accents, spacing or final punctuation. */
function questionKey(question: string): string {
    return question
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[’‘`´]/g, "'")
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[?!.¿¡]+$/g, '');
}

/** The UTC day of an event's time ("2026-11-30"), or undefined. */
function dayOf(time: LogEvent['time']): string | undefined {
    if (time === undefined) return undefined;
    const date = new Date(time);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export function summarizeEvents(lines: Iterable<string>, options: SummaryOptions): Summary {
    const reached = new Map<string, number>();
    const answered = new Map<string, number>();
    const dialogs: Summary['dialogs'] = {};
    const verdicts: Summary['verdicts'] = { total: 0, eligible: 0, unchecked: 0, unmet: {} };
    const unanswered = new Map<string, { question: string; count: number }>();
    const conversations = new Map<string, { day: string; channel: string; count: number }>();
    const ratings = new Map<string, TopicRatings>();
    const satisfaction: Record<string, number> = {};
    const handoffs = { requested: 0, claimed: 0 };
    const days: string[] = [];
    const dialog = (id: string) => (dialogs[id] ??= { started: 0, completed: 0, abandoned: 0 });
    const rated = (topic: string) => {
        const found = ratings.get(topic) ?? { topic, helpful: 0, notHelpful: 0, reasons: {} };
        ratings.set(topic, found);
        return found;
    };

    for (const line of lines) {
        let entry: LogEvent;
        try {
            entry = JSON.parse(line) as LogEvent;
        } catch {
            continue; // not a log line of ours
        }
        if (typeof entry !== 'object' || entry === null || typeof entry.event !== 'string') continue;
        const day = dayOf(entry.time);
        if (day) days.push(day);
        switch (entry.event) {
            case 'conversation.started': {
                const channel = entry.channel ?? 'unknown';
                const key = `${day ?? ''}|${channel}`;
                const found = conversations.get(key) ?? { day: day ?? 'unknown', channel, count: 0 };
                found.count += 1;
                conversations.set(key, found);
                break;
            }
            case 'dialog.started':
                if (entry.dialog) dialog(entry.dialog).started += 1;
                break;
            case 'dialog.completed':
                if (entry.dialog) dialog(entry.dialog).completed += 1;
                break;
            case 'dialog.abandoned':
                if (entry.dialog) dialog(entry.dialog).abandoned += 1;
                break;
            case 'dialog.step':
                if (entry.dialog === 'eligibility' && entry.step) increment(reached, entry.step);
                break;
            case 'dialog.answered':
                if (entry.dialog === 'eligibility' && entry.step) increment(answered, entry.step);
                break;
            case 'eligibility.verdict': {
                verdicts.total += 1;
                const unmet = entry.unmet ?? [];
                if (entry.eligible) verdicts.eligible += 1;
                else if (unmet.length === 0) verdicts.unchecked += 1;
                for (const criterion of unmet) verdicts.unmet[criterion] = (verdicts.unmet[criterion] ?? 0) + 1;
                break;
            }
            case 'unanswered': {
                const key = questionKey(entry.question ?? '');
                if (!key) break;
                const found = unanswered.get(key) ?? { question: entry.question ?? key, count: 0 };
                found.count += 1;
                unanswered.set(key, found);
                break;
            }
            case 'answer.rated':
                if (entry.topic) rated(entry.topic)[entry.helpful ? 'helpful' : 'notHelpful'] += 1;
                break;
            case 'answer.reason':
                if (entry.topic && entry.reason) {
                    const reasons = rated(entry.topic).reasons;
                    reasons[entry.reason] = (reasons[entry.reason] ?? 0) + 1;
                }
                break;
            case 'satisfaction':
                if (entry.rating) satisfaction[entry.rating] = (satisfaction[entry.rating] ?? 0) + 1;
                break;
            case 'handoff.requested':
                handoffs.requested += 1;
                break;
            case 'handoff.claimed':
                handoffs.claimed += 1;
                break;
        }
    }

    // A question asked again ("back", a resumed check) counts once more on both sides.
    const funnel = [
        ...options.steps.map((step) => {
            const count = reached.get(step) ?? 0;
            return { step, reached: count, droppedAfter: Math.max(0, count - (answered.get(step) ?? 0)) };
        }),
        { step: 'verdict', reached: verdicts.total, droppedAfter: 0 },
    ];
    days.sort();
    const first = days[0];
    const last = days[days.length - 1];
    return {
        ...(first && last ? { period: { from: first, to: last } } : {}),
        conversations: [...conversations.values()].sort((a, b) => a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel)),
        funnel,
        started: dialogs.eligibility?.started ?? 0,
        verdicts,
        dialogs,
        unanswered: [...unanswered.values()].sort((a, b) => b.count - a.count).slice(0, options.topUnanswered ?? 10),
        ratings: [...ratings.values()].sort(
            (a, b) => b.notHelpful - a.notHelpful || b.helpful - a.helpful || a.topic.localeCompare(b.topic),
        ),
        satisfaction,
        handoffs,
    };
}
