import type { KnowledgeBase } from './knowledgeBase';
import type { TopicMatcher } from './matcher';

// Interim: matches nothing until the knowledge-base matcher is wired in (same commit series).
export function createMatcher(_knowledge: KnowledgeBase): TopicMatcher {
    return { match: () => ({ kind: 'none', score: 0 }) };
}
