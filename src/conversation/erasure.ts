import type { ConversationState, UserState } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { DialogServices } from '../../dialogs/services';
import { markErased } from '../channels/handoff';
import { ERASE_QUESTION } from '../content/catalog';
import type { ConversationData } from '../turn/state';
import type { Decision } from '../turn/turn';

/**
 * Sent to the website widget after an erase: the page drops its own copy of the messages and the visitor id it
 * keeps in the browser (public/app.js listens for this name).
 */
const ERASED_EVENT = 'impplus/dataErased';

/** Channels whose client keeps a copy of the conversation in the browser: our Web Chat page. */
const BROWSER_COPY_CHANNELS: ReadonlySet<string> = new Set(['webchat', 'directline']);

/**
 * "Delete my data" (Quebec's Law 25: a person may have their information destroyed): an explicit request erases
 * at once; one read from loose wording ("please erase what you know about me") is confirmed first, never a
 * silent erase.
 */
export class Erasure {
    constructor(
        private readonly services: DialogServices,
        private readonly conversationState: ConversationState,
        private readonly userState: UserState,
    ) {}

    /** The answer to "Do you want me to erase your data?"; false when the message answers something else. */
    async answerPending(dc: DialogContext, conversation: ConversationData, text: string): Promise<boolean> {
        if (!conversation.confirmingErase) return false;
        delete conversation.confirmingErase;
        const { reader, responder } = this.services;
        const reply = reader.read(ERASE_QUESTION, text);
        if (reply.kind === 'answer' && reply.id === 'yes') {
            await this.eraseEverything(dc);
            return true;
        }
        if (reply.kind !== 'answer' || reply.id !== 'no') return false;
        await responder.say(dc.context, 'common:privacy.kept');
        if (dc.activeDialog) await dc.repromptDialog();
        else await responder.menu(dc.context, 'common:menu.again');
        return true;
    }

    /** A deletion request: erased, or confirmed first when it was inferred; false for any other decision. */
    async onRequest(dc: DialogContext, conversation: ConversationData, decision: Decision): Promise<boolean> {
        if (decision.kind !== 'command' || decision.command !== 'deleteData') return false;
        if (!decision.inferred) {
            await this.eraseEverything(dc);
            return true;
        }
        conversation.confirmingErase = true;
        const { responder } = this.services;
        await responder.send(dc.context, {
            ...responder.compose(dc.context, ERASE_QUESTION.lines),
            buttons: responder.buttons(dc.context, ERASE_QUESTION.choices),
        });
        return true;
    }

    /** The user's and the conversation's stored state, dialogs, handoff requests and result codes; nothing more is written this turn. */
    private async eraseEverything(dc: DialogContext): Promise<void> {
        const context = dc.context;
        const { state, handoff, results, responder } = this.services;
        await dc.cancelAllDialogs();
        const conversation = await state.conversation.get(context, {});
        await handoff.inbox.erase(conversation.handoffIds ?? []);
        await results.forget(context);
        await this.conversationState.delete(context);
        await this.userState.delete(context);
        markErased(context);
        if (BROWSER_COPY_CHANNELS.has(context.activity.channelId ?? '')) await context.sendActivity({ type: 'event', name: ERASED_EVENT });
        await responder.say(context, 'common:privacy.deleted');
        await responder.menu(context);
    }
}
