import { randomUUID } from 'node:crypto';
import { type Attachment, type ConversationReference, TurnContext } from 'botbuilder';
import type { Translator } from '../content/i18n';
import { type Language, languageFromLocale } from '../content/languages';
import type { Analytics } from '../observability/analytics';
import type { Logger } from '../observability/logger';
import type { ProactiveSender } from '../turn/proactive';
import type { TranscriptLine } from '../turn/state';
import { type ClaimNotice, goneCard, handoffCard } from './handoffCard';
import type { EligibilitySummary, HandoffChannel, HandoffRecord, HandoffStore } from './handoffStore';
import { channelPostReference, teamChannelOf } from './teamsChannel';

/** Messenger lets a page write to a person only within this long after their last message. */
const MESSENGER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether a channel's visitors may reach the firm's inbox: Teams is the staff's own side. */
const INBOX_CHANNELS: Readonly<Record<string, boolean>> = { msteams: false };

/** What a visitor agreed to pass on. */
export interface HandoffRequest {
    contact?: string;
    question?: string;
    transcript: TranscriptLine[];
    eligibility?: EligibilitySummary;
}

export type RequestOutcome = { status: 'posted'; id: string } | { status: 'notConfigured' | 'failed' };

export interface HandoffInboxOptions {
    store: HandoffStore;
    /** Undefined when the host cannot send proactively: every request then fails honestly. */
    sender: ProactiveSender | undefined;
    translator: Translator;
    analytics: Analytics;
    logger: Logger;
    firmName: string;
    now?: () => number;
}

/**
 * The firm's handoff inbox in Teams: the channel it posts to, the card it posts for a visitor who consented,
 * and the claim that updates the card and tells the visitor.
 */
export class HandoffInbox {
    private readonly now: () => number;

    constructor(private readonly options: HandoffInboxOptions) {
        this.now = options.now ?? Date.now;
    }

    get firmName(): string {
        return this.options.firmName;
    }

    /** Visitors on the website and Messenger reach the inbox; staff in Teams get the firm's contact. */
    servesChannel(channelId: string | undefined): boolean {
        return INBOX_CHANNELS[channelId ?? ''] ?? true;
    }

    channel(): Promise<HandoffChannel | undefined> {
        return this.options.store.channel();
    }

    /** Makes the team channel of this activity the inbox; undefined when the activity is not from a team channel. */
    async useThisChannel(context: TurnContext, language: Language): Promise<HandoffChannel | undefined> {
        const team = teamChannelOf(context.activity);
        if (!team) return undefined;
        const from = context.activity.from;
        const channel: HandoffChannel = {
            reference: channelPostReference(TurnContext.getConversationReference(context.activity)),
            language,
            setAt: new Date(this.now()).toISOString(),
            ...(team.channelName ? { channelName: team.channelName } : {}),
            ...(team.teamName ? { teamName: team.teamName } : {}),
            ...(from?.name ? { setBy: from.name } : {}),
        };
        await this.options.store.setChannel(channel);
        this.options.logger.info({ event: 'handoff.channelSet', teamId: team.teamId }, 'handoff channel set');
        return channel;
    }

    /** Posts the visitor's request to the firm's channel. Only a post that succeeded counts as passed on. */
    async request(context: TurnContext, language: Language, request: HandoffRequest): Promise<RequestOutcome> {
        const { store, sender, translator, analytics, logger } = this.options;
        const channelId = context.activity.channelId ?? '';
        const inbox = await store.channel();
        if (!inbox) {
            analytics.track({ name: 'handoff.failed', channel: channelId, reason: 'noChannel' });
            return { status: 'notConfigured' };
        }
        const now = new Date(this.now()).toISOString();
        const record: HandoffRecord = {
            id: randomUUID(),
            visitor: TurnContext.getConversationReference(context.activity),
            language,
            staffLanguage: inbox.language,
            channelId,
            lastUserMessageAt: now,
            requestedAt: now,
            transcript: request.transcript,
            ...(request.contact ? { contact: request.contact } : {}),
            ...(request.question ? { question: request.question } : {}),
            ...(request.eligibility ? { eligibility: request.eligibility } : {}),
        };
        try {
            if (!sender) throw new Error('no proactive sender');
            const card = handoffCard(translator, inbox.language, record);
            record.cardActivityId = await sender.send(inbox.reference, { type: 'message', attachments: [card] });
        } catch (err) {
            logger.warn({ err, event: 'handoff.postFailed' }, 'the handoff card could not be posted');
            analytics.track({ name: 'handoff.failed', channel: channelId, reason: 'postFailed' });
            return { status: 'failed' };
        }
        await store.saveRecord(record);
        analytics.track({ name: 'handoff.posted', channel: channelId, withContact: record.contact !== undefined });
        return { status: 'posted', id: record.id };
    }

