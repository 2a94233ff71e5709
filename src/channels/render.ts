import { ActionTypes, type Activity, ActivityTypes, type Attachment, type CardAction, CardFactory } from 'botbuilder';
import { ListStyle } from 'botbuilder-dialogs';
import type { Language } from '../content/languages';
import { type Rating, ratingMarkup, voteButtons } from './ratings';

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
    /** The channel renders markdown, where single line breaks are joined: lines become paragraphs and lists. */
    markdown: boolean;
    /** Highest Adaptive Card schema version the channel renders; undefined = no Adaptive Cards. */
    adaptiveCardVersion?: '1.5' | '1.6';
    /**
     * Where the buttons go when a message also has an Adaptive Card: on the card itself (Teams, where
     * suggested actions are not available) or as suggested actions under it.
     */
    buttonsInCard: boolean;
    /**
     * Card buttons send a payload (messageBack, or Action.Submit with messageBack) naming the question they
     * answer, besides their text: Teams delivers such a tap in a group without an @mention, and the bot can
     * tell a tap on an old card from an answer to the current question.
     */
    tapPayload: boolean;
}

const WEB: ChannelProfile = {
    listStyle: ListStyle.suggestedAction,
    maxSuggestedActions: 100,
    maxCardButtons: 100,
    maxTextLength: 20_000,
    maxButtonTitle: 20,
    markdown: true,
    adaptiveCardVersion: '1.5',
    buttonsInCard: false,
    tapPayload: false,
};

export const CHANNEL_PROFILES: Readonly<Record<string, ChannelProfile>> = {
    webchat: WEB,
    directline: WEB,
    emulator: WEB,
    test: WEB,
    // Teams: suggested actions only in personal chats, so buttons go on cards (messageBack sends the text
    // and a payload); Adaptive Cards up to 1.5.
    msteams: {
        listStyle: ListStyle.heroCard,
        maxSuggestedActions: 0,
        maxCardButtons: 6,
        maxTextLength: 20_000,
        maxButtonTitle: 20,
        markdown: true,
        adaptiveCardVersion: '1.5',
        buttonsInCard: true,
        tapPayload: true,
    },
    // Messenger: no Adaptive Cards; quick replies (13 at most, 20-character titles), button templates of 3,
    // texts of 2,000 characters.
    facebook: {
        listStyle: ListStyle.suggestedAction,
        maxSuggestedActions: 13,
        maxCardButtons: 3,
        maxTextLength: 2_000,
        maxButtonTitle: 20,
        markdown: false,
        buttonsInCard: false,
        tapPayload: false,
    },
};

/** Unknown channels get the most conservative profile that still has buttons. */
const FALLBACK: ChannelProfile = {
    listStyle: ListStyle.heroCard,
    maxSuggestedActions: 0,
    maxCardButtons: 3,
    maxTextLength: 2_000,
    maxButtonTitle: 20,
    markdown: false,
    buttonsInCard: false,
    tapPayload: false,
};

export function channelProfile(channelId: string | undefined): ChannelProfile {
    return CHANNEL_PROFILES[channelId ?? ''] ?? FALLBACK;
}

/** A button: what it shows and the text it sends back (something the recognizer accepts). */
export interface Button {
    title: string;
    value: string;
}

/** One line of a fact list ("Duration: 3 years", "Living outside Quebec: ✓ met"). */
export interface Fact {
    label: string;
    value: string;
    /** Drawn in bold on cards (a criterion not met must not look like one that is). */
    emphasis?: boolean;
}

/** Where a fact comes from: drawn as a link on cards, as a sentence with the address elsewhere. */
export interface SourceLink {
    /** "Source: IRCC fee list (canada.ca), checked on November 30, 2026" */
    caption: string;
    /** The link's title on cards: short, like a button's ("Open the source"). */
    title: string;
    url: string;
}

/** A channel-neutral message: what to say, not how a channel draws it. */
export interface Reply {
    text: string;
    facts?: Fact[];
    /** Where the message's facts come from, most relevant first. */
    sources?: SourceLink[];
    buttons?: Button[];
    /** The reply is a knowledge-base answer the person may rate, each channel its own way (ratings.ts). */
    rating?: Rating;
    /** The question the buttons answer (AskDialog's question id), carried by taps where the channel allows. */
    question?: string;
}

