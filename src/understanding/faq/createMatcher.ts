import { builtModelDir, cacheDir } from '../../configuration/paths';
import type { KnowledgeBase } from '../../content/knowledgeBase';
import { FaqMatcher } from './faqMatcher';
import type { TopicMatcher } from './matcher';

/**
 * The matcher the bot uses, built once at start-up (indexes are built in the constructor, not per message). Its
 * classifier is the one `npm run build` trained ahead when the content is unchanged since, else the one kept in
 * the cache folder by an earlier start, else trained now and kept there for the next start.
 */
export function createMatcher(knowledge: KnowledgeBase, modelDirectories: readonly string[] = [builtModelDir, cacheDir]): TopicMatcher {
    return new FaqMatcher(knowledge, {}, modelDirectories);
}
