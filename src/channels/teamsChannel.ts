import type { Activity, ConversationReference } from 'botbuilder';

/** A Teams team channel, as its activities' channelData describes it. */
export interface TeamChannel {
    teamId: string;
    teamName?: string;
    channelId: string;
    channelName?: string;
}

interface TeamsChannelData {
    team?: { id?: unknown; name?: unknown };
    channel?: { id?: unknown; name?: unknown };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The team channel an activity comes from, or undefined outside one (personal and group chats, other channels). */
export function teamChannelOf(activity: Partial<Activity>): TeamChannel | undefined {
    if (activity.channelId !== 'msteams') return undefined;
    const data = (activity.channelData ?? {}) as TeamsChannelData;
    const teamId = text(data.team?.id);
    if (!teamId) return undefined;
    const teamName = text(data.team?.name);
    const channelName = text(data.channel?.name);
    return {
        teamId,
        // An install in a team comes from its General channel, whose id is the team's.
        channelId: text(data.channel?.id) ?? teamId,
        ...(teamName ? { teamName } : {}),
        ...(channelName ? { channelName } : {}),
    };
}

/**
 * Where to post new messages in that channel: the conversation without the ";messageid=…" of the thread the
 * command was typed in, so that every handoff starts its own thread instead of replying to an old one.
 */
export function channelPostReference(reference: Partial<ConversationReference>): Partial<ConversationReference> {
    const conversation = reference.conversation;
    if (!conversation?.id) return reference;
    const { activityId: _thread, ...rest } = reference;
    return { ...rest, conversation: { ...conversation, id: conversation.id.split(';messageid=')[0] ?? conversation.id } };
}
