import type { TurnContext } from 'botbuilder';
import type { DialogTarget } from '../content/knowledgeBase';
import type { Language } from '../content/languages';
import type { Recognition } from '../understanding/recognizer';

/** What the bot decided to do with a message: the recognizer's reading, or "give it to the pending question". */
export type Decision = Recognition | { kind: 'prompt'; target: DialogTarget };

/** What the bot worked out about the current turn, once, for the dialogs to read. */
export interface TurnInfo {
    language: Language;
    /**
     * The message as the bot read it: a Messenger payload or a Teams message without its @mention, and
     * whether the user typed it (a tapped payload says nothing of the user's language). Dialogs read this,
     * never activity.text, so they understand what the bot understood.
     */
    input?: { text: string; typed: boolean };
    /** Present for message turns the bot interpreted. */
    decision?: Decision;
    /** The Teams tenant the message comes from, when there is one. */
    tenantId?: string;
}

const TURN_INFO = Symbol('impplus.turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
    context.turnState.set(TURN_INFO, info);
}

export function getTurnInfo(context: TurnContext): TurnInfo {
    return (context.turnState.get(TURN_INFO) as TurnInfo | undefined) ?? { language: 'en' };
}

/** The turn's language if the bot got far enough to work it out. */
export function knownTurnLanguage(context: TurnContext): Language | undefined {
    return (context.turnState.get(TURN_INFO) as TurnInfo | undefined)?.language;
}

export function turnLanguage(context: TurnContext): Language {
    return getTurnInfo(context).language;
}

/** The text of the message as the bot read it (see TurnInfo.input). */
export function inputText(context: TurnContext): string {
    return getTurnInfo(context).input?.text ?? context.activity.text ?? '';
}
