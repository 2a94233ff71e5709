import { WaterfallDialog, type WaterfallStep, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Fact } from '../src/channels/render';
import { BACK, type Criterion, type CriterionId, criterionQuestion, type Line, unmetKey } from '../src/content/catalog';
import { CRITERIA_SOURCES } from '../src/content/staff';
import { applicableCriteria, assessEligibility, type EligibilityAnswers, type EligibilityResult } from '../src/turn/eligibility';
import type { EligibilityProgress } from '../src/turn/state';
import { ASK_DIALOG, AskDialog } from './askDialog';
import { clientSummaryCard, summaryTexts } from './clientSummary';
import { InterruptibleDialog } from './interruptibleDialog';
import type { DialogServices } from './services';

const ELIGIBILITY_DIALOG = 'eligibility';
const START_WATERFALL = 'eligibility.start';
const CHECK_WATERFALL = 'eligibility.check';
const RESUME = 'resume';
const RESTART = 'restart';

/** How the check begins: `forClient` when staff run it on behalf of a client (the "client check"). */
export interface EligibilityOptions {
    restart?: boolean;
    forClient?: boolean;
    /** "back" just after a verdict: the check opens again at its last question, the earlier answers kept. */
    reopen?: EligibilityProgress;
}

/** The next criterion to ask, or undefined when the verdict is settled (all asked, or one clearly unmet). */
function nextCriterion(answers: EligibilityAnswers): Criterion | undefined {
    if (assessEligibility(answers).unmet.length > 0) return undefined;
    return applicableCriteria(answers).find((c) => answers[c.id] === undefined);
}

/**
 * The IMP+ eligibility check: the published criteria one at a time (as data in CRITERIA), asking only
 * those that apply and stopping at the first one clearly unmet; "back" returns to the previous question;
 * leaving and coming back offers to resume. The verdict never says more than the answers support.
 */
