import { ActivityTypes, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { type Dialog, DialogContainer, type DialogInstance, type DialogState } from 'botbuilder-dialogs';
import type { Responder } from '../channels/responder';
import type { Logger } from '../observability/logger';
import type { StateAccessors } from '../turn/state';
import { setTurnInfo } from '../turn/turn';
import { knownLanguage } from './languageRules';

type FindDialog = (id: string) => Dialog | undefined;

function check(stack: DialogInstance[] | undefined, find: FindDialog): string | undefined {
    for (const instance of stack ?? []) {
        const dialog = find(instance.id);
        if (!dialog) return `unknown dialog "${instance.id}"`;
        if (!(dialog instanceof DialogContainer)) continue;
        // What ComponentDialog.checkForVersionChange compares: a hash of the child dialogs' ids and waterfall lengths.
        const version = dialog.dialogs.getVersion();
        if (instance.version !== undefined && instance.version !== version)
            return `dialog "${instance.id}" changed since its state was stored`;
        const inner = (instance.state as { dialogs?: DialogState } | undefined)?.dialogs;
        // An inner dialog context looks a dialog up in its own set, then in its parents' (DialogContext.findDialog).
        const problem = check(inner?.dialogStack, (id) => dialog.dialogs.find(id) ?? find(id));
        if (problem) return problem;
    }
    return undefined;
}

/**
 * Why a stored dialog stack cannot be continued by this version of the bot (a dialog id that no longer
 * exists, or a component whose dialogs changed), or undefined when it can.
 */
export function staleDialogReason(roots: readonly Dialog[], state: DialogState | undefined): string | undefined {
    return check(state?.dialogStack, (id) => roots.find((dialog) => dialog.id === id));
}

export interface StaleDialogDependencies {
    /** The dialogs of the bot's root DialogSet. */
    roots: readonly Dialog[];
    state: StateAccessors;
    conversationState: ConversationState;
    userState: UserState;
    responder: Responder;
    logger: Logger;
}

/**
 * After a deploy, a conversation may come back with a dialog stack stored by the previous version. Instead of
 * crashing on it (unknown dialog id) or running changed dialogs on old state (version change), the stack is
 * dropped and the user is told, in their language, that we start again, with the menu. The rest of the
 * conversation and user state (language, welcome, walkthrough step) is kept.
 * Returns true when it restarted the conversation (the turn is then complete).
 */
export async function restartStaleDialogs(context: TurnContext, deps: StaleDialogDependencies): Promise<boolean> {
    if (context.activity.type !== ActivityTypes.Message) return false;
    const reason = staleDialogReason(deps.roots, await deps.state.dialogState.get(context));
    if (!reason) return false;
    deps.logger.info(
        { event: 'staleDialogState', reason, channelId: context.activity.channelId },
        'dialog state from an older version; conversation restarted',
    );
    await deps.state.dialogState.delete(context);
    const profile = await deps.state.profile.get(context, {});
    const conversation = await deps.state.conversation.get(context, {});
    setTurnInfo(context, { language: knownLanguage(profile, conversation, context.activity.locale) ?? 'en' });
    await deps.responder.say(context, 'common:restarted');
    await deps.responder.menu(context);
    await deps.conversationState.saveChanges(context, false);
    await deps.userState.saveChanges(context, false);
    return true;
}
