import type { Recognition } from './recognizer';

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
    return following.length === 1 && only ? { kind: 'answer', topic: only, score: recognition.score } : recognition;
}
