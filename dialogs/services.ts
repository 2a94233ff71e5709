import type { AnswerReader } from '../src/answers';
import type { Responder } from '../src/responder';
import type { StateAccessors } from '../src/state';

/** What the dialogs depend on, built once at start-up and passed in through their constructors. */
export interface DialogServices {
    responder: Responder;
    reader: AnswerReader;
    state: StateAccessors;
}
