import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRITERIA, type CriterionId, criterionQuestion, FAMILY_CHOICES, FAMILY_COMBINATIONS, type Question } from '../src/content/catalog';
import { createTranslator } from '../src/content/i18n';
import { AnswerReader, type Reading } from '../src/understanding/answers';

const reader = new AnswerReader(createTranslator());
const question = (id: CriterionId, canGoBack = true): Question => criterionQuestion(CRITERIA.find((c) => c.id === id)!, 1, canGoBack);
const family: Question = {
    id: 'who',
    lines: [],
    choices: [...FAMILY_CHOICES],
    explainKey: 'family:explain',
    combinations: FAMILY_COMBINATIONS,
};

const sure = (id: string): Reading => ({ kind: 'answer', id, sure: true });
const toConfirm = (id: string): Reading => ({ kind: 'answer', id, sure: false });
const none: Reading = { kind: 'none' };

describe('AnswerReader: where the person lives', () => {
    it.each([
        ['Outside Canada', sure('abroad')],
        ['Hors du Canada', sure('abroad')],
        ['Another province', sure('province')],
        ['In Quebec', sure('quebec')],
        ['au québec', sure('quebec')],
        ['1', sure('abroad')],
        ['3', sure('quebec')],
        // A plain yes or no still answers "do you live outside Quebec?".
        ['yes', sure('outside')],
        ['oui', sure('outside')],
        ['no', sure('quebec')],
        ['non', sure('quebec')],
        // Letters held down for emphasis.
        ['yesss', sure('outside')],
        ['ouiii', sure('outside')],
        ['nooon', sure('quebec')],
        // Places and negations are read for what they say, then confirmed.
        ['not in Quebec', sure('outside')],
        ["I don't live in Quebec, I'm in Paris", sure('abroad')],
        ['I live in Sherbrooke', toConfirm('quebec')],
        ['je vis au Maroc', toConfirm('abroad')],
        ["j'habite en Ontario", toConfirm('province')],
        ['I am in Quebec on a visitor visa', sure('quebec')],
        ['non j’habite pas au Québec', toConfirm('outside')],
        ['oui j’habite à Montréal', toConfirm('quebec')],
        ['I’m in Toronto for now', toConfirm('province')],
    ])('%j → %j', (text, expected) => {
        expect(reader.read(question('residence'), text)).toEqual(expected);
    });

    it.each([
        'I am',
        'not',
        'it',
        "I don't understand the question",
        'oui j’habite à Montréal',
        'yes, in Montreal',
        'hopefully soon',
        'what is it?',
        'yes and no',
    ])('%j is never counted as living outside Quebec', (text) => {
        const reading = reader.read(question('residence'), text);
        expect(reading.kind === 'answer' && ['abroad', 'province', 'outside'].includes(reading.id)).toBe(false);
    });
});

describe('AnswerReader: CSQ program', () => {
    it.each([
        ['Regular (PRTQ)', sure('regular')],
        ['regular skilled worker program', sure('regular')],
        ['PRTQ', sure('regular')],
        ['Régulier (PRTQ)', sure('regular')],
        ['AI/IT/VFX pilot', sure('pilot')],
        ['IA/TI/effets visuels', sure('pilot')],
        ['VFX', sure('pilot')],
        ['effets visuels', sure('pilot')],
        ['PSTQ', sure('pstq')],
        ['Programme de sélection des travailleurs qualifiés', sure('pstq')],
        ['PEQ', sure('peq')],
        ['No CSQ', sure('none')],
        ['no', sure('none')],
        ['pilot', toConfirm('pilot')],
        ['I have a PSTQ CSQ', toConfirm('pstq')],
        ['je ne sais pas', sure('unsure')],
        ['peut-être le régulier, je suis pas sûr', sure('unsure')],
    ])('%j → %j', (text, expected) => {
        expect(reader.read(question('csq'), text)).toEqual(expected);
    });

    it.each([
        'I have it',
        'it',
        'ai',
        "j'ai reçu mon CSQ en 2023",
        'what is it?',
        'it was through Arrima',
        'regular or the pilot',
        'PSTQ?',
        'pstq regular',
    ])('%j does not name a program the criteria list', (text) => {
        const reading = reader.read(question('csq'), text);
        expect(reading.kind === 'answer' && reading.sure && ['regular', 'pilot'].includes(reading.id)).toBe(false);
    });
});

