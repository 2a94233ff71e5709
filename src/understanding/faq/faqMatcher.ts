import type { KnowledgeBase } from '../../content/knowledgeBase';
import { LANGUAGES, type Language } from '../../content/languages';
import { replyLanguage } from '../languageDetection';
import { TextAnalyzer } from './analyzer';
import type { MatchOutcome, TopicMatcher } from './matcher';
import { type DecisionThresholds, decide, LabelIndex, type RankedTopic } from './outcome';

export interface FaqMatcherOptions extends DecisionThresholds {
    /**
     * Share of a topic's score that comes from its centroid (all its samples summed) rather than its single
     * best sample. The best sample catches a close paraphrase; the centroid breaks ties between topics whose
     * short samples collapse to the same tokens ("which CSQ" vs "what is a CSQ").
     */
    centroidWeight: number;
    /**
     * Weight of a word no topic uses, as a multiple of the rarest known word's. Above 1, a message mostly about
     * something else ("how do I file my taxes") is not carried onto a topic by its "how" and "file".
     */
    unknownWeightFactor: number;
    /**
     * Share of the score that comes from character n-grams (3 and 4 letters inside each word, as in Rasa's
     * char_wb features) rather than from words: they still match "documnts", "feez" or "linvitation" when
     * no single correction does.
     */
    charWeight: number;
}

/** Chosen for safety on the frozen set, each idea measured before it was kept (docs/faq.md); scores are in [0, 1]. */
export const DEFAULT_OPTIONS: FaqMatcherOptions = {
    minScore: 0.44,
    minLead: 0.08,
    centroidWeight: 0.2,
    unknownWeightFactor: 1.5,
    charWeight: 0.3,
};

type SparseVector = ReadonlyMap<string, number>;

/** One sample's weight for a token, in the inverted index. */
interface Posting {
    sample: number;
    weight: number;
}

/**
 * The runtime FAQ matcher: a TF-IDF vector space over the topics' samples and labels, both languages together.
 *
 * Every sample of a topic (English and French) and its labels become unit vectors of concept/stem tokens
 * (see TextAnalyzer), weighted by inverse topic frequency, so that a word shared by many topics ("IMP+",
 * "apply") counts less than one that only a few use ("biometrics"). A message is scored against each topic
 * as its best cosine similarity with one of the topic's samples. Words the knowledge base has never seen
 * keep the highest weight: a question mostly about something else ("weather in Montreal") gets a low score
 * and is refused instead of being forced onto a topic.
 *
 * Built once at start-up. The sample vectors are kept as an inverted index (token → samples that contain it), so
 * match() scores only the samples sharing a token with the message: the same cosines as a full scan, at a
 * cost that grows with the message rather than with the knowledge base.
 */
export class FaqMatcher implements TopicMatcher {
    private readonly analyzer: TextAnalyzer;
    private readonly labels: LabelIndex;
    private readonly inverseTopicFrequency = new Map<string, number>();
    /** Weight of a token no topic uses: as rare as rare gets. */
    private readonly unknownTokenWeight: number;
    private readonly samples = new SampleIndex();
    private readonly centroids = new Map<string, SparseVector>();
    private readonly topicOrder: ReadonlyMap<string, number>;
    private readonly options: FaqMatcherOptions;
    private readonly grams: CharGramIndex;

