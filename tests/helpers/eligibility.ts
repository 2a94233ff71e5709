import { CRITERIA, type CriterionId } from '../../src/content/catalog';
import type { Translator } from '../../src/content/i18n';
import type { Language } from '../../src/content/languages';

/** The button label of one answer to one criterion, as the bot shows it. */
export function answerLabel(translator: Translator, language: Language, criterion: CriterionId, answer: string): string {
    const spec = CRITERIA.find((c) => c.id === criterion)?.choices.find((c) => c.id === answer);
    if (!spec) throw new Error(`no choice ${answer} for ${criterion}`);
    return translator.t(language, spec.labelKey);
}

/** Answers that meet every criterion, in the order the check asks them. */
export const ELIGIBLE_ANSWERS: readonly [CriterionId, string][] = [
    ['residence', 'abroad'],
    ['csq', 'regular'],
    ['pr', 'notYet'],
    ['csqValid', 'yes'],
    ['invitation', 'yes'],
    ['application', 'yes'],
];
