import { cacheDir } from '../../configuration/paths';
import type { KnowledgeBase } from '../../content/knowledgeBase';
import { FaqMatcher } from './faqMatcher';
import type { TopicMatcher } from './matcher';

/**
 * The matcher the bot uses, built once at start-up (indexes are built and the classifier trained in the
 * constructor, not per message; the trained classifier is kept in the cache folder for the next start).
 */
export function createMatcher(knowledge: KnowledgeBase): TopicMatcher {
    return new FaqMatcher(knowledge, {}, cacheDir);
}
