import type { Activity, ConversationReference } from 'botbuilder';

/**
 * Sends a message into a conversation the bot is not in a turn of (an advisor's channel, a visitor who left
 * the page open). The host implements it with its adapter; lower layers never see the adapter.
 */
export interface ProactiveSender {
    /** Posts the activity and returns the id the channel gave it (empty when the channel gives none). */
    send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string>;
    /** Replaces a message the bot sent there earlier. */
    update(reference: Partial<ConversationReference>, activity: Partial<Activity> & { id: string }): Promise<void>;
}
