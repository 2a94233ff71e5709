import type { DialogContext } from 'botbuilder-dialogs';
import { AskDialog } from '../../dialogs/askDialog';
import { GO_BACK } from '../content/catalog';
import { DIALOG_TARGETS, type DialogTarget } from '../content/knowledgeBase';
import type { Language } from '../content/languages';
import type { Decision } from '../turn/turn';
import type { AnswerReader } from '../understanding/answers';
import type { FollowUpReader, LastAnswer } from '../understanding/context';
import type { Recognizer } from '../understanding/recognizer';
import { words } from '../understanding/text';

/** The longest way to say "back" ("go back please", « revenir en arrière »). */
const BACK_WORDS = 4;

/**
 * What to do with a message: a command, an answer to the pending question, or what the knowledge base
 * makes of it. An answer to the pending question skips the knowledge-base search, most of a turn's cost.
 * `lastAnswer`: the knowledge-base answer last given in this conversation, in whose light `followUps` reads the
 * message ("Did you mean…?" settled, "it" read as what was just answered).
 */
export function decide(
    dc: DialogContext,
    text: string,
    language: Language,
    recognizer: Recognizer,
    reader: AnswerReader,
    followUps: FollowUpReader,
    lastAnswer?: LastAnswer,
): Decision {
    const shortcut = recognizer.shortcut(text);
    if (shortcut?.kind === 'command') return shortcut;
    const target = AskDialog.pendingQuestion(dc) ? activeTarget(dc) : undefined;
    if (target && AskDialog.expects(dc, reader, text)) return { kind: 'prompt', target };
    // "Back" / « retour » moves through a dialog (or reopens the check after its verdict): it is never a question
    // for the knowledge base, where a sample such as "call me back" would make it a request for an advisor.
    // Short messages only: "back" leads a longer one ("back home I was a nurse…") that asks something else.
    if (words(text).length <= BACK_WORDS && reader.read(GO_BACK, text).kind === 'answer')
        return target ? { kind: 'prompt', target } : { kind: 'refuse', score: 0 };
    const recognition = shortcut ?? (target ? recognizer.search(text, language) : recognizer.understand(text, language));
    // Inside a dialog, what we would refuse at the top level goes to the question, which asks again.
    if (target && recognition.kind === 'refuse' && !recognition.topic) return { kind: 'prompt', target };
    return followUps.read(text, language, recognition, lastAnswer);
}

/** The guided dialog running under the main dialog, if any. */
function activeTarget(dc: DialogContext): DialogTarget | undefined {
    for (let current: DialogContext | undefined = dc; current; current = current.child) {
        const id = current.activeDialog?.id;
        if (id && (DIALOG_TARGETS as readonly string[]).includes(id)) return id as DialogTarget;
    }
    return undefined;
}
