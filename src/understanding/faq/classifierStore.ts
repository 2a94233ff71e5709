import { createHash, type Hash } from 'node:crypto';
import { type ArtefactKind, storedArtefact } from './artefactStore';
import {
    type ClassifierOptions,
    classifierOptions,
    type EncodedExample,
    encodeFeatures,
    type LabelledFeatures,
    TopicClassifier,
    TRAINING_VERSION,
} from './topicClassifier';

const CLASSIFIER_FILES: ArtefactKind<TopicClassifier> = {
    prefix: 'faq-classifier-',
    extension: '.bin',
    encode: (classifier) => classifier.toBytes(),
    decode: (bytes) => TopicClassifier.fromBytes(bytes),
};

/** What a classifier is trained on: its examples, and a cheaper fingerprint of everything they are made from. */
export interface TrainingSet {
    /** Feeds `hash` with what the examples are computed from: equal fingerprints must mean equal examples. */
    fingerprint(hash: Hash): void;
    /** The labelled examples, built only when the model has to be trained. */
    examples(): Iterable<LabelledFeatures>;
}

/**
 * The classifier for this training set: read from the first of `directories` that holds one trained on the same
 * set and options, else trained and kept in the last of them (see storedArtefact). Training takes seconds; reading it
 * back, milliseconds, so a started bot is ready at once. The file name is a hash of the set's fingerprint (every
 * example's tokens and words, and the features' version), the options and the training version, so a changed sample,
 * lexicon, option or algorithm never reuses an old model; the model a file holds is the very one training gives.
 */
export function storedClassifier(
    directories: readonly string[],
    classCount: number,
    set: TrainingSet,
    options: Partial<ClassifierOptions> = {},
): TopicClassifier {
    return storedArtefact(
        directories,
        CLASSIFIER_FILES,
        () => trainingKey(classCount, set, options),
        () => {
            // Encoded one by one: a knowledge base of thousands of topics never holds every example's feature map at once.
            const encoded: EncodedExample[] = [];
            for (const { label, features } of set.examples()) encoded.push(encodeFeatures(label, features));
            return TopicClassifier.train(classCount, encoded, options);
        },
    );
}

function trainingKey(classCount: number, set: TrainingSet, options: Partial<ClassifierOptions>): string {
    const hash = createHash('sha256').update(
        JSON.stringify({ version: TRAINING_VERSION, classCount, options: classifierOptions(options) }),
    );
    set.fingerprint(hash);
    return hash.digest('hex').slice(0, 32);
}
