import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { sayForCommand } from '../src/channels/commandReplies';
import { COMMAND_ACTIONS, type Command } from '../src/content/catalog';
import type { DialogTarget } from '../src/content/knowledgeBase';
import { getTurnInfo } from '../src/turn/turn';
import { AskDialog } from './askDialog';
import type { DialogServices } from './services';

/** How a guided dialog ended, for the main dialog to act on. */
export interface DialogOutcome {
    cancelled?: boolean;
    /** The user asked for the menu. */
    menu?: boolean;
    /** The user asked for another guided dialog in the middle of this one. */
    switchTo?: DialogTarget;
    /** The user asked for an advisor: the consent dialog follows (the check's answers are kept for it). */
    handoff?: boolean;
}

/** Where the options the dialog began with are kept, so that "restart" begins it the same way. */
const BEGIN_OPTIONS = 'beginOptions';

/**
 * Base of the guided dialogs: at any question the user may ask for help, cancel, go to the menu, switch
 * language (the question is asked again in the new language), ask an IMP+ question (answered, then the
 * question is asked again) or jump to another guided dialog. The bot decides once per turn what the
 * message is (TurnInfo.decision); this class carries that decision out inside the dialog.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
    protected constructor(
        id: DialogTarget,
        protected readonly services: DialogServices,
    ) {
        super(id);
    }

    protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
        const instance = innerDc.parent?.activeDialog;
        if (instance && options) (instance.state as Record<string, unknown>)[BEGIN_OPTIONS] = options;
        return super.onBeginDialog(innerDc, options);
    }

    protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
        if (innerDc.context.activity.type === ActivityTypes.Message) {
            const interrupted = await this.interrupt(innerDc);
            if (interrupted) return interrupted;
        }
        return super.onContinueDialog(innerDc);
    }

    private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const { decision } = getTurnInfo(innerDc.context);
        const { responder } = this.services;
        const context = innerDc.context;
        switch (decision?.kind) {
            case undefined:
            case 'prompt':
                return undefined;
            case 'command':
                return this.onCommand(innerDc, decision.command);
            case 'answer':
                await responder.answer(context, decision.topic, false);
                return this.askAgain(innerDc);
            case 'refuse':
                if (!decision.topic) return undefined; // not a question we know: the pending question retries
                await responder.answer(context, decision.topic, false);
                return this.askAgain(innerDc);
            case 'clarify':
                // The candidates' buttons must stay last; the question comes back after the user picks one,
                // and a "yes" meant for "Did you mean…?" never answers the question behind it.
                await responder.clarify(context, decision.topics);
                AskDialog.markClarifying(innerDc);
                return Dialog.EndOfTurn;
            case 'dialog':
                if (decision.target === this.id) return this.askAgain(innerDc);
                return this.finish(innerDc, { switchTo: decision.target });
        }
    }

    /** Carries out a command inside the dialog, as COMMAND_ACTIONS says (the same table as at the top level). */
    private async onCommand(innerDc: DialogContext, command: Command): Promise<DialogTurnResult> {
        // "Delete my data": the bot erased the state before any dialog ran; nothing is left to continue.
        if (command === 'deleteData') return this.finish(innerDc, { menu: true });
        const action = COMMAND_ACTIONS[command];
        const { responder, handoff, retentionDays } = this.services;
        const context = innerDc.context;
        await sayForCommand(context, action, 'inDialog', {
            responder,
            values: { retentionDays, resultCodeDays: this.services.results.codes.days },
        });
        switch (action.inDialog) {
            case 'askAgain':
                return this.askAgain(innerDc);
            case 'explain': {
                const pending = AskDialog.pendingQuestion(innerDc);
                if (pending?.explainKey) {
                    await responder.send(context, {
                        text: `${responder.t(context, 'common:help.atQuestion')} ${responder.t(context, pending.explainKey)}`,
                    });
                }
                return this.askAgain(innerDc);
            }
            case 'cancel':
                return this.finish(innerDc, { cancelled: true });
            case 'menu':
                return this.finish(innerDc, { menu: true });
            case 'restart':
                // From the very start, forgetting the progress kept for a later visit.
                await innerDc.cancelAllDialogs();
                return innerDc.beginDialog(this.initialDialogId, { ...this.beginOptions(innerDc), restart: true });
            case 'wait':
                return Dialog.EndOfTurn;
            case 'handoff':
                if (handoff.usesInbox(context)) return this.finish(innerDc, { handoff: true });
                await handoff.offer(context);
                return this.askAgain(innerDc);
        }
    }

    private beginOptions(innerDc: DialogContext): object {
        const state = innerDc.parent?.activeDialog?.state as Record<string, unknown> | undefined;
        return (state?.[BEGIN_OPTIONS] as object | undefined) ?? {};
    }

    private async askAgain(innerDc: DialogContext): Promise<DialogTurnResult> {
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
    }

    private async finish(innerDc: DialogContext, outcome: DialogOutcome): Promise<DialogTurnResult> {
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete, result: outcome };
    }
}
