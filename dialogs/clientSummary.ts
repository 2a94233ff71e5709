import type { Attachment } from 'botbuilder';
import { type Block, documentCard } from '../src/channels/documentCard';
import { sourceNote, type Wording } from '../src/channels/factsCard';
import { type Criterion, type CriterionId, unmetKey } from '../src/content/catalog';
import { formatDate, isSourceId } from '../src/content/facts';

/** What the check found, as the eligibility dialog's verdict sees it. */
export interface CheckFindings {
    eligible: boolean;
    unmet: CriterionId[];
    unknown: CriterionId[];
    answers: Partial<Record<CriterionId, string>>;
    /** The criteria asked, in order. */
    asked: readonly Criterion[];
}

type VerdictKind = 'eligible' | 'notEligible' | 'unchecked';

const verdictKind = (findings: Pick<CheckFindings, 'eligible' | 'unmet'>): VerdictKind =>
    findings.eligible ? 'eligible' : findings.unmet.length > 0 ? 'notEligible' : 'unchecked';

/** The locales texts the summary quotes, whose facts' sources it must cite. */
export function summaryTexts(findings: CheckFindings): string[] {
    const unmet = findings.asked.filter((c) => findings.unmet.includes(c.id)).map((c) => unmetKey(c, findings.answers[c.id] ?? ''));
    return [`staff:clientCheck.nextSteps.${verdictKind(findings)}`, ...unmet];
}

/**
 * The client check's summary for the client's file: the answers, the verdict (never more than the answers
 * support: "appears to meet" only when every answer was clear and met), what is unmet or unchecked, the
 * next steps and the sources with the dates they were checked.
 */
export function clientSummaryCard(words: Wording, findings: CheckFindings, sources: readonly string[], today: Date): Attachment {
    const { t } = words;
    const status = (id: CriterionId) =>
        t(
            findings.unknown.includes(id)
                ? 'eligibility:verdict.unknown'
                : findings.unmet.includes(id)
                  ? 'eligibility:verdict.notMet'
                  : 'eligibility:verdict.met',
        );
    const kind = verdictKind(findings);
    const blocks: Block[] = [
        { kind: 'title', text: t('staff:clientCheck.title') },
        {
            kind: 'text',
            text: t('staff:clientCheck.date', { date: formatDate(today.toISOString().slice(0, 10), words.language) }),
            note: true,
        },
        { kind: 'heading', text: t('staff:clientCheck.answers') },
        {
            kind: 'facts',
            facts: findings.asked.map((c) => ({
                label: t(`eligibility:criteria.${c.id}.short`),
                value: `${t(`eligibility:choices.${findings.answers[c.id] ?? ''}`)} · ${status(c.id)}`,
            })),
        },
        { kind: 'text', text: t(`staff:clientCheck.verdict.${kind}`) },
    ];
    const unmet = findings.asked.filter((c) => findings.unmet.includes(c.id));
    if (unmet.length > 0) {
        blocks.push({ kind: 'heading', text: t('staff:clientCheck.unmet') });
        for (const c of unmet) {
            const value = t(unmetKey(c, findings.answers[c.id] ?? ''));
            blocks.push({ kind: 'text', text: t('staff:facts.row', { label: t(`eligibility:criteria.${c.id}.short`), value }) });
        }
    }
    const unknown = findings.asked.filter((c) => findings.unknown.includes(c.id));
    if (unknown.length > 0) {
        blocks.push({ kind: 'heading', text: t('staff:clientCheck.unknown') });
        for (const c of unknown) blocks.push({ kind: 'text', text: t(`eligibility:criteria.${c.id}.unknown`) });
    }
    blocks.push(
        { kind: 'heading', text: t('staff:clientCheck.next') },
        { kind: 'text', text: t(`staff:clientCheck.nextSteps.${kind}`) },
        { kind: 'text', text: t('eligibility:verdict.caveat'), note: true },
        { kind: 'heading', text: t('staff:clientCheck.sources') },
    );
    for (const id of new Set(sources)) if (isSourceId(id)) blocks.push(sourceNote(words, id));
    return documentCard(blocks);
}
