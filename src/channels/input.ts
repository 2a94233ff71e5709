import { type Activity, TurnContext } from 'botbuilder';
import { TAP_KEY, type TapPayload } from './render';

/** A message as the bot reads it; `tap` when it came from one of the bot's card buttons. */
interface ReadInput {
    text: string;
    /** The user typed it (a button's payload says nothing of their language). */
    typed: boolean;
    tap?: TapPayload;
}

/**
 * How each channel delivers what the user typed or tapped, as data: Teams wraps the bot's @mention in the
 * text, Messenger sends button taps as postbacks and quick replies with a payload.
 */
interface ChannelInput {
    /** The text to interpret, whether the user typed it, and the tap it came from. */
    read(activity: Activity): ReadInput;
    /** False for messages in a group conversation that do not address the bot. */
    addressedToBot(activity: Activity): boolean;
}

const plain: ChannelInput = {
    read: (activity) => ({ text: activity.text ?? '', typed: true }),
    addressedToBot: () => true,
};

const GROUP_CONVERSATIONS = new Set(['groupChat', 'channel']);

/**
 * The payload of a tap on one of the bot's card buttons (src/channels/render.ts): in activity.value, an
 * object for messageBack and Action.Submit, or the JSON text Teams documents for msteams.value.
 */
function tapOf(activity: Activity): TapPayload | undefined {
    let value: unknown = activity.value;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        } catch {
            return undefined;
        }
    }
    const payload = (value as Record<string, unknown> | null | undefined)?.[TAP_KEY] as Record<string, unknown> | undefined;
    if (typeof payload?.text !== 'string') return undefined;
    return { text: payload.text, ...(typeof payload.question === 'string' ? { question: payload.question } : {}) };
}

interface MessengerChannelData {
    postback?: { payload?: unknown };
    message?: { quick_reply?: { payload?: unknown } };
}

const INPUTS: Readonly<Record<string, ChannelInput>> = {
    msteams: {
        read: (activity) => {
            const tap = tapOf(activity);
            const typed = (activity.recipient?.id ? TurnContext.removeRecipientMention(activity) : activity.text) ?? '';
            // An Action.Submit may arrive without text: the payload carries it.
            return tap ? { text: typed.trim() || tap.text, typed: false, tap } : { text: typed, typed: true };
        },
        // In group chats and channels, Teams delivers a message only when the bot is mentioned (RSC aside),
        // and a tap on one of the bot's cards without one (messageBack or Action.Submit: the only messages
        // with a value): answer those, so the bot never talks over a team's conversation.
        addressedToBot: (activity) =>
            !GROUP_CONVERSATIONS.has(activity.conversation?.conversationType ?? '') ||
            (activity.value !== undefined && activity.value !== null) ||
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
