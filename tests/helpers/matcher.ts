import { cacheDir } from '../../src/configuration/paths';
import type { KnowledgeBase } from '../../src/content/knowledgeBase';
import { FaqMatcher } from '../../src/understanding/faq/faqMatcher';
import type { TopicMatcher } from '../../src/understanding/faq/matcher';

/** The matcher the bot ships with, its trained classifier shared through the cache as the bot's is. */
export const realMatcher = (knowledge: KnowledgeBase): TopicMatcher => new FaqMatcher(knowledge, {}, cacheDir);
