import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { SATISFACTION_MOMENTS } from '../src/content/feedback';
import type { DialogTarget } from '../src/content/knowledgeBase';
import type { EligibilityProgress } from '../src/turn/state';
import { EligibilityDialog, type EligibilityOptions } from './eligibilityDialog';
import { FamilyDialog } from './familyDialog';
import { HANDOFF_DIALOG, HandoffDialog } from './handoffDialog';
import type { DialogOutcome } from './interruptibleDialog';
import { PermitDialog } from './permitDialog';
import type { DialogServices } from './services';
import { StepsDialog } from './stepsDialog';

export const MAIN_DIALOG = 'main';
const RUN_WATERFALL = 'main.run';

export interface MainOptions {
    target: DialogTarget;
    /** Staff run the eligibility check for a client (the "client check"). */
    forClient?: boolean;
    /** The check opened again at its last question ("back" just after a verdict). */
    reopen?: EligibilityProgress;
}

/** Runs one guided dialog, then offers the menu again (or moves on to the dialog the user jumped to). */
export class MainDialog extends ComponentDialog {
    constructor(private readonly services: DialogServices) {
        super(MAIN_DIALOG);
        this.addDialog(new EligibilityDialog(services));
        this.addDialog(new PermitDialog(services));
        this.addDialog(new FamilyDialog(services));
        this.addDialog(new StepsDialog(services));
        this.addDialog(new HandoffDialog(services));
        this.addDialog(new WaterfallDialog(RUN_WATERFALL, [(step) => this.start(step), (step) => this.after(step)]));
        this.initialDialogId = RUN_WATERFALL;
    }

    private async start(step: WaterfallStepContext) {
        const { target, forClient, reopen } = step.options as MainOptions;
        (step.values as { target?: DialogTarget }).target = target;
        (step.values as { forClient?: boolean }).forClient = forClient;
        this.services.analytics.track({ name: 'dialog.started', dialog: target });
        const options: EligibilityOptions | undefined = forClient ? { forClient } : reopen ? { reopen } : undefined;
        return step.beginDialog(target, options);
    }

    private async after(step: WaterfallStepContext) {
        const outcome = (step.result ?? {}) as DialogOutcome;
        const dialog = (step.values as { target?: DialogTarget }).target ?? 'unknown';
        const reason = outcome.switchTo || outcome.handoff ? 'switch' : outcome.cancelled ? 'cancel' : outcome.menu ? 'menu' : undefined;
        this.services.analytics.track(reason ? { name: 'dialog.abandoned', dialog, reason } : { name: 'dialog.completed', dialog });
        if (outcome.handoff) return step.replaceDialog(HANDOFF_DIALOG);
        if (outcome.switchTo) return step.replaceDialog(RUN_WATERFALL, { target: outcome.switchTo } satisfies MainOptions);
        const { responder, satisfaction } = this.services;
        // A verdict or the end of the walkthrough: the moment to ask how it went (once), in place of the menu.
        // Not after a client check: the staff member is not the one being served.
        const forClient = (step.values as { forClient?: boolean }).forClient === true;
        if (!reason && !forClient && SATISFACTION_MOMENTS.dialogs.includes(dialog) && (await satisfaction.offer(step.context)))
            return step.endDialog();
        if (outcome.cancelled) await responder.say(step.context, 'common:cancelled');
        await responder.menu(step.context, outcome.cancelled || outcome.menu ? 'common:menu.prompt' : 'common:menu.again');
        return step.endDialog();
    }
}
