import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../src/configuration/paths';
import { createTranslator, loadResources } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { LANGUAGES } from '../src/content/languages';
import { Vocabulary } from '../src/understanding/faq/analyzer';
import { READING_MODULES, storedKnownTexts, type TextsToRead } from '../src/understanding/faq/knownTexts';
import { temporaryDirectories } from './helpers/temporaryDirectories';

const faqDir = join(projectRoot, 'src', 'understanding', 'faq');
const directory = temporaryDirectories('known-texts-');
afterEach(() => vi.restoreAllMocks());

/** The texts the bot's matcher reads, as it gives them. */
function shippedTexts(): TextsToRead {
    const knowledge = new KnowledgeBase(createTranslator(loadResources()));
    return {
        read: LANGUAGES.flatMap((language) => knowledge.topics(language).flatMap((topic) => [topic.label, ...topic.samples])),
        readOnly: LANGUAGES.flatMap((language) => knowledge.offTopicSamples(language)),
        alsoKnown: LANGUAGES.flatMap((language) => knowledge.topics(language).map((topic) => topic.answer ?? '')),
    };
}

const toy: TextsToRead = {
    read: ['What are the fees?', 'Quels sont les frais?'],
    readOnly: ['how do I file my taxes'],
    alsoKnown: ['The fees are listed by IRCC.'],
};

describe('storedKnownTexts', () => {
    it('gives back, from disk, exactly what reading the knowledge base gives', () => {
        const dir = directory();
        const texts = shippedTexts();
        const learn = vi.spyOn(Vocabulary, 'learn');
        const read = storedKnownTexts([dir], texts);
        expect(learn).toHaveBeenCalledTimes(1);
        expect(readdirSync(dir)).toHaveLength(1);
        const loaded = storedKnownTexts([dir], texts);
        expect(learn).toHaveBeenCalledTimes(1);
        expect(loaded.readings).toEqual(read.readings);
        expect(loaded.keys).toEqual(read.keys);
        expect([...loaded.vocabulary.counts]).toEqual([...read.vocabulary.counts]);
        expect([...loaded.vocabulary.stems]).toEqual([...read.vocabulary.stems]);
        expect(loaded.readings).toHaveLength(texts.read.length + texts.readOnly.length);
    });

    it('reads again when a text changes, and keeps only the newest reading', () => {
        const dir = directory();
        const learn = vi.spyOn(Vocabulary, 'learn');
        storedKnownTexts([dir], toy);
        const changed = { ...toy, alsoKnown: ['The fees are listed on IRCC’s fee list.'] };
        const reread = storedKnownTexts([dir], changed);
        expect(learn).toHaveBeenCalledTimes(2);
        expect(reread.vocabulary.counts.has('list')).toBe(true);
        expect(readdirSync(dir)).toHaveLength(1);
        storedKnownTexts([dir], changed);
        expect(learn).toHaveBeenCalledTimes(2);
    });

    it('reads again over a damaged file, and simply reads where nothing can be written', () => {
        const dir = directory();
        const first = storedKnownTexts([dir], toy);
        const [file] = readdirSync(dir);
        for (const damage of ['damaged', '{"readings": [], "keys": []}', '{}']) {
            writeFileSync(join(dir, file as string), damage);
            expect(storedKnownTexts([dir], toy).readings).toEqual(first.readings);
        }
        const notADirectory = join(directory(), 'a-file');
        writeFileSync(notADirectory, '');
        expect(storedKnownTexts([join(notADirectory, 'cache')], toy).keys).toEqual(first.keys);
    });

    it('keys the readings by the source of every module reading depends on', () => {
        // What knownTexts.ts imports, and what those import, within src/: the list the key hashes must follow.
        const imported = new Set<string>();
        const visit = (file: string): void => {
            const name = relative(faqDir, file).replace(/\.ts$/, '');
            const module = name.startsWith('.') ? name : `./${name}`;
            if (imported.has(module)) return;
            imported.add(module);
            for (const [, path] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g))
                visit(`${resolve(dirname(file), path as string)}.ts`);
        };
        visit(join(faqDir, 'knownTexts.ts'));
        expect([...imported].sort()).toEqual([...READING_MODULES].sort());
    });
});
