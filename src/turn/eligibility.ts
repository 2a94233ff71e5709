import { CRITERIA, type Criterion, type CriterionId } from '../content/catalog';
import { UNSURE } from '../understanding/answers';

export type EligibilityAnswers = Partial<Record<CriterionId, string>>;

/** What the answers of an eligibility check say (the value of the `Eligibility` trace). */
export interface EligibilityResult {
    /** True only when every criterion asked was clearly met. */
    eligible: boolean;
    unmet: CriterionId[];
    /** Criteria the person could not answer ("not sure" twice): never counted as met. */
    unknown: CriterionId[];
    answers: EligibilityAnswers;
}

/** The criteria that apply to these answers (csqValid only matters before a PR application). */
export function applicableCriteria(answers: EligibilityAnswers): Criterion[] {
    return CRITERIA.filter((c) => !c.askIf || c.askIf.answers.includes(answers[c.askIf.criterion] ?? ''));
}

/** The criteria asked so far, in the order they are asked. */
export function askedCriteria(answers: EligibilityAnswers): Criterion[] {
    return applicableCriteria(answers).filter((c) => answers[c.id] !== undefined);
}

export function assessEligibility(answers: EligibilityAnswers): EligibilityResult {
    const criteria = applicableCriteria(answers);
    const asked = criteria.filter((c) => answers[c.id] !== undefined);
    const unknown = asked.filter((c) => answers[c.id] === UNSURE).map((c) => c.id);
    const unmet = asked.filter((c) => answers[c.id] !== UNSURE && !c.met.includes(answers[c.id] as string)).map((c) => c.id);
    const complete = asked.length === criteria.length;
    return { eligible: complete && unmet.length === 0 && unknown.length === 0, unmet, unknown, answers };
}

/** How one criterion stands: met, not met, or not checked ("not sure"). */
export function criterionStatus(result: EligibilityResult, id: CriterionId): 'met' | 'notMet' | 'unknown' {
    return result.unknown.includes(id) ? 'unknown' : result.unmet.includes(id) ? 'notMet' : 'met';
}
