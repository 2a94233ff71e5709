import { describe, expect, it } from 'vitest';
import { CRITERIA, type CriterionId, WALKTHROUGH_STEPS } from '../src/content/catalog';
import { SOURCES } from '../src/content/facts';
import { SATISFACTION_CHOICES } from '../src/content/feedback';
import { createTranslator } from '../src/content/i18n';
import type { Language } from '../src/content/languages';
import { buttonsOf, Chat, textOf, trace } from './helpers/chat';
import { answerLabel, ELIGIBLE_ANSWERS } from './helpers/eligibility';
import { unsureMatcher } from './helpers/matcher';

const t = createTranslator();
const LOCALE: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };
type Answers = Partial<Record<CriterionId, string>>;

const label = (language: Language, criterion: CriterionId, answer: string): string => answerLabel(t, language, criterion, answer);

const question = (language: Language, id: CriterionId, n: number): string => t.t(language, `eligibility:criteria.${id}.question`, { n });

async function startCheck(language: Language, locale = LOCALE[language]) {
    const chat = new Chat({ locale });
    await chat.open();
    const replies = await chat.say(t.t(language, 'common:menu.choices.eligibility'));
    return { chat, replies };
}

/** Answers the questions in the order the bot asks them, checking each question and its button. */
async function runCheck(language: Language, steps: [CriterionId, string, string?][]) {
    const { chat, replies: first } = await startCheck(language);
    let replies = first;
    for (const [index, [criterion, answer, typed]] of steps.entries()) {
        expect(textOf(replies)).toContain(question(language, criterion, index + 1));
        expect(buttonsOf(replies)).toContain(label(language, criterion, answer));
        replies = await chat.say(typed ?? label(language, criterion, answer));
    }
    return { chat, replies };
}

/** Every way through the check: the answers in order, and the verdict they must give. */
const PATHS: { name: string; steps: [CriterionId, string][]; eligible: boolean; unmet: CriterionId[] }[] = [
    {
        name: 'abroad, PRTQ, no PR application yet, valid CSQ, invited, ready',
        steps: [...ELIGIBLE_ANSWERS],
        eligible: true,
        unmet: [],
    },
    {
        name: 'another province, AI/IT/VFX pilot, PR application in process (no CSQ validity question)',
        steps: [
            ['residence', 'province'],
            ['csq', 'pilot'],
            ['pr', 'inProcess'],
            ['invitation', 'yes'],
            ['application', 'yes'],
        ],
        eligible: true,
        unmet: [],
    },
    { name: 'lives in Quebec: stops at once', steps: [['residence', 'quebec']], eligible: false, unmet: ['residence'] },
    ...(['pstq', 'peq', 'other', 'none'] as const).map((csq) => ({
        name: `CSQ ${csq}`,
        steps: [
            ['residence', 'abroad'],
            ['csq', csq],
        ] as [CriterionId, string][],
        eligible: false,
        unmet: ['csq'] as CriterionId[],
    })),
    ...(['approved', 'refused'] as const).map((pr) => ({
        name: `PR ${pr}`,
        steps: [
            ['residence', 'abroad'],
            ['csq', 'regular'],
            ['pr', pr],
        ] as [CriterionId, string][],
        eligible: false,
        unmet: ['pr'] as CriterionId[],
    })),
    {
        name: 'expired CSQ without a PR application',
        steps: [
            ['residence', 'abroad'],
            ['csq', 'regular'],
            ['pr', 'notYet'],
            ['csqValid', 'no'],
        ],
        eligible: false,
        unmet: ['csqValid'],
    },
    {
        name: 'no invitation',
        steps: [
            ['residence', 'abroad'],
            ['csq', 'regular'],
            ['pr', 'inProcess'],
            ['invitation', 'no'],
        ],
        eligible: false,
        unmet: ['invitation'],
    },
    {
        name: 'incomplete application',
        steps: [
            ['residence', 'abroad'],
            ['csq', 'regular'],
            ['pr', 'inProcess'],
            ['invitation', 'yes'],
            ['application', 'no'],
        ],
        eligible: false,
        unmet: ['application'],
    },
];

