import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { PersonalDetails } from '../src/understanding/personalDetails';

const details = new PersonalDetails(createTranslator());

describe('personal details pasted into a question', () => {
    it.each([
        ['W301122334 is my application number, what docs go into the application?', 'what docs go into the application?'],
        ['li.wei.ca@163.com here — how do i submit the imp+ application?', 'how do i submit the imp+ application?'],
        ['Tel 514-555-0192. If I live in Gatineau, can I work in Ottawa?', 'If I live in Gatineau, can I work in Ottawa?'],
        ['got my CSQ through the PEQ (uci 5530-2217). does pmi+ apply to me', 'got my CSQ through the PEQ. does pmi+ apply to me'],
        ['(uci 5530-2217) does pmi+ apply to me', 'does pmi+ apply to me'],
        [
            'Je m’appelle Kouamé, passeport CI0098123, né le 30/05/1985. Les frais c’est combien svp',
            'Je m’appelle Kouamé, Les frais c’est combien svp',
        ],
        [
            'Courriel b.diop@exemple.sn, CSQ qui expire dans 4 mois : je dépose avant ou après ?',
            'CSQ qui expire dans 4 mois : je dépose avant ou après ?',
        ],
    ])('are left out of what is read: %s', (text, rest) => {
        expect(details.without(text)).toBe(rest);
    });

    it.each([
        ['my CSQ expires on 2025-03-01, can I still apply?'],
        ['the permit is $1,085 for three years?'],
        ['can I give my UCI 1109-4472 to the advisor?'],
        ['UCI 1109-4472, DOB 1990-02-01'],
        ['how much are the fees'],
        [' how much are the fees '],
    ])('stay when they are part of the question, or all the message says: %s', (text) => {
        expect(details.without(text)).toBeUndefined();
    });
});
