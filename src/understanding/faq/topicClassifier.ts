/** Named features of one message and their values (see `messageFeatures`). */
export type Features = ReadonlyMap<string, number>;

export interface ClassifierOptions {
    /** Passes over the training examples. */
    epochs: number;
    /** AdaGrad's base step. */
    learningRate: number;
    /** L2 penalty on the weights touched by each step. */
    l2: number;
    /**
     * Above this many classes, each step compares the true class with this many others drawn at random (sampled
     * softmax) instead of with every class: training stays linear in the examples at any knowledge-base size.
     */
    sampledNegatives: number;
    /** At most this many weights (features × classes); beyond it features share weights by their number modulo. */
    maxWeights: number;
}

const CLASSIFIER_DEFAULTS: ClassifierOptions = {
    epochs: 8,
    learningRate: 0.2,
    l2: 1e-5,
    sampledNegatives: 64,
    maxWeights: 16_000_000,
};

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): training gives the same model on every run. */
function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
}

export interface LabelledFeatures {
    label: number;
    features: Features;
}

function isSnapshotHeader(value: unknown): value is { classCount: number; rows: number; features: string[] } {
    if (typeof value !== 'object' || value === null) return false;
    const { classCount, rows, features } = value as Record<string, unknown>;
    return (
        Number.isInteger(classCount) && Number.isInteger(rows) && Array.isArray(features) && features.every((f) => typeof f === 'string')
    );
}

interface Example {
    label: number;
    ids: Int32Array;
    values: Float32Array;
}

/**
 * A multinomial logistic regression (softmax) over sparse features, trained once at start-up by AdaGrad on the
 * knowledge base's samples: where a nearest-sample search asks "which sample does this look like", the trained
 * weights learn which words and letter groups tell one topic from its neighbours, which is what carries a
 * stranger's wording over to the right topic. Deterministic: fixed order of examples and a seeded shuffle.
 *
 * Weights are one dense row of classes per feature (features × classes floats): scoring a message reads only the
 * rows of its own features, and, given candidate classes, only those.
 */
export class TopicClassifier {
    private readonly dictionary: Map<string, number>;
    private readonly rows: number;
    private readonly weights: Float32Array;
    private readonly bias: Float32Array;

    private constructor(
        private readonly classCount: number,
        snapshot: { features: readonly string[]; rows: number; weights: Float32Array; bias: Float32Array },
    ) {
        this.dictionary = new Map(snapshot.features.map((name, id) => [name, id]));
        this.rows = snapshot.rows;
        this.weights = snapshot.weights;
        this.bias = snapshot.bias;
    }

    /** Learns the weights from labelled examples (labels 0 … classCount − 1). */
    static train(classCount: number, examples: readonly LabelledFeatures[], options: Partial<ClassifierOptions> = {}): TopicClassifier {
        const o = { ...CLASSIFIER_DEFAULTS, ...options };
        const names = new Set<string>();
        for (const { features } of examples) for (const name of features.keys()) names.add(name);
        const rows = Math.max(1, Math.min(names.size, Math.floor(o.maxWeights / Math.max(classCount, 1))));
        const classifier = new TopicClassifier(classCount, {
            features: [...names],
            rows,
            weights: new Float32Array(rows * classCount),
            bias: new Float32Array(classCount),
        });
        classifier.fit(
            examples.map(({ label, features }) => classifier.encode(label, features)),
            o,
        );
        return classifier;
    }

