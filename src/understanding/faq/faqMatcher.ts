import type { KnowledgeBase, Topic } from '../../content/knowledgeBase';
import { LANGUAGES, type Language } from '../../content/languages';
import { replyLanguage } from '../languageDetection';
import { words } from '../text';
import { type KnownReading, TextAnalyzer } from './analyzer';
import { storedClassifier, type TrainingSet } from './classifierStore';
import { FEATURES_VERSION, gramsOf, messageFeatures } from './features';
import { storedKnownTexts } from './knownTexts';
import { IMP_PLUS_MARKERS, OTHER_PROGRAM } from './lexicon';
import type { MatchOutcome, TopicMatcher } from './matcher';
import { type DecisionThresholds, decide, LabelIndex, type RankedTopic } from './outcome';
import type { TopicClassifier } from './topicClassifier';

/** A topic's place in the blend: its blended score, and its similarity alone. */
interface BlendedTopic extends RankedTopic {
    similarity: number;
}

/** The off-topic samples' place among the topic ids of `sampleTopics` (no topic id has a space). */
const OFF_TOPIC = 'off topic';

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
     * A message of at least `longMessageTokens` distinct tokens weighs its unknown words this much instead: a story
     * around the question ("my brother-in-law in Lyon said…") would otherwise keep the whole below `minSimilarity`,
     * unread by the classifier, whose off-topic class is what refuses a long message about something else.
     */
    longMessageUnknownWeightFactor: number;
    longMessageTokens: number;
    /**
     * Share of the score that comes from character n-grams (3 and 4 letters inside each word, as in Rasa's
     * char_wb features) rather than from words: they still match "documnts", "feez" or "linvitation" when
     * no single correction does.
     */
    charWeight: number;
    /**
     * Share of a topic's final score that comes from the trained classifier's probability rather than from the
     * similarity above. `minScore` and `minLead` apply to the blend.
     */
    classifierWeight: number;
    /** Below this similarity to any sample a message is about something else, whatever the classifier says. */
    minSimilarity: number;
    /** Refused when the off-topic class is at least this share of the best topic's probability. */
    offTopicRatio: number;
    /**
     * …and read as about something else (`offTopic` in the outcome), not as an unclear question, when the off-topic
     * class also holds at least this probability.
     */
    offTopicSure: number;
    /** Letter groups against words in the classifier's features. */
    classifierLetterWeight: number;
    /** Above this many topics, the classifier ranks only the topics the similarity ranks best (`candidates`). */
    candidates: number;
    /** The classifier's training seed (`ClassifierOptions.seed`). */
    classifierSeed: number;
    /**
     * Below `minScore` but from this blend, a message the classifier is sure is not off topic (its off-topic class
     * under `unsureOffTopicBelow`) is not refused outright: its two best topics come back as `unsure`, for a "Did you
     * mean…?" that says the bot is not sure.
     */
    unsureFrom: number;
    unsureOffTopicBelow: number;
}

/**
 * Chosen by cross-validation over the samples and the off-topic messages (thresholds), then measured once on the
 * frozen set (docs/faq.md); scores are in [0, 1].
 */
export const DEFAULT_OPTIONS: FaqMatcherOptions = {
    minScore: 0.45,
    minLead: 0.4,
    centroidWeight: 0.2,
    unknownWeightFactor: 1.5,
    longMessageUnknownWeightFactor: 0.5,
    longMessageTokens: 8,
    charWeight: 0.3,
    classifierWeight: 0.5,
    minSimilarity: 0.2,
    offTopicRatio: 0.5,
    offTopicSure: 0.5,
    classifierLetterWeight: 0.5,
    candidates: 12,
    classifierSeed: 7,
    unsureFrom: 0.3,
    unsureOffTopicBelow: 0.03,
};

