import type { DialogContext } from 'botbuilder-dialogs';
import { HANDOFF_DIALOG } from '../../dialogs/handoffDialog';
import { MAIN_DIALOG, type MainOptions } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import { sayForCommand } from '../channels/commandReplies';
import { COMMAND_ACTIONS, type CommandAction, GO_BACK } from '../content/catalog';
import { SATISFACTION_MOMENTS } from '../content/feedback';
import { givesPersonalDetails, redact } from '../observability/redact';
import { applicableCriteria } from '../turn/eligibility';
import type { ConversationData } from '../turn/state';
import { type Decision, getTurnInfo, inputText } from '../turn/turn';
import type { Welcome } from './welcome';

/** What the bot does with a message when no guided dialog is running (commands as COMMAND_ACTIONS says). */
export class TopLevel {
    constructor(
        private readonly services: DialogServices,
        private readonly welcome: Welcome,
    ) {}

    async act(dc: DialogContext, decision: Decision, conversation: ConversationData): Promise<void> {
        const { responder, analytics, satisfaction } = this.services;
        const context = dc.context;
        await this.noteDetailsGiven(dc, decision, conversation);
        switch (decision.kind) {
            case 'prompt':
                return;
            case 'dialog':
                await dc.beginDialog(MAIN_DIALOG, { target: decision.target } satisfies MainOptions);
                return;
            case 'answer': {
                const { request } = decision;
                if (request) {
                    // The answer without its follow-ups: the request is what comes next.
                    await responder.answer(context, decision.topic, false);
                    if ('dialog' in request) await dc.beginDialog(MAIN_DIALOG, { target: request.dialog } satisfies MainOptions);
                    else await this.command(dc, COMMAND_ACTIONS[request.command], conversation);
                    return;
                }
                const topic = decision.also ?? decision.topic;
                if (decision.also) {
                    // "Thanks, bye": the thanks is returned short ("You're welcome!"), not with its "anything else?".
                    const shortFirst = decision.topic.smallTalk ? SATISFACTION_MOMENTS.topics[decision.topic.id] : undefined;
                    if (shortFirst) await responder.say(context, shortFirst);
                    else await responder.answer(context, decision.topic, false);
                }
                // "Thanks", "bye": the conversation may be ending; how did it go? (asked once, instead of the menu)
                const closing = topic.id in SATISFACTION_MOMENTS.topics && !conversation.satisfactionAsked && satisfaction.asks(context);
                const shortReply = closing ? SATISFACTION_MOMENTS.topics[topic.id] : undefined;
                if (shortReply) await responder.say(context, shortReply);
                else await responder.answer(context, topic, !closing);
                if (closing) await satisfaction.offer(context);
                return;
            }
            case 'clarify':
                if (decision.unsure) {
                    // Not answered: the firm still sees it among the questions the bot could not answer.
                    const question = redact(inputText(context));
                    analytics.track({ name: 'unanswered', locale: getTurnInfo(context).language, score: decision.score, question });
                }
                await responder.clarify(context, decision.topics, decision.unsure === true);
                return;
            case 'refuse':
                if (!decision.topic && (await this.reopenAfterVerdict(dc, conversation))) return;
                // "Can you check where my file is?": said plainly, then where to see how long applications take.
                if (decision.ownFile) await responder.say(context, 'common:fallback.ownFile');
                if (decision.topic) await responder.answer(context, decision.topic, false);
                else if (!decision.ownFile) {
                    const question = redact(inputText(context));
                    analytics.track({ name: 'unanswered', locale: getTurnInfo(context).language, score: decision.score, question });
                    await responder.say(context, 'common:fallback.unknown');
                }
                await responder.menu(context);
                return;
            case 'command':
                if (decision.command === 'deleteData') return; // the bot erased everything before routing
                await this.command(dc, COMMAND_ACTIONS[decision.command], conversation);
        }
    }

    /**
     * "UCI 1109-4472, how much are the fees?": said once, that such details are not needed here. Not to someone asking
     * for an advisor, who will be asked how to be reached.
     */
    private async noteDetailsGiven(dc: DialogContext, decision: Decision, conversation: ConversationData): Promise<void> {
        if (conversation.detailsNoted || decision.kind === 'prompt' || decision.kind === 'command') return;
        if (decision.kind === 'answer' && decision.request) return;
        if (!givesPersonalDetails(inputText(dc.context))) return;
        conversation.detailsNoted = true;
        await this.services.responder.say(dc.context, 'common:personalDetails');
    }

    /**
     * "back" / « retour » just after a verdict (the check said "back" changes the previous answer): the check
     * opens again at its last question, the earlier answers kept.
     */
    private async reopenAfterVerdict(dc: DialogContext, conversation: ConversationData): Promise<boolean> {
        const last = conversation.lastEligibility;
        if (!last || this.services.reader.read(GO_BACK, inputText(dc.context)).kind !== 'answer') return false;
        const answered = applicableCriteria(last.answers)
            .map((criterion) => criterion.id)
            .filter((id) => last.answers[id] !== undefined);
        const history = answered.slice(0, -1);
        const answers = Object.fromEntries(history.map((id) => [id, last.answers[id] as string]));
        delete conversation.lastEligibility;
        await dc.beginDialog(MAIN_DIALOG, { target: 'eligibility', reopen: { answers, history } } satisfies MainOptions);
        return true;
    }

    private async command(dc: DialogContext, action: CommandAction, conversation: ConversationData): Promise<void> {
        const { responder, handoff, retentionDays, state } = this.services;
        const context = dc.context;
        if (action.welcomeFirst && !conversation.welcomed) {
            await this.welcome.greet(context, conversation);
            return;
        }
        if (action.forgetsProgress) {
            const profile = await state.profile.get(context, {});
            delete profile.eligibility;
            delete profile.walkthroughStep;
        }
        await sayForCommand(context, action, 'topLevel', {
            responder,
            values: { retentionDays, resultCodeDays: this.services.results.codes.days },
        });
        switch (action.atTopLevel) {
            case 'menu':
                await responder.menu(context);
                return;
            case 'menuAgain':
                await responder.menu(context, 'common:menu.again');
                return;
            case 'greet':
                await this.welcome.greet(context, conversation);
                return;
            case 'wait':
                return;
            case 'handoff':
                if (handoff.usesInbox(context)) {
                    await dc.beginDialog(HANDOFF_DIALOG);
                    return;
                }
                await handoff.offer(context);
                await responder.menu(context, 'common:menu.again');
                return;
        }
    }
}
