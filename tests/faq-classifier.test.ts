import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trainAhead } from '../scripts/train-matcher';
import { projectRoot } from '../src/configuration/paths';
import { createTranslator, loadResources } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { Vocabulary } from '../src/understanding/faq/analyzer';
import { storedClassifier, type TrainingSet } from '../src/understanding/faq/classifierStore';
import { createMatcher } from '../src/understanding/faq/createMatcher';
import { FEATURES_VERSION, messageFeatures } from '../src/understanding/faq/features';
import { encodeFeatures, type LabelledFeatures, TopicClassifier } from '../src/understanding/faq/topicClassifier';
import { temporaryDirectories } from './helpers/temporaryDirectories';

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

/** Examples as a training set whose fingerprint is the examples themselves. */
const set = (examples: LabelledFeatures[]): TrainingSet => ({
    fingerprint: (hash) => hash.update(JSON.stringify(examples.map(({ label, features }) => [label, [...features]]))),
    examples: () => examples,
});

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

    it('learns the same examples in another order with another seed', () => {
        const seven = TopicClassifier.train(3, encoded(toyExamples()));
        const eight = TopicClassifier.train(3, encoded(toyExamples()), { seed: 8 });
        expect(seven.toBytes().equals(TopicClassifier.train(3, encoded(toyExamples()), { seed: 7 }).toBytes())).toBe(true);
        expect(eight.toBytes().equals(seven.toBytes())).toBe(false);
        for (const label of [0, 1, 2]) expect(best(eight.probabilities(new Map([[`w:topic${label}`, 1]])))).toBe(label);
    });

    it('averages models trained in several orders, unless training is cut short by its budget', () => {
        const examples = encoded(toyExamples());
        const one = TopicClassifier.train(3, examples, { members: 1 });
        const three = TopicClassifier.train(3, examples, { members: 3 });
        expect(three.toBytes().equals(one.toBytes())).toBe(false);
        for (const label of [0, 1, 2]) expect(best(three.probabilities(new Map([[`w:topic${label}`, 1]])))).toBe(label);
        // Fewer steps than full passes allow: one model, as large knowledge bases get.
        const budget = { maxSteps: examples.length * 2, epochs: 8 };
        expect(
            TopicClassifier.train(3, examples, { ...budget, members: 3 })
                .toBytes()
                .equals(TopicClassifier.train(3, examples, { ...budget, members: 1 }).toBytes()),
        ).toBe(true);
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

describe('messageFeatures', () => {
    it(`are as recorded for FEATURES_VERSION ${FEATURES_VERSION}: change the version with them, or an old stored model is read`, () => {
        const features = messageFeatures(['@fee', 'permit', '@fee'], ['fees', 'ok'], 0.5);
        // Two distinct tokens at 1/√2, their pairs at half that, ten letter groups sharing the letters' 0.5.
        const word = Math.SQRT1_2;
        const letters = 0.5 / Math.sqrt(10);
        const grams = ['<fe', 'fee', 'ees', 'es>', '<fee', 'fees', 'ees>', '<ok', 'ok>', '<ok>'];
        const expected: [string, number][] = [
            ['w:@fee', word],
            ['w:permit', word],
            ['b:@fee permit', word / 2],
            ['b:permit @fee', word / 2],
            ...grams.map((gram): [string, number] => [`c:${gram}`, letters]),
        ];
        expect([...features].map(([name]) => name)).toEqual(expected.map(([name]) => name));
        for (const [name, value] of expected) expect(features.get(name)).toBeCloseTo(value, 9);
    });
});

describe('storedClassifier', () => {
    const directory = temporaryDirectories('classifier-');
    afterEach(() => vi.restoreAllMocks());

    it('trains once, then reads the model back for the same examples', () => {
        const dir = directory();
        const train = vi.spyOn(TopicClassifier, 'train');
        const first = storedClassifier([dir], 3, set(toyExamples()));
        expect(train).toHaveBeenCalledTimes(1);
        expect(readdirSync(dir)).toHaveLength(1);
        const second = storedClassifier([dir], 3, set(toyExamples()));
        expect(train).toHaveBeenCalledTimes(1);
        expect(second.toBytes().equals(first.toBytes())).toBe(true);
    });

    it('trains again when an example or an option changes, and keeps only the new model', () => {
        const dir = directory();
        storedClassifier([dir], 3, set(toyExamples()));
        const [before] = readdirSync(dir);
        const changed = toyExamples();
        changed[0] = { label: 0, features: new Map([['w:something-else', 1]]) };
        const train = vi.spyOn(TopicClassifier, 'train');
        storedClassifier([dir], 3, set(changed));
        expect(train).toHaveBeenCalledTimes(1);
        const after = readdirSync(dir);
        expect(after).toHaveLength(1);
        expect(after[0]).not.toBe(before);
        // Other training options, other model.
        storedClassifier([dir], 3, set(changed), { epochs: 2 });
        expect(train).toHaveBeenCalledTimes(2);
        // Another seed, another model: a model trained in one order is never read back for another.
        storedClassifier([dir], 3, set(changed), { epochs: 2, seed: 8 });
        expect(train).toHaveBeenCalledTimes(3);
    });

    it('reads the model from the first folder that holds it, and keeps a newly trained one only in the last', () => {
        const [shipped, cache] = [directory(), directory()];
        storedClassifier([shipped], 3, set(toyExamples()));
        const [model] = readdirSync(shipped);
        const train = vi.spyOn(TopicClassifier, 'train');
        const read = storedClassifier([shipped, cache], 3, set(toyExamples()));
        expect(train).not.toHaveBeenCalled();
        expect(readdirSync(cache)).toEqual([]);
        expect(best(read.probabilities(new Map([['w:topic1', 1]])))).toBe(1);

        const changed = toyExamples();
        changed[0] = { label: 0, features: new Map([['w:something-else', 1]]) };
        storedClassifier([shipped, cache], 3, set(changed));
        expect(train).toHaveBeenCalledTimes(1);
        expect(readdirSync(shipped)).toEqual([model]);
        expect(readdirSync(cache)).toHaveLength(1);
        storedClassifier([shipped, cache], 3, set(changed));
        expect(train).toHaveBeenCalledTimes(1);
        // No folder at all: trained every time, nothing written.
        storedClassifier([], 3, set(changed));
        expect(train).toHaveBeenCalledTimes(2);
    });

    it('trains again over a damaged file, and simply trains where nothing can be written', () => {
        const dir = directory();
        storedClassifier([dir], 3, set(toyExamples()));
        const [file] = readdirSync(dir);
        writeFileSync(join(dir, file as string), 'damaged');
        const repaired = storedClassifier([dir], 3, set(toyExamples()));
        expect(best(repaired.probabilities(new Map([['w:topic1', 1]])))).toBe(1);

        const notADirectory = join(directory(), 'a-file');
        writeFileSync(notADirectory, '');
        const trained = storedClassifier([join(notADirectory, 'cache')], 3, set(toyExamples()));
        expect(best(trained.probabilities(new Map([['w:topic2', 1]])))).toBe(2);
    });
});

describe('the model `npm run build` ships', () => {
    afterEach(() => vi.restoreAllMocks());

    it('is what the bot looks for first, so a deployed bot starts without training or reading its texts', () => {
        const [shipped, cache] = [mkdtempSync(join(tmpdir(), 'shipped-')), mkdtempSync(join(tmpdir(), 'cache-'))];
        try {
            // Made by the compiled code, so that the readings are keyed by the code the built bot runs.
            const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { build: string } };
            expect(scripts.build).toContain('node dist/scripts/train-matcher.js');
            const build = JSON.parse(readFileSync(join(projectRoot, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
            expect(build.include).toContain('scripts/train-matcher.ts');
            trainAhead(shipped);
            expect(readdirSync(shipped)).toHaveLength(2);
            const train = vi.spyOn(TopicClassifier, 'train');
            const learn = vi.spyOn(Vocabulary, 'learn');
            const matcher = createMatcher(new KnowledgeBase(createTranslator(loadResources())), [shipped, cache]);
            expect(train).not.toHaveBeenCalled();
            expect(learn).not.toHaveBeenCalled();
            expect(readdirSync(cache)).toEqual([]);
            expect(matcher.match('how much are the fees', 'en')).toMatchObject({ kind: 'confident', topic: { id: 'fees' } });
        } finally {
            for (const path of [shipped, cache]) rmSync(path, { recursive: true, force: true });
        }
    }, 120_000);
});