    constructor(
        private readonly knowledgeBase: KnowledgeBase,
        options: Partial<FaqMatcherOptions> = {},
    ) {
        this.options = { ...DEFAULT_OPTIONS, ...options };
        const topicIds = knowledgeBase.topics('en').map((topic) => topic.id);
        this.topicOrder = new Map(topicIds.map((id, index) => [id, index]));
        const textsByTopic = new Map<string, string[]>(
            topicIds.map((id) => [
                id,
                LANGUAGES.flatMap((language) => {
                    const topic = knowledgeBase.topic(language, id);
                    return topic === undefined ? [] : [topic.label, ...topic.samples];
                }),
            ]),
        );
        const answers = LANGUAGES.flatMap((language) => knowledgeBase.topics(language).map((t) => t.answer ?? ''));
        this.analyzer = new TextAnalyzer([...[...textsByTopic.values()].flat(), ...answers]);
        this.labels = new LabelIndex(knowledgeBase, LANGUAGES);

        const tokenizedByTopic = new Map<string, string[][]>();
        const topicsPerToken = new Map<string, Set<string>>();
        for (const [id, texts] of textsByTopic) {
            const tokenized = texts.map((text) => this.analyzer.analyzeKnown(text)).filter((t) => t.length > 0);
            tokenizedByTopic.set(id, tokenized);
            for (const token of tokenized.flat()) {
                const topics = topicsPerToken.get(token) ?? new Set<string>();
                topics.add(id);
                topicsPerToken.set(token, topics);
            }
        }
        const topicCount = Math.max(topicIds.length, 1);
        for (const [token, topics] of topicsPerToken) {
            this.inverseTopicFrequency.set(token, 1 + Math.log(topicCount / topics.size));
        }
        this.unknownTokenWeight = this.options.unknownWeightFactor * (1 + Math.log(topicCount));
        for (const [topicId, tokenized] of tokenizedByTopic) {
            const centroid = new Map<string, number>();
            for (const tokens of tokenized) {
                const vector = this.vectorize(tokens);
                this.samples.add(topicId, vector);
                for (const [token, weight] of vector) centroid.set(token, (centroid.get(token) ?? 0) + weight);
            }
            this.centroids.set(topicId, normalize(centroid));
        }
        this.grams = new CharGramIndex(
            [...textsByTopic].flatMap(([id, texts]) => texts.map((text) => ({ topic: id, words: this.analyzer.keptWords(text) }))),
        );
    }

    match(text: string, language: Language): MatchOutcome {
        const replyIn = replyLanguage(text, language);
        const labelled = this.labels.find(text, this.knowledgeBase, language);
        if (labelled !== undefined) return { kind: 'confident', topic: labelled, score: 1 };
        return decide(this.rank(text), this.options, this.knowledgeBase, replyIn);
    }

    /** Every topic with a positive score, best first (ties in knowledge-base order, so results are stable). */
    rank(text: string): RankedTopic[] {
        const query = this.vectorize(this.analyzer.analyze(text));
        if (query.size === 0) return [];
        const best = this.samples.bestPerTopic(query);
        const { centroidWeight, charWeight } = this.options;
        const grams = charWeight > 0 ? this.grams.bestPerTopic(this.analyzer.keptWords(text)) : NO_SCORES;
        const topics = new Set([...best.keys(), ...grams.keys()]);
        return [...topics]
            .map((id) => {
                const words =
                    (1 - centroidWeight) * (best.get(id) ?? 0) + centroidWeight * cosine(query, this.centroids.get(id) ?? NO_VECTOR);
                return { id, score: (1 - charWeight) * words + charWeight * (grams.get(id) ?? 0) };
            })
            .filter((topic) => topic.score > 0)
            .sort((a, b) => b.score - a.score || (this.topicOrder.get(a.id) ?? 0) - (this.topicOrder.get(b.id) ?? 0));
    }

    /** Binary term weights (samples are short; repeating a word adds no meaning), IDF-scaled, unit length. */
    private vectorize(tokens: readonly string[]): SparseVector {
        const weights = new Map<string, number>();
        for (const token of new Set(tokens)) {
            weights.set(token, this.inverseTopicFrequency.get(token) ?? this.unknownTokenWeight);
        }
        return normalize(weights);
    }
}

/** Scales a vector to unit length in place (cosine then is a plain dot product). */
function normalize(vector: Map<string, number>): SparseVector {
    const norm = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));
    if (norm > 0) for (const [token, weight] of vector) vector.set(token, weight / norm);
    return vector;
}

