import { unmetKey, WALKTHROUGH_STEPS } from '../content/catalog';
import { FACTS, type FactId, factsIn, formatDate, formatFact, isSourceId, SOURCES } from '../content/facts';
import type { Translator } from '../content/i18n';
import type { Language } from '../content/languages';
import { askedCriteria, assessEligibility, criterionStatus } from '../turn/eligibility';
import type { KeptResult } from '../turn/state';
import { formatCode } from '../understanding/resultCode';
import type { SourceLink } from './render';

/** One criterion as the person answered it. */
interface ChecklistCriterion {
    label: string;
    answer: string;
    status: 'met' | 'notMet' | 'unknown';
    statusText: string;
}

interface ChecklistFee {
    label: string;
    amount: string;
    /** "IRCC fee list (canada.ca), checked on November 30, 2026" */
    source: string;
    url: string;
}

/** A kept result, channel-neutral: the chat card and the printable page draw the same content. */
export interface Checklist {
    language: Language;
    title: string;
    /** The verdict in one sentence, when there was a check. */
    verdict?: string;
    criteria: ChecklistCriterion[];
    next: string[];
    documents: string[];
    fees: ChecklistFee[];
    sources: SourceLink[];
    /** "K7QM-2X4A-9P3R-TT8V" */
    code: string;
    validUntil: string;
    made: string;
    url: string;
}

/** The fees of an application, each quoted from src/content/facts.ts with its source. */
const FEES: readonly FactId[] = ['fees.workPermit', 'fees.openWorkPermitHolder', 'fees.biometrics', 'fees.biometricsFamily'];
/** Sources behind the criteria and the documents (the texts quoting facts add their own). */
const CRITERIA_SOURCES = ['quebec-imp-plus', 'ircc-a76'];
const DOCUMENT_SOURCES = ['ircc-imp-plus-copy'];

export interface KeptCode {
    code: string;
    createdAt: string;
    expiresAt: string;
    /** The printable page's address. */
    url: string;
}

/**
 * The checklist of a kept result in a language: each criterion with the answer and whether it is met, what
 * to do next, and, unless a criterion is clearly unmet, the documents to prepare and the fees, every fact
 * with its source and the date it was checked.
 */
export function buildChecklist(translator: Translator, kept: KeptResult, code: KeptCode, language: Language = kept.language): Checklist {
    const t = (key: string, params?: Record<string, unknown>) => translator.t(language, key, params);
    const sourceIds: string[] = [];
    const quote = (key: string, params?: Record<string, unknown>) => {
        sourceIds.push(...factsIn(translator.template(language, key) ?? '').map((id) => FACTS[id].source));
        return t(key, params);
    };

    const criteria: ChecklistCriterion[] = [];
    const next: string[] = [];
    let verdict: string | undefined;
    let applying = true;
    if (kept.eligibility) {
        const result = assessEligibility(kept.eligibility);
        sourceIds.push(...CRITERIA_SOURCES);
        for (const criterion of askedCriteria(kept.eligibility)) {
            const status = criterionStatus(result, criterion.id);
            criteria.push({
                label: t(`eligibility:criteria.${criterion.id}.short`),
                answer: t(`eligibility:choices.${kept.eligibility[criterion.id]}`),
                status,
                statusText: t(`eligibility:verdict.${status}`),
            });
            const answer = kept.eligibility[criterion.id] ?? '';
            if (status === 'notMet') {
                next.push(quote(unmetKey(criterion, answer)));
                for (const source of criterion.unmetSources?.[answer] ?? []) sourceIds.push(source);
            }
            if (status === 'unknown') next.push(quote(`eligibility:criteria.${criterion.id}.unknown`));
        }
        applying = result.unmet.length === 0;
        verdict = t(
            result.eligible
                ? 'eligibility:verdict.eligible'
                : result.unmet.length > 0
                  ? 'eligibility:verdict.notEligible'
                  : 'eligibility:verdict.unchecked',
        );
        if (result.eligible) next.push(quote('eligibility:verdict.invitations'), quote('eligibility:verdict.eligibleNext'));
    }
    if (applying) {
        const total = WALKTHROUGH_STEPS.length;
        if (kept.walkthroughDone) next.push(t('result:walkthrough.done'));
        else if (kept.walkthroughStep !== undefined) next.push(t('result:walkthrough.inProgress', { n: kept.walkthroughStep + 1, total }));
        else next.push(t('result:walkthrough.notStarted'));
    }
    next.push(t('eligibility:verdict.caveat'));

    const fees: ChecklistFee[] = applying
        ? FEES.map((id) => {
              const source = SOURCES[FACTS[id].source];
              sourceIds.push(FACTS[id].source);
              return {
                  label: t(`result:fees.${id.split('.')[1]}`),
                  amount: formatFact(FACTS[id], language),
                  source: t('result:feeSource', {
                      title: t(`sources:${FACTS[id].source}.title`),
                      checked: formatDate(FACTS[id].checked, language),
                  }),
                  url: source.url[language],
              };
          })
        : [];
    if (applying) sourceIds.push(...DOCUMENT_SOURCES);

    const sources = [...new Set(sourceIds)].filter(isSourceId).map((id) => {
        const record = SOURCES[id];
        const params = { title: t(`sources:${id}.title`), checked: formatDate(record.checked, language) };
        return {
            caption: t(record.official ? 'common:answer.source' : 'common:answer.secondarySource', params),
            title: t('common:answer.openSource'),
            url: record.url[language],
        };
    });

    return {
        language,
        title: t(kept.eligibility ? 'result:title' : 'result:walkthroughTitle'),
        ...(verdict ? { verdict } : {}),
        criteria,
        next,
        documents: applying ? translator.list(language, 'result:documents') : [],
        fees,
        sources,
        code: formatCode(code.code),
        validUntil: formatDate(code.expiresAt.slice(0, 10), language),
        made: formatDate(code.createdAt.slice(0, 10), language),
        url: code.url,
    };
}
