/**
 * A multinomial logistic regression over sparse features, trained once at start-up on the knowledge base's
 * samples: the linear layer the strongest offline intent classifiers put on top of word and character n-gram
 * features. Training is deterministic (fixed order, fixed schedule, no random numbers), so the same samples
 * always give the same model and the same answers.
 */
export interface TrainingExample {
    features: readonly string[];
    label: number;
}

export interface LinearModelOptions {
    epochs: number;
    learningRate: number;
    /** L2 penalty per update, so that a feature seen in one sample does not decide alone. */
    l2: number;
}

const DEFAULTS: LinearModelOptions = { epochs: 25, learningRate: 0.5, l2: 1e-4 };

export class LinearModel {
    private readonly featureIndex = new Map<string, number>();
    private readonly weights: Float64Array;
    private readonly bias: Float64Array;

    constructor(
        examples: readonly TrainingExample[],
        private readonly classCount: number,
        options: Partial<LinearModelOptions> = {},
    ) {
        const { epochs, learningRate, l2 } = { ...DEFAULTS, ...options };
        for (const example of examples)
            for (const feature of example.features)
                if (!this.featureIndex.has(feature)) this.featureIndex.set(feature, this.featureIndex.size);
        this.weights = new Float64Array(this.featureIndex.size * classCount);
        this.bias = new Float64Array(classCount);
        const encoded = examples.map((example) => ({ indices: this.encode(example.features), label: example.label }));
        const probabilities = new Float64Array(classCount);
        for (let epoch = 0; epoch < epochs; epoch++) {
            const rate = learningRate / (1 + epoch * 0.2);
            // A fixed interleaving instead of a random shuffle: every epoch visits the examples in a different,
            // reproducible order.
            for (let step = 0; step < encoded.length; step++) {
                const { indices, label } = encoded[(step * 7919 + epoch * 104_729) % encoded.length] as {
                    indices: number[];
                    label: number;
                };
                if (indices.length === 0) continue;
                this.scores(indices, probabilities);
                softmaxInPlace(probabilities);
                const scale = 1 / Math.sqrt(indices.length);
                for (let c = 0; c < classCount; c++) {
                    const gradient = (probabilities[c] as number) - (c === label ? 1 : 0);
                    if (gradient === 0) continue;
                    this.bias[c] = (this.bias[c] as number) - rate * gradient * 0.1;
                    for (const feature of indices) {
                        const at = feature * classCount + c;
                        const weight = this.weights[at] as number;
                        this.weights[at] = weight - rate * (gradient * scale + l2 * weight);
                    }
                }
            }
        }
    }

    /** The probability of each class for a message's features (unknown features are ignored). */
    predict(features: readonly string[]): Float64Array {
        const probabilities = new Float64Array(this.classCount);
        const indices = this.encode(features);
        if (indices.length === 0) return probabilities;
        this.scores(indices, probabilities);
        return softmaxInPlace(probabilities);
    }

    /** Share of a message's features the model has ever seen: little known text, little to say. */
    knownShare(features: readonly string[]): number {
        const unique = new Set(features);
        if (unique.size === 0) return 0;
        let known = 0;
        for (const feature of unique) if (this.featureIndex.has(feature)) known++;
        return known / unique.size;
    }

    private encode(features: readonly string[]): number[] {
        const indices: number[] = [];
        for (const feature of new Set(features)) {
            const index = this.featureIndex.get(feature);
            if (index !== undefined) indices.push(index);
        }
        return indices;
    }

    private scores(indices: readonly number[], out: Float64Array): void {
        const scale = 1 / Math.sqrt(indices.length);
        for (let c = 0; c < this.classCount; c++) {
            let sum = this.bias[c] as number;
            for (const feature of indices) sum += (this.weights[feature * this.classCount + c] as number) * scale;
            out[c] = sum;
        }
    }
}

function softmaxInPlace(values: Float64Array): Float64Array {
    let max = Number.NEGATIVE_INFINITY;
    for (const value of values) if (value > max) max = value;
    let total = 0;
    for (let i = 0; i < values.length; i++) {
        const exp = Math.exp((values[i] as number) - max);
        values[i] = exp;
        total += exp;
    }
    for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / total;
    return values;
}
