import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { words } from '../text';
import { type KnownReading, readKnown, Vocabulary } from './analyzer';
import { type ArtefactKind, storedArtefact } from './artefactStore';

/**
 * The modules whose code decides what reading the known texts gives: this one and all it imports (the analyzer, its
 * lexicon and stemmer, the folding of whole-message keys). Their source is part of the stored readings' key, so that a
 * changed stemmer or lexicon never reads stale ones; a test checks that the list follows the imports.
 */
export const READING_MODULES: readonly string[] = [
    './knownTexts',
    './analyzer',
    './artefactStore',
    './lexicon',
    './stemmer',
    './editDistance',
    '../text',
];

/** What the matcher learns from the knowledge base's texts before it can build its indexes. */
export interface KnownTexts {
    vocabulary: Vocabulary;
    /** The reading of each text of `read`, then of `readOnly`, in order. */
    readings: KnownReading[];
    /** The same texts' folded words, for whole-message lookups. */
    keys: string[];
}

export interface TextsToRead {
    /** Texts read, whose words the analyzer also knows (samples, labels). */
    read: readonly string[];
    /** Texts read, whose words it does not learn (the off-topic samples). */
    readOnly: readonly string[];
    /** Texts whose words it knows, not read (answers). */
    alsoKnown: readonly string[];
}

/**
 * The texts read, from the first of `directories` that keeps them read under the same key, else read and kept
 * in the last (see storedArtefact). Reading about ten thousand texts is about a third of the bot's start; loading
 * them back, a few milliseconds. The key is a hash of every text and of the reading code's source; where that
 * source cannot be read (a bundle), the texts are read at each start.
 */
export function storedKnownTexts(directories: readonly string[], texts: TextsToRead): KnownTexts {
    const code = codeFingerprint();
    const count = texts.read.length + texts.readOnly.length;
    return storedArtefact(
        code === undefined ? [] : directories,
        knownTextsFiles(count),
        () => textsKey(code ?? '', texts),
        () => readTexts(texts),
    );
}

function readTexts({ read, readOnly, alsoKnown }: TextsToRead): KnownTexts {
    const { vocabulary, readings } = Vocabulary.learn(read, alsoKnown);
    return {
        vocabulary,
        readings: [...readings, ...readOnly.map(readKnown)],
        keys: [...read, ...readOnly].map((text) => words(text).join(' ')),
    };
}

function codeFingerprint(): string | undefined {
    const hash = createHash('sha256');
    try {
        for (const module of READING_MODULES) hash.update(readFileSync(join(__dirname, `${module}${extname(__filename)}`)));
    } catch {
        return undefined;
    }
    return hash.digest('hex');
}

function textsKey(code: string, { read, readOnly, alsoKnown }: TextsToRead): string {
    const hash = createHash('sha256').update(code);
    for (const [name, texts] of [
        ['read', read],
        ['readOnly', readOnly],
        ['alsoKnown', alsoKnown],
    ] as const) {
        hash.update(`\u0000${name}`);
        for (const text of texts) hash.update(`\u0001${text}`);
    }
    return hash.digest('hex').slice(0, 32);
}

/** On disk: JSON, each reading's tokens and words joined by spaces (no token or word holds one). */
interface StoredTexts {
    vocabulary: [string, number][];
    stems: string[];
    readings: [string, string][];
    keys: string[];
}

const split = (joined: string): string[] => (joined === '' ? [] : joined.split(' '));

function knownTextsFiles(count: number): ArtefactKind<KnownTexts> {
    return {
        // Sources and compiled code key their readings apart: tests and the built bot share a cache without erasing each other's.
        prefix: `faq-texts-${extname(__filename).slice(1)}-`,
        extension: '.json',
        encode: ({ vocabulary, readings, keys }) =>
            Buffer.from(
                JSON.stringify({
                    vocabulary: [...vocabulary.counts],
                    stems: [...vocabulary.stems],
                    readings: readings.map(({ tokens, words }) => [tokens.join(' '), words.join(' ')]),
                    keys,
                } satisfies StoredTexts),
            ),
        decode: (bytes) => {
            try {
                const stored = JSON.parse(bytes.toString('utf8')) as StoredTexts;
                if (stored.readings.length !== count || stored.keys.length !== count) return undefined;
                return {
                    vocabulary: Vocabulary.restore(stored.vocabulary, stored.stems),
                    readings: stored.readings.map(([tokens, words]) => ({ tokens: split(tokens), words: split(words) })),
                    keys: stored.keys,
                };
            } catch {
                return undefined;
            }
        },
    };
}
