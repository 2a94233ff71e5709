import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../../src/content/knowledgeBase';
import { LANGUAGES } from '../../src/content/languages';
import { TextAnalyzer } from '../../src/understanding/faq/analyzer';
import { STOP_WORDS } from '../../src/understanding/faq/lexicon';
import type { RankedTopic } from '../../src/understanding/faq/outcome';
import { fold, words } from '../../src/understanding/text';

/**
 * MiniSearch (BM25) over the same samples and labels, kept for the comparison in scripts/eval-faq.ts
 * (docs/faq.md explains why FaqMatcher is used at runtime instead).
 *
 * - 'plain': MiniSearch's own tokenizer, folded, stop words removed, fuzzy 0.2 and prefix search;
 * - 'analyzed': our TextAnalyzer tokens (concepts, stems, typo correction), exact terms only.
 *
 * BM25 scores grow with the number of query words, so a topic's score is divided by the number of
 * query terms to make one threshold usable for short and long questions.
 */
export class MiniSearchRanker {
    private readonly index: MiniSearch<{ id: number; topicId: string; text: string }>;
    private readonly analyzer: TextAnalyzer | undefined;
    private readonly stopWords: ReadonlySet<string> = new Set([...STOP_WORDS].map(fold));

    constructor(knowledgeBase: KnowledgeBase, mode: 'plain' | 'analyzed') {
        const documents = knowledgeBase.topics('en').flatMap((topic) =>
            LANGUAGES.flatMap((language) => {
                const localized = knowledgeBase.topic(language, topic.id);
                return localized === undefined ? [] : [localized.label, ...localized.samples];
            }).map((text) => ({ topicId: topic.id, text })),
        );
        const analyzer = mode === 'analyzed' ? new TextAnalyzer(documents.map((d) => d.text)) : undefined;
        this.analyzer = analyzer;
        const stopWords = this.stopWords;
        this.index = new MiniSearch({
            fields: ['text'],
            storeFields: ['topicId'],
            ...(analyzer === undefined ? {} : { tokenize: (text: string) => analyzer.analyzeKnown(text) }),
            processTerm: (term: string) => {
                if (analyzer !== undefined) return term;
                const folded = fold(term);
                return folded.length === 0 || stopWords.has(folded) ? null : folded;
            },
            searchOptions: analyzer === undefined ? { fuzzy: 0.2, prefix: true, combineWith: 'OR' } : { combineWith: 'OR' },
        });
        this.index.addAll(documents.map((document, id) => ({ id, ...document })));
    }

    rank(text: string): RankedTopic[] {
        const terms = this.analyzer === undefined ? words(text).filter((word) => !this.stopWords.has(word)) : this.analyzer.analyze(text);
        if (terms.length === 0) return [];
        const results =
            this.analyzer === undefined
                ? this.index.search(text)
                : this.index.search(terms.join(' '), { tokenize: (query: string) => query.split(' ') });
        const best = new Map<string, number>();
        for (const result of results) {
            const topicId = String(result.topicId);
            best.set(topicId, Math.max(best.get(topicId) ?? 0, result.score / terms.length));
        }
        return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    }
}
