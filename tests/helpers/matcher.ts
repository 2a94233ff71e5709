import type { KnowledgeBase } from '../../src/content/knowledgeBase';
import { createMatcher } from '../../src/understanding/faq/createMatcher';
import type { TopicMatcher } from '../../src/understanding/faq/matcher';

/** The matcher the bot ships with, its trained classifier shared through the cache as the bot's is. */
export const realMatcher = (knowledge: KnowledgeBase): TopicMatcher => createMatcher(knowledge);

/**
 * The real matcher, except that each message given is certain to get "Did you mean…?" between its two topics
 * (in the message's language): tests of what follows a "Did you mean…?" stay true whatever the trained model says.
 */
export function unsureMatcher(unsure: Readonly<Record<string, readonly [string, string]>>): (knowledge: KnowledgeBase) => TopicMatcher {
    return (knowledge) => {
        const real = realMatcher(knowledge);
        return {
            match: (text, language) => {
                const pair = unsure[text];
                if (pair === undefined) return real.match(text, language);
                const topics = pair.map((id) => knowledge.topic(language, id));
                const [first, second] = topics;
                if (first === undefined || second === undefined) throw new Error(`unknown topic in ${pair.join(', ')}`);
                return { kind: 'ambiguous', topics: [first, second], score: 0.5 };
            },
        };
    };
}
