import type { Topic } from '../../content/knowledgeBase';
import type { Language } from '../../content/languages';

/**
 * What the matcher concluded about one message.
 * - confident: one topic clearly wins (answer it, or start its dialog);
 * - ambiguous: two close candidates ("Did you mean…?" with both as buttons);
 * - none: nothing good enough (honest fallback, logged as unanswered); `offTopic` when the message reads as about
 *   something else (another program, or like the off-topic samples) rather than as an unclear IMP+ question, and
 *   `otherProgram` with it when it names another program (asylum, a PGWP…) and nothing of IMP+;
 *   `unsure` when it reads as an IMP+ question matched too weakly to answer: the two topics it leans to.
 *   `nearMiss`, without either, the two topics it leans to when one is a near miss (another program's question).
 * Topics come back in the language the reply must use (the question's language).
 */
export type MatchOutcome =
    | { kind: 'confident'; topic: Topic; score: number }
    | { kind: 'ambiguous'; topics: [Topic, Topic]; score: number }
    | { kind: 'none'; score: number; offTopic?: boolean; otherProgram?: true; unsure?: [Topic, Topic]; nearMiss?: [Topic, Topic] };

export interface TopicMatcher {
    /**
     * `language` is the conversation's current language, used when the text itself gives no evidence. `without`: the
     * answer just given, which a follow-up rarely asks for again: read as that, the outcome is a choice between it and
     * the next best, for the conversation to settle.
     */
    match(text: string, language: Language, without?: string): MatchOutcome;
    /** The topic of that id, in that language: for a question the message's own words settle (see `Recognizer`). */
    topic?(id: string, language: Language): Topic | undefined;
}
