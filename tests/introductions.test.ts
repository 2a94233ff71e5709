import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { SelfIntroductions } from '../src/understanding/introductions';
import { words } from '../src/understanding/text';

const introductions = new SelfIntroductions(
    createTranslator(),
    // Longest first, as the recognizer passes them.
    ['hi there', 'hello', 'hi', 'bonjour', 'allo'].map((opener) => words(opener)),
);

describe('someone saying who they are', () => {
    it.each([
        'Hi there :) Gabriel here',
        'hello it’s Maria',
        'Hi, I’m Gabriel',
        'My name is Nguyen Thi Lan',
        'This is Olena',
        'Bonjour, moi c’est Nguyễn Thị Lan',
        'allo c’est Gabriel',
        'Je m’appelle Aminata',
        'Gabriel ici',
    ])('only greets: %s', (text) => {
        expect(introductions.isIntroduction(text)).toBe(true);
    });

    it.each([
        // No capital: a word, not a name.
        'hi it’s urgent',
        'hello, I’m confused',
        // An acronym is no name.
        'hi it’s CSQ',
        // Something else said after the name.
        'my name is Gabriel, can my wife work?',
        'Hi, I’m Gabriel and I have a question about fees',
        // More words than a name has.
        'This is Mary Ann Jane Smith Doe',
        'hello',
        'here',
    ])('says something else: %s', (text) => {
        expect(introductions.isIntroduction(text)).toBe(false);
    });
});