describe('AnswerReader: yes/no questions', () => {
    it.each([
        ['yes', sure('yes')],
        ['Yep', sure('yes')],
        ['oui', sure('yes')],
        ['c’est sûr', sure('yes')],
        ['ouin pas mal', sure('yes')],
        ['jai recu linvitation', sure('yes')],
        ['I got it last week', sure('yes')],
        ['pantoute', sure('no')],
        ['pas encore', sure('no')],
        ['no, I’m still waiting', sure('no')],
        ['pas sûre', sure('unsure')],
        ['1', sure('yes')],
        ['2', sure('no')],
    ])('%j → %j', (text, expected) => {
        expect(reader.read(question('invitation'), text)).toEqual(expected);
    });

    it.each(['ok', 'okay', 'I am waiting', 'on attend la réponse', 'hopefully', 'I have', 'yes?', 'oui non', 'yes I think', 'thanks'])(
        '%j is not an answer',
        (text) => {
            expect(reader.read(question('invitation'), text)).toEqual(none);
        },
    );

    it('never applies an answer meant for another question', () => {
        expect(reader.read(question('invitation'), 'oops I made a mistake, I meant no for the first question')).toEqual({
            kind: 'otherQuestion',
        });
        expect(reader.read(question('invitation'), 'back')).toEqual(sure('back'));
        expect(reader.read(question('residence', false), 'back')).toEqual(none);
        expect(reader.read(question('application'), 'once I get my passport back')).toEqual(none);
    });
});

describe('AnswerReader: family', () => {
    it.each([
        ['Spouse or partner', 'spouse'],
        ['my wife', 'spouse'],
        ['ma blonde', 'spouse'],
        ['mon chum', 'spouse'],
        ['Conjoint(e)', 'spouse'],
        ['the kids', 'children'],
        ['mes enfants', 'children'],
        ['Both', 'both'],
        ['les deux', 'both'],
        ['ma blonde et les enfants', 'both'],
        ['my wife and our two kids', 'both'],
        ['mon chum pis les jeunes', 'both'],
    ])('%j → %s', (text, expected) => {
        expect(reader.read(family, text)).toEqual(sure(expected));
    });
});

/**
 * Answers written apart from the vocabulary (tests/fixtures/eligibility-adversarial.json): fragments, hopes,
 * questions, contradictions, places, typos and Quebec French, each with what it really means (null: not an
 * answer the bot may count).
 */
describe('AnswerReader: the adversarial set', () => {
    interface Case {
        question: CriterionId;
        lang: 'en' | 'fr';
        text: string;
        expect: string | null;
        why: string;
    }
    const cases = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'eligibility-adversarial.json'), 'utf8')) as Case[];
    const readings = cases.map((c) => ({ ...c, reading: reader.read(question(c.question), c.text) }));

    it('has at least 150 answers, in both languages, for every question', () => {
        expect(cases.length).toBeGreaterThanOrEqual(150);
        for (const criterion of CRITERIA) {
            for (const lang of ['en', 'fr'] as const)
                expect(cases.filter((c) => c.question === criterion.id && c.lang === lang).length).toBeGreaterThanOrEqual(15);
        }
    });

    it.each(['en', 'fr'] as const)('counts no %s answer as met that does not clearly mean it', (lang) => {
        const wronglyMet = readings.filter(({ question: id, lang: l, expect: expected, reading }) => {
            if (l !== lang || reading.kind !== 'answer' || !reading.sure) return false;
            const met = CRITERIA.find((c) => c.id === id)!.met.includes(reading.id);
            return met && reading.id !== expected;
        });
        expect(wronglyMet.map((c) => `${c.question}: ${c.text}`)).toEqual([]);
    });

    it('reads nearly every clear answer right, and a wrong reading is at worst one the person confirms', () => {
        const clear = readings.filter((c) => c.expect !== null);
        const right = clear.filter((c) => c.reading.kind === 'answer' && c.reading.id === c.expect);
        const wrongSure = readings.filter(
            (c) => c.reading.kind === 'answer' && c.reading.sure && c.reading.id !== c.expect && c.reading.id !== 'unsure',
        );
        expect(right.length / clear.length).toBeGreaterThanOrEqual(0.85);
        expect(wrongSure.map((c) => `${c.question}: ${c.text} → ${(c.reading as { id: string }).id}`)).toEqual([
            'pr: refused, but I reapplied → refused',
        ]);
    });
});
