import { type Activity, ActivityTypes, MemoryStorage } from 'botbuilder';
import pino from 'pino';
import { CRITERIA, type CriterionId } from '../../src/content/catalog';
import { createTranslator } from '../../src/content/i18n';
import type { Language } from '../../src/content/languages';
import { createConversation } from '../../src/conversation/conversation';
import { Chat, messages } from './chat';
import { realMatcher } from './matcher';

const translator = createTranslator();

/** One thing a person does: type or tap a text, tap a locales label, or rate the last rateable answer. */
type Step = string | { label: string } | { criterion: CriterionId; answer: string } | { vote: 'like' | 'dislike' };

interface Script {
    day: string;
    channel: 'webchat' | 'msteams' | 'facebook';
    language: Language;
    steps: Step[];
}

const eligible: Step[] = [
    { label: 'common:menu.choices.eligibility' },
    { criterion: 'residence', answer: 'abroad' },
    { criterion: 'csq', answer: 'regular' },
    { criterion: 'pr', answer: 'notYet' },
    { criterion: 'csqValid', answer: 'yes' },
    { criterion: 'invitation', answer: 'yes' },
    { criterion: 'application', answer: 'yes' },
];

/**
 * A small, varied week of conversations on the three channels and in both languages: checks that end
 * eligible, stop at a criterion or are left half-way, rated answers (with a reason after a thumbs down),
 * the satisfaction question answered or skipped, and questions the bot cannot answer.
 */
export const SCRIPTS: readonly Script[] = [
    { day: '2026-11-23', channel: 'webchat', language: 'en', steps: [...eligible, { label: 'feedback:satisfaction.good' }] },
    {
        day: '2026-11-23',
        channel: 'webchat',
        language: 'fr',
        steps: [{ label: 'common:menu.choices.eligibility' }, { criterion: 'residence', answer: 'quebec' }, { label: 'feedback:skip' }],
    },
    {
        day: '2026-11-23',
        channel: 'facebook',
        language: 'en',
        steps: ['english', 'how much are the fees', { vote: 'dislike' }, { label: 'feedback:reasons.outdated' }],
    },
    {
        day: '2026-11-24',
        channel: 'msteams',
        language: 'fr',
        steps: ['c quoi le CSQ', { vote: 'like' }, 'merci', { label: 'feedback:satisfaction.fair' }],
    },
    {
        day: '2026-11-24',
        channel: 'webchat',
        language: 'en',
        steps: [
            'can I bring my dog to Quebec',
            { label: 'common:menu.choices.eligibility' },
            { criterion: 'residence', answer: 'abroad' },
            'cancel',
        ],
    },
    {
        day: '2026-11-24',
        channel: 'webchat',
        language: 'en',
        steps: [
            { label: 'common:menu.choices.eligibility' },
            { criterion: 'residence', answer: 'province' },
            { criterion: 'csq', answer: 'none' },
            { label: 'feedback:satisfaction.poor' },
        ],
    },
    { day: '2026-11-25', channel: 'facebook', language: 'fr', steps: ['français', 'faut-il une EIMT', { vote: 'like' }] },
    {
        day: '2026-11-25',
        channel: 'webchat',
        language: 'en',
        steps: ['Can I bring my dog to Quebec?', 'how long is the permit valid', { vote: 'dislike' }, 'thanks'],
    },
    { day: '2026-11-25', channel: 'webchat', language: 'fr', steps: [...eligible.slice(0, 3), 'menu'] },
    {
        day: '2026-11-26',
        channel: 'msteams',
        language: 'en',
        steps: ['what documents do I need', { vote: 'dislike' }, 'bye', { label: 'feedback:skip' }],
    },
    { day: '2026-11-26', channel: 'webchat', language: 'fr', steps: [...eligible, { label: 'feedback:satisfaction.good' }] },
];

const LOCALES: Record<Script['channel'], Record<Language, string | undefined>> = {
    webchat: { en: 'en-US', fr: 'fr-CA' },
    msteams: { en: 'en-US', fr: 'fr-CA' },
    facebook: { en: undefined, fr: undefined }, // Messenger sends no locale
};

function label(language: Language, criterion: CriterionId, answer: string): string {
    const spec = CRITERIA.find((c) => c.id === criterion)?.choices.find((c) => c.id === answer);
    if (!spec) throw new Error(`no choice ${answer} for ${criterion}`);
    return translator.t(language, spec.labelKey);
}

/** The activity a channel sends for a vote on the last answer that can be rated, as that channel sends it. */
function voteActivity(channel: Script['channel'], reaction: 'like' | 'dislike', rateable: Partial<Activity>): Partial<Activity> {
    switch (channel) {
        case 'msteams':
            return {
                type: ActivityTypes.Invoke,
                name: 'message/submitAction',
                replyToId: rateable.id,
                value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText: '' }) } },
            };
        case 'webchat': {
            // Web Chat posts the action the person pressed, as the message's entity listed it.
            const entity = (rateable.channelData as { webChatEntities: { potentialAction: { '@type': string }[] }[] }).webChatEntities[0];
            const action = entity?.potentialAction.find((a) => a['@type'] === (reaction === 'like' ? 'LikeAction' : 'DislikeAction'));
            return { type: ActivityTypes.Event, name: 'webchat:activity-status/feedback', entities: [action as never] };
        }
        case 'facebook': {
            const quickReply = rateable.suggestedActions?.actions.at(reaction === 'like' ? -2 : -1);
            return {
                type: ActivityTypes.Message,
                text: quickReply?.title,
                channelData: { message: { quick_reply: { payload: quickReply?.value } } },
            };
        }
    }
}

/** The last message of the replies that carries a channel's rating means. */
function lastRateable(replies: Partial<Activity>[]): Partial<Activity> | undefined {
    return messages(replies)
        .filter((a) => {
            const data = a.channelData as { feedbackLoopEnabled?: boolean; webChatEntities?: unknown } | undefined;
            return (
                data?.feedbackLoopEnabled ||
                data?.webChatEntities ||
                a.suggestedActions?.actions.some((b) => String(b.value).startsWith('RATE:'))
            );
        })
        .at(-1);
}

/**
 * Runs the scripts through the whole bot, logging its events (JSON lines, as in production) to `path`;
 * each script's events carry its day, so the report has several days to show.
 */
export async function writeScriptedLog(path: string): Promise<void> {
    let day = '2026-11-23';
    const destination = pino.destination({ dest: path, sync: true, mkdir: true });
    const logger = pino(
        { level: 'info', base: { service: 'impplus-bot' }, timestamp: () => `,"time":"${day}T15:00:00.000Z"` },
        destination,
    );
    const conversation = createConversation({ storage: new MemoryStorage(), logger, maxMessageLength: 1000, createMatcher: realMatcher });
    for (const script of SCRIPTS) {
        day = script.day;
        const chat = new Chat({ conversation, channelId: script.channel, locale: LOCALES[script.channel][script.language] });
        let rateable: Partial<Activity> | undefined;
        for (const step of script.steps) {
            let replies: Partial<Activity>[];
            if (typeof step === 'string') replies = await chat.say(step);
            else if ('label' in step) replies = await chat.say(translator.t(script.language, step.label));
            else if ('criterion' in step) replies = await chat.say(label(script.language, step.criterion, step.answer));
            else {
                if (!rateable) throw new Error(`${script.day} ${script.channel}: nothing to rate`);
                replies = await chat.send(voteActivity(script.channel, step.vote, rateable));
            }
            rateable = lastRateable(replies) ?? rateable;
        }
    }
    destination.flushSync();
}
