import { describe, expect, it } from 'vitest';
import { WALKTHROUGH_STEPS } from '../src/content/catalog';
import { FACTS, type FactRecord, factsIn, formatDate, recheckDueIn } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import { Chat, textOf } from './helpers/chat';

/**
 * A figure whose publisher was due to revise it (`revisedOn`), not checked again since, may no longer be true: from that
 * day, the public answers that quote it say so, in both languages.
 */
const t = createTranslator();
const feesAnswer = (language: 'en' | 'fr') => t.template(language, 'faq:topics.fees.answer') ?? '';
const dueDays = factsIn(feesAnswer('en'))
    .map((id): string | undefined => (FACTS[id] as FactRecord).revisedOn)
    .filter((day): day is string => day !== undefined)
    .sort();
const revisedOn = dueDays[0] as string;
const dayOf = new Date(`${revisedOn}T12:00:00Z`);
const dayBefore = new Date(dayOf.getTime() - 86_400_000);
const note = (language: 'en' | 'fr') => t.t(language, 'common:answer.dueForRecheck', { date: formatDate(revisedOn, language) });

describe('figures due for a recheck, in the public answers', () => {
    it('quotes in the fees answer a figure its publisher revises on a known day', () => {
        expect(dueDays.length).toBeGreaterThan(0);
        expect(recheckDueIn(feesAnswer('en'), dayBefore)).toBeUndefined();
    });

    it.each([
        ['en-CA', 'en', 'how much are the fees?'],
        ['fr-CA', 'fr', 'combien coûtent les frais?'],
    ] as const)('%s: the fees answer says the figure may have changed, from that day on only', async (locale, language, question) => {
        const before = new Chat({ locale, today: () => dayBefore });
        await before.open();
        expect(textOf(await before.say(question))).not.toContain(note(language));
        const after = new Chat({ locale, today: () => dayOf });
        await after.open();
        const text = textOf(await after.say(question));
        expect(text).toContain(FACTS['fees.workPermit'].value.toString());
        expect(text.includes(note(language))).toBe(recheckDueIn(feesAnswer(language), dayOf) !== undefined);
    });

    it('says it under the walkthrough step that quotes the figure', async () => {
        const chat = new Chat({ locale: 'en-CA', today: () => dayOf });
        await chat.open();
        await chat.say('How to apply');
        let noted = 0;
        for (const id of WALKTHROUGH_STEPS.slice(1)) {
            const text = textOf(await chat.say('Next'));
            const due = recheckDueIn(t.template('en', `steps:steps.${id}`) ?? '', dayOf);
            expect(text.includes(note('en')), id).toBe(due !== undefined);
            if (due) noted += 1;
        }
        expect(noted).toBeGreaterThan(0);
    });
});