    /** The visitor wrote again: Messenger's reply window starts over. */
    async visitorWrote(ids: readonly string[]): Promise<void> {
        for (const id of ids) {
            const record = await this.options.store.record(id);
            if (!record || record.claimedBy) continue;
            record.lastUserMessageAt = new Date(this.now()).toISOString();
            await this.options.store.saveRecord(record);
        }
    }

    /**
     * "I'll take it": the first advisor gets it, the visitor is told (Messenger only within its window), and the
     * card that comes back replaces the one in the channel for everyone; a later tap gets "already taken by".
     */
    async claim(context: TurnContext, handoffId: string): Promise<Attachment> {
        const { store, translator, analytics } = this.options;
        const record = await store.record(handoffId);
        const staffLanguage = languageFromLocale(context.activity.locale) ?? 'en';
        if (!record) return goneCard(translator, staffLanguage);
        let notice: ClaimNotice = 'alreadyTaken';
        if (!record.claimedBy) {
            notice = 'claimed';
            const now = this.now();
            record.claimedBy = context.activity.from?.name || translator.t(record.staffLanguage, 'handoff:settings.unknownPerson');
            record.claimedAt = new Date(now).toISOString();
            record.visitorTold = await this.tellVisitor(record, now);
            await store.saveRecord(record);
            const secondsToClaim = Math.max(0, Math.round((now - Date.parse(record.requestedAt)) / 1000));
            analytics.track({ name: 'handoff.claimed', channel: record.channelId, secondsToClaim, visitorTold: record.visitorTold });
        }
        const card = handoffCard(translator, record.staffLanguage, record, notice);
        if (notice === 'claimed') await this.updateForEveryone(context, card);
        return card;
    }

    /**
     * Teams shows the card an Action.Execute returns to the person who tapped only; the message itself is
     * updated too, so that the whole channel sees who took it.
     */
    private async updateForEveryone(context: TurnContext, card: Attachment): Promise<void> {
        const id = context.activity.replyToId;
        if (!id) return;
        try {
            await context.updateActivity({ type: 'message', id, attachments: [card] });
        } catch (err) {
            this.options.logger.warn({ err, event: 'handoff.cardUpdateFailed' }, 'the claimed card could not be updated for everyone');
        }
    }

    private async tellVisitor(record: HandoffRecord, now: number): Promise<boolean> {
        const { sender, translator, logger } = this.options;
        if (!sender) return false;
        if (record.channelId === 'facebook' && now - Date.parse(record.lastUserMessageAt) > MESSENGER_WINDOW_MS) return false;
        try {
            const text = translator.t(record.language, 'handoff:claimed', { firm: this.options.firmName });
            await sender.send(record.visitor as Partial<ConversationReference>, { type: 'message', text, locale: record.language });
            return true;
        } catch (err) {
            logger.warn({ err, event: 'handoff.visitorUnreachable' }, 'the visitor could not be told of the claim');
            return false;
        }
    }

    /**
     * "Delete my data": the visitor's handoff records go, and each card in the firm's channel is replaced by
     * one that says the request was erased (contact and messages gone from the channel too).
     */
    async erase(ids: readonly string[]): Promise<void> {
        const { store, sender, translator, logger } = this.options;
        const inbox = ids.length > 0 ? await store.channel() : undefined;
        for (const id of ids) {
            const record = await store.record(id);
            if (!record?.cardActivityId || !inbox || !sender) continue;
            try {
                await sender.update(inbox.reference, {
                    type: 'message',
                    id: record.cardActivityId,
                    attachments: [goneCard(translator, record.staffLanguage)],
                });
            } catch (err) {
                logger.warn({ err, event: 'handoff.eraseCardFailed' }, 'an erased request’s card could not be cleared');
            }
        }
        await store.deleteRecords(ids);
    }
}
