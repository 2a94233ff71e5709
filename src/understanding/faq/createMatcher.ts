import type { KnowledgeBase } from '../../content/knowledgeBase';
import { FaqMatcher } from './faqMatcher';
import type { TopicMatcher } from './matcher';

/** The matcher the bot uses, built once at start-up (indexes are built in the constructor, not per message). */
export function createMatcher(knowledge: KnowledgeBase): TopicMatcher {
    return new FaqMatcher(knowledge);
}
