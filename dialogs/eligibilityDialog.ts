import { WaterfallDialog, type WaterfallStep, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CRITERIA, type Criterion, type CriterionId, criterionQuestion, unmetKey } from '../src/content';
import { ASK_DIALOG, AskDialog } from './askDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import type { DialogServices } from './services';

export const ELIGIBILITY_DIALOG = 'eligibility';
const CHECK_WATERFALL = 'eligibility.check';

/** The value of the `Eligibility` trace, sent when the check ends. */
export interface EligibilityResult {
    eligible: boolean;
    unmet: CriterionId[];
    answers: Partial<Record<CriterionId, string>>;
}

export function assess(answers: Partial<Record<CriterionId, string>>): EligibilityResult {
    const unmet = CRITERIA.filter((c) => !c.met.includes(answers[c.id] ?? '')).map((c) => c.id);
    return { eligible: unmet.length === 0, unmet, answers };
}

/** The IMP+ eligibility check: the four criteria one at a time (as data in CRITERIA), then one verdict. */
export class EligibilityDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(ELIGIBILITY_DIALOG, services);
        this.addDialog(new AskDialog(services));
        this.addDialog(new WaterfallDialog(CHECK_WATERFALL, this.steps()));
        this.initialDialogId = CHECK_WATERFALL;
    }

    /** One step per criterion (record the previous answer, ask the next), then the verdict. */
    private steps(): WaterfallStep[] {
        const askStep =
            (index: number): WaterfallStep =>
            async (step) => {
                if (index === 0) await this.services.responder.say(step.context, 'eligibility:intro');
                else await this.record(step, CRITERIA[index - 1] as Criterion);
                return step.beginDialog(ASK_DIALOG, criterionQuestion(CRITERIA[index] as Criterion, index));
            };
        const verdictStep: WaterfallStep = async (step) => {
            await this.record(step, CRITERIA[CRITERIA.length - 1] as Criterion);
            const result = assess(this.answers(step));
            this.services.analytics.track({ name: 'eligibility.verdict', eligible: result.eligible, unmet: result.unmet });
            await step.context.sendTraceActivity('Eligibility', result, 'https://impplus.local/schemas/eligibility', 'Eligibility check result');
            await this.sendVerdict(step, result);
            return step.endDialog(result);
        };
        return [...CRITERIA.map((_, index) => askStep(index)), verdictStep];
    }

    private answers(step: WaterfallStepContext): Partial<Record<CriterionId, string>> {
        const values = step.values as { answers?: Partial<Record<CriterionId, string>> };
        values.answers ??= {};
        return values.answers;
    }

    private async record(step: WaterfallStepContext, criterion: Criterion): Promise<void> {
        const answer = String(step.result);
        this.answers(step)[criterion.id] = answer;
        const note = criterion.notes?.[answer];
        if (note) await this.services.responder.say(step.context, note);
    }

    private async sendVerdict(step: WaterfallStepContext, result: EligibilityResult): Promise<void> {
        const { responder } = this.services;
        const context = step.context;
        const facts = CRITERIA.map((c) => ({
            label: responder.t(context, `eligibility:criteria.${c.id}.short`),
            value: responder.t(context, result.unmet.includes(c.id) ? 'eligibility:verdict.notMet' : 'eligibility:verdict.met'),
        }));
        if (result.eligible) {
            const reply = responder.compose(context, [
                { key: 'eligibility:verdict.eligible' },
                { key: 'eligibility:verdict.eligibleNext' },
                { key: 'eligibility:verdict.caveat' },
                { source: 'fees' },
            ]);
            await responder.send(context, { ...reply, facts });
            return;
        }
        const reasons = CRITERIA.filter((c) => result.unmet.includes(c.id)).map(
            (c) => `• ${responder.t(context, unmetKey(c, result.answers[c.id] ?? ''))}`,
        );
        const text = [
            responder.t(context, 'eligibility:verdict.notEligible'),
            reasons.join('\n'),
            responder.t(context, 'eligibility:verdict.notEligibleNext'),
            responder.t(context, 'eligibility:verdict.caveat'),
        ].join('\n\n');
        await responder.send(context, { text, facts });
    }
}