const NO_VECTOR: SparseVector = new Map();

function cosine(a: SparseVector, b: SparseVector): number {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [token, weight] of small) dot += weight * (large.get(token) ?? 0);
    return dot;
}

const NO_SCORES: ReadonlyMap<string, number> = new Map();

/**
 * Unit vectors of samples kept as an inverted index (feature → samples that have it), and the best cosine per
 * topic for a query: only the samples sharing a feature with it are scored, so the cost grows with the
 * message rather than with the knowledge base.
 */
class SampleIndex {
    /** The topic of each sample, by sample number. */
    private readonly topics: string[] = [];
    private readonly postings = new Map<string, Posting[]>();

    add(topic: string, vector: SparseVector): void {
        const sample = this.topics.push(topic) - 1;
        for (const [feature, weight] of vector) {
            const list = this.postings.get(feature);
            if (list) list.push({ sample, weight });
            else this.postings.set(feature, [{ sample, weight }]);
        }
    }

    bestPerTopic(query: SparseVector): Map<string, number> {
        // Dot products of unit vectors, i.e. cosines, over the samples that share a feature with the query.
        const dots = new Map<number, number>();
        for (const [feature, queryWeight] of query) {
            for (const { sample, weight } of this.postings.get(feature) ?? [])
                dots.set(sample, (dots.get(sample) ?? 0) + queryWeight * weight);
        }
        const best = new Map<string, number>();
        for (const [sample, score] of dots) {
            const topic = this.topics[sample] as string;
            if (score > (best.get(topic) ?? 0)) best.set(topic, score);
        }
        return best;
    }
}

/**
 * Character n-grams of each word (3 and 4 letters, the word padded with "<" and ">"), TF-IDF weighted over the
 * samples, summed per topic, and the cosine of a message with each topic: a second, spelling-tolerant view of
 * the same samples.
 */
class CharGramIndex {
    private readonly idf = new Map<string, number>();
    private readonly samples = new SampleIndex();
    private readonly unknownWeight: number;

    constructor(samples: readonly { topic: string; words: readonly string[] }[]) {
        const grammed = samples.map((sample) => ({ topic: sample.topic, grams: gramsOf(sample.words) }));
        const documentFrequency = new Map<string, number>();
        for (const { grams } of grammed)
            for (const gram of new Set(grams)) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
        const count = Math.max(grammed.length, 1);
        for (const [gram, frequency] of documentFrequency) this.idf.set(gram, 1 + Math.log(count / frequency));
        this.unknownWeight = 1 + Math.log(count);
        // One vector per topic (its samples' vectors summed): a knowledge base of any size stays small in memory.
        const centroids = new Map<string, Map<string, number>>();
        for (const { topic, grams } of grammed) {
            const centroid = centroids.get(topic) ?? new Map<string, number>();
            for (const [gram, weight] of this.vectorize(grams)) centroid.set(gram, (centroid.get(gram) ?? 0) + weight);
            centroids.set(topic, centroid);
        }
        for (const [topic, centroid] of centroids) this.samples.add(topic, normalize(centroid));
    }

    bestPerTopic(words: readonly string[]): Map<string, number> {
        return this.samples.bestPerTopic(this.vectorize(gramsOf(words)));
    }

    private vectorize(grams: readonly string[]): SparseVector {
        const weights = new Map<string, number>();
        for (const gram of grams) weights.set(gram, (weights.get(gram) ?? 0) + (this.idf.get(gram) ?? this.unknownWeight));
        return normalize(weights);
    }
}

function gramsOf(words: readonly string[]): string[] {
    const grams: string[] = [];
    for (const word of words) {
        const padded = `<${word}>`;
        for (const size of [3, 4]) for (let i = 0; i + size <= padded.length; i++) grams.push(padded.slice(i, i + size));
    }
    return grams;
}
