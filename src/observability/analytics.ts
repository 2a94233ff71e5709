import type { Logger } from './logger';

/**
 * What the firm learns from conversations, to improve the bot: funnels and verdicts, never who said what.
 * Question texts are redacted before they get here (see redact.ts).
 */
export type AnalyticsEvent =
    /** A conversation got its welcome or disclaimer: it started, on this channel, in this language. */
    | { name: 'conversation.started'; channel: string; language: string }
    | { name: 'dialog.started'; dialog: string }
    | { name: 'dialog.step'; dialog: string; step: string }
    | { name: 'dialog.answered'; dialog: string; step: string }
    | { name: 'dialog.completed'; dialog: string }
    | { name: 'dialog.abandoned'; dialog: string; reason: 'cancel' | 'menu' | 'switch' }
    | { name: 'eligibility.verdict'; eligible: boolean; unmet: string[] }
    | { name: 'unanswered'; locale: string; score: number; question: string }
    // Handoffs to an advisor: asked for, posted to the firm's channel (or not, and why), claimed and how fast.
    | { name: 'handoff.requested'; channel: string; language: string }
    | { name: 'handoff.declined'; channel: string }
    | { name: 'handoff.posted'; channel: string; withContact: boolean }
    | { name: 'handoff.failed'; channel: string; reason: 'noChannel' | 'postFailed' }
    | { name: 'handoff.claimed'; channel: string; secondsToClaim: number; visitorTold: boolean }
    /** A thumbs up or down on a knowledge-base answer (the topic's id, never the person's words). */
    | { name: 'answer.rated'; topic: string; helpful: boolean; channel: string; locale: string }
    /** Why an answer was not helpful, picked from a fixed list after a thumbs down. */
    | { name: 'answer.reason'; topic: string; reason: string; channel: string; locale: string }
    /** The end-of-conversation question: a rating, or "skip". */
    | { name: 'satisfaction'; rating: string; channel: string; locale: string };

export interface Analytics {
    track(event: AnalyticsEvent): void;
}

/** Events as structured log lines ({"event": "dialog.step", …}), which `npm run report` summarizes. */
export class LogAnalytics implements Analytics {
    constructor(private readonly logger: Logger) {}

    track({ name, ...properties }: AnalyticsEvent): void {
        this.logger.info({ event: name, ...properties }, name);
    }
}

/** The part of Application Insights' client we use, so that tests can stand in for it. */
export interface EventClient {
    trackEvent(event: { name: string; properties?: Record<string, string> }): void;
}

/** Events as Application Insights custom events, with every property as a string. */
export class AppInsightsAnalytics implements Analytics {
    constructor(private readonly client: EventClient) {}

    track({ name, ...properties }: AnalyticsEvent): void {
        const flat: Record<string, string> = {};
        for (const [key, value] of Object.entries(properties)) flat[key] = Array.isArray(value) ? value.join(',') : String(value);
        this.client.trackEvent({ name, properties: flat });
    }
}

/** Logs always; Application Insights too when APPLICATIONINSIGHTS_CONNECTION_STRING is set. */
export function createAnalytics(logger: Logger, appInsightsConnectionString: string): Analytics {
    const sinks: Analytics[] = [new LogAnalytics(logger)];
    if (appInsightsConnectionString) {
        // Loaded only when configured: the SDK alone takes about a third of the bot's start-up time.
        const { TelemetryClient } = require('applicationinsights') as typeof import('applicationinsights');
        sinks.push(new AppInsightsAnalytics(new TelemetryClient(appInsightsConnectionString)));
    }
    return {
        track(event) {
            for (const sink of sinks) sink.track(event);
        },
    };
}
