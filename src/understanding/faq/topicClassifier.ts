import { seededRandom } from './seededRandom';

/** Named features of one message and their values (see `messageFeatures`). */
export type Features = ReadonlyMap<string, number>;

export interface LabelledFeatures {
    label: number;
    features: Features;
}

/** An example's features as 32-bit hashes of their names, and its label (−1 for a message to classify). */
export interface EncodedExample {
    label: number;
    hashes: Uint32Array;
    values: Float32Array;
}

export interface ClassifierOptions {
    /** Passes over the training examples… */
    epochs: number;
    /** …fewer when they would take more steps than this (a knowledge base of thousands of topics). */
    maxSteps: number;
    /** AdaGrad's base step. */
    learningRate: number;
    /** L2 penalty on the weights touched by each step. */
    l2: number;
    /**
     * Above `fullSoftmaxClasses` classes, each step compares the true class with `sampledNegatives` others drawn at
     * random (sampled softmax) instead of with every class: training stays linear in the examples at any size.
     */
    fullSoftmaxClasses: number;
    sampledNegatives: number;
    /** At most this many weights (rows × classes); with fewer rows than features, features share rows by hash. */
    maxWeights: number;
    /** Seed of the shuffles: another seed learns the same examples in another order (a measure of training noise). */
    seed: number;
    /**
     * Models trained in this many orders and their weights averaged, where training is not cut short by `maxSteps`:
     * the order decides the borderline messages, and the average depends less on it.
     */
    members: number;
}

const CLASSIFIER_DEFAULTS: ClassifierOptions = {
    epochs: 8,
    maxSteps: 200_000,
    learningRate: 0.2,
    l2: 1e-5,
    fullSoftmaxClasses: 256,
    sampledNegatives: 16,
    maxWeights: 16_000_000,
    seed: 7,
    members: 3,
};

/** The options training uses: the defaults, with these overrides. */
export function classifierOptions(overrides: Partial<ClassifierOptions> = {}): ClassifierOptions {
    return { ...CLASSIFIER_DEFAULTS, ...overrides };
}

/** Changes whenever training or the saved form changes, so that no model trained the old way is read back. */
export const TRAINING_VERSION = 2;

/** Members' seeds lie this far apart, so that the shipped seed's neighbours (other runs of `eval:faq --seeds`) share none. */
const MEMBER_SEED_STEP = 1000;

/** A class whose probability is already this close to right needs no step. */
const IGNORED_ERROR = 1e-3;

/** FNV-1a: a feature's name as a 32-bit number, the same on every run and machine. */
function hashName(name: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) {
        hash ^= name.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}

/** Features as hashes and values, in one compact pair of arrays. */
export function encodeFeatures(label: number, features: Features): EncodedExample {
    const hashes = new Uint32Array(features.size);
    const values = new Float32Array(features.size);
    let i = 0;
    for (const [name, value] of features) {
        hashes[i] = hashName(name);
        values[i] = value;
        i++;
    }
    return { label, hashes, values };
}

/**
 * A multinomial logistic regression (softmax) over sparse features, trained once at start-up by AdaGrad on the
 * knowledge base's samples: where a nearest-sample search asks "which sample does this look like", the trained
 * weights learn which words and letter groups tell one topic from its neighbours, which is what carries a
 * stranger's wording over to the right topic. Deterministic: fixed order of examples and a seeded shuffle.
 *
 * Weights are one dense row of classes per feature (rows × classes 32-bit floats). No table of names is kept: a
 * feature's row is the place of its hash among the sorted hashes of the training features (modulo the rows, when
 * a very large knowledge base has more features than `maxWeights` allows), and a feature no training example has
 * is skipped. Scoring a message reads only the rows of its own features and, given candidates, only those.
 */
export class TopicClassifier {
    private constructor(
        private readonly classCount: number,
        private readonly rows: number,
        /** Sorted hashes of every feature the training examples have. */
        private readonly known: Uint32Array,
        private readonly bias: Float32Array,
        private readonly weights: Float32Array,
    ) {}