/** The key of the bot's own payload in a tap's activity.value. */
export const TAP_KEY = 'impplus';

/** What a tap on a card button carries: the text it sends, and the question it answers if any. */
export interface TapPayload {
    text: string;
    question?: string;
}

const payloadOf = (button: Button, question: string | undefined): TapPayload => ({
    text: button.value,
    ...(question !== undefined ? { question } : {}),
});

/** Splits a text into pieces no longer than `max`, at sentence ends, then at spaces, as a last resort anywhere. */
export function splitText(text: string, max: number): string[] {
    if (text.length <= max) return [text];
    const pieces: string[] = [];
    let rest = text;
    while (rest.length > max) {
        const window = rest.slice(0, max + 1);
        const sentenceEnd = Math.max(
            window.lastIndexOf('. '),
            window.lastIndexOf('! '),
            window.lastIndexOf('? '),
            window.lastIndexOf('\n'),
        );
        const space = window.lastIndexOf(' ');
        const cut = sentenceEnd > max / 3 ? sentenceEnd + 1 : space > max / 3 ? space : max;
        pieces.push(rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut).trimStart();
    }
    if (rest.length > 0) pieces.push(rest);
    return pieces;
}

/** A button as a card action: imBack sends its text; messageBack sends the text and the payload, and shows the title. */
function toAction(button: Button, profile: ChannelProfile, question?: string): CardAction {
    if (!profile.tapPayload) return { type: ActionTypes.ImBack, title: button.title, value: button.value };
    return {
        type: ActionTypes.MessageBack,
        title: button.title,
        text: button.value,
        displayText: button.title,
        value: { [TAP_KEY]: payloadOf(button, question) },
    };
}

/**
 * A button of an Adaptive Card on Teams: Action.Submit whose msteams messageBack sends the text (and shows the
 * title in the chat, like typing it); the payload is in the data, and in msteams.value as Teams documents it.
 */
export function submitAction(button: Button, question?: string): Record<string, unknown> {
    const payload = { [TAP_KEY]: payloadOf(button, question) };
    return {
        type: 'Action.Submit',
        title: button.title,
        data: {
            ...payload,
            msteams: { type: 'messageBack', text: button.value, displayText: button.title, value: JSON.stringify(payload) },
        },
    };
}

const BULLET = /^\s*[•-]\s+/;

