import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatReport, summarize } from '../scripts/report';
import { AppInsightsAnalytics } from '../src/observability/analytics';
import { createLogger } from '../src/observability/logger';
import { Chat } from './helpers/chat';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
    const lines: string[] = [];
    const sink = new Writable({
        write(chunk, _encoding, done) {
            lines.push(...String(chunk).split('\n').filter(Boolean));
            done();
        },
    });
    return { lines, logger: createLogger('info', sink) };
}

async function eligibilityCheck(logger: ReturnType<typeof createLogger>, answers: string[]): Promise<void> {
    const chat = new Chat({ logger });
    await chat.open();
    await chat.say('Am I eligible?');
    for (const answer of answers) await chat.say(answer);
}

describe('analytics events and the report', () => {
    it('gives the funnel with drop-off per question, the verdicts and the top unanswered questions', async () => {
        const { lines, logger } = capture();
        await eligibilityCheck(logger, ['yes', 'Regular (PRTQ)', 'In process', 'yes', 'yes']);
        await eligibilityCheck(logger, ['yes', 'No CSQ']);
        await eligibilityCheck(logger, ['yes', 'menu']);
        const chat = new Chat({ logger });
        await chat.open();
        await chat.say('Can I bring my dog? my email is jane@example.com');
        await chat.say('can i bring my DOG? my email is jane@example.com');
        await chat.say('How to apply');
        await chat.say('Next');
        await chat.say('cancel');

        const report = summarize(lines);
        expect(report.started).toBe(3);
        // The second check stops at "No CSQ"; the third is left at the CSQ question.
        expect(report.funnel).toEqual([
            { step: 'residence', reached: 3, droppedAfter: 0 },
            { step: 'csq', reached: 3, droppedAfter: 1 },
            { step: 'pr', reached: 1, droppedAfter: 0 },
            { step: 'csqValid', reached: 0, droppedAfter: 0 },
            { step: 'invitation', reached: 1, droppedAfter: 0 },
            { step: 'application', reached: 1, droppedAfter: 0 },
            { step: 'verdict', reached: 2, droppedAfter: 0 },
        ]);
        expect(report.verdicts).toEqual({ total: 2, eligible: 1, unchecked: 0, unmet: { csq: 1 } });
        expect(report.dialogs.eligibility).toEqual({ started: 3, completed: 2, abandoned: 1 });
        expect(report.dialogs.steps).toEqual({ started: 1, completed: 0, abandoned: 1 });
        expect(report.unanswered).toHaveLength(1);
        expect(report.unanswered[0]?.count).toBe(2);
        expect(report.unanswered[0]?.question).toContain('[email]');

        const text = formatReport(report);
        expect(text).toContain('Eligibility checks started: 3');
        expect(text).toMatch(/csq\s+3\s+1 \(33\.3 %\)/);
        expect(text).toContain('eligible      1 (50.0 %)');

        // No personal data in the logs: no typed e-mail address, no answer texts.
        expect(lines.join('\n')).not.toContain('jane@example.com');
        expect(lines.some((line) => line.includes('"text"'))).toBe(false);
    });

    it('counts conversations per day and channel, ratings with their reasons, satisfaction and handoffs', () => {
        const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, time: '2026-11-30T23:59:00.000Z', ...fields });
        const report = summarize([
            line({ event: 'conversation.started', channel: 'webchat', locale: 'en' }),
            line({ event: 'conversation.started', channel: 'webchat', locale: 'fr', time: '2026-12-01T00:01:00.000Z' }),
            line({ event: 'conversation.started', channel: 'facebook', locale: 'fr' }),
            line({ event: 'answer.rated', topic: 'fees', helpful: false, channel: 'webchat', locale: 'en' }),
            line({ event: 'answer.rated', topic: 'fees', helpful: true, channel: 'webchat', locale: 'en' }),
            line({ event: 'answer.reason', topic: 'fees', reason: 'outdated', channel: 'webchat', locale: 'en' }),
            line({ event: 'satisfaction', rating: 'poor', channel: 'webchat', locale: 'en' }),
            line({ event: 'handoff.requested' }),
            line({ event: 'handoff.requested' }),
            line({ event: 'handoff.claimed' }),
        ]);
        expect(report.conversations).toEqual([
            { day: '2026-11-30', channel: 'facebook', count: 1 },
            { day: '2026-11-30', channel: 'webchat', count: 1 },
            { day: '2026-12-01', channel: 'webchat', count: 1 },
        ]);
        expect(report.period).toEqual({ from: '2026-11-30', to: '2026-12-01' });
        expect(report.ratings).toEqual([{ topic: 'fees', helpful: 1, notHelpful: 1, reasons: { outdated: 1 } }]);
        expect(report.satisfaction).toEqual({ poor: 1 });
        expect(report.handoffs).toEqual({ requested: 2, claimed: 1 });
        expect(formatReport(report)).toContain('Handoffs: requested 2, claimed 1');
    });

    it('skips lines that are not JSON', () => {
        expect(summarize(['not json', '', '{"event":"dialog.started","dialog":"family"}']).dialogs).toEqual({
            family: { started: 1, completed: 0, abandoned: 0 },
        });
    });
});

describe('Application Insights events', () => {
    it('sends each event as a custom event with string properties', () => {
        const sent: { name: string; properties?: Record<string, string> }[] = [];
        new AppInsightsAnalytics({ trackEvent: (event) => sent.push(event) }).track({
            name: 'eligibility.verdict',
            eligible: false,
            unmet: ['csq', 'invitation'],
        });
        expect(sent).toEqual([{ name: 'eligibility.verdict', properties: { eligible: 'false', unmet: 'csq,invitation' } }]);
    });
});
