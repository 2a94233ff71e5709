import { ActionTypes, type Activity, ActivityTypes, CardFactory, type CardAction } from 'botbuilder';
import { ListStyle } from 'botbuilder-dialogs';

/** What a channel can draw, as data (the model is botbuilder-dialogs' choices/channel.ts). */
export interface ChannelProfile {
    /** How choices are drawn when they fit: suggested actions (quick replies), a hero card, or a text list. */
    listStyle: ListStyle.suggestedAction | ListStyle.heroCard | ListStyle.list;
    /** Most suggested actions (quick replies) one message may carry; 0 = none. */
    maxSuggestedActions: number;
    /** Most buttons one card may carry; 0 = no cards. */
    maxCardButtons: number;
    /** Longest text one message may carry; longer texts are split at sentence boundaries. */
    maxTextLength: number;
    /** Longest button title the channel shows in full. */
    maxButtonTitle: number;
}

const WEB: ChannelProfile = {
    listStyle: ListStyle.suggestedAction,
    maxSuggestedActions: 100,
    maxCardButtons: 100,
    maxTextLength: 20_000,
    maxButtonTitle: 20,
};

export const CHANNEL_PROFILES: Readonly<Record<string, ChannelProfile>> = {
    webchat: WEB,
    directline: WEB,
    emulator: WEB,
    test: WEB,
    // Teams: no suggested actions outside personal chat, so buttons go on a hero card (imBack sends text).
    msteams: { listStyle: ListStyle.heroCard, maxSuggestedActions: 0, maxCardButtons: 6, maxTextLength: 20_000, maxButtonTitle: 20 },
    // Messenger: quick replies (13 at most, 20-character titles), button templates of 3, 2,000-character texts.
    facebook: { listStyle: ListStyle.suggestedAction, maxSuggestedActions: 13, maxCardButtons: 3, maxTextLength: 2_000, maxButtonTitle: 20 },
};

/** Unknown channels get the most conservative profile that still has buttons. */
const FALLBACK: ChannelProfile = {
    listStyle: ListStyle.heroCard,
    maxSuggestedActions: 0,
    maxCardButtons: 3,
    maxTextLength: 2_000,
    maxButtonTitle: 20,
};

export function channelProfile(channelId: string | undefined): ChannelProfile {
    return CHANNEL_PROFILES[channelId ?? ''] ?? FALLBACK;
}

/** A button: what it shows and the text it sends back (something the recognizer accepts). */
export interface Button {
    title: string;
    value: string;
}

/** A channel-neutral message: what to say, not how a channel draws it. */
export interface Reply {
    text: string;
    buttons?: Button[];
}

/** Splits a text into pieces no longer than `max`, at sentence ends, then at spaces, as a last resort anywhere. */
export function splitText(text: string, max: number): string[] {
    if (text.length <= max) return [text];
    const pieces: string[] = [];
    let rest = text;
    while (rest.length > max) {
        const window = rest.slice(0, max + 1);
        const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '), window.lastIndexOf('\n'));
        const space = window.lastIndexOf(' ');
        const cut = sentenceEnd > max / 3 ? sentenceEnd + 1 : space > max / 3 ? space : max;
        pieces.push(rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut).trimStart();
    }
    if (rest.length > 0) pieces.push(rest);
    return pieces;
}

const toAction = (button: Button): CardAction => ({ type: ActionTypes.ImBack, title: button.title, value: button.value });

/**
 * Draws a reply for one channel: the text (split if the channel needs it) and the buttons in the best form
 * the channel supports — suggested actions where they fit, else a hero card, else a numbered list.
 */
export function renderReply(channelId: string | undefined, reply: Reply): Partial<Activity>[] {
    const profile = channelProfile(channelId);
    const buttons = reply.buttons ?? [];
    const texts = splitText(reply.text, profile.maxTextLength);
    const activities: Partial<Activity>[] = texts.map((text) => ({ type: ActivityTypes.Message, text }));
    if (buttons.length === 0) return activities;

    const last = activities[activities.length - 1] as Partial<Activity>;
    const fitsTitles = buttons.every((b) => b.title.length <= profile.maxButtonTitle);
    const style = chooseStyle(profile, buttons.length, fitsTitles);
    switch (style) {
        case ListStyle.suggestedAction:
            last.suggestedActions = { to: [], actions: buttons.map(toAction) };
            break;
        case ListStyle.heroCard:
            // The text moves into the card so the question and its buttons stay together.
            last.attachments = [CardFactory.heroCard('', last.text ?? '', undefined, buttons.map(toAction))];
            last.text = undefined;
            break;
        case ListStyle.list:
            last.text = `${last.text ?? ''}\n\n${buttons.map((b, i) => `${i + 1}. ${b.title}`).join('\n')}`;
            break;
    }
    return activities;
}

function chooseStyle(profile: ChannelProfile, count: number, fitsTitles: boolean): ListStyle {
    if (!fitsTitles) return ListStyle.list;
    if (profile.listStyle === ListStyle.suggestedAction && count <= profile.maxSuggestedActions) return ListStyle.suggestedAction;
    if (profile.listStyle !== ListStyle.list && count <= profile.maxCardButtons) return ListStyle.heroCard;
    return ListStyle.list;
}
