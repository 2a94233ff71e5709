import type { Activity, TurnContext } from 'botbuilder';
import { isLanguage, type Language } from '../content/languages';
import type { RatedAnswer } from '../turn/state';

/**
 * How each channel lets a person rate an answer, as data: Teams' own feedback loop (thumbs under the
 * message, answered by a `message/submitAction` invoke), Web Chat's vote buttons in the activity status
 * (schema.org Like/Dislike actions, answered by an event), Messenger's quick replies on the answer itself.
 */
type FeedbackMeans = 'teamsLoop' | 'webchatVote' | 'quickReplies';

interface MeansProfile {
    means: FeedbackMeans;
    /** After a thumbs down, the bot may ask why with buttons (Teams asks in its own form). */
    asksReason: boolean;
}

const FEEDBACK_MEANS: Readonly<Record<string, MeansProfile>> = {
    msteams: { means: 'teamsLoop', asksReason: false },
    webchat: { means: 'webchatVote', asksReason: true },
    directline: { means: 'webchatVote', asksReason: true },
    emulator: { means: 'webchatVote', asksReason: true },
    facebook: { means: 'quickReplies', asksReason: true },
};

export function feedbackProfile(channelId: string | undefined): MeansProfile | undefined {
    return FEEDBACK_MEANS[channelId ?? ''];
}

/** What a rateable reply carries: the topic answered, and the two vote labels where the channel shows ours. */
export interface Rating {
    topic: string;
    up: string;
    down: string;
}

/** A thumbs up or down as a channel delivered it; `replyToId` names the rated message when the channel does not echo our topic. */
export interface Vote {
    helpful: boolean;
    topic?: string;
    language?: Language;
    replyToId?: string;
}

/** Where the schema.org entities for Web Chat travel (see ratingMarkup). */
const WEBCHAT_ENTITIES = 'webChatEntities';

/** The event Web Chat (4.18) posts when a vote button in an activity's status is pressed. */
export const WEBCHAT_VOTE_EVENT = 'webchat:activity-status/feedback';
/** The invoke Teams sends when a feedback-loop thumb is pressed (and its form submitted). */
export const TEAMS_SUBMIT_ACTION = 'message/submitAction';

const TOPIC = '[A-Za-z0-9_-]{1,60}';
/** Web Chat's schema.org actions carry the rated answer in their `@id`: "urn:impplus:rating:en:fees:like". */
const ACTION_ID = new RegExp(`^urn:impplus:rating:(en|fr):(${TOPIC}):(like|dislike)$`);
/** Messenger's quick-reply payload: "RATE:like:en:fees". */
const PAYLOAD = new RegExp(`^RATE:(like|dislike):(en|fr):(${TOPIC})$`);

const actionId = (language: Language, topic: string, reaction: 'like' | 'dislike') => `urn:impplus:rating:${language}:${topic}:${reaction}`;

/** The fields that make a message rateable on a channel, merged into the reply's last activity. */
export function ratingMarkup(channelId: string | undefined, rating: Rating, language: Language): Partial<Activity> {
    switch (feedbackProfile(channelId)?.means) {
        case 'teamsLoop':
            return { channelData: { feedbackLoopEnabled: true } };
        case 'webchatVote':
            // Web Chat reads the actions from the message's schema.org entity; the connector's serializer keeps
            // only the known fields of an entity, so the entity travels in channelData and our widget
            // (public/app.js) moves it into `entities` as the message arrives.
            return {
                channelData: {
                    [WEBCHAT_ENTITIES]: [
                        {
                            type: 'https://schema.org/Message',
                            '@context': 'https://schema.org',
                            '@id': '',
                            '@type': 'Message',
                            potentialAction: [
                                { '@type': 'LikeAction', '@id': actionId(language, rating.topic, 'like') },
                                { '@type': 'DislikeAction', '@id': actionId(language, rating.topic, 'dislike') },
                            ],
                        },
                    ],
                },
            };
        default:
            return {}; // Messenger: quick replies (voteButtons)
    }
}

/** Messenger's two quick replies, added to those the answer already has. */
export function voteButtons(channelId: string | undefined, rating: Rating, language: Language): { title: string; value: string }[] {
    if (feedbackProfile(channelId)?.means !== 'quickReplies') return [];
    return [
        { title: rating.up, value: `RATE:like:${language}:${rating.topic}` },
        { title: rating.down, value: `RATE:dislike:${language}:${rating.topic}` },
    ];
}

/** A vote in whatever shape the channel sends it: Web Chat's event, Teams' invoke, or a Messenger payload (`text`). */
export function readVote(activity: Activity, text?: string): Vote | undefined {
    if (activity.type === 'event' && activity.name === WEBCHAT_VOTE_EVENT) {
        const action = (activity.entities ?? [])[0] as { '@type'?: unknown; '@id'?: unknown } | undefined;
        const match = typeof action?.['@id'] === 'string' ? ACTION_ID.exec(action['@id']) : null;
        if (!match) return undefined;
        return { helpful: match[3] === 'like', language: match[1] as Language, topic: match[2] as string };
    }
    if (activity.type === 'invoke' && activity.name === TEAMS_SUBMIT_ACTION) {
        const value = activity.value as { actionName?: unknown; actionValue?: { reaction?: unknown } } | undefined;
        const reaction = value?.actionName === 'feedback' ? value.actionValue?.reaction : undefined;
        if (reaction !== 'like' && reaction !== 'dislike') return undefined;
        // The form's free text is the person's own words: never read, never kept.
        return { helpful: reaction === 'like', ...(activity.replyToId ? { replyToId: activity.replyToId } : {}) };
    }
    if (activity.type === 'message' && text !== undefined) {
        const match = PAYLOAD.exec(text);
        if (!match || !isLanguage(match[2])) return undefined;
        return { helpful: match[1] === 'like', language: match[2], topic: match[3] as string };
    }
    return undefined;
}

const SENT = Symbol('impplus.ratedAnswers');

/** Notes a rateable answer sent this turn, for channels that rate by message id (Teams). */
export function noteRatedAnswer(context: TurnContext, answer: RatedAnswer): void {
    const sent = (context.turnState.get(SENT) as RatedAnswer[] | undefined) ?? [];
    sent.push(answer);
    context.turnState.set(SENT, sent);
}

export function ratedAnswersOfTurn(context: TurnContext): RatedAnswer[] {
    return (context.turnState.get(SENT) as RatedAnswer[] | undefined) ?? [];
}
