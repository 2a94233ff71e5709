import { describe, expect, it } from 'vitest';
import { FACT_IDS, FACTS, type FactRecord, factsIn, formatDate, recheckDueIn } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import type { Language } from '../src/content/languages';
import { Chat, textOf } from './helpers/chat';
import { answerLabel } from './helpers/eligibility';

/**
 * A figure whose publisher was due to revise it (`revisedOn`), not checked again since, may no longer be true: from that
 * day, the public answers that quote it say so, in both languages.
 */
const t = createTranslator();
const revisedOn = FACT_IDS.map((id) => (FACTS[id] as FactRecord).revisedOn)
    .filter((day): day is string => day !== undefined)
    .sort()[0] as string;
const due = (template: string) => factsIn(template).some((id) => (FACTS[id] as FactRecord).revisedOn === revisedOn);
const topics = t.object<Record<string, unknown>>('en', 'faq:topics') ?? {};
const topicId = Object.keys(topics).find((id) => due(t.template('en', `faq:topics.${id}.answer`) ?? ''));
const answerOf = (language: Language) => t.template(language, `faq:topics.${topicId}.answer`) ?? '';
const dayOf = new Date(`${revisedOn}T12:00:00Z`);
const dayBefore = new Date(dayOf.getTime() - 86_400_000);
const note = (language: Language) => t.t(language, 'common:answer.dueForRecheck', { date: formatDate(revisedOn, language) });

describe('figures due for a recheck, in the public answers', () => {
    it('quotes in a public answer a figure its publisher revises on a known day', () => {
        expect(topicId).toBeDefined();
        expect(recheckDueIn(answerOf('en'), dayBefore)).toBeUndefined();
        expect(recheckDueIn(answerOf('fr'), dayOf)).toBe(revisedOn);
    });

    it.each([
        ['en-CA', 'en'],
        ['fr-CA', 'fr'],
    ] as const)('%s: the answer says the figure may have changed, from that day on only', async (locale, language) => {
        const [question] = t.object<string[]>(language, `faq:topics.${topicId}.samples`) ?? [];
        const before = new Chat({ locale, today: () => dayBefore });
        await before.open();
        const earlier = textOf(await before.say(question as string));
        expect(earlier).toContain(t.t(language, `faq:topics.${topicId}.answer`).slice(0, 60));
        expect(earlier).not.toContain(note(language));
        const after = new Chat({ locale, today: () => dayOf });
        await after.open();
        expect(textOf(await after.say(question as string))).toContain(note(language));
    });

    it('says it under the eligibility verdict that quotes the figure', async () => {
        const verdict = async (today: Date) => {
            const chat = new Chat({ locale: 'en-CA', today: () => today });
            await chat.open();
            await chat.say(t.t('en', 'common:menu.choices.eligibility'));
            return textOf(await chat.say(answerLabel(t, 'en', 'residence', 'quebec')));
        };
        expect(due(t.template('en', 'eligibility:criteria.residence.unmet.quebec') ?? '')).toBe(true);
        expect(await verdict(dayBefore)).not.toContain(note('en'));
        expect(await verdict(dayOf)).toContain(note('en'));
    });
});
