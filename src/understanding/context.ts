import type { Translator } from '../content/i18n';
import type { Topic } from '../content/knowledgeBase';
import type { Language } from '../content/languages';
import type { Recognition, Recognizer } from './recognizer';
import { type Subject, SubjectWords, subjectOf } from './subjects';

/** The knowledge-base answer last given in a conversation, and the topics it offered next. */
export interface LastAnswer {
    topic: string;
    offered: readonly string[];
}

/** What a recognition leaves to remember: the last topic it answers, unless it is small talk ("thanks"). */
export function lastAnswerOf(recognition: Recognition): LastAnswer | undefined {
    if (recognition.kind !== 'answer' || recognition.topic.smallTalk) return undefined;
    const answered = recognition.also ?? recognition.topic;
    return { topic: answered.id, offered: answered.followUps ?? [] };
}

/**
 * A "Did you mean A or B?" that the conversation already settles: right after the permit's duration, "what
 * happens when it expires?" is about the permit, not the CSQ. A candidate follows on from the last answer when
 * that answer offered it, or when it offers that answer's topic itself (the knowledge base's own links between
 * neighbouring topics); when exactly one of the two does, it is the answer. Anything else is left as it was.
 */
export function settledByContext(recognition: Recognition, last: LastAnswer | undefined): Recognition {
    if (recognition.kind !== 'clarify' || last === undefined) return recognition;
    const following = recognition.topics.filter((topic) => last.offered.includes(topic.id) || (topic.followUps ?? []).includes(last.topic));
    const [only] = following;
    return following.length === 1 && only ? recognitionOf(only, recognition.score) : recognition;
}

/**
 * Reads a message in the light of the last answer. Besides `settledByContext`, a follow-up that says "it" and
 * names nothing ("and when does it expire?", « je peux le renouveler? ») is about the last answer's subject (the
 * permit, the CSQ): when it reads as another subject's topic, it is read again with the subject named, and that
 * reading wins if it is about the subject. Only topics with a subject ever change (never fees, never a plain refusal).
 */
export class FollowUpReader {
    private readonly subjects: SubjectWords;

    constructor(
        translator: Translator,
        private readonly recognizer: Recognizer,
    ) {
        this.subjects = new SubjectWords(translator);
    }

    read(text: string, language: Language, recognition: Recognition, last: LastAnswer | undefined): Recognition {
        const settled = settledByContext(recognition, last);
        const subject = last === undefined ? undefined : subjectOf(last.topic);
        if (subject === undefined || !this.subjects.leavesItUnsaid(text)) return settled;
        if (settled.kind === 'clarify') {
            const chosen = onSubject(settled, subject, last);
            if (chosen) return chosen;
            // "Did you mean the CSQ's expiry or the invitation?" right after the permit: read again, as an answer would be.
            if (!settled.topics.some((topic) => subjectOf(topic) !== undefined)) return settled;
        } else {
            // Two things asked at once stay as they were read: a second reading would lose one of them.
            if (settled.kind === 'answer' && (settled.also !== undefined || settled.request !== undefined)) return settled;
            const about = topicOf(settled);
            if (about === undefined || subjectOf(about) === undefined || subjectOf(about) === subject) return settled;
        }
        const named = this.subjects.withSubject(text, subject, language);
        if (named === undefined) return settled;
        // The answer just given is not what the follow-up asks for again ("how long is it valid?", then "and when does it expire?").
        const again = this.recognizer.search(named, language, last?.topic);
        const reread = topicOf(again);
        if (reread) return subjectOf(reread) === subject ? again : settled;
        return again.kind === 'clarify' ? (onSubject(again, subject, last) ?? settled) : settled;
    }
}

/**
 * A "Did you mean A or B?" read on a subject: the one candidate about it (other than the last answer), or, when both
 * are, the question settled by the last answer's links (or asked). Undefined when neither is.
 */
function onSubject(
    clarify: Extract<Recognition, { kind: 'clarify' }>,
    subject: Subject,
    last: LastAnswer | undefined,
): Recognition | undefined {
    // The answer just given is not what a follow-up asks for again ("how long is it valid?", then "and when does it expire?").
    const about = clarify.topics.filter((topic) => subjectOf(topic) === subject && topic.id !== last?.topic);
    const [only] = about;
    if (about.length === 2) return settledByContext(clarify, last);
    return only ? recognitionOf(only, clarify.score) : undefined;
}

/** The topic a reading answers, or refuses with (a near miss such as getting selected by Quebec). */
function topicOf(recognition: Recognition): Topic | undefined {
    return recognition.kind === 'answer' || recognition.kind === 'refuse' ? recognition.topic : undefined;
}

/** A topic as the reading `Recognizer.search` gives it: a near miss is a refusal with its topic. */
function recognitionOf(topic: Topic, score: number): Recognition {
    return topic.outOfScope ? { kind: 'refuse', topic, score } : { kind: 'answer', topic, score };
}
