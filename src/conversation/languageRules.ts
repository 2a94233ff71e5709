import type { TurnContext } from 'botbuilder';
import { type Language, languageFromLocale } from '../content/languages';
import type { ConversationData, UserProfile } from '../turn/state';
import type { Decision } from '../turn/turn';
import type { LanguageGuess } from '../understanding/languageDetection';
import { replyLanguage } from '../understanding/languageDetection';

/**
 * The one rule for the language of a turn. An explicit choice ("français", the language buttons) wins and is
 * kept per user. Otherwise the conversation follows what the person writes: a clearly French (or English)
 * message switches it, whatever the browser's or the Teams client's locale says; a single word sets it only
 * while nothing else tells the language (Messenger sends no locale) or when it greets ("bonjour" on an English
 * browser), so a one-word or mixed message never flips a conversation back and forth. Until the person writes, the page's
 * language and the channel's locale tell. Free-text answers follow the language they were asked in.
 */

/** A message is clear evidence of its language with this many more marker words of it than of the other. */
const CLEAR_LEAD = 2;
/** …and this share of its marker words. */
const CLEAR_CONFIDENCE = 0.6;

/** The user's language as far as the bot knows it before reading the message. */
export function knownLanguage(
    profile: UserProfile,
    conversation: ConversationData,
    locale: string | undefined,
    pageLanguage?: Language,
): Language | undefined {
    return profile.language ?? conversation.language ?? pageLanguage ?? languageFromLocale(locale);
}

/** The language a Web Chat page sends with its "webchat/join" event (`{ language }`). */
export function joinLanguage(value: unknown): Language | undefined {
    const language = (value as { language?: unknown } | undefined)?.language;
    return typeof language === 'string' ? languageFromLocale(language) : undefined;
}

function isClear(guess: LanguageGuess): boolean {
    if (!guess.language) return false;
    const other = guess.language === 'en' ? 'fr' : 'en';
    return guess.scores[guess.language] - guess.scores[other] >= CLEAR_LEAD && guess.confidence >= CLEAR_CONFIDENCE;
}

/**
 * The conversation's language after this message, remembering what the message tells: an explicit choice
 * (kept in the profile) or the language the person writes in (kept in the conversation). `switched` is true
 * when the message changed the language the bot was using. Undefined when nothing tells the language yet.
 */
export function rememberLanguage(
    context: TurnContext,
    profile: UserProfile,
    conversation: ConversationData,
    guess: LanguageGuess,
    decision: Decision,
): { language: Language; switched: boolean } | undefined {
    if (decision.kind === 'command' && (decision.command === 'english' || decision.command === 'french')) {
        profile.language = decision.command === 'english' ? 'en' : 'fr';
        return { language: profile.language, switched: false };
    }
    if (profile.language) return { language: profile.language, switched: false };
    const before = conversation.language ?? languageFromLocale(context.activity.locale);
    // One word tells only where nothing else does, or when it is a greeting ("bonjour" on an English browser).
    const greeting = decision.kind === 'command' && decision.command === 'greeting';
    const weakButFirst = guess.confidence > 0 && !conversation.languageFromText && (before === undefined || greeting);
    if (guess.language && (isClear(guess) || weakButFirst)) {
        conversation.language = guess.language;
        conversation.languageFromText = true;
    }
    const language = conversation.language ?? before;
    if (!language) return undefined;
    return { language, switched: before !== undefined && before !== language };
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
