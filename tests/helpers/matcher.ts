import { FaqMatcher } from '../../src/faq/faqMatcher';
import type { KnowledgeBase } from '../../src/faq/knowledgeBase';
import type { TopicMatcher } from '../../src/faq/matcher';

/** The matcher the bot ships with. */
export const realMatcher = (knowledge: KnowledgeBase): TopicMatcher => new FaqMatcher(knowledge);
