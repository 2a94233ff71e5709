import type { Attachment } from 'botbuilder';
import { formatDate } from '../content/facts';
import type { PeriodStats } from '../observability/dailyCounts';
import { barChartDataUri } from './barChart';
import { type Block, documentCard } from './documentCard';
import type { Wording } from './factsCard';
import type { Button } from './render';

/** Channels the stats name; any other is "another channel". */
const NAMED_CHANNELS = new Set(['webchat', 'directline', 'msteams', 'facebook', 'emulator']);
const SPARKS = '▁▂▃▄▅▆▇█';

/** "3 (50 %)" in French, "3 (50%)" in English. */
function withShare(count: number, total: number, words: Wording): string {
    if (total === 0) return String(count);
    const percent = Math.round((100 * count) / total);
    return `${count} (${percent}${words.language === 'fr' ? '\u00a0' : ''}%)`;
}

function decimal(value: number, words: Wording): string {
    const text = (Math.round(value * 10) / 10).toString();
    return words.language === 'fr' ? text.replace('.', ',') : text;
}

/**
 * One character per day, as high as its bar (a dot for none: clients collapse spaces): the chart for
 * clients that leave the image out.
 */
export function sparkline(values: readonly number[]): string {
    const max = Math.max(1, ...values);
    return values
        .map((value) => (value === 0 ? '·' : SPARKS[Math.min(SPARKS.length - 1, Math.ceil((value / max) * SPARKS.length) - 1)]))
        .join('');
}

/**
 * "stats" for staff: conversations per channel and language, eligibility checks and verdicts, advisor
 * requests, the questions left unanswered, and a small chart of the conversations per day.
 */
export function statsCard(words: Wording, stats: PeriodStats, days: number, otherPeriod: Button): Attachment {
    const { t } = words;
    const blocks: Block[] = [
        { kind: 'title', text: t('staff:stats.title', { days }) },
        {
            kind: 'text',
            text: t('staff:stats.period', { from: formatDate(stats.from, words.language), to: formatDate(stats.to, words.language) }),
            note: true,
        },
        { kind: 'heading', text: t('staff:stats.chart') },
        { kind: 'image', url: barChartDataUri(stats.conversationsPerDay), alt: t('staff:stats.chartAlt') },
        { kind: 'text', text: sparkline(stats.conversationsPerDay), monospace: true },
        { kind: 'heading', text: t('staff:stats.conversations') },
    ];
    const rows = Object.entries(stats.conversations).sort((a, b) => b[1] - a[1]);
    if (rows.length === 0) blocks.push({ kind: 'text', text: t('staff:stats.noConversations') });
    for (const [key, count] of rows) {
        const [channel = '', language = ''] = key.split('.');
        const params = {
            channel: t(`staff:stats.channels.${NAMED_CHANNELS.has(channel) ? channel : 'other'}`),
            language: ['en', 'fr'].includes(language) ? t(`staff:stats.languages.${language}`) : language,
            count,
        };
        blocks.push({ kind: 'text', text: t('staff:stats.conversationRow', params) });
    }
    const { verdicts, handoffs } = stats;
    const finished = verdicts.eligible + verdicts.notEligible + verdicts.unchecked;
    blocks.push(
        { kind: 'text', text: t('staff:stats.checks', { started: stats.checksStarted, finished: stats.checksFinished }) },
        {
            kind: 'text',
            text: t('staff:stats.verdicts', {
                eligible: withShare(verdicts.eligible, finished, words),
                notEligible: withShare(verdicts.notEligible, finished, words),
                unchecked: withShare(verdicts.unchecked, finished, words),
            }),
        },
        {
            kind: 'text',
            text: t('staff:stats.handoffs', {
                requested: handoffs.requested,
                claimed: withShare(handoffs.claimed, handoffs.requested, words),
                time: handoffs.claimed > 0 ? decimal(handoffs.secondsToClaim / handoffs.claimed / 60, words) : t('staff:stats.noTime'),
            }),
        },
        { kind: 'heading', text: t('staff:stats.unanswered') },
    );
    if (stats.unanswered.length === 0) blocks.push({ kind: 'text', text: t('staff:stats.noUnanswered') });
    for (const { question, count } of stats.unanswered)
        blocks.push({ kind: 'text', text: t('staff:stats.unansweredRow', { question, count }) });
    blocks.push({ kind: 'text', text: t('staff:stats.note'), note: true });
    return documentCard(blocks, [otherPeriod]);
}
