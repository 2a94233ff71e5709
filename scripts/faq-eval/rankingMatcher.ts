import type { KnowledgeBase } from '../../src/content/knowledgeBase';
import { LANGUAGES, type Language } from '../../src/content/languages';
import type { MatchOutcome, TopicMatcher } from '../../src/understanding/faq/matcher';
import { type DecisionThresholds, decide, LabelIndex, type RankedTopic } from '../../src/understanding/faq/outcome';
import { replyLanguage } from '../../src/understanding/languageDetection';

/**
 * A TopicMatcher from any ranking function: labels first, then `decide`. Used to compare ranking
 * approaches under the same rules (scripts/faq-eval/run.ts); FaqMatcher is the one the bot uses.
 */
export class RankingMatcher implements TopicMatcher {
    private readonly labels: LabelIndex;

    constructor(
        private readonly knowledgeBase: KnowledgeBase,
        private readonly rank: (text: string, language: Language) => readonly RankedTopic[],
        private readonly thresholds: DecisionThresholds,
    ) {
        this.labels = new LabelIndex(knowledgeBase, LANGUAGES);
    }

    match(text: string, language: Language): MatchOutcome {
        const labelled = this.labels.find(text, this.knowledgeBase, language);
        if (labelled !== undefined) return { kind: 'confident', topic: labelled, score: 1 };
        const replyIn = replyLanguage(text, language);
        return decide(this.rank(text, replyIn), this.thresholds, this.knowledgeBase, replyIn);
    }
}