type SparseVector = ReadonlyMap<string, number>;

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
    /**
     * Each sample's words, and its topic (`OFF_TOPIC` for an off-topic sample, null for words two topics share): a
     * message that is word for word a sample is that sample's, even when it has no word the analyzer keeps ("got it").
     */
    private readonly sampleTopics = new Map<string, string | null>();
    private readonly inverseTopicFrequency = new Map<string, number>();
    /** Weight of a token no topic uses: as rare as rare gets. */
    private readonly unknownTokenWeight: number;
    private readonly longMessageUnknownTokenWeight: number;
    /** Topic ids in knowledge-base order; everything below refers to a topic by its number here. */
    private readonly topicIds: readonly string[];
    private readonly samples = new SampleIndex();
    /** Each topic's samples summed, one vector per topic. */
    private readonly centroids = new SampleIndex();
    private readonly options: FaqMatcherOptions;
    private readonly grams: CharGramIndex;
    /** Per-topic scores of the message being matched, cleared after each match. */
    private readonly wordScores: Float64Array;
    private readonly centroidScores: Float64Array;
    private readonly gramScores: Float64Array;
    private readonly touched: TouchedTopics;
    private readonly classifier: TopicClassifier;
    /** The classifier's class for messages about none of the topics, after the topics' numbers. */
    private readonly offTopicClass: number;

    /**
     * `modelDirectories`: where the trained classifier and the read texts are looked up, and kept between starts (see
     * storedClassifier, storedKnownTexts).
     */
    constructor(
        private readonly knowledgeBase: KnowledgeBase,
        options: Partial<FaqMatcherOptions> = {},
        modelDirectories: readonly string[] = [],
    ) {
        this.options = { ...DEFAULT_OPTIONS, ...options };
        const topicIds = knowledgeBase.topics('en').map((topic) => topic.id);
        this.topicIds = topicIds;
        const topicNumber = new Map(topicIds.map((id, index) => [id, index]));
        this.wordScores = new Float64Array(topicIds.length);
        this.centroidScores = new Float64Array(topicIds.length);
        this.gramScores = new Float64Array(topicIds.length);
        this.touched = new TouchedTopics(topicIds.length);
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
        const offTopicTexts = LANGUAGES.flatMap((language) => knowledgeBase.offTopicSamples(language));
        // Each text is read once (or its reading loaded), for the vectors, the letter groups and the classifier's features.
        const known = storedKnownTexts(modelDirectories, {
            read: [...textsByTopic.values()].flat(),
            readOnly: offTopicTexts,
            alsoKnown: answers,
        });
        this.analyzer = new TextAnalyzer(known.vocabulary);
        this.labels = new LabelIndex(knowledgeBase, LANGUAGES);
        const claim = (keys: readonly string[], id: string): void => {
            for (const key of keys) {
                if (key === '') continue;
                const claimed = this.sampleTopics.get(key);
                this.sampleTopics.set(key, claimed === undefined || claimed === id ? id : null);
            }
        };
        let next = 0;
        const readByTopic = new Map<string, KnownReading[]>();
        for (const [id, texts] of textsByTopic) {
            claim(known.keys.slice(next, next + texts.length), id);
            readByTopic.set(id, known.readings.slice(next, next + texts.length));
            next += texts.length;
        }
        claim(known.keys.slice(next), OFF_TOPIC);
        const offTopicReadings = known.readings.slice(next);

        const tokenizedByTopic = new Map<string, string[][]>();
        const topicsPerToken = new Map<string, Set<string>>();
        for (const [id, read] of readByTopic) {
            const tokenized = read.map(({ tokens }) => tokens).filter((t) => t.length > 0);
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
        this.longMessageUnknownTokenWeight = this.options.longMessageUnknownWeightFactor * (1 + Math.log(topicCount));
        for (const [topicId, tokenized] of tokenizedByTopic) {
            const topic = topicNumber.get(topicId) as number;
            const centroid = new Map<string, number>();
            for (const tokens of tokenized) {
                const vector = this.vectorize(tokens);
                this.samples.add(topic, vector);
                for (const [token, weight] of vector) centroid.set(token, (centroid.get(token) ?? 0) + weight);
            }
            this.centroids.add(topic, normalize(centroid));
        }
        this.grams = new CharGramIndex(
            [...readByTopic].flatMap(([id, read]) => read.map(({ words }) => ({ topic: topicNumber.get(id) as number, words }))),
        );
        this.offTopicClass = topicIds.length;
        const letters = this.options.classifierLetterWeight;
        const labelled = [
            ...[...readByTopic].flatMap(([id, read]) => read.map((text) => ({ label: topicNumber.get(id) as number, ...text }))),
            ...offTopicReadings.map((reading) => ({ label: this.offTopicClass, ...reading })),
        ];
        const training: TrainingSet = {
            fingerprint(hash) {
                hash.update(`${FEATURES_VERSION} ${letters}`);
                for (const { label, tokens, words } of labelled)
                    hash.update(`\u0001${label}\u0002${tokens.join(' ')}\u0002${words.join(' ')}`);
            },
            *examples() {
                for (const { label, tokens, words } of labelled) yield { label, features: messageFeatures(tokens, words, letters) };
            },
        };
        this.classifier = storedClassifier(modelDirectories, topicIds.length + 1, training, { seed: this.options.classifierSeed });
    }

    topic(id: string, language: Language): Topic | undefined {
        return this.knowledgeBase.topic(language, id);
    }

    match(text: string, language: Language, without?: string): MatchOutcome {
        const replyIn = replyLanguage(text, language);
        const labelled = this.labels.find(text, this.knowledgeBase, language);
        if (labelled !== undefined) return { kind: 'confident', topic: labelled, score: 1 };
        const sample = this.sampleTopics.get(words(text).join(' '));
        if (sample === OFF_TOPIC) return { kind: 'none', score: 1, offTopic: true };
        const sampled = sample ? this.knowledgeBase.topic(replyIn, sample) : undefined;
        if (sampled !== undefined) return { kind: 'confident', topic: sampled, score: 1 };
        const { ranking, similarity, offTopic, otherProgram, offTopicProbability } = this.blend(text);
        // Refused before any blend: the score logged is the best similarity, which says how far off it was.
        if (ranking.length === 0)
            return offTopic
                ? { kind: 'none', score: similarity, offTopic, ...(otherProgram ? { otherProgram } : {}) }
                : { kind: 'none', score: similarity };
        const decided = decide(ranking, this.options, this.knowledgeBase, replyIn);
        if (decided.kind === 'confident' && decided.topic.id === without) return this.orNext(decided, ranking, replyIn);
        if (decided.kind !== 'none') return decided;
        const unsure = this.unsure(ranking, offTopicProbability ?? 1, replyIn);
        if (unsure) return unsure;
        const pair = this.pair(ranking, replyIn);
        return pair?.some((topic) => topic.outOfScope) ? { ...decided, nearMiss: pair } : decided;
    }

    /** The answer just given, confidently read again: a choice between it and the next best, for the conversation to settle. */
    private orNext(
        decided: Extract<MatchOutcome, { kind: 'confident' }>,
        ranking: readonly RankedTopic[],
        language: Language,
    ): MatchOutcome {
        const next = ranking.find((topic) => topic.id !== decided.topic.id);
        const nextTopic = next === undefined ? undefined : this.knowledgeBase.topic(language, next.id);
        return nextTopic === undefined ? decided : { kind: 'ambiguous', topics: [decided.topic, nextTopic], score: decided.score };
    }

    /** A refusal's two best topics, when the blend is at least `unsureFrom` and the message reads as about IMP+. */
    private unsure(ranking: readonly BlendedTopic[], offTopicProbability: number, language: Language): MatchOutcome | undefined {
        const [best] = ranking;
        if (best === undefined || best.score < this.options.unsureFrom) return undefined;
        if (offTopicProbability >= this.options.unsureOffTopicBelow) return undefined;
        const pair = this.pair(ranking, language);
        return pair ? { kind: 'none', score: best.score, unsure: pair } : undefined;
    }

    /**
     * A refusal's two best topics. Two near misses come in the order of the message's likeness to their samples: the
     * first one's words refuse it, and the classifier alone can lean to the other program ("entrée express…, délai de la
     * résidence permanente").
     */
    private pair(ranking: readonly BlendedTopic[], language: Language): [Topic, Topic] | undefined {
        const [best, second] = ranking;
        const x = best && this.knowledgeBase.topic(language, best.id);
        const y = second && this.knowledgeBase.topic(language, second.id);
        if (!best || !second || !x || !y) return undefined;
        return x.outOfScope && y.outOfScope && second.similarity > best.similarity ? [y, x] : [x, y];
    }

    /**
     * The best two topics by the blend of similarity and the classifier's probability, or none when the message
     * is like no sample, or when the classifier reads it as off topic (`offTopic` when it is sure).
     */
    private blend(text: string): {
        ranking: BlendedTopic[];
        similarity: number;
        offTopic?: boolean;
        otherProgram?: true;
        offTopicProbability?: number;
    } {
        const { candidates: limit, classifierWeight, minSimilarity, offTopicRatio, offTopicSure } = this.options;
        // Analysed once, for both the similarity and the classifier.
        const tokens = this.analyzer.analyze(text);
        if (tokens.includes(OTHER_PROGRAM) && !tokens.some((token) => IMP_PLUS_MARKERS.has(token)))
            return { ranking: [], similarity: 0, offTopic: true, otherProgram: true };
        const words = this.analyzer.keptWords(text);
        const similar = this.best(tokens, words, Math.min(this.topicIds.length, limit));
        const best = similar[0]?.score ?? 0;
        if (best < minSimilarity) return { ranking: [], similarity: best };
        const similarity = new Map(similar.map(({ topic, score }) => [topic, score]));
        const candidates = this.topicIds.length > limit ? similar.map(({ topic }) => topic) : Array.from(this.topicIds.keys());
        candidates.push(this.offTopicClass);
        const probabilities = this.classifier.probabilities(
            messageFeatures(tokens, words, this.options.classifierLetterWeight),
            candidates,
        );
        const offTopic = probabilities[candidates.length - 1] as number;
        const blended = candidates.slice(0, -1).map((topic, i) => ({
            topic,
            probability: probabilities[i] as number,
            score: classifierWeight * (probabilities[i] as number) + (1 - classifierWeight) * (similarity.get(topic) ?? 0),
        }));
        if (offTopic >= offTopicRatio * Math.max(...blended.map((b) => b.probability))) {
            // Only a sure call, on a message that names nothing of IMP+, says what the message is about.
            const aboutElse = offTopic >= offTopicSure && !tokens.some((token) => IMP_PLUS_MARKERS.has(token));
            return aboutElse ? { ranking: [], similarity: best, offTopic: true } : { ranking: [], similarity: best };
        }
        blended.sort((a, b) => b.score - a.score || a.topic - b.topic);
        return {
            ranking: blended
                .slice(0, 2)
                .map(({ topic, score }) => ({ id: this.topicIds[topic] as string, score, similarity: similarity.get(topic) ?? 0 })),
            similarity: best,
            offTopicProbability: offTopic,
        };
    }

    /** Every topic with a positive similarity, best first (ties in knowledge-base order, so results are stable). */
    rank(text: string): RankedTopic[] {
        const ranked: { topic: number; score: number }[] = [];
        this.scoreTopics(this.analyzer.analyze(text), this.analyzer.keptWords(text), (topic, score) => {
            if (score > 0) ranked.push({ topic, score });
        });
        ranked.sort((a, b) => b.score - a.score || a.topic - b.topic);
        return ranked.map(({ topic, score }) => ({ id: this.topicIds[topic] as string, score }));
    }

    /** The first `count` of rank(), by topic number, without sorting every topic. */
    private best(tokens: readonly string[], words: readonly string[], count: number): { topic: number; score: number }[] {
        const top: { topic: number; score: number }[] = [];
        this.scoreTopics(tokens, words, (topic, score) => {
            if (score <= 0) return;
            // Most topics a large knowledge base touches rank below a full list: no search for them.
            const last = top[count - 1];
            if (last !== undefined && (score < last.score || (score === last.score && topic > last.topic))) return;
            const at = top.findIndex((entry) => score > entry.score || (score === entry.score && topic < entry.topic));
            if (at === -1) {
                if (top.length < count) top.push({ topic, score });
            } else {
                top.splice(at, 0, { topic, score });
                top.length = Math.min(top.length, count);
            }
        });
        return top;
    }

    /** Calls `visit` with every topic the message shares a word or a character n-gram with, and its score. */
    private scoreTopics(tokens: readonly string[], words: readonly string[], visit: (topic: number, score: number) => void): void {
        const query = this.vectorize(tokens);
        if (query.size === 0) return;
        const { centroidWeight, charWeight } = this.options;
        const { wordScores, centroidScores, gramScores, touched } = this;
        this.samples.bestPerTopic(query, wordScores, touched);
        this.centroids.bestPerTopic(query, centroidScores, touched);
        if (charWeight > 0) this.grams.bestPerTopic(words, gramScores, touched);
        for (let i = 0; i < touched.count; i++) {
            const topic = touched.at(i);
            const words = (1 - centroidWeight) * (wordScores[topic] as number) + centroidWeight * (centroidScores[topic] as number);
            visit(topic, (1 - charWeight) * words + charWeight * (gramScores[topic] as number));
            wordScores[topic] = 0;
            centroidScores[topic] = 0;
            gramScores[topic] = 0;
        }
        touched.clear();
    }

    /** Binary term weights (samples are short; repeating a word adds no meaning), IDF-scaled, unit length. */
    private vectorize(tokens: readonly string[]): SparseVector {
        const weights = new Map<string, number>();
        const distinct = new Set(tokens);
        const unknown = distinct.size >= this.options.longMessageTokens ? this.longMessageUnknownTokenWeight : this.unknownTokenWeight;
        for (const token of distinct) {
            weights.set(token, this.inverseTopicFrequency.get(token) ?? unknown);
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

/** The topics a message touched, each once, in a buffer reused from one message to the next. */
class TouchedTopics {
    private readonly list: Int32Array;
    private readonly seen: Uint8Array;
    count = 0;

    constructor(topicCount: number) {
        this.list = new Int32Array(topicCount);
        this.seen = new Uint8Array(topicCount);
    }

    add(topic: number): void {
        if (this.seen[topic] === 1) return;
        this.seen[topic] = 1;
        this.list[this.count++] = topic;
    }

    at(index: number): number {
        return this.list[index] as number;
    }

    clear(): void {
        for (let i = 0; i < this.count; i++) this.seen[this.list[i] as number] = 0;
        this.count = 0;
    }
}

/**
 * Unit vectors kept as an inverted index (feature → vectors that have it), each vector belonging to a topic, and
 * the best dot product per topic for a query. Only the vectors sharing a feature with the query are touched, so
 * the cost grows with the message rather than with the knowledge base; the postings are typed arrays and the
 * sums go into buffers reused from one query to the next, so a match allocates almost nothing.
 */
class SampleIndex {
    /** The topic of each vector, by vector number. */
    private readonly topics: number[] = [];
    private readonly building = new Map<string, { vectors: number[]; weights: number[] }>();
    private sealed: Sealed | undefined;

    add(topic: number, vector: SparseVector): void {
        const number = this.topics.push(topic) - 1;
        for (const [feature, weight] of vector) {
            const list = this.building.get(feature);
            if (list) {
                list.vectors.push(number);
                list.weights.push(weight);
            } else this.building.set(feature, { vectors: [number], weights: [weight] });
        }
    }

    /** Writes each topic's best dot product with the query into `best` (left at zero elsewhere). */
    bestPerTopic(query: SparseVector, best: Float64Array, touchedTopics: TouchedTopics): void {
        const { postings, sums, touchedVectors, topicsOfTouched, vectorIsTopic } = this.sealed ?? this.seal();
        if (vectorIsTopic) {
            // One vector per topic (centroids): its dot product is the topic's best, summed in place in one pass.
            for (const [feature, queryWeight] of query) {
                const list = postings.get(feature);
                if (list === undefined) continue;
                const { vectors, weights } = list;
                for (let i = 0; i < vectors.length; i++) {
                    const topic = vectors[i] as number;
                    if (best[topic] === 0) touchedTopics.add(topic);
                    best[topic] = (best[topic] as number) + queryWeight * (weights[i] as number);
                }
            }
            return;
        }
        let touchedCount = 0;
        for (const [feature, queryWeight] of query) {
            const list = postings.get(feature);
            if (list === undefined) continue;
            const { vectors, weights, topics } = list;
            for (let i = 0; i < vectors.length; i++) {
                const vector = vectors[i] as number;
                if (sums[vector] === 0) {
                    // The topic is read here, in the posting's order, rather than looked up by vector afterwards.
                    touchedVectors[touchedCount] = vector;
                    topicsOfTouched[touchedCount++] = topics[i] as number;
                }
                sums[vector] = (sums[vector] as number) + queryWeight * (weights[i] as number);
            }
        }
        for (let i = 0; i < touchedCount; i++) {
            const vector = touchedVectors[i] as number;
            const score = sums[vector] as number;
            sums[vector] = 0;
            const topic = topicsOfTouched[i] as number;
            if (score > (best[topic] as number)) {
                best[topic] = score;
                touchedTopics.add(topic);
            }
        }
    }

    /** Freezes the postings into typed arrays once every vector is in (on the first query). */
    private seal(): Sealed {
        const vectorIsTopic = this.topics.every((topic, vector) => topic === vector);
        const postings = new Map<string, Postings>();
        for (const [feature, { vectors, weights }] of this.building) {
            const numbers = Int32Array.from(vectors);
            postings.set(feature, {
                vectors: numbers,
                weights: Float64Array.from(weights),
                topics: vectorIsTopic ? numbers : Int32Array.from(vectors, (vector) => this.topics[vector] as number),
            });
        }
        this.building.clear();
        const count = this.topics.length;
        this.sealed = {
            postings,
            vectorIsTopic,
            sums: new Float64Array(count),
            touchedVectors: new Int32Array(count),
            topicsOfTouched: new Int32Array(count),
        };
        return this.sealed;
    }
}

/** The vectors that have a feature, ascending, with their weight of it and their topic. */
interface Postings {
    vectors: Int32Array;
    weights: Float64Array;
    topics: Int32Array;
}

interface Sealed {
    postings: ReadonlyMap<string, Postings>;
    /** Vector n is topic n's only vector. */
    vectorIsTopic: boolean;
    /** Dot products of the query being scored, by vector; back to zero after each query. */
    sums: Float64Array;
    /** The vectors the query touched, and their topics, in the order touched. */
    touchedVectors: Int32Array;
    topicsOfTouched: Int32Array;
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

    constructor(samples: readonly { topic: number; words: readonly string[] }[]) {
        // Letter groups are numbered as they are read, and summed in arrays rather than maps of strings: the same
        // sums, in the same order, as `vectorize` gives a message, for a fraction of the start-up time.
        const numbers = new Map<string, number>();
        const names: string[] = [];
        // A word's groups are the same wherever it appears: cut and numbered once per word.
        const wordGrams = new Map<string, number[]>();
        const gramsOfWord = (word: string): number[] => {
            let grams = wordGrams.get(word);
            if (grams === undefined) {
                grams = gramsOf([word]).map((gram) => {
                    let number = numbers.get(gram);
                    if (number === undefined) {
                        number = names.push(gram) - 1;
                        numbers.set(gram, number);
                    }
                    return number;
                });
                wordGrams.set(word, grams);
            }
            return grams;
        };
        const numbered = samples.map(({ topic, words }) => {
            // A loop, not flatMap: in a profile, flatMap here took about a tenth of the matcher's start-up.
            const grams: number[] = [];
            for (const word of words) for (const gram of gramsOfWord(word)) grams.push(gram);
            return { topic, grams };
        });
        const frequency = new Int32Array(names.length);
        const lastSample = new Int32Array(names.length).fill(-1);
        numbered.forEach(({ grams }, sample) => {
            for (const gram of grams) {
                if (lastSample[gram] === sample) continue;
                lastSample[gram] = sample;
                frequency[gram] = (frequency[gram] as number) + 1;
            }
        });
        const count = Math.max(numbered.length, 1);
        const idf = Float64Array.from(frequency, (f) => 1 + Math.log(count / f));
        for (const [gram, name] of names.entries()) this.idf.set(name, idf[gram] as number);
        this.unknownWeight = 1 + Math.log(count);
        // One vector per topic (its samples' vectors summed): a knowledge base of any size stays small in memory.
        const byTopic = new Map<number, number[][]>();
        for (const { topic, grams } of numbered) {
            const grammed = byTopic.get(topic);
            if (grammed) grammed.push(grams);
            else byTopic.set(topic, [grams]);
        }
        const sample = new SparseSums(names.length);
        const centroid = new SparseSums(names.length);
        for (const [topic, grammed] of byTopic) {
            for (const grams of grammed) {
                for (const gram of grams) sample.add(gram, idf[gram] as number);
                const norm = sample.norm();
                for (const gram of sample.order) centroid.add(gram, norm > 0 ? sample.at(gram) / norm : sample.at(gram));
                sample.clear();
            }
            const norm = centroid.norm();
            const vector = new Map<string, number>();
            for (const gram of centroid.order) vector.set(names[gram] as string, norm > 0 ? centroid.at(gram) / norm : centroid.at(gram));
            centroid.clear();
            this.samples.add(topic, vector);
        }
    }

    bestPerTopic(words: readonly string[], best: Float64Array, touched: TouchedTopics): void {
        this.samples.bestPerTopic(this.vectorize(gramsOf(words)), best, touched);
    }

    private vectorize(grams: readonly string[]): SparseVector {
        const weights = new Map<string, number>();
        for (const gram of grams) weights.set(gram, (weights.get(gram) ?? 0) + (this.idf.get(gram) ?? this.unknownWeight));
        return normalize(weights);
    }
}

/** Sums by number, kept in the order each number first came (a Map's order), in arrays reused from one vector to the next. */
class SparseSums {
    readonly order: number[] = [];
    private readonly sums: Float64Array;

    constructor(size: number) {
        this.sums = new Float64Array(size);
    }

    /** Adds a positive weight. */
    add(number: number, weight: number): void {
        if (this.sums[number] === 0) this.order.push(number);
        this.sums[number] = (this.sums[number] as number) + weight;
    }

    at(number: number): number {
        return this.sums[number] as number;
    }

    /** Euclidean length, summed in `order` (as `normalize` does). */
    norm(): number {
        let sum = 0;
        for (const number of this.order) sum += (this.sums[number] as number) * (this.sums[number] as number);
        return Math.sqrt(sum);
    }

    clear(): void {
        for (const number of this.order) this.sums[number] = 0;
        this.order.length = 0;
    }
}
