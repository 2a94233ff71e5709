import type { TurnContext } from 'botbuilder';
import { MENU } from '../content/catalog';
import { SATISFACTION_QUESTION } from '../content/feedback';
import type { Analytics } from '../observability/analytics';
import type { ConversationData, StateAccessors } from '../turn/state';
import { turnLanguage } from '../turn/turn';
import type { AnswerReader } from '../understanding/answers';
import type { Responder } from './responder';

/**
 * "How useful was this conversation?": asked at most once per conversation, where it comes to an end (a
 * verdict, the end of the walkthrough, a thank-you or a goodbye), never over a pending question. A tap
 * answers it, "skip" skips it, and anything else is read as the message it is.
 */
export class Satisfaction {
    constructor(
        private readonly responder: Responder,
        private readonly reader: AnswerReader,
        private readonly state: StateAccessors,
        private readonly analytics: Analytics,
        /** The firm's own staff (in Teams) are not the public whose satisfaction is measured. */
        private readonly isStaff: (context: TurnContext) => boolean = () => false,
    ) {}

    /** Whether this person is asked at all (never the firm's staff). */
    asks(context: TurnContext): boolean {
        return !this.isStaff(context);
    }

    /** Asks the question unless it was asked in this conversation; true when it did (the caller then shows no menu). */
    async offer(context: TurnContext): Promise<boolean> {
        if (!this.asks(context)) return false;
        const conversation = await this.state.conversation.get(context, {});
        if (conversation.satisfactionAsked) return false;
        conversation.satisfactionAsked = true;
        conversation.satisfactionPending = true;
        const { responder } = this;
        await responder.send(context, {
            ...responder.compose(context, SATISFACTION_QUESTION.lines),
            buttons: responder.buttons(context, SATISFACTION_QUESTION.choices),
            question: SATISFACTION_QUESTION.id,
        });
        return true;
    }

    /** The answer to the question, if the message is one: tracked, thanked, and the menu comes back. */
    async onAnswer(context: TurnContext, conversation: ConversationData, text: string): Promise<boolean> {
        if (!conversation.satisfactionPending) return false;
        delete conversation.satisfactionPending;
        const choice = this.reader.readLabel(SATISFACTION_QUESTION, text);
        if (!choice) return false;
        this.analytics.track({
            name: 'satisfaction',
            rating: choice === 'skip' ? 'skipped' : choice,
            channel: context.activity.channelId ?? 'unknown',
            locale: turnLanguage(context),
        });
        if (choice === 'skip') await this.responder.menu(context, 'common:menu.again');
        else await this.responder.say(context, 'feedback:satisfaction.thanks', undefined, this.responder.buttons(context, MENU));
        return true;
    }
}