export class EligibilityDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(ELIGIBILITY_DIALOG, services);
        this.addDialog(new AskDialog(services));
        this.addDialog(new WaterfallDialog(START_WATERFALL, [(step) => this.offerResume(step), (step) => this.resumeOrRestart(step)]));
        this.addDialog(new WaterfallDialog(CHECK_WATERFALL, this.checkSteps()));
        this.initialDialogId = START_WATERFALL;
    }

    private async offerResume(step: WaterfallStepContext) {
        const options = (step.options ?? {}) as EligibilityOptions;
        if (options.forClient) {
            // The client's answers are not the staff member's: nothing to resume, nothing kept for later.
            await this.services.responder.say(step.context, 'staff:clientCheck.intro');
            return step.replaceDialog(CHECK_WATERFALL, { answers: {}, history: [], forClient: true } satisfies EligibilityProgress);
        }
        if (options.reopen) return step.replaceDialog(CHECK_WATERFALL, options.reopen);
        const saved = await this.savedProgress(step);
        if (!saved || saved.history.length === 0 || options.restart) {
            await this.clearProgress(step);
            await this.services.responder.say(step.context, 'eligibility:intro');
            return step.replaceDialog(CHECK_WATERFALL, { answers: {}, history: [] } satisfies EligibilityProgress);
        }
        return step.beginDialog(ASK_DIALOG, {
            id: 'resume',
            lines: [{ key: 'eligibility:resume.question', params: { n: saved.history.length + 1 } }],
            choices: [RESUME, RESTART].map((id) => ({ id, labelKey: `eligibility:choices.${id}` })),
        });
    }

    private async resumeOrRestart(step: WaterfallStepContext) {
        const saved = step.result === RESUME ? await this.savedProgress(step) : undefined;
        if (!saved) {
            await this.clearProgress(step);
            await this.services.responder.say(step.context, 'eligibility:intro');
        }
        return step.replaceDialog(CHECK_WATERFALL, saved ?? ({ answers: {}, history: [] } satisfies EligibilityProgress));
    }

    /** Ask the next criterion, then record the answer (or go back) and loop; the verdict when settled. */
    private checkSteps(): WaterfallStep[] {
        const ask: WaterfallStep = async (step) => {
            const progress = step.options as EligibilityProgress;
            const criterion = nextCriterion(progress.answers);
            if (!criterion) return this.conclude(step, progress);
            const question = criterionQuestion(criterion, progress.history.length + 1, progress.history.length > 0);
            return step.beginDialog(ASK_DIALOG, question);
        };
        const record: WaterfallStep = async (step) => {
            const progress = structuredClone(step.options as EligibilityProgress);
            const answer = String(step.result);
            if (answer === BACK) {
                const previous = progress.history.pop();
                if (previous) delete progress.answers[previous];
            } else {
                const criterion = nextCriterion(progress.answers) as Criterion;
                this.services.analytics.track({ name: 'dialog.answered', dialog: ELIGIBILITY_DIALOG, step: criterion.id });
                progress.answers[criterion.id] = answer;
                progress.history.push(criterion.id);
                const note = criterion.notes?.[answer];
                if (note) await this.services.responder.say(step.context, note);
            }
            await this.saveProgress(step, progress);
            return step.replaceDialog(CHECK_WATERFALL, progress);
        };
        return [ask, record];
    }

    private async conclude(step: WaterfallStepContext, progress: EligibilityProgress) {
        const result = assessEligibility(progress.answers);
        this.services.analytics.track({ name: 'eligibility.verdict', eligible: result.eligible, unmet: result.unmet });
        await step.context.sendTraceActivity(
            'Eligibility',
            result,
            'https://impplus.local/schemas/eligibility',
            'Eligibility check result',
        );
        if (progress.forClient) await this.sendClientSummary(step, result);
        else {
            await this.sendVerdict(step, result);
            const conversation = await this.services.state.conversation.get(step.context, {});
            conversation.lastEligibility = { answers: { ...progress.answers }, eligible: result.eligible, unmet: [...result.unmet] };
            await this.clearProgress(step);
            await this.services.results.keep(step.context, (kept) => {
                kept.eligibility = result.answers;
            });
        }
        return step.endDialog(result);
    }

    private async sendVerdict(step: WaterfallStepContext, result: EligibilityResult): Promise<void> {
        const { responder } = this.services;
        const context = step.context;
        const asked = applicableCriteria(result.answers).filter((c) => result.answers[c.id] !== undefined);
        const facts: Fact[] = asked.map((c) => ({
            label: responder.t(context, `eligibility:criteria.${c.id}.short`),
            value: responder.t(
                context,
                result.unknown.includes(c.id)
                    ? 'eligibility:verdict.unknown'
                    : result.unmet.includes(c.id)
                      ? 'eligibility:verdict.notMet'
                      : 'eligibility:verdict.met',
            ),
            ...(result.unmet.includes(c.id) && !result.unknown.includes(c.id) ? { emphasis: true } : {}),
        }));
        const bullets = (ids: CriterionId[], key: (c: Criterion) => string): Line[] =>
            asked.filter((c) => ids.includes(c.id)).map((c) => ({ key: key(c), bullet: true }));

        const lines: Line[] = [];
        if (result.eligible) {
            lines.push(
                { key: 'eligibility:verdict.eligible' },
                { key: 'eligibility:verdict.invitations' },
                { key: 'eligibility:verdict.eligibleNext' },
            );
        } else if (result.unmet.length > 0) {
            lines.push({ key: 'eligibility:verdict.notEligible' });
            lines.push(...bullets(result.unmet, (c) => unmetKey(c, result.answers[c.id] ?? '')));
        } else {
            lines.push({ key: 'eligibility:verdict.unchecked' });
        }
        if (!result.eligible) lines.push(...bullets(result.unknown, (c) => `eligibility:criteria.${c.id}.unknown`));
        lines.push({ key: 'eligibility:verdict.caveat' }, { source: 'quebec-imp-plus' });
        for (const c of asked.filter((criterion) => result.unmet.includes(criterion.id))) {
            for (const source of c.unmetSources?.[result.answers[c.id] ?? ''] ?? []) lines.push({ source });
        }
        await responder.send(context, { ...responder.compose(context, lines), facts });
    }

    /** The client check's end: the summary card for the client's file, in the staff member's language. */
    private async sendClientSummary(step: WaterfallStepContext, result: EligibilityResult): Promise<void> {
        const { responder } = this.services;
        const context = step.context;
        const asked = applicableCriteria(result.answers).filter((c) => result.answers[c.id] !== undefined);
        const findings = { ...result, asked };
        const language = responder.wording(context).language;
        const sources: string[] = [...CRITERIA_SOURCES];
        for (const c of asked.filter((criterion) => result.unmet.includes(criterion.id))) {
            sources.push(...(c.unmetSources?.[result.answers[c.id] ?? ''] ?? []));
        }
        for (const key of summaryTexts(findings)) sources.push(...responder.factSources(language, key));
        await context.sendActivity({ attachments: [clientSummaryCard(responder.wording(context), findings, sources, new Date())] });
    }

    private async savedProgress(step: WaterfallStepContext): Promise<EligibilityProgress | undefined> {
        const profile = await this.services.state.profile.get(step.context, {});
        return profile.eligibility ? structuredClone(profile.eligibility) : undefined;
    }

    private async saveProgress(step: WaterfallStepContext, progress: EligibilityProgress): Promise<void> {
        if (progress.forClient) return;
        const profile = await this.services.state.profile.get(step.context, {});
        profile.eligibility = progress;
    }

    private async clearProgress(step: WaterfallStepContext): Promise<void> {
        const profile = await this.services.state.profile.get(step.context, {});
        delete profile.eligibility;
    }
}
