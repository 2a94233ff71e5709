import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { StoryPersons } from '../src/understanding/persons';

const persons = new StoryPersons(createTranslator());

describe('the person a question’s "he" or "she" stands for', () => {
    it('names the one person of that kind the story named', () => {
        expect(persons.named('will he be allowed to work too?', 'We have two kids and my husband is a welder.', 'en')).toBe(
            'will my husband be allowed to work too',
        );
        expect(persons.named('est-ce qu’elle pourra aller à l’école?', 'Mon mari cherche du travail, notre fille a 9 ans.', 'fr')).toBe(
            'est ce qu ma fille pourra aller a l ecole',
        );
    });

    it('leaves the question alone when the story names two people of that kind, or none', () => {
        expect(persons.named('can he work?', 'My husband and my son are coming with me.', 'en')).toBeUndefined();
        expect(persons.named('can she work?', 'My husband is a nurse.', 'en')).toBeUndefined();
    });

    it('does not take an impersonal « il » for a person (« il faut », « il y a »)', () => {
        expect(persons.named('est-ce qu’il faut une offre d’emploi?', 'Mon mari est électricien.', 'fr')).toBeUndefined();
        expect(persons.named('il y a des frais?', 'Mon mari a son CSQ.', 'fr')).toBeUndefined();
        expect(persons.named('est-ce qu’il pourra travailler?', 'Mon mari est électricien.', 'fr')).toBe(
            'est ce qu mon mari pourra travailler',
        );
    });

    it('tells a question about someone from one about the writer', () => {
        expect(persons.asksAboutSomeone('does she need a visitor visa?', 'en')).toBe(true);
        expect(persons.asksAboutSomeone('do I need a visitor visa?', 'en')).toBe(false);
        expect(persons.asksAboutSomeone('est-ce qu’il faut un visa?', 'fr')).toBe(false);
    });
});