    /** Learns the weights from labelled examples (labels 0 … classCount − 1). */
    static train(classCount: number, examples: readonly EncodedExample[], options: Partial<ClassifierOptions> = {}): TopicClassifier {
        const o = classifierOptions(options);
        const distinct = new Set<number>();
        for (const { hashes } of examples) for (const hash of hashes) distinct.add(hash);
        const known = Uint32Array.from(distinct).sort();
        const rows = Math.max(1, Math.min(known.length, Math.floor(o.maxWeights / Math.max(classCount, 1))));
        const classifier = new TopicClassifier(classCount, rows, known, new Float32Array(classCount), new Float32Array(rows * classCount));
        const encoded = examples.map(({ label, hashes, values }) => ({
            label,
            rows: Int32Array.from(hashes, (hash) => classifier.rowOf(hash)),
            values,
        }));
        // A knowledge base too large for full passes gets one model: more would multiply the longest training.
        const members = examples.length * o.epochs > o.maxSteps ? 1 : Math.max(1, o.members);
        if (members === 1) {
            classifier.fit(encoded, o, o.seed);
            return classifier;
        }
        const weightSum = new Float64Array(classifier.weights.length);
        const biasSum = new Float64Array(classCount);
        for (let member = 0; member < members; member++) {
            classifier.weights.fill(0);
            classifier.bias.fill(0);
            classifier.fit(encoded, o, o.seed + MEMBER_SEED_STEP * member);
            for (let i = 0; i < weightSum.length; i++) weightSum[i] = (weightSum[i] as number) + (classifier.weights[i] as number);
            for (let k = 0; k < classCount; k++) biasSum[k] = (biasSum[k] as number) + (classifier.bias[k] as number);
        }
        for (let i = 0; i < weightSum.length; i++) classifier.weights[i] = (weightSum[i] as number) / members;
        for (let k = 0; k < classCount; k++) classifier.bias[k] = (biasSum[k] as number) / members;
        return classifier;
    }

