/**
 * Summarizes the bot's JSON logs for the firm: conversations per day and channel, the eligibility funnel
 * with the drop-off at each question, the verdicts, how the guided dialogs end, the ratings of the answers,
 * the satisfaction question, handoffs and the questions the bot could not answer.
 *
 *   npm run report -- bot.log                                  (the summary, in the console)
 *   npm run report -- bot.log --html report.html [--lang fr]   (also a self-contained page with charts)
 *   cat bot.log | npm run report
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CRITERIA } from '../src/content/catalog';
import { createTranslator } from '../src/content/i18n';
import { isLanguage } from '../src/content/languages';
import { type Summary, summarizeEvents } from '../src/observability/summary';
import { renderHtmlReport } from './report/html';

/** The questions in the order they are asked; some are asked only after certain answers, and a check stops early when a criterion is clearly unmet. */
const ELIGIBILITY_STEPS = CRITERIA.map((c) => c.id);

export function summarize(lines: Iterable<string>, topUnanswered = 10): Summary {
    return summarizeEvents(lines, { steps: ELIGIBILITY_STEPS, topUnanswered });
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

export function formatReport(report: Summary): string {
    const out: string[] = [];
    const conversations = report.conversations.reduce((sum, c) => sum + c.count, 0);
    out.push(`Conversations: ${conversations}${report.period ? ` (${report.period.from} to ${report.period.to})` : ''}`);
    const perChannel = new Map<string, number>();
    for (const c of report.conversations) perChannel.set(c.channel, (perChannel.get(c.channel) ?? 0) + c.count);
    for (const [channel, count] of perChannel) out.push(`  ${channel.padEnd(18)} ${String(count).padStart(7)}`);
    out.push('', `Eligibility checks started: ${report.started}`);
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
    out.push('', 'Answers rated         helpful  not helpful  reasons');
    if (report.ratings.length === 0) out.push('  (none)');
    for (const r of report.ratings) {
        const reasons = Object.entries(r.reasons)
            .map(([reason, count]) => `${reason} ${count}`)
            .join(', ');
        out.push(`  ${r.topic.padEnd(18)} ${String(r.helpful).padStart(8)} ${String(r.notHelpful).padStart(12)}  ${reasons}`);
    }
    const satisfaction = Object.entries(report.satisfaction);
    out.push(
        '',
        `Satisfaction: ${satisfaction.length === 0 ? '(none)' : satisfaction.map(([rating, count]) => `${rating} ${count}`).join(', ')}`,
    );
    out.push(`Handoffs: requested ${report.handoffs.requested}, claimed ${report.handoffs.claimed}`);
    out.push('', 'Top unanswered questions');
    if (report.unanswered.length === 0) out.push('  (none)');
    for (const { question, count } of report.unanswered) out.push(`  ${String(count).padStart(4)}  ${question}`);
    return out.join('\n');
}

async function main(): Promise<void> {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: { html: { type: 'string' }, lang: { type: 'string', default: 'en' } },
    });
    const file = positionals[0];
    const language = values.lang;
    if (!isLanguage(language)) throw new Error(`--lang must be "en" or "fr", not "${language}"`);
    const summary = summarize(readFileSync(file ?? 0, 'utf8').split('\n'));
    console.log(formatReport(summary));
    if (values.html) {
        const html = await renderHtmlReport(summary, { language, translator: createTranslator(), source: file ? basename(file) : 'stdin' });
        writeFileSync(values.html, html);
        console.log(`\nHTML report (${language}): ${values.html}`);
    }
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    });
}