/** A phone number in international form ("+1 514 555 0100"): a tel: link where links render. */
const PHONE = /(?<![\w[(])\+\d[\d .()-]{6,18}\d(?![\w\]])/g;

function phoneLinks(line: string): string {
    return line.replace(PHONE, (phone) => `[${phone}](tel:${phone.replace(/[^\d+]/g, '')})`);
}

/**
 * Texts are written with one line per paragraph or list item ("• …"). Markdown channels join single line
 * breaks, so there every line becomes its own paragraph and bullets a real list; plain-text channels keep
 * the lines as they are.
 */
function formatText(text: string, profile: ChannelProfile): string {
    if (!profile.markdown) return text;
    let out = '';
    let previousBullet = false;
    for (const line of text.split('\n')) {
        if (line.trim().length === 0) continue;
        const bullet = BULLET.test(line);
        const item = phoneLinks(bullet ? `- ${line.replace(BULLET, '')}` : line);
        out += out.length === 0 ? item : `${bullet && previousBullet ? '\n' : '\n\n'}${item}`;
        previousBullet = bullet;
    }
    return out;
}

/** French typography puts a no-break space before a colon; English none. */
function colon(language: Language): string {
    return language === 'fr' ? '\u00a0: ' : ': ';
}

/** The facts and the sources as plain text, for channels without Adaptive Cards. */
function plainText(reply: Reply, language: Language): string {
    const parts = [reply.text];
    if (reply.facts?.length) parts.push(reply.facts.map((fact) => `• ${fact.label}${colon(language)}${fact.value}`).join('\n'));
    for (const source of reply.sources ?? []) parts.push(`${source.caption}${colon(language)}${source.url}`);
    return parts.filter((part) => part.length > 0).join('\n\n');
}

/**
 * An Adaptive Card with the fact list and the source link. On Teams it also carries the text and the
 * buttons, as Action.Submit with a messageBack so that a tap sends its text like typing would.
 */
function adaptiveCard(reply: Reply, version: string, withTextAndButtons: boolean): Attachment {
    const body: Record<string, unknown>[] = [];
    if (withTextAndButtons && reply.text)
        body.push({ type: 'TextBlock', text: formatText(reply.text, CHANNEL_PROFILES.msteams as ChannelProfile), wrap: true });
    if (reply.facts?.length)
        body.push({ type: 'FactSet', facts: reply.facts.map((f) => ({ title: f.label, value: f.emphasis ? `**${f.value}**` : f.value })) });
    const sources = reply.sources ?? [];
    for (const source of sources) body.push({ type: 'TextBlock', text: source.caption, wrap: true, size: 'Small', isSubtle: true });
    const actions: Record<string, unknown>[] = [];
    for (const source of sources) actions.push({ type: 'Action.OpenUrl', title: source.title, url: source.url });
    if (withTextAndButtons) {
        for (const button of reply.buttons ?? []) actions.push(submitAction(button, reply.question));
    }
    return CardFactory.adaptiveCard({
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version,
        body,
        ...(actions.length > 0 ? { actions } : {}),
    });
}

/**
 * Draws a reply for one channel: Adaptive Cards for facts and sources where they render, hero cards or
 * suggested actions (quick replies) for buttons where they fit, and plain text as the last resort.
 */
export function renderReply(channelId: string | undefined, reply: Reply, language: Language = 'en'): Partial<Activity>[] {
    const activities = renderMessages(channelId, reply, language);
    if (reply.rating)
        Object.assign(activities[activities.length - 1] as Partial<Activity>, ratingMarkup(channelId, reply.rating, language));
    return activities;
}

function renderMessages(channelId: string | undefined, reply: Reply, language: Language): Partial<Activity>[] {
    const profile = channelProfile(channelId);
    const buttons = [...(reply.buttons ?? []), ...(reply.rating ? voteButtons(channelId, reply.rating, language) : [])];
    const sourceCount = reply.sources?.length ?? 0;
    const rich = Boolean(reply.facts?.length || sourceCount > 0);
    const card = rich && profile.adaptiveCardVersion !== undefined;
    const fitsTitles = buttons.every((b) => b.title.length <= profile.maxButtonTitle);

    if (card && profile.buttonsInCard && fitsTitles && buttons.length <= profile.maxCardButtons - sourceCount) {
        return [{ type: ActivityTypes.Message, attachments: [adaptiveCard(reply, profile.adaptiveCardVersion as string, true)] }];
    }

    const texts = splitText(formatText(card ? reply.text : plainText(reply, language), profile), profile.maxTextLength);
    const activities: Partial<Activity>[] = texts.map((text) => ({ type: ActivityTypes.Message, text }));
    const last = activities[activities.length - 1] as Partial<Activity>;
    if (card) last.attachments = [adaptiveCard(reply, profile.adaptiveCardVersion as string, false)];
    if (buttons.length === 0) return activities;

    switch (chooseStyle(profile, buttons.length, fitsTitles, card)) {
        case ListStyle.suggestedAction:
            last.suggestedActions = { to: [], actions: buttons.map((button) => toAction(button, profile, reply.question)) };
            break;
        case ListStyle.heroCard:
            // The text moves into the card so the question and its buttons stay together.
            last.attachments = [
                ...(last.attachments ?? []),
                CardFactory.heroCard(
                    '',
                    last.text ?? '',
                    undefined,
                    buttons.map((button) => toAction(button, profile, reply.question)),
                ),
            ];
            last.text = undefined;
            break;
        default:
            last.text = `${last.text ?? ''}\n\n${buttons.map((b, i) => `${i + 1}. ${b.title}`).join('\n')}`;
    }
    return activities;
}

function chooseStyle(profile: ChannelProfile, count: number, fitsTitles: boolean, hasCard: boolean): ListStyle {
    if (!fitsTitles) return ListStyle.list;
    if (profile.listStyle === ListStyle.suggestedAction && count <= profile.maxSuggestedActions) return ListStyle.suggestedAction;
    if (profile.listStyle !== ListStyle.list && count <= profile.maxCardButtons && !hasCard) return ListStyle.heroCard;
    return ListStyle.list;
}
