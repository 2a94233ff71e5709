import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { SelfIntroductions } from '../src/understanding/introductions';
import { words } from '../src/understanding/text';

const introductions = new SelfIntroductions(
    createTranslator(),
    // Longest first, as the recognizer passes them.
    ['hi there', 'hello', 'hi', 'bonjour', 'allo', 'salut', 'ok'].map((opener) => words(opener)),
    new Set(['can', 'how', 'what', 'est-ce', 'comment']),
    (opener) => opener !== 'ok',
);

describe('someone saying who they are, or where they write from', () => {
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
        // Where from, after a greeting.
        'Hi from Sherbrooke!',
        'hello from the kennel 🐶',
        'Bonjour de Princeville!',
        'Salut de la ferme!',
        'Bonjour d’Alma',
    ])('only greets: %s', (text) => {
        expect(introductions.isIntroduction(text)).toBe(true);
    });

    it.each([
        // No capital: a word, not a name.
        'hi it’s urgent',
        'hello, I’m confused',
        // An acronym is no name.
        'hi it’s CSQ',
        // Something else said after the name or the place: a question, or a clause.
        'my name is Gabriel, can my wife work?',
        'Hi, I’m Gabriel and I have a question about fees',
        'Hi from Sherbrooke?',
        'Hi from Sherbrooke, how much is it',
        'Bonjour de l’Algérie, je veux postuler',
        'hello from abroad can i apply',
        // More words than a name or a place has.
        'This is Mary Ann Jane Smith Doe',
        'hello from the fish plant on the road to Matane near the river',
        // No greeting, or an opener that is none.
        'hello',
        'here',
        'from Sherbrooke',
        'ok d’accord',
    ])('says something else: %s', (text) => {
        expect(introductions.isIntroduction(text)).toBe(false);
    });
});
