import type { KnowledgeBase, Topic } from '../../content/knowledgeBase';
import type { Language } from '../../content/languages';
import { fold } from '../text';
import type { MatchOutcome } from './matcher';

/** A topic id and how well a message matches it, on the ranking approach's own scale. */
export interface RankedTopic {
    id: string;
    score: number;
}

/**
 * When a ranking becomes an answer.
 * - below `minScore`: nothing good enough → none;
 * - otherwise, if the best topic leads the second by at least `minLead` (relative: (best − second) / best) → confident;
 * - otherwise, if one of the two is a guided dialog the other offers as a follow-up ("can my family come and
 *   work?": family members, or the family guide), → confident on the answer, which then offers the dialog;
 * - otherwise → ambiguous between the two.
 */
export interface DecisionThresholds {
    minScore: number;
    minLead: number;
}

/** Turns a ranking (best first, one entry per topic id) into an outcome, with topics in `language`. */
export function decide(
    ranking: readonly RankedTopic[],
    thresholds: DecisionThresholds,
    knowledgeBase: KnowledgeBase,
    language: Language,
): MatchOutcome {
    const best = ranking[0];
    if (best === undefined || best.score < thresholds.minScore) return { kind: 'none', score: best?.score ?? 0 };
    const bestTopic = knowledgeBase.topic(language, best.id);
    if (bestTopic === undefined) return { kind: 'none', score: 0 };
    const second = ranking[1];
    const secondTopic = second === undefined ? undefined : knowledgeBase.topic(language, second.id);
    const lead = second === undefined ? 1 : (best.score - second.score) / best.score;
    if (secondTopic === undefined || lead >= thresholds.minLead) {
        return { kind: 'confident', topic: bestTopic, score: best.score };
    }
    const answerOffering = (answer: Topic, dialog: Topic): boolean =>
        answer.dialog === undefined && dialog.dialog !== undefined && (answer.followUps ?? []).includes(dialog.id);
    if (answerOffering(bestTopic, secondTopic)) return { kind: 'confident', topic: bestTopic, score: best.score };
    if (answerOffering(secondTopic, bestTopic)) return { kind: 'confident', topic: secondTopic, score: second?.score ?? best.score };
    return { kind: 'ambiguous', topics: [bestTopic, secondTopic], score: best.score };
}

/** Folded label without the end punctuation a button title may carry ("Am I eligible?"). */
export function labelKey(label: string): string {
    return fold(label).replace(/[\s?!.:;]+$/u, '');
}

/**
 * Exact label look-up: labels are sent back as button values, so they must always find their topic.
 * A label written the same way in both languages maps to no particular language.
 */
export class LabelIndex {
    private readonly entries = new Map<string, { id: string; language: Language | undefined }>();

    constructor(knowledgeBase: KnowledgeBase, languages: readonly Language[]) {
        for (const language of languages) {
            for (const topic of knowledgeBase.topics(language)) {
                const key = labelKey(topic.label);
                const existing = this.entries.get(key);
                if (existing === undefined) this.entries.set(key, { id: topic.id, language });
                else if (existing.id === topic.id && existing.language !== language) existing.language = undefined;
            }
        }
    }

    /** The topic whose label is exactly this text (folded), in the label's language, else `fallback`'s. */
    find(text: string, knowledgeBase: KnowledgeBase, fallback: Language): Topic | undefined {
        const entry = this.entries.get(labelKey(text));
        return entry === undefined ? undefined : knowledgeBase.topic(entry.language ?? fallback, entry.id);
    }
}
