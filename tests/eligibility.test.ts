import { describe, expect, it } from 'vitest';
import { CRITERIA, type CriterionId } from '../src/content';
import { createTranslator, type Language } from '../src/i18n';
import { buttonsOf, Chat, textOf, trace } from './helpers/chat';

const t = createTranslator();

/** Answers per criterion: the id the bot should record, how a user taps it, and how one might type it. */
const MET: Record<CriterionId, string> = { residence: 'yes', csq: 'regular', invitation: 'yes', application: 'yes' };
const UNMET: Record<CriterionId, string> = { residence: 'no', csq: 'none', invitation: 'no', application: 'no' };
const TYPED: Record<Language, Record<string, string>> = {
    en: { yes: 'yep', no: 'not yet', regular: 'the regular skilled worker program', none: "I don't have a CSQ", pilot: 'AI pilot', other: 'PEQ' },
    fr: { yes: "oui j'habite a Paris", no: 'pas encore', regular: 'programme regulier', none: 'pas de csq', pilot: 'projet pilote', other: 'PSTQ' },
};
const LOCALE: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

function label(language: Language, criterion: CriterionId, answer: string): string {
    const spec = CRITERIA.find((c) => c.id === criterion)?.choices.find((c) => c.id === answer);
    if (!spec) throw new Error(`no choice ${answer} for ${criterion}`);
    return t.t(language, spec.labelKey);
}

async function runCheck(language: Language, answers: Record<CriterionId, string>, typed: boolean) {
    const chat = new Chat({ locale: LOCALE[language] });
    await chat.open();
    let replies = await chat.say(t.t(language, 'common:menu.choices.eligibility'));
    for (const criterion of CRITERIA) {
        const question = t.t(language, `eligibility:criteria.${criterion.id}.question`, { n: CRITERIA.indexOf(criterion) + 1, total: 4 });
        expect(textOf(replies)).toContain(question);
        const answer = answers[criterion.id];
        expect(buttonsOf(replies)).toContain(label(language, criterion.id, answer));
        replies = await chat.say(typed ? (TYPED[language][answer] as string) : label(language, criterion.id, answer));
    }
    return { chat, replies };
}

const paths: [string, Record<CriterionId, string>, CriterionId[]][] = [
    ['all met', MET, []],
    ...CRITERIA.map((c): [string, Record<CriterionId, string>, CriterionId[]] => [`only ${c.id} unmet`, { ...MET, [c.id]: UNMET[c.id] }, [c.id]]),
    ['all unmet', UNMET, ['residence', 'csq', 'invitation', 'application']],
];

describe.each(['en', 'fr'] as const)('eligibility check in %s', (language) => {
    describe.each([
        ['tapped', false],
        ['typed', true],
    ])('%s answers', (_how, typed) => {
        it.each(paths)('%s', async (_name, answers, unmet) => {
            const { replies } = await runCheck(language, answers, typed);
            expect(trace(replies, 'Eligibility')).toEqual({ eligible: unmet.length === 0, unmet, answers });

            const verdict = textOf(replies);
            if (unmet.length === 0) {
                expect(verdict).toContain(t.t(language, 'eligibility:verdict.eligible'));
                expect(verdict).toContain(t.t(language, 'eligibility:verdict.eligibleNext'));
                expect(verdict).toContain(t.t(language, 'sources:fees.url'));
            } else {
                expect(verdict).toContain(t.t(language, 'eligibility:verdict.notEligible'));
                for (const criterion of CRITERIA) {
                    const key = criterion.id === 'csq' ? 'eligibility:criteria.csq.unmet.none' : `eligibility:criteria.${criterion.id}.unmet`;
                    if (unmet.includes(criterion.id)) expect(verdict).toContain(t.t(language, key));
                    else expect(verdict).not.toContain(t.t(language, key));
                }
            }
            // The verdict is followed by the menu, in the same language.
            expect(buttonsOf(replies)).toEqual(['eligibility', 'permit', 'family', 'steps', 'question', 'advisor'].map((id) => t.t(language, `common:menu.choices.${id}`)));
        });
    });

    it('explains “another program” right away and in the verdict, and suggests an advisor', async () => {
        const chat = new Chat({ locale: LOCALE[language] });
        await chat.open();
        await chat.say(t.t(language, 'common:menu.choices.eligibility'));
        await chat.say(label(language, 'residence', 'yes'));
        const afterCsq = await chat.say(TYPED[language].other as string);
        expect(textOf(afterCsq)).toContain(t.t(language, 'eligibility:criteria.csq.otherNote'));
        await chat.say(label(language, 'invitation', 'yes'));
        const verdict = await chat.say(label(language, 'application', 'yes'));
        expect(trace(verdict, 'Eligibility')).toMatchObject({ eligible: false, unmet: ['csq'], answers: { csq: 'other' } });
        expect(textOf(verdict)).toContain(t.t(language, 'eligibility:criteria.csq.unmet.other'));
    });

    it('counts the AI/IT/VFX pilot as a valid CSQ', async () => {
        const { replies } = await runCheck(language, { ...MET, csq: 'pilot' }, true);
        expect(trace(replies, 'Eligibility')).toMatchObject({ eligible: true, answers: { csq: 'pilot' } });
    });
});