    /** The trained model as bytes: `fromBytes` gives back the very same weights (training is in 32-bit floats). */
    toBytes(): Buffer {
        const header = Buffer.from(JSON.stringify({ classCount: this.classCount, rows: this.rows, features: [...this.dictionary.keys()] }));
        const length = Buffer.alloc(4);
        length.writeUInt32LE(header.length);
        return Buffer.concat([
            length,
            header,
            Buffer.from(this.bias.buffer, this.bias.byteOffset, this.bias.byteLength),
            Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength),
        ]);
    }

    /** The model `toBytes` wrote, or undefined when the bytes are not one. */
    static fromBytes(bytes: Buffer): TopicClassifier | undefined {
        try {
            const headerLength = bytes.readUInt32LE(0);
            const header: unknown = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8'));
            if (!isSnapshotHeader(header)) return undefined;
            const { classCount, rows, features } = header;
            const floats = new Float32Array(classCount + rows * classCount);
            const body = bytes.subarray(4 + headerLength);
            if (body.byteLength !== floats.byteLength) return undefined;
            new Uint8Array(floats.buffer).set(body);
            return new TopicClassifier(classCount, {
                features,
                rows,
                bias: floats.subarray(0, classCount),
                weights: floats.subarray(classCount),
            });
        } catch {
            return undefined;
        }
    }

    /** Softmax probabilities over `candidates` (all classes when omitted), in the candidates' order. */
    probabilities(features: Features, candidates?: readonly number[]): Float64Array {
        const { ids, values } = this.encode(-1, features);
        const classes = candidates ?? Array.from({ length: this.classCount }, (_, k) => k);
        const out = new Float64Array(classes.length);
        for (let c = 0; c < classes.length; c++) {
            const k = classes[c] as number;
            let sum = this.bias[k] as number;
            for (let i = 0; i < ids.length; i++)
                sum += (values[i] as number) * (this.weights[(ids[i] as number) * this.classCount + k] as number);
            out[c] = sum;
        }
        softmaxInPlace(out);
        return out;
    }

    private encode(label: number, features: Features): Example {
        const ids: number[] = [];
        const values: number[] = [];
        for (const [name, value] of features) {
            const id = this.dictionary.get(name);
            if (id === undefined) continue;
            ids.push(id % this.rows);
            values.push(value);
        }
        return { label, ids: Int32Array.from(ids), values: Float32Array.from(values) };
    }

    private fit(examples: Example[], o: ClassifierOptions): void {
        const C = this.classCount;
        const squared = new Float32Array(this.weights.length);
        const biasSquared = new Float32Array(C);
        const next = seededRandom(7);
        const sampled = C > o.sampledNegatives + 1;
        const candidates = new Int32Array(sampled ? o.sampledNegatives + 1 : C);
        const logits = new Float64Array(candidates.length);
        const errors = new Float64Array(candidates.length);
        const order = Int32Array.from(examples.keys());
        for (let epoch = 0; epoch < o.epochs; epoch++) {
            for (let i = order.length - 1; i > 0; i--) {
                const j = Math.floor(next() * (i + 1));
                const swap = order[i] as number;
                order[i] = order[j] as number;
                order[j] = swap;
            }
            for (const index of order) {
                const { label, ids, values } = examples[index] as Example;
                if (sampled) {
                    candidates[0] = label;
                    for (let c = 1; c < candidates.length; c++) {
                        const k = Math.floor(next() * (C - 1));
                        candidates[c] = k >= label ? k + 1 : k;
                    }
                } else for (let k = 0; k < C; k++) candidates[k] = k;
                for (let c = 0; c < candidates.length; c++) logits[c] = this.bias[candidates[c] as number] as number;
                // Feature rows outermost: each row is read in one contiguous stretch.
                for (let i = 0; i < ids.length; i++) {
                    const offset = (ids[i] as number) * C;
                    const value = values[i] as number;
                    for (let c = 0; c < candidates.length; c++)
                        logits[c] = (logits[c] as number) + value * (this.weights[offset + (candidates[c] as number)] as number);
                }
                softmaxInPlace(logits);
                // d(cross-entropy)/d(logit): probability minus 1 for the true class. Classes the example already
                // rules out (error below IGNORED_ERROR) are left alone: most of them, after the first passes.
                for (let c = 0; c < candidates.length; c++) {
                    const error = (logits[c] as number) - (candidates[c] === label ? 1 : 0);
                    errors[c] = Math.abs(error) < IGNORED_ERROR ? 0 : error;
                }
                for (let i = 0; i < ids.length; i++) {
                    const offset = (ids[i] as number) * C;
                    const value = values[i] as number;
                    for (let c = 0; c < candidates.length; c++) {
                        const error = errors[c] as number;
                        if (error === 0) continue;
                        const at = offset + (candidates[c] as number);
                        const gradient = error * value + o.l2 * (this.weights[at] as number);
                        squared[at] = (squared[at] as number) + gradient * gradient;
                        this.weights[at] = (this.weights[at] as number) - (o.learningRate * gradient) / Math.sqrt(squared[at] as number);
                    }
                }
                for (let c = 0; c < candidates.length; c++) {
                    const error = errors[c] as number;
                    if (error === 0) continue;
                    const k = candidates[c] as number;
                    biasSquared[k] = (biasSquared[k] as number) + error * error;
                    this.bias[k] = (this.bias[k] as number) - (o.learningRate * error) / Math.sqrt((biasSquared[k] as number) + 1e-8);
                }
            }
        }
    }
}

/** A class whose probability is already this close to right needs no step. */
const IGNORED_ERROR = 1e-3;

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
