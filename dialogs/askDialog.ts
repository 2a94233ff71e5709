import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { ChoiceSpec, Question } from '../src/content/catalog';
import { inputText } from '../src/turn/turn';
import { UNSURE } from '../src/understanding/answers';
import type { DialogServices } from './services';

export const ASK_DIALOG = 'ask';

interface AskState {
    question: Question;
    attempts: number;
    /** The question was explained after a "not sure": a second "not sure" is the answer. */
    explained?: boolean;
    /** An answer worked out from a sentence, waiting for the user's "yes, that's right". */
    confirming?: string;
    /** "Did you mean…?" was shown over this question: only a tap on one of its own buttons answers it now. */
    clarifying?: boolean;
}

const CONFIRM_CHOICES: ChoiceSpec[] = [
    { id: 'yes', labelKey: 'common:confirm.yes' },
    { id: 'no', labelKey: 'common:confirm.no' },
];
/** How a reply to "is that right?" is read. */
const CONFIRM_READING: Question = { id: 'confirm', lines: [], choices: CONFIRM_CHOICES, yesNo: { yes: 'yes', no: 'no' } };

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
        return AskDialog.pendingState(dc)?.question;
    }

    /**
     * The questions a tap may answer now: the pending one, and its "is that right?" while it waits for it.
     * Empty when no question is waiting.
     */
    static answerableQuestions(dc: DialogContext): string[] {
        const state = AskDialog.pendingState(dc);
        if (!state) return [];
        return state.confirming !== undefined ? [state.question.id, `${state.question.id}.confirm`] : [state.question.id];
    }

    /** Whether the message is for the pending question: an answer to it, or to its "is that right?". */
    static expects(dc: DialogContext, reader: DialogServices['reader'], text: string): boolean {
        const state = AskDialog.pendingState(dc);
        if (!state) return false;
        if (state.clarifying) return reader.readLabel(state.question, text) !== undefined;
        if (state.confirming !== undefined && reader.read(CONFIRM_READING, text).kind === 'answer') return true;
        return reader.read(state.question, text).kind !== 'none';
    }

    /** Marks the pending question as covered by a "Did you mean…?", so that "yes" does not answer it. */
    static markClarifying(dc: DialogContext): void {
        const state = AskDialog.pendingState(dc);
        if (state) state.clarifying = true;
    }

    private static pendingState(dc: DialogContext): AskState | undefined {
        let leaf = dc;
        while (leaf.child) leaf = leaf.child;
        return leaf.activeDialog?.id === ASK_DIALOG ? (leaf.activeDialog.state as AskState) : undefined;
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
        const { question } = state;
        const text = inputText(dc.context);
        const { reader, responder } = this.services;

        if (state.clarifying) {
            delete state.clarifying;
            const tapped = reader.readLabel(question, text);
            if (tapped !== undefined) return dc.endDialog(tapped);
            await this.ask(dc.context, question);
            return Dialog.EndOfTurn;
        }
        if (state.confirming !== undefined) {
            const pending = state.confirming;
            delete state.confirming;
            const reply = reader.read(CONFIRM_READING, text);
            if (reply.kind === 'answer' && reply.id === 'yes') return dc.endDialog(pending);
            if (reply.kind === 'answer' && reply.id === 'no') {
                await this.ask(dc.context, question);
                return Dialog.EndOfTurn;
            }
            // Neither yes nor no: the message may answer the question itself.
        }

        const reading = reader.read(question, text);
        if (reading.kind === 'otherQuestion') {
            await responder.say(dc.context, 'common:retry.otherQuestion');
            await this.ask(dc.context, question);
            return Dialog.EndOfTurn;
        }
        if (reading.kind === 'answer') {
            if (reading.id === UNSURE && question.explainKey) {
                // Asked to count toward a verdict, a second "not sure" is recorded as such.
                if (question.confirm && state.explained) return dc.endDialog(UNSURE);
                state.explained = true;
                await this.explain(dc.context, question);
                return Dialog.EndOfTurn;
            }
            if (reading.sure) return dc.endDialog(reading.id);
            state.confirming = reading.id;
            await this.askToConfirm(dc.context, question, reading.id);
            return Dialog.EndOfTurn;
        }

        state.attempts += 1;
        const options = question.choices.map((c) => responder.t(dc.context, c.labelKey)).join(', ');
        const retry = [responder.t(dc.context, 'common:retry.choose', { options })];
        if (state.attempts >= 2) retry.push(responder.t(dc.context, 'common:retry.stillStuck'));
        await responder.send(dc.context, { text: retry.join(' ') });
        await this.ask(dc.context, question);
        return Dialog.EndOfTurn;
    }

    async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
        const state = instance.state as AskState;
        if (state.confirming !== undefined) await this.askToConfirm(context, state.question, state.confirming);
        else await this.ask(context, state.question);
    }

    /** "Just to be sure: “In Quebec”. Is that right?" with Yes / No. */
    private confirmQuestion(context: TurnContext, question: Question, answer: string): Question {
        const namespace = question.choices[0]?.labelKey.split(':')[0] ?? 'common';
        const label = this.services.responder.t(context, `${namespace}:choices.${answer}`);
        return {
            id: `${question.id}.confirm`,
            lines: [{ key: 'common:confirm.ask', params: { answer: label } }],
            choices: CONFIRM_CHOICES,
            yesNo: { yes: 'yes', no: 'no' },
        };
    }

    private async askToConfirm(context: TurnContext, question: Question, answer: string): Promise<void> {
        await this.ask(context, this.confirmQuestion(context, question, answer));
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
            question: question.id,
        });
    }
}