    /** The trained model as bytes: `fromBytes` gives back the very same weights (training is in 32-bit floats). */
    toBytes(): Buffer {
        const header = new Uint32Array([SNAPSHOT_MAGIC, this.classCount, this.rows, this.known.length]);
        return Buffer.concat([header, this.known, this.bias, this.weights].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
    }

    /** The model `toBytes` wrote, or undefined when the bytes are not one. */
    static fromBytes(bytes: Buffer): TopicClassifier | undefined {
        if (bytes.byteLength < 16) return undefined;
        const words = new Uint32Array(bytes.byteLength >>> 2);
        new Uint8Array(words.buffer).set(bytes.subarray(0, words.byteLength));
        const [magic, classCount = 0, rows = 0, knownCount = 0] = words;
        if (magic !== SNAPSHOT_MAGIC || bytes.byteLength !== 4 * (4 + knownCount + classCount + rows * classCount)) return undefined;
        const floats = new Float32Array(words.buffer);
        const biasAt = 4 + knownCount;
        const weightsAt = biasAt + classCount;
        return new TopicClassifier(
            classCount,
            rows,
            words.subarray(4, biasAt),
            floats.subarray(biasAt, weightsAt),
            floats.subarray(weightsAt),
        );
    }

    /** Softmax probabilities over `candidates` (all classes when omitted), in the candidates' order. */
    probabilities(features: Features, candidates?: readonly number[]): Float64Array {
        const { hashes, values } = encodeFeatures(-1, features);
        const classes = candidates ?? Array.from({ length: this.classCount }, (_, k) => k);
        const out = new Float64Array(classes.length);
        for (let c = 0; c < classes.length; c++) out[c] = this.bias[classes[c] as number] as number;
        for (let i = 0; i < hashes.length; i++) {
            const row = this.rowOf(hashes[i] as number);
            if (row < 0) continue;
            const offset = row * this.classCount;
            const value = values[i] as number;
            for (let c = 0; c < classes.length; c++)
                out[c] = (out[c] as number) + value * (this.weights[offset + (classes[c] as number)] as number);
        }
        softmaxInPlace(out);
        return out;
    }

    /** A feature's row of weights, or −1 for a feature no training example has. */
    private rowOf(hash: number): number {
        let low = 0;
        let high = this.known.length - 1;
        while (low <= high) {
            const middle = (low + high) >>> 1;
            const value = this.known[middle] as number;
            if (value === hash) return middle % this.rows;
            if (value < hash) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    private fit(examples: readonly { label: number; rows: Int32Array; values: Float32Array }[], o: ClassifierOptions, seed: number): void {
        const C = this.classCount;
        // Each weight beside its sum of squared gradients: a step reads both, and with thousands of classes each
        // (feature, class) it touches is a cache miss of its own; side by side they are one.
        const state = new Float32Array(2 * this.weights.length);
        for (let i = 0; i < this.weights.length; i++) state[2 * i] = this.weights[i] as number;
        const biasSquared = new Float32Array(C);
        const next = seededRandom(seed);
        const sampled = C > o.fullSoftmaxClasses;
        const candidates = new Int32Array(sampled ? o.sampledNegatives + 1 : C);
        const logits = new Float64Array(candidates.length);
        const errors = new Float64Array(candidates.length);
        const order = Int32Array.from(examples.keys());
        const epochs = Math.max(1, Math.min(o.epochs, Math.floor(o.maxSteps / Math.max(examples.length, 1))));
        for (let epoch = 0; epoch < epochs; epoch++) {
            for (let i = order.length - 1; i > 0; i--) {
                const j = Math.floor(next() * (i + 1));
                const swap = order[i] as number;
                order[i] = order[j] as number;
                order[j] = swap;
            }
            for (const index of order) {
                const { label, rows, values } = examples[index] as (typeof examples)[number];
                if (sampled) {
                    candidates[0] = label;
                    for (let c = 1; c < candidates.length; c++) {
                        const k = Math.floor(next() * (C - 1));
                        candidates[c] = k >= label ? k + 1 : k;
                    }
                } else for (let k = 0; k < C; k++) candidates[k] = k;
                for (let c = 0; c < candidates.length; c++) logits[c] = this.bias[candidates[c] as number] as number;
                for (let i = 0; i < rows.length; i++) {
                    const offset = (rows[i] as number) * C;
                    const value = values[i] as number;
                    for (let c = 0; c < candidates.length; c++)
                        logits[c] = (logits[c] as number) + value * (state[2 * (offset + (candidates[c] as number))] as number);
                }
                softmaxInPlace(logits);
                // d(cross-entropy)/d(logit): probability minus 1 for the true class. Classes the example already
                // rules out are left alone: most of them, after the first passes.
                for (let c = 0; c < candidates.length; c++) {
                    const error = (logits[c] as number) - (candidates[c] === label ? 1 : 0);
                    errors[c] = Math.abs(error) < IGNORED_ERROR ? 0 : error;
                }
                for (let i = 0; i < rows.length; i++) {
                    const offset = (rows[i] as number) * C;
                    const value = values[i] as number;
                    for (let c = 0; c < candidates.length; c++) {
                        const error = errors[c] as number;
                        if (error === 0) continue;
                        const at = 2 * (offset + (candidates[c] as number));
                        const gradient = error * value + o.l2 * (state[at] as number);
                        state[at + 1] = (state[at + 1] as number) + gradient * gradient;
                        state[at] = (state[at] as number) - (o.learningRate * gradient) / Math.sqrt(state[at + 1] as number);
                    }
                }
                for (let c = 0; c < candidates.length; c++) {
                    const error = errors[c] as number;
                    if (error === 0) continue;
                    const k = candidates[c] as number;
                    biasSquared[k] = (biasSquared[k] as number) + error * error;
                    this.bias[k] = (this.bias[k] as number) - (o.learningRate * error) / Math.sqrt(biasSquared[k] as number);
                }
            }
        }
        for (let i = 0; i < this.weights.length; i++) this.weights[i] = state[2 * i] as number;
    }
}

/** "IMPc": the first word of a saved classifier. */
const SNAPSHOT_MAGIC = 0x634d5049;

function softmaxInPlace(values: Float64Array): void {
    let max = Number.NEGATIVE_INFINITY;
    for (const value of values) if (value > max) max = value;
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
        const e = Math.exp((values[i] as number) - max);
        values[i] = e;
        sum += e;
    }
    for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / sum;
}
