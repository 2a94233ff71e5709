import type { TurnContext } from 'botbuilder';
import { type Language, languageFromLocale } from '../content/languages';
import type { ConversationData, UserProfile } from '../turn/state';
import type { Decision } from '../turn/turn';
import type { LanguageGuess } from '../understanding/languageDetection';
import { replyLanguage } from '../understanding/languageDetection';

/**
 * The one rule for the language of a turn. An explicit choice ("français", the language buttons) wins and is
 * kept per user; then what a Web Chat page announced, then the channel's locale, then the language this
 * conversation's own messages showed. Free-text answers follow the language they were asked in.
 */

/** Text detection decides the conversation's language only when it is this sure. */
const DETECTION_CONFIDENCE = 0.5;

/** The user's language as far as the bot knows it before reading the message. */
export function knownLanguage(
    profile: UserProfile,
    conversation: ConversationData,
    locale: string | undefined,
    pageLanguage?: Language,
): Language | undefined {
    return profile.language ?? pageLanguage ?? languageFromLocale(locale) ?? conversation.language;
}

/** The language a Web Chat page sends with its "webchat/join" event (`{ language }`). */
export function joinLanguage(value: unknown): Language | undefined {
    const language = (value as { language?: unknown } | undefined)?.language;
    return typeof language === 'string' ? languageFromLocale(language) : undefined;
}

/**
 * The conversation's language after this message, remembering what the message tells: an explicit choice
 * (kept in the profile) or, without a locale, a clear guess from the text (kept in the conversation).
 * Undefined when nothing tells it yet (the bot then asks in both languages).
 */
export function rememberLanguage(
    context: TurnContext,
    profile: UserProfile,
    conversation: ConversationData,
    guess: LanguageGuess,
    decision: Decision,
): Language | undefined {
    if (decision.kind === 'command' && (decision.command === 'english' || decision.command === 'french')) {
        profile.language = decision.command === 'english' ? 'en' : 'fr';
        return profile.language;
    }
    if (profile.language) return profile.language;
    const fromLocale = languageFromLocale(context.activity.locale);
    if (fromLocale) return fromLocale;
    if (guess.language && guess.confidence >= DETECTION_CONFIDENCE) conversation.language = guess.language;
    return conversation.language;
}

/**
 * The language of the reply. Inside a dialog, the conversation's, so the pending question stays in it. At the
 * top level, a free-text question is answered in the language it was asked in (the matcher picked the
 * topic in that language); everything else keeps the conversation's.
 */
export function replyLanguageFor(decision: Decision, text: string, language: Language, inDialog: boolean): Language {
    if (inDialog) return language;
    switch (decision.kind) {
        case 'answer':
            return decision.topic.language;
        case 'clarify':
            return decision.topics[0].language;
        case 'refuse':
            return decision.topic?.language ?? replyLanguage(text, language);
        default:
            return language;
    }
}
