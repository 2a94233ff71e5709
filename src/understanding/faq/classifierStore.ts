import { createHash, type Hash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    type ClassifierOptions,
    classifierOptions,
    type EncodedExample,
    encodeFeatures,
    type LabelledFeatures,
    TopicClassifier,
    TRAINING_VERSION,
} from './topicClassifier';

const PREFIX = 'faq-classifier-';

/** What a classifier is trained on: its examples, and a cheaper fingerprint of everything they are made from. */
export interface TrainingSet {
    /** Feeds `hash` with what the examples are computed from: equal fingerprints must mean equal examples. */
    fingerprint(hash: Hash): void;
    /** The labelled examples, built only when the model has to be trained. */
    examples(): Iterable<LabelledFeatures>;
}

/**
 * The classifier for this training set: read from the first of `directories` that holds one trained on the same
 * set and options, else trained and kept in the last of them (the first ones may be read-only, like the model
 * `npm run build` ships). Training takes seconds; reading it back, milliseconds, so a started bot is ready at
 * once. The file name is a hash of the set's fingerprint (every example's tokens and words, and the features'
 * version), the options and the training version, so a changed sample, lexicon, option or algorithm never reuses
 * an old model; the model a file holds is the very one training gives.
 * Without directories, or if the last cannot be written, the classifier is simply trained.
 */
export function storedClassifier(
    directories: readonly string[],
    classCount: number,
    set: TrainingSet,
    options: Partial<ClassifierOptions> = {},
): TopicClassifier {
    const train = (): TopicClassifier => {
        // Encoded one by one: a knowledge base of thousands of topics never holds every example's feature map at once.
        const encoded: EncodedExample[] = [];
        for (const { label, features } of set.examples()) encoded.push(encodeFeatures(label, features));
        return TopicClassifier.train(classCount, encoded, options);
    };
    const keepIn = directories.at(-1);
    if (keepIn === undefined) return train();
    const name = `${PREFIX}${trainingKey(classCount, set, options)}.bin`;
    for (const directory of directories) {
        const stored = readIfPresent(join(directory, name));
        const loaded = stored === undefined ? undefined : TopicClassifier.fromBytes(stored);
        if (loaded !== undefined) return loaded;
    }
    const classifier = train();
    keep(keepIn, join(keepIn, name), classifier.toBytes());
    return classifier;
}

function trainingKey(classCount: number, set: TrainingSet, options: Partial<ClassifierOptions>): string {
    const hash = createHash('sha256').update(
        JSON.stringify({ version: TRAINING_VERSION, classCount, options: classifierOptions(options) }),
    );
    set.fingerprint(hash);
    return hash.digest('hex').slice(0, 32);
}

function readIfPresent(file: string): Buffer | undefined {
    try {
        return readFileSync(file);
    } catch {
        return undefined;
    }
}

/** Writes the model beside the old ones, then removes them; a failure only costs the next start its speed. */
function keep(directory: string, file: string, bytes: Buffer): void {
    try {
        mkdirSync(directory, { recursive: true });
        // A name of its own for each writer (test workers may be threads of one process), then an atomic rename.
        const partial = `${file}.${randomUUID()}.tmp`;
        writeFileSync(partial, bytes);
        renameSync(partial, file);
        for (const name of readdirSync(directory)) {
            const path = join(directory, name);
            if (name.startsWith(PREFIX) && path !== file && !name.endsWith('.tmp')) rmSync(path, { force: true });
        }
    } catch {
        // Read-only disk: the bot trains at each start instead.
    }
}
