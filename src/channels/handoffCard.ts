import { type Attachment, CardFactory } from 'botbuilder';
import type { Translator } from '../content/i18n';
import type { Language } from '../content/languages';
import { redact } from '../observability/redact';
import type { HandoffRecord } from './handoffStore';

/** The verb of the card's "I'll take it" button (Action.Execute, Teams' Universal Actions). */
export const CLAIM_VERB = 'handoff.claim';

/** What the claim button sends back. */
export interface ClaimData {
    handoffId: string;
}

/** Times on the card are the firm's local time (the firm is in Quebec). */
const FIRM_TIME_ZONE = 'America/Toronto';

export function formatWhen(iso: string, language: Language): string {
    return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: FIRM_TIME_ZONE,
    }).format(new Date(iso));
}

/** How the claim ended for the card's footer. */
export type ClaimNotice = 'claimed' | 'alreadyTaken';

/**
 * The handoff card for the firm's channel (Adaptive Card 1.5), in the staff's language: who asked, in which
 * language and channel, what they answered, their last messages (redacted as the logs are), the contact they
 * left, and either the claim button or who took it.
 */
export function handoffCard(
    translator: Translator,
    language: Language,
    record: HandoffRecord,
    notice: ClaimNotice = 'claimed',
): Attachment {
    const t = (key: string, params?: Record<string, unknown>) => translator.t(language, `handoff:card.${key}`, params);
    const known = (key: string) => translator.template(language, `handoff:card.${key}`) !== undefined;
    const channel = known(`channels.${record.channelId}`) ? t(`channels.${record.channelId}`) : t('channels.other');
    const facts = [
        { title: t('language'), value: t(`languages.${record.language}`) },
        { title: t('channel'), value: channel },
        { title: t('requested'), value: formatWhen(record.requestedAt, language) },
        { title: t('contact'), value: record.contact ?? t('noContact') },
        { title: t('question'), value: record.question ? redact(record.question) : t('noQuestion') },
    ];
    const body: Record<string, unknown>[] = [
        { type: 'TextBlock', text: t('title'), weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: t('intro'), wrap: true, isSubtle: true, spacing: 'None' },
        { type: 'FactSet', facts },
    ];
    const eligibility = record.eligibility;
    if (eligibility && (Object.keys(eligibility.answers).length > 0 || eligibility.verdict)) {
        const answerLabel = (answer: string) => {
            const key = `eligibility:choices.${answer}`;
            return translator.template(language, key) !== undefined ? translator.t(language, key) : answer;
        };
        const answerFacts = Object.entries(eligibility.answers).map(([criterion, answer]) => ({
            title: known(`criteria.${criterion}`) ? t(`criteria.${criterion}`) : criterion,
            value: answerLabel(answer ?? ''),
        }));
        const verdict = !eligibility.verdict
            ? t('verdictOpen')
            : eligibility.verdict.eligible
              ? t('verdictMet')
              : t('verdictNotMet', {
                    unmet: eligibility.verdict.unmet.map((id) => (known(`criteria.${id}`) ? t(`criteria.${id}`) : id)).join(', '),
                });
        answerFacts.push({ title: t('verdict'), value: verdict });
        body.push(
            { type: 'TextBlock', text: t('eligibility'), weight: 'Bolder', wrap: true, separator: true },
            { type: 'FactSet', facts: answerFacts },
        );
    }
    if (record.transcript.length > 0) {
        body.push({ type: 'TextBlock', text: t('transcript'), weight: 'Bolder', wrap: true, separator: true });
        for (const line of record.transcript) {
            body.push({
                type: 'TextBlock',
                text: `**${t(line.role === 'user' ? 'visitor' : 'bot')}:** ${redact(line.text)}`,
                wrap: true,
                spacing: 'Small',
                ...(line.role === 'bot' ? { isSubtle: true } : {}),
            });
        }
    }
    const actions: Record<string, unknown>[] = [];
    if (record.claimedBy && record.claimedAt) {
        const who = { name: record.claimedBy, when: formatWhen(record.claimedAt, language) };
        body.push({ type: 'TextBlock', text: t(notice, who), weight: 'Bolder', color: 'Good', wrap: true, separator: true });
        const told = record.visitorTold ? 'visitorTold' : record.channelId === 'facebook' ? 'visitorNotTold' : 'visitorUnreachable';
        body.push({ type: 'TextBlock', text: t(told), wrap: true, isSubtle: record.visitorTold === true });
    } else {
        actions.push({
            type: 'Action.Execute',
            title: t('claim'),
            verb: CLAIM_VERB,
            data: { handoffId: record.id } satisfies ClaimData,
            style: 'positive',
        });
    }
    return CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body,
        ...(actions.length > 0 ? { actions } : {}),
    });
}

/** The card that replaces one whose request no longer exists (erased by the visitor, or aged out). */
export function goneCard(translator: Translator, language: Language): Attachment {
    return CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [
            { type: 'TextBlock', text: translator.t(language, 'handoff:card.title'), weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: translator.t(language, 'handoff:card.gone'), wrap: true },
        ],
    });
}
