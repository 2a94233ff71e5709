/**
 * Summarizes the bot's JSON logs for the firm: the eligibility funnel with the drop-off at each question,
 * the verdicts, how the guided dialogs end, and the questions the bot could not answer.
 *
 *   npm run report -- bot.log          (or: node dist/src/index.js | tee bot.log, then the same)
 *   cat bot.log | npm run report
 */
import { readFileSync } from 'node:fs';
import { CRITERIA } from '../src/content/catalog';
import { fold } from '../src/understanding/text';

/** The questions in the order they are asked; some are asked only after certain answers, and a check stops early when a criterion is clearly unmet. */
const ELIGIBILITY_STEPS = CRITERIA.map((c) => c.id);

interface LogEvent {
    event?: string;
    dialog?: string;
    step?: string;
    reason?: string;
    eligible?: boolean;
    unmet?: string[];
    question?: string;
}

export interface Report {
    /** Per question: how many checks asked it, and how many were left there without an answer. */
    funnel: { step: string; reached: number; droppedAfter: number }[];
    started: number;
    verdicts: { total: number; eligible: number; unmet: Record<string, number> };
    dialogs: Record<string, { started: number; completed: number; abandoned: number }>;
    unanswered: { question: string; count: number }[];
}

export function summarize(lines: Iterable<string>, topUnanswered = 10): Report {
    const reached = new Map<string, number>();
    const answered = new Map<string, number>();
    const dialogs: Report['dialogs'] = {};
    const verdicts: Report['verdicts'] = { total: 0, eligible: 0, unmet: {} };
    const unanswered = new Map<string, { question: string; count: number }>();
    const dialog = (id: string) => (dialogs[id] ??= { started: 0, completed: 0, abandoned: 0 });

    for (const line of lines) {
        let entry: LogEvent;
        try {
            entry = JSON.parse(line) as LogEvent;
        } catch {
            continue; // not a log line of ours
        }
        switch (entry.event) {
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
                if (entry.dialog === 'eligibility' && entry.step) reached.set(entry.step, (reached.get(entry.step) ?? 0) + 1);
                break;
            case 'dialog.answered':
                if (entry.dialog === 'eligibility' && entry.step) answered.set(entry.step, (answered.get(entry.step) ?? 0) + 1);
                break;
            case 'eligibility.verdict':
                verdicts.total += 1;
                if (entry.eligible) verdicts.eligible += 1;
                for (const criterion of entry.unmet ?? []) verdicts.unmet[criterion] = (verdicts.unmet[criterion] ?? 0) + 1;
                break;
            case 'unanswered': {
                const key = fold(entry.question ?? '').replace(/[?!.¿¡]+$/g, '');
                if (!key) break;
                const found = unanswered.get(key) ?? { question: entry.question ?? key, count: 0 };
                found.count += 1;
                unanswered.set(key, found);
                break;
            }
        }
    }

    // A question asked again ("back", a resumed check) counts once more on both sides.
    const funnel = [
        ...ELIGIBILITY_STEPS.map((step) => {
            const count = reached.get(step) ?? 0;
            return { step, reached: count, droppedAfter: Math.max(0, count - (answered.get(step) ?? 0)) };
        }),
        { step: 'verdict', reached: verdicts.total, droppedAfter: 0 },
    ];
    return {
        funnel,
        started: dialogs.eligibility?.started ?? 0,
        verdicts,
        dialogs,
        unanswered: [...unanswered.values()].sort((a, b) => b.count - a.count).slice(0, topUnanswered),
    };
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

export function formatReport(report: Report): string {
    const out: string[] = [];
    out.push(`Eligibility checks started: ${report.started}`);
    out.push('', 'Funnel                reached   left unanswered');
    for (const { step, reached, droppedAfter } of report.funnel) {
        out.push(
            `  ${step.padEnd(18)} ${String(reached).padStart(7)}   ${step === 'verdict' ? '' : `${droppedAfter} (${percent(droppedAfter, reached)})`}`,
        );
    }
    const { total, eligible, unmet } = report.verdicts;
    out.push(
        '',
        `Verdicts: ${total}`,
        `  eligible      ${eligible} (${percent(eligible, total)})`,
        `  not eligible  ${total - eligible} (${percent(total - eligible, total)})`,
    );
    for (const [criterion, count] of Object.entries(unmet).sort((a, b) => b[1] - a[1])) {
        out.push(`    unmet ${criterion.padEnd(12)} ${count} (${percent(count, total)})`);
    }
    out.push('', 'Guided dialogs        started  completed  abandoned');
    for (const [id, d] of Object.entries(report.dialogs)) {
        out.push(
            `  ${id.padEnd(18)} ${String(d.started).padStart(8)} ${String(d.completed).padStart(10)} ${String(d.abandoned).padStart(10)}`,
        );
    }
    out.push('', 'Top unanswered questions');
    if (report.unanswered.length === 0) out.push('  (none)');
    for (const { question, count } of report.unanswered) out.push(`  ${String(count).padStart(4)}  ${question}`);
    return out.join('\n');
}

if (require.main === module) {
    const file = process.argv[2];
    const text = readFileSync(file ?? 0, 'utf8');
    console.log(formatReport(summarize(text.split('\n'))));
}