describe.each(['en', 'fr'] as const)('eligibility check in %s', (language) => {
    it.each(PATHS)('$name', async ({ steps, eligible, unmet }) => {
        const { replies } = await runCheck(language, steps);
        const answers: Answers = Object.fromEntries(steps);
        expect(trace(replies, 'Eligibility')).toEqual({ eligible, unmet, unknown: [], answers });

        const verdict = textOf(replies);
        if (eligible) {
            expect(verdict).toContain(t.t(language, 'eligibility:verdict.eligible'));
            expect(verdict).toContain(t.t(language, 'eligibility:verdict.invitations'));
            expect(verdict).toContain(t.t(language, 'eligibility:verdict.eligibleNext'));
            // The fees come with their sources, and the criteria with theirs.
            expect(verdict).toContain(SOURCES['ircc-fees'].url[language]);
            expect(verdict).toContain(SOURCES['quebec-imp-plus'].url[language]);
        } else {
            expect(verdict).toContain(t.t(language, 'eligibility:verdict.notEligible'));
            expect(verdict).not.toContain(t.t(language, 'eligibility:verdict.eligible'));
            const [criterion] = unmet;
            const byAnswer = CRITERIA.find((c) => c.id === criterion)?.unmetByAnswer;
            const key = `eligibility:criteria.${criterion}.unmet${byAnswer ? `.${answers[criterion as CriterionId]}` : ''}`;
            expect(verdict).toContain(t.t(language, key));
        }
        // After the verdict, the end-of-conversation question (once) instead of the menu, which its answer brings back.
        expect(textOf(replies)).toContain(t.t(language, 'feedback:satisfaction.question'));
        expect(buttonsOf(replies)).toEqual(SATISFACTION_CHOICES.map((choice) => t.t(language, choice.labelKey)));
    });
});

describe('eligibility check: typed answers are read for what they say', () => {
    it('reads typed answers in English and French to the same verdict', async () => {
        const en = await runCheck('en', [
            ['residence', 'abroad', 'outside canada, I live in Lyon'],
            ['csq', 'regular', 'PRTQ'],
            ['pr', 'inProcess', 'in process'],
            ['invitation', 'yes', 'yes I got it last week'],
            ['application', 'yes', 'yep'],
        ]);
        expect(trace(en.replies, 'Eligibility')).toMatchObject({ eligible: true });
        const fr = await runCheck('fr', [
            ['residence', 'abroad', 'hors du canada'],
            ['csq', 'pilot', 'effets visuels'],
            ['pr', 'notYet', 'pas encore'],
            ['csqValid', 'yes', 'oui il est encore valide'],
            ['invitation', 'yes', 'jai recu linvitation'],
            ['application', 'yes', 'c’est sûr'],
        ]);
        expect(trace(fr.replies, 'Eligibility')).toMatchObject({ eligible: true });
    });

    it('confirms an answer worked out from a sentence before counting it', async () => {
        const { chat } = await startCheck('en');
        const asked = await chat.say('I live in Sherbrooke');
        expect(textOf(asked)).toContain(t.t('en', 'common:confirm.ask', { answer: 'In Quebec' }));
        expect(buttonsOf(asked)).toEqual([t.t('en', 'common:confirm.yes'), t.t('en', 'common:confirm.no')]);
        const verdict = await chat.say(t.t('en', 'common:confirm.yes'));
        expect(trace(verdict, 'Eligibility')).toMatchObject({ eligible: false, unmet: ['residence'], answers: { residence: 'quebec' } });
    });

    it('asks again when the person says the reading was wrong', async () => {
        const { chat } = await startCheck('fr');
        await chat.say('je vis au Maroc');
        const again = await chat.say('non');
        expect(textOf(again)).toContain(question('fr', 'residence', 1));
        expect(trace(again, 'Eligibility')).toBeUndefined();
    });

    it('never ends eligible on the answers of the issue (visitor in Quebec, "I have it", "I am waiting")', async () => {
        const { chat } = await startCheck('en');
        const replies = [await chat.say('I am in Quebec on a visitor visa')];
        expect(trace(replies[0]!, 'Eligibility')).toMatchObject({ eligible: false, unmet: ['residence'] });

        const second = await startCheck('en');
        await second.chat.say('Outside Canada');
        const csq = await second.chat.say('I have it');
        expect(textOf(csq)).toContain(question('en', 'csq', 2));
        await second.chat.say('Regular (PRTQ)');
        await second.chat.say('Not yet');
        await second.chat.say('yes');
        const waiting = await second.chat.say('I am waiting');
        expect(trace(waiting, 'Eligibility')).toBeUndefined();
        // Whatever the bot made of it (a retry, or "Did you mean…?"), the invitation question is still open.
        let verdict = await second.chat.say('No');
        if (!trace(verdict, 'Eligibility')) verdict = await second.chat.say('No');
        expect(trace(verdict, 'Eligibility')).toMatchObject({ eligible: false, unmet: ['invitation'], answers: { invitation: 'no' } });
    });

    it('records “not sure” after the explanation, and never says eligible then', async () => {
        const { chat } = await startCheck('en');
        await chat.say('Outside Canada');
        await chat.say('PRTQ');
        await chat.say('In process');
        const explained = await chat.say('not sure');
        expect(textOf(explained)).toContain(t.t('en', 'eligibility:criteria.invitation.explain'));
        await chat.say('no idea');
        const verdict = await chat.say('yes');
        expect(trace(verdict, 'Eligibility')).toEqual({
            eligible: false,
            unmet: [],
            unknown: ['invitation'],
            answers: { residence: 'abroad', csq: 'regular', pr: 'inProcess', invitation: 'unsure', application: 'yes' },
        });
        expect(textOf(verdict)).toContain(t.t('en', 'eligibility:verdict.unchecked'));
        expect(textOf(verdict)).toContain(t.t('en', 'eligibility:criteria.invitation.unknown'));
    });

    it('asks again after “ok” following an explanation', async () => {
        const { chat } = await startCheck('en');
        await chat.say('not sure');
        const replies = await chat.say('ok');
        expect(textOf(replies)).toContain(question('en', 'residence', 1));
        expect(trace(replies, 'Eligibility')).toBeUndefined();
    });
});

