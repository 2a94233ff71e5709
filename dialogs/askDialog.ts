import { type TurnContext, ActivityTypes } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { UNSURE } from '../src/answers';
import type { Question } from '../src/content';
import type { DialogServices } from './services';

export const ASK_DIALOG = 'ask';

interface AskState {
    question: Question;
    attempts: number;
}

/**
 * A bilingual prompt: the question is a description (locales keys and choice ids), drawn in the turn's
 * language each time it is asked, so that a language switch or "help" asks it again in the right words.
 * Ends with the id of the chosen answer.
 */
export class AskDialog extends Dialog<Question> {
    constructor(private readonly services: DialogServices) {
        super(ASK_DIALOG);
    }

    /** The question waiting for an answer anywhere down the dialog stack, if any. */
    static pendingQuestion(dc: DialogContext): Question | undefined {
        let leaf = dc;
        while (leaf.child) leaf = leaf.child;
        return leaf.activeDialog?.id === ASK_DIALOG ? (leaf.activeDialog.state as AskState).question : undefined;
    }

    async beginDialog(dc: DialogContext, question?: Question): Promise<DialogTurnResult> {
        if (!question) throw new Error('AskDialog needs a question');
        const state: AskState = { question, attempts: 0 };
        (dc.activeDialog as DialogInstance).state = state;
        // The dialog that asks is the component this prompt runs in.
        const dialog = dc.parent?.activeDialog?.id ?? 'unknown';
        this.services.analytics.track({ name: 'dialog.step', dialog, step: question.id });
        await this.ask(dc.context, question);
        return Dialog.EndOfTurn;
    }

    async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
        if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
        const state = (dc.activeDialog as DialogInstance).state as AskState;
        const answer = this.services.reader.read(state.question, dc.context.activity.text ?? '');
        if (answer === UNSURE && state.question.explainKey) {
            await this.explain(dc.context, state.question);
            return Dialog.EndOfTurn;
        }
        if (answer !== undefined) return dc.endDialog(answer);

        state.attempts += 1;
        const { responder } = this.services;
        const options = state.question.choices.map((c) => responder.t(dc.context, c.labelKey)).join(', ');
        const retry = [responder.t(dc.context, 'common:retry.choose', { options })];
        if (state.attempts >= 2) retry.push(responder.t(dc.context, 'common:retry.stillStuck'));
        await responder.send(dc.context, { text: retry.join(' ') });
        await this.ask(dc.context, state.question);
        return Dialog.EndOfTurn;
    }

    async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
        await this.ask(context, (instance.state as AskState).question);
    }

    /** Explains what the question means, then asks it again. */
    async explain(context: TurnContext, question: Question): Promise<void> {
        if (question.explainKey) await this.services.responder.say(context, question.explainKey);
        await this.ask(context, question);
    }

    private async ask(context: TurnContext, question: Question): Promise<void> {
        const { responder } = this.services;
        const facts = question.facts?.map((f) => ({ label: responder.t(context, f.labelKey), value: responder.t(context, f.valueKey) }));
        await responder.send(context, {
            ...responder.compose(context, question.lines),
            ...(facts ? { facts } : {}),
            buttons: responder.buttons(context, question.choices),
        });
    }
}
