import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storedClassifier } from '../src/understanding/faq/classifierStore';
import { encodeFeatures, type LabelledFeatures, TopicClassifier } from '../src/understanding/faq/topicClassifier';

/** Three classes, each told apart by its own word, with a word they all share. */
function toyExamples(classes = 3, perClass = 6): LabelledFeatures[] {
    const examples: LabelledFeatures[] = [];
    for (let label = 0; label < classes; label++) {
        for (let i = 0; i < perClass; i++) {
            examples.push({
                label,
                features: new Map([
                    [`w:topic${label}`, 0.7],
                    ['w:shared', 0.7],
                    [`w:filler${i}`, 0.3],
                ]),
            });
        }
    }
    return examples;
}

const encoded = (examples: LabelledFeatures[]) => examples.map(({ label, features }) => encodeFeatures(label, features));
const best = (probabilities: Float64Array): number => probabilities.indexOf(Math.max(...probabilities));

describe('TopicClassifier', () => {
    it('learns which feature tells one class from the others', () => {
        const classifier = TopicClassifier.train(3, encoded(toyExamples()));
        for (const label of [0, 1, 2]) {
            const probabilities = classifier.probabilities(new Map([[`w:topic${label}`, 1]]));
            expect(best(probabilities)).toBe(label);
            expect(probabilities[label]).toBeGreaterThan(0.8);
        }
        // A word every class has says nothing: no class stands out.
        const shared = classifier.probabilities(new Map([['w:shared', 1]]));
        expect(Math.max(...shared) - Math.min(...shared)).toBeLessThan(0.2);
    });

    it('is deterministic, and gives back the very same model from its bytes', () => {
        const a = TopicClassifier.train(3, encoded(toyExamples()));
        const b = TopicClassifier.train(3, encoded(toyExamples()));
        expect(a.toBytes().equals(b.toBytes())).toBe(true);
        const copy = TopicClassifier.fromBytes(a.toBytes());
        const message = new Map([
            ['w:topic1', 0.6],
            ['w:filler2', 0.4],
        ]);
        expect(copy?.probabilities(message)).toEqual(a.probabilities(message));
    });

    it('refuses bytes that are not a saved model', () => {
        const bytes = TopicClassifier.train(3, encoded(toyExamples())).toBytes();
        expect(TopicClassifier.fromBytes(bytes.subarray(0, bytes.length - 4))).toBeUndefined();
        expect(TopicClassifier.fromBytes(Buffer.from('not a model at all'))).toBeUndefined();
        expect(TopicClassifier.fromBytes(Buffer.alloc(0))).toBeUndefined();
    });

    it('skips features no training example had, as if the message did not have them', () => {
        const classifier = TopicClassifier.train(3, encoded(toyExamples()));
        const known = new Map([['w:topic2', 1]]);
        const withUnknown = new Map([
            ['w:topic2', 1],
            ['c:zzz', 1],
            ['w:never-seen', 1],
        ]);
        expect(classifier.probabilities(withUnknown)).toEqual(classifier.probabilities(known));
    });

    it('scores only the candidates it is given, in their order', () => {
        const classifier = TopicClassifier.train(3, encoded(toyExamples()));
        const probabilities = classifier.probabilities(new Map([['w:topic2', 1]]), [2, 0]);
        expect(probabilities).toHaveLength(2);
        expect(probabilities[0]).toBeGreaterThan(probabilities[1] as number);
        expect((probabilities[0] as number) + (probabilities[1] as number)).toBeCloseTo(1, 10);
    });

    it('still learns with many classes, where each step samples the classes it compares', () => {
        const classes = 400;
        const classifier = TopicClassifier.train(classes, encoded(toyExamples(classes, 3)));
        for (const label of [0, 137, 399]) expect(best(classifier.probabilities(new Map([[`w:topic${label}`, 1]])))).toBe(label);
    });
});

describe('storedClassifier', () => {
    const directories: string[] = [];
    const directory = (): string => {
        const path = mkdtempSync(join(tmpdir(), 'classifier-'));
        directories.push(path);
        return path;
    };
    afterEach(() => {
        vi.restoreAllMocks();
        for (const path of directories.splice(0)) rmSync(path, { recursive: true, force: true });
    });

    it('trains once, then reads the model back for the same examples', () => {
        const dir = directory();
        const train = vi.spyOn(TopicClassifier, 'train');
        const first = storedClassifier(dir, 3, toyExamples());
        expect(train).toHaveBeenCalledTimes(1);
        expect(readdirSync(dir)).toHaveLength(1);
        const second = storedClassifier(dir, 3, toyExamples());
        expect(train).toHaveBeenCalledTimes(1);
        expect(second.toBytes().equals(first.toBytes())).toBe(true);
    });

    it('trains again when an example or an option changes, and keeps only the new model', () => {
        const dir = directory();
        storedClassifier(dir, 3, toyExamples());
        const [before] = readdirSync(dir);
        const changed = toyExamples();
        changed[0] = { label: 0, features: new Map([['w:something-else', 1]]) };
        const train = vi.spyOn(TopicClassifier, 'train');
        storedClassifier(dir, 3, changed);
        expect(train).toHaveBeenCalledTimes(1);
        const after = readdirSync(dir);
        expect(after).toHaveLength(1);
        expect(after[0]).not.toBe(before);
        // Other training options, other model.
        storedClassifier(dir, 3, changed, { epochs: 2 });
        expect(train).toHaveBeenCalledTimes(2);
    });

    it('trains again over a damaged file, and simply trains where nothing can be written', () => {
        const dir = directory();
        storedClassifier(dir, 3, toyExamples());
        const [file] = readdirSync(dir);
        writeFileSync(join(dir, file as string), 'damaged');
        const repaired = storedClassifier(dir, 3, toyExamples());
        expect(best(repaired.probabilities(new Map([['w:topic1', 1]])))).toBe(1);

        const notADirectory = join(directory(), 'a-file');
        writeFileSync(notADirectory, '');
        const trained = storedClassifier(join(notADirectory, 'cache'), 3, toyExamples());
        expect(best(trained.probabilities(new Map([['w:topic2', 1]])))).toBe(2);
    });
});
