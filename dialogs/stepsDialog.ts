import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { type ChoiceSpec, type Line, WALKTHROUGH_SOURCES, WALKTHROUGH_STEPS, type WalkthroughStep } from '../src/content/catalog';
import { ASK_DIALOG, AskDialog } from './askDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import type { DialogServices } from './services';

const STEPS_DIALOG = 'steps';
const START_WATERFALL = 'steps.start';
const STEP_WATERFALL = 'steps.step';
const TOTAL = WALKTHROUGH_STEPS.length;

interface StepOptions {
    index: number;
}

const button = (id: string): ChoiceSpec => ({ id, labelKey: `steps:choices.${id}` });

/**
 * The application walkthrough, one step at a time ("Step n of N") with Next / Back / Menu.
 * The current step is kept in the user's profile, so leaving and coming back resumes there.
 */
export class StepsDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(STEPS_DIALOG, services);
        this.addDialog(new AskDialog(services));
        this.addDialog(new WaterfallDialog(START_WATERFALL, [(step) => this.start(step)]));
        this.addDialog(new WaterfallDialog(STEP_WATERFALL, [(step) => this.showStep(step), (step) => this.move(step)]));
        this.initialDialogId = START_WATERFALL;
    }

    private async start(step: WaterfallStepContext) {
        const profile = await this.services.state.profile.get(step.context, {});
        if ((step.options as { restart?: boolean } | undefined)?.restart) delete profile.walkthroughStep;
        const saved = profile.walkthroughStep ?? 0;
        const index = saved > 0 && saved < TOTAL ? saved : 0;
        if (index > 0) await this.services.responder.say(step.context, 'steps:resume', { n: index + 1 });
        else await this.services.responder.say(step.context, 'steps:intro', { total: TOTAL });
        return step.replaceDialog(STEP_WATERFALL, { index } satisfies StepOptions);
    }

    private async showStep(step: WaterfallStepContext) {
        const { index } = step.options as StepOptions;
        const profile = await this.services.state.profile.get(step.context, {});
        profile.walkthroughStep = index;
        // Under the user's result code too, so that coming back with it resumes here (a new round undoes "done").
        await this.services.results.progress(step.context, (kept) => {
            kept.walkthroughStep = index;
            delete kept.walkthroughDone;
        });

        const id = WALKTHROUGH_STEPS[index] as WalkthroughStep;
        // The step cites its own sources; those of the fees it quotes are added by the responder.
        const lines: Line[] = [
            { key: 'steps:progress', params: { n: index + 1, total: TOTAL } },
            { key: `steps:steps.${id}` },
            ...(WALKTHROUGH_SOURCES[id] ?? []).map((source) => ({ source })),
        ];
        const isLast = index === TOTAL - 1;
        const choices = [...(isLast ? [button('done')] : [button('next')]), ...(index > 0 ? [button('back')] : []), button('menu')];
        // A typed "next" at the last step finishes, as "Done" does.
        return step.beginDialog(ASK_DIALOG, { id, lines, choices, ...(isLast ? { answers: ['next'] } : {}) });
    }

    private async move(step: WaterfallStepContext) {
        const { index } = step.options as StepOptions;
        switch (String(step.result)) {
            case 'back':
                return step.replaceDialog(STEP_WATERFALL, { index: Math.max(0, index - 1) } satisfies StepOptions);
            case 'menu':
                return step.endDialog({ menu: true });
            case 'next':
                if (index + 1 < TOTAL) return step.replaceDialog(STEP_WATERFALL, { index: index + 1 } satisfies StepOptions);
                return this.complete(step);
            default:
                return this.complete(step);
        }
    }

    private async complete(step: WaterfallStepContext) {
        const profile = await this.services.state.profile.get(step.context, {});
        delete profile.walkthroughStep;
        await this.services.responder.say(step.context, 'steps:finished');
        await this.services.results.keep(step.context, (kept) => {
            delete kept.walkthroughStep;
            kept.walkthroughDone = true;
        });
        return step.endDialog();
    }
}
