import type { TurnContext } from 'botbuilder';
import type { CommandAction } from '../content/catalog';
import type { Responder } from './responder';

/** What a command's texts may quote: how long state and result codes are kept (the privacy notice). */
export interface CommandTextValues {
    retentionDays: number;
    /** How long a result code keeps the answers (the privacy notice says so). */
    resultCodeDays: number;
}

/** Says what a command says (COMMAND_ACTIONS), the same at the top level and inside a dialog. */
export async function sayForCommand(
    context: TurnContext,
    action: CommandAction,
    where: 'topLevel' | 'inDialog',
    deps: { responder: Responder; values: CommandTextValues },
): Promise<void> {
    const params = { days: deps.values.retentionDays, codeDays: deps.values.resultCodeDays };
    if (where === 'topLevel' && action.sayAtTopLevel) await deps.responder.say(context, action.sayAtTopLevel, params);
    if (action.say !== undefined) await deps.responder.say(context, action.say, params);
}
