import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { SubjectWords } from '../src/understanding/subjects';

const subjects = new SubjectWords(createTranslator());

describe('a question that leaves its subject to what came before', () => {
    it.each([
        'how long is it valid?',
        'je peux le renouveler?',
        'comment le prolonger avant la fin?',
        'on l’obtient où?',
        'ça coûte combien?',
        'does my wife need one too?',
    ])('says "it" and names nothing: %s', (text) => {
        expect(subjects.leavesItUnsaid(text)).toBe(true);
    });

    it.each([
        // « le », « l' » before a noun is an article: the question says what it is about.
        'On va payer combien en tout pour les frais de tout le monde ?',
        'combien de temps prend le traitement à IRCC?',
        'quand est-ce que je reçois le courriel de confirmation?',
        // "one" before a noun is a number.
        'can I take one job in Ontario for a few months first?',
        // A thing named, "it" or not.
        'can I renew it, the permit I mean?',
    ])('does not when « le » is an article, "one" a number, or a thing is named: %s', (text) => {
        expect(subjects.leavesItUnsaid(text)).toBe(false);
    });
});

describe('the word by which a text names its one subject', () => {
    it('is the word that names it for sure, with the word after it that is part of the same name', () => {
        expect(subjects.wordNaming('a coworker keeps talking about some imp+ permit')).toBe('imp+');
        expect(subjects.wordNaming('ppl keep writing CSQ in the comments')).toBe('csq');
    });

    it('is the word said to be a name, whatever else the text names', () => {
        expect(subjects.wordNaming('a coworker mentioned something called IMP+ for people who have a CSQ')).toBe('imp+');
        expect(subjects.wordNaming('ma collègue parle d’un programme appelé PMI+ pour ceux qui ont un CSQ')).toBe('pmi+');
        expect(subjects.wordNaming('a coworker mentioned IMP+ for people who have a CSQ')).toBeUndefined();
    });

    it('reads the program’s "+" spelled out as part of its name', () => {
        expect(subjects.wordNaming('coworker keeps saying hes getting the imp plus permit')).toBe('imp');
        expect(subjects.wordNaming('heard about the pmi plus permit at work')).toBe('pmi');
    });

    it('is none when the text names two things', () => {
        expect(subjects.wordNaming('my CSQ and my visa')).toBeUndefined();
        expect(subjects.wordNaming('my permit and my CSQ')).toBeUndefined();
    });
});
