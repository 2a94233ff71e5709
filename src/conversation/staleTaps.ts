import type { DialogContext } from 'botbuilder-dialogs';
import { AskDialog } from '../../dialogs/askDialog';
import type { TapPayload } from '../channels/render';
import type { Responder } from '../channels/responder';
import { REASON_QUESTION, SATISFACTION_QUESTION } from '../content/feedback';
import type { ConversationData } from '../turn/state';

/**
 * A tap on a card of an earlier question never answers the current one: the bot says the card is out of
 * date and asks the current question again (or offers the menu when none is open). Taps on buttons that
 * answer no question (the menu, follow-ups) are read like typed text: false.
 */
export async function refusedStaleTap(
    dc: DialogContext,
    tap: TapPayload,
    responder: Responder,
    conversation: ConversationData,
): Promise<boolean> {
    if (tap.question === undefined) return false;
    // Besides a dialog's question, the bot may be waiting for a rating's reason or the satisfaction answer.
    const open = [
        ...AskDialog.answerableQuestions(dc),
        ...(conversation.reasonFor ? [REASON_QUESTION.id] : []),
        ...(conversation.satisfactionPending ? [SATISFACTION_QUESTION.id] : []),
    ];
    if (open.includes(tap.question)) return false;
    if (open.length > 0) {
        await responder.say(dc.context, 'cards:stale.question');
        await dc.repromptDialog();
    } else {
        await responder.say(dc.context, 'cards:stale.closed');
        await responder.menu(dc.context);
    }
    return true;
}