describe('eligibility check: keeping its footing', () => {
    it('goes back to the previous question with “back” / « retour »', async () => {
        const { chat } = await startCheck('fr');
        await chat.say('Hors du Canada');
        await chat.say('Régulier (PRTQ)');
        const back = await chat.say('retour');
        expect(textOf(back)).toContain(question('fr', 'csq', 2));
        const again = await chat.say('PSTQ');
        expect(trace(again, 'Eligibility')).toMatchObject({ unmet: ['csq'], answers: { residence: 'abroad', csq: 'pstq' } });
    });

    it.each(['en', 'fr'] as const)(
        'after the verdict, “back” opens the last question again, earlier answers kept (%s)',
        async (language) => {
            const steps: [CriterionId, string][] = [
                ['residence', 'abroad'],
                ['csq', 'regular'],
                ['pr', 'notYet'],
                ['csqValid', 'yes'],
                ['invitation', 'yes'],
                ['application', 'no'],
            ];
            const { chat, replies } = await runCheck(language, steps);
            expect(trace(replies, 'Eligibility')).toMatchObject({ eligible: false, unmet: ['application'] });
            const back = await chat.say(language === 'fr' ? 'retour' : 'back');
            expect(textOf(back)).toContain(question(language, 'application', 6));
            const changed = await chat.say(label(language, 'application', 'yes'));
            expect(trace(changed, 'Eligibility')).toMatchObject({
                eligible: true,
                unmet: [],
                answers: { residence: 'abroad', invitation: 'yes' },
            });
            // Once the check is over again and nothing is left to go back to, "back" is just not understood.
            expect(textOf(await new Chat({ locale: LOCALE[language] }).say(language === 'fr' ? 'retour' : 'back'))).not.toContain(
                question(language, 'application', 6),
            );
        },
    );

    it('does not apply “I meant no for the first question” to the current one', async () => {
        const { chat } = await startCheck('en');
        await chat.say('Outside Canada');
        await chat.say('PRTQ');
        const replies = await chat.say('oops I made a mistake, I meant no for the first question');
        expect(textOf(replies)).toContain(t.t('en', 'common:retry.otherQuestion'));
        expect(textOf(replies)).toContain(question('en', 'pr', 3));
    });

    it('does not take a reply to “Did you mean…?” as the answer to the hidden question', async () => {
        // A matcher that is unsure about one message, so that "Did you mean…?" is certain to be shown.
        const createMatcher = unsureMatcher({ 'something in between': ['fees', 'biometrics'] });
        const chat = new Chat({ locale: 'en-CA', createMatcher });
        await chat.open();
        await chat.say(t.t('en', 'common:menu.choices.eligibility'));
        const clarify = await chat.say('something in between');
        expect(trace(clarify, 'Recognizer')).toMatchObject({ action: 'fallback', candidates: ['fees', 'biometrics'] });
        const replies = await chat.say('yes');
        expect(textOf(replies)).toContain(question('en', 'residence', 1));
        expect(trace(replies, 'Eligibility')).toBeUndefined();
        const next = await chat.say('Outside Canada');
        expect(textOf(next)).toContain(question('en', 'csq', 2));
    });

    it('answers a sticker or an over-long message, then asks the pending question again', async () => {
        const { chat } = await startCheck('en');
        const sticker = await chat.send({
            type: 'message',
            attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/like.png' }],
        });
        expect(textOf(sticker)).toContain(t.t('en', 'common:unsupported'));
        expect(textOf(sticker)).toContain(question('en', 'residence', 1));
        expect(buttonsOf(sticker)).toContain('Outside Canada');
        const long = await chat.say('a'.repeat(1500));
        expect(textOf(long)).toContain(question('en', 'residence', 1));
    });

    it('offers to resume a check left half-way, and resumes it', async () => {
        const { chat } = await startCheck('en');
        await chat.say('Outside Canada');
        await chat.say('PRTQ');
        await chat.say('menu');
        const offer = await chat.say('Am I eligible?');
        expect(textOf(offer)).toContain(t.t('en', 'eligibility:resume.question', { n: 3 }));
        const resumed = await chat.say(t.t('en', 'eligibility:choices.resume'));
        expect(textOf(resumed)).toContain(question('en', 'pr', 3));
    });

    it('really restarts with “restart”, here and in the walkthrough', async () => {
        const { chat } = await startCheck('en');
        await chat.say('Outside Canada');
        const restarted = await chat.say('restart');
        expect(textOf(restarted)).toContain(t.t('en', 'common:startOver'));
        expect(textOf(restarted)).toContain(question('en', 'residence', 1));

        await chat.say('menu');
        await chat.say('How to apply');
        await chat.say('Next');
        const again = await chat.say('start over');
        expect(textOf(again)).toContain(t.t('en', 'steps:progress', { n: 1, total: WALKTHROUGH_STEPS.length }));
        expect(textOf(again)).not.toContain(t.t('en', 'steps:resume', { n: 2 }));
    });

    it('switches to French mid-question and asks the same question again in French', async () => {
        const { chat } = await startCheck('en');
        await chat.say('Outside Canada');
        const replies = await chat.say('français');
        expect(textOf(replies)).toContain(t.t('fr', 'common:language.switched'));
        expect(textOf(replies)).toContain(question('fr', 'csq', 2));
        expect(buttonsOf(replies)).toContain('Régulier (PRTQ)');
    });

    it('shows help for the pending question, then asks it again', async () => {
        const { chat } = await startCheck('fr');
        await chat.say('Hors du Canada');
        const replies = await chat.say('aide');
        expect(textOf(replies)).toContain(t.t('fr', 'common:help.general'));
        expect(textOf(replies)).toContain(t.t('fr', 'eligibility:criteria.csq.explain'));
        expect(textOf(replies)).toContain(question('fr', 'csq', 2));
    });

    it('cancels back to the menu', async () => {
        const { chat } = await startCheck('en');
        const replies = await chat.say('cancel');
        expect(textOf(replies)).toContain(t.t('en', 'common:cancelled'));
        expect(buttonsOf(replies)).toContain('Am I eligible?');
    });

    it('jumps to another guided dialog from the middle of the check', async () => {
        const { chat } = await startCheck('en');
        const replies = await chat.say('How to apply');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'dialog', target: 'steps' });
    });

    it('traces answers to the pending question as the dialog’s', async () => {
        const { chat } = await startCheck('en');
        const replies = await chat.say('Outside Canada');
        expect(trace(replies, 'Recognizer')).toEqual({ text: 'Outside Canada', locale: 'en', action: 'dialog', target: 'eligibility' });
    });
});
