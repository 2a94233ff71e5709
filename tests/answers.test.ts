import { describe, expect, it } from 'vitest';
import { AnswerReader } from '../src/answers';
import { CRITERIA, criterionQuestion, FAMILY_CHOICES, FAMILY_COMBINATIONS, type Question } from '../src/content';
import { createTranslator } from '../src/i18n';

const reader = new AnswerReader(createTranslator());
const residence = criterionQuestion(CRITERIA[0]!, 0);
const csq = criterionQuestion(CRITERIA[1]!, 1);
const family: Question = { id: 'who', lines: [], choices: [...FAMILY_CHOICES], explainKey: 'family:explain', combinations: FAMILY_COMBINATIONS };

describe('AnswerReader: yes/no questions', () => {
    it.each([
        ['yes', 'yes'], ['Yep', 'yes'], ['YEAH!', 'yes'], ['y', 'yes'], ['sure', 'yes'], ['of course I do', 'yes'],
        ['oui', 'yes'], ['Oui j’habite à Paris', 'yes'], ["oui j'habite a paris", 'yes'], ['ouais', 'yes'], ['bien sûr', 'yes'],
        ['no', 'no'], ['nope', 'no'], ['not yet', 'no'], ['No, I live in Montreal', 'no'], ["I haven't", 'no'],
        ['non', 'no'], ['nan', 'no'], ['pas encore', 'no'], ['Non, je suis à Laval', 'no'], ["j'ai pas", 'no'],
        ['not sure', 'unsure'], ["I don't know", 'unsure'], ['idk', 'unsure'], ['je ne sais pas', 'unsure'], ['chais pas', 'unsure'],
        ['pas sûr', 'unsure'], ['Not sure', 'unsure'], ['Je ne sais pas', 'unsure'],
        ['1', 'yes'], ['2', 'no'], ['3', 'unsure'],
    ])('%j → %s', (text, expected) => {
        expect(reader.read(residence, text)).toBe(expected);
    });

    it.each(['', '   ', 'banana', 'yes and no', 'oui non', '4', '0', 'maybe yes'])('%j is not an answer', (text) => {
        expect(reader.read(residence, text)).toBeUndefined();
    });
});

describe('AnswerReader: CSQ program', () => {
    it.each([
        ['Regular program', 'regular'], ['regular skilled worker', 'regular'], ['Programme régulier', 'regular'], ['programme regulier', 'regular'],
        ['PRTQ', 'regular'], ['AI/IT/VFX pilot', 'pilot'], ['Projet pilote IA/TI', 'pilot'], ['projet pilote ia ti', 'pilot'],
        ['the visual effects pilot', 'pilot'], ['effets visuels', 'pilot'], ['PEQ', 'other'], ['Autre programme', 'other'],
        ['pstq', 'other'], ['No CSQ', 'none'], ['pas de CSQ', 'none'], ['Pas de CSQ', 'none'], ['no', 'none'], ['3', 'other'], ['4', 'none'],
        ['je ne sais pas', 'unsure'],
    ])('%j → %s', (text, expected) => {
        expect(reader.read(csq, text)).toBe(expected);
    });

    it('refuses an answer naming two programs', () => {
        expect(reader.read(csq, 'regular or the pilot')).toBeUndefined();
    });
});

describe('AnswerReader: family', () => {
    it.each([
        ['Spouse or partner', 'spouse'], ['my wife', 'spouse'], ['ma blonde', 'spouse'], ['mon chum', 'spouse'], ['Conjoint(e)', 'spouse'],
        ['the kids', 'children'], ['mes enfants', 'children'], ['Both', 'both'], ['les deux', 'both'], ['ma blonde et les enfants', 'both'], ['my wife and our two kids', 'both'], ['mon chum pis les jeunes', 'both'],
    ])('%j → %s', (text, expected) => {
        expect(reader.read(family, text)).toBe(expected);
    });
});
