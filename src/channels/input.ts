import { type Activity, TurnContext } from 'botbuilder';

/**
 * How each channel delivers what the user typed or tapped, as data: Teams wraps the bot's @mention in the
 * text, Messenger sends button taps as postbacks and quick replies with a payload.
 */
interface ChannelInput {
    /** The text to interpret, and whether the user typed it (a button's payload says nothing of their language). */
    read(activity: Activity): { text: string; typed: boolean };
    /** False for messages in a group conversation that do not address the bot. */
    addressedToBot(activity: Activity): boolean;
}

const plain: ChannelInput = {
    read: (activity) => ({ text: activity.text ?? '', typed: true }),
    addressedToBot: () => true,
};

const GROUP_CONVERSATIONS = new Set(['groupChat', 'channel']);

interface MessengerChannelData {
    postback?: { payload?: unknown };
    message?: { quick_reply?: { payload?: unknown } };
}

const INPUTS: Readonly<Record<string, ChannelInput>> = {
    msteams: {
        read: (activity) => ({
            text: (activity.recipient?.id ? TurnContext.removeRecipientMention(activity) : activity.text) ?? '',
            typed: true,
        }),
        // In group chats and channels, Teams delivers every message only when the bot is mentioned
        // (RSC aside); answer only those, so the bot never talks over a team's conversation.
        addressedToBot: (activity) =>
            !GROUP_CONVERSATIONS.has(activity.conversation?.conversationType ?? '') ||
            TurnContext.getMentions(activity).some((mention) => mention.mentioned?.id === activity.recipient?.id),
    },
    facebook: {
        // A postback (button, "Get Started", persistent menu) or a quick reply carries its payload in
        // channelData; the payload is what the bot offered, the text may be only the button's title.
        read: (activity) => {
            const data = (activity.channelData ?? {}) as MessengerChannelData;
            const payload = data.postback?.payload ?? data.message?.quick_reply?.payload;
            return typeof payload === 'string' && payload.trim() !== ''
                ? { text: payload, typed: false }
                : { text: activity.text ?? '', typed: true };
        },
        addressedToBot: () => true,
    },
};

export function channelInput(channelId: string | undefined): ChannelInput {
    return INPUTS[channelId ?? ''] ?? plain;
}

/** The Azure AD tenant of a Teams conversation (other channels have none). */
export function tenantId(activity: Activity): string | undefined {
    const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
    const fromChannelData = data?.tenant?.id;
    if (typeof fromChannelData === 'string') return fromChannelData;
    return activity.conversation?.tenantId;
}