describe('eligibility check: retries, “not sure” and interruptions', () => {
    async function atFirstQuestion(locale = 'en-CA') {
        const chat = new Chat({ locale });
        await chat.open();
        await chat.say('Am I eligible?');
        return chat;
    }

    it('explains the criterion and asks again when the user is not sure', async () => {
        const chat = await atFirstQuestion();
        const replies = await chat.say("I'm not sure");
        expect(textOf(replies)).toContain(t.t('en', 'eligibility:criteria.residence.explain'));
        expect(textOf(replies)).toContain('Question 1 of 4');
        expect(buttonsOf(replies)).toEqual(['Yes', 'No', 'Not sure']);
    });

    it('gives a helpful retry, then a way out, never a silent loop', async () => {
        const chat = await atFirstQuestion();
        const first = await chat.say('purple monkey dishwasher');
        expect(textOf(first)).toContain('Please tap one of the buttons, or type one of: Yes, No, Not sure.');
        expect(textOf(first)).toContain('Question 1 of 4');
        const second = await chat.say('purple monkey dishwasher');
        expect(textOf(second)).toContain('type “help” for tips or “menu” to start over');
        expect(buttonsOf(second)).toEqual(['Yes', 'No', 'Not sure']);
        // The answer still counts after the retries.
        const next = await chat.say('yes');
        expect(textOf(next)).toContain('Question 2 of 4');
    });

    it('switches to French mid-question and asks the same question again in French', async () => {
        const chat = await atFirstQuestion();
        await chat.say('yes');
        const replies = await chat.say('français');
        expect(textOf(replies)).toContain('Parfait, on continue en français.');
        expect(textOf(replies)).toContain('Question 2 sur 4 : de quel programme provient votre certificat de sélection du Québec (CSQ)?');
        expect(buttonsOf(replies)).toContain('Programme régulier');
        // The explicit choice sticks even though the channel still says en-CA.
        const next = await chat.say('programme regulier');
        expect(textOf(next)).toContain('Question 3 sur 4');
    });

    it('switches to English mid-question with "EN"', async () => {
        const chat = await atFirstQuestion('fr-CA');
        const replies = await chat.say('EN');
        expect(textOf(replies)).toContain('Question 1 of 4');
    });

    it('shows help for the pending question, then asks it again', async () => {
        const chat = await atFirstQuestion('fr-CA');
        await chat.say('oui');
        const replies = await chat.say('aide');
        expect(textOf(replies)).toContain(t.t('fr', 'common:help.general'));
        expect(textOf(replies)).toContain(t.t('fr', 'eligibility:criteria.csq.explain'));
        expect(textOf(replies)).toContain('Question 2 sur 4');
    });

    it('cancels back to the menu and keeps no half-finished check', async () => {
        const chat = await atFirstQuestion();
        await chat.say('yes');
        const replies = await chat.say('cancel');
        expect(textOf(replies)).toContain('OK, I’ve stopped that.');
        expect(buttonsOf(replies)).toContain('Am I eligible?');
        const again = await chat.say('Am I eligible?');
        expect(textOf(again)).toContain('Question 1 of 4');
    });

    it('goes to the menu with "recommencer"', async () => {
        const chat = await atFirstQuestion('fr-CA');
        const replies = await chat.say('recommencer');
        expect(textOf(replies)).toContain('Que voulez-vous faire?');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'command', command: 'menu' });
    });

    it('jumps to another guided dialog from the middle of the check', async () => {
        const chat = await atFirstQuestion();
        const replies = await chat.say('How to apply');
        expect(textOf(replies)).toContain('Step 1 of 6');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'dialog', target: 'steps' });
    });

    it('traces answers to the pending question as the dialog’s', async () => {
        const chat = await atFirstQuestion();
        const replies = await chat.say('yep');
        expect(trace(replies, 'Recognizer')).toEqual({ text: 'yep', locale: 'en', action: 'dialog', target: 'eligibility' });
    });
});
