import type { ConversationReference, Storage } from 'botbuilder';
import type { Language } from '../content/languages';
import type { TranscriptLine } from '../turn/state';

/** The firm's Teams channel that receives handoff cards, as learned from an install or a staff command. */
export interface HandoffChannel {
    /** Enough to post there proactively: service URL, conversation (the channel), tenant, bot. */
    reference: Partial<ConversationReference>;
    /** The language of the staff member who chose the channel: the cards are written in it. */
    language: Language;
    /** Shown by "handoff settings". */
    channelName?: string;
    teamName?: string;
    setBy?: string;
    setAt: string;
}

/** A visitor's eligibility answers and, when the check ended, its verdict. */
export interface EligibilitySummary {
    answers: Partial<Record<string, string>>;
    verdict?: { eligible: boolean; unmet: string[] };
}

/** One visitor's request for an advisor, from the post to the claim. */
export interface HandoffRecord {
    id: string;
    /** Where to tell the visitor that an advisor picked it up. */
    visitor: Partial<ConversationReference>;
    language: Language;
    /** The language the card is written in (the handoff channel's). */
    staffLanguage: Language;
    channelId: string;
    /** ISO time of the visitor's last message (Messenger allows replies for 24 hours after it). */
    lastUserMessageAt: string;
    requestedAt: string;
    /** Given with the visitor's consent only. */
    contact?: string;
    question?: string;
    transcript: TranscriptLine[];
    eligibility?: EligibilitySummary;
    /** The card in the handoff channel, to update in place. */
    cardActivityId?: string;
    claimedBy?: string;
    claimedAt?: string;
    /** Whether the visitor was told of the claim (false: Messenger's window had closed, or the send failed). */
    visitorTold?: boolean;
}

const CHANNEL_KEY = 'handoff/channel';
const recordKey = (id: string) => `handoff/records/${id}`;

/**
 * Handoff data in the bot's storage: the channel in the settings store (it does not age), the records in the
 * state store (they age and are erased like the conversation they come from).
 */
export class HandoffStore {
    constructor(
        private readonly settings: Storage,
        private readonly records: Storage,
    ) {}

    async channel(): Promise<HandoffChannel | undefined> {
        const items = await this.settings.read([CHANNEL_KEY]);
        const item = items[CHANNEL_KEY] as (HandoffChannel & { eTag?: string }) | undefined;
        if (!item?.reference) return undefined;
        const { eTag: _ignored, ...channel } = item;
        return channel;
    }

    async setChannel(channel: HandoffChannel): Promise<void> {
        await this.settings.write({ [CHANNEL_KEY]: { ...channel } });
    }

    async record(id: string): Promise<HandoffRecord | undefined> {
        const items = await this.records.read([recordKey(id)]);
        const item = items[recordKey(id)] as (HandoffRecord & { eTag?: string }) | undefined;
        if (!item?.id) return undefined;
        const { eTag: _ignored, ...record } = item;
        return record;
    }

    async saveRecord(record: HandoffRecord): Promise<void> {
        await this.records.write({ [recordKey(record.id)]: { ...record } });
    }

    async deleteRecords(ids: readonly string[]): Promise<void> {
        if (ids.length > 0) await this.records.delete(ids.map(recordKey));
    }
}
