import type { Analytics } from '../src/analytics';
import type { AnswerReader } from '../src/answers';
import type { Handoff } from '../src/handoff';
import type { Responder } from '../src/responder';
import type { StateAccessors } from '../src/state';

/** What the dialogs depend on, built once at start-up and passed in through their constructors. */
export interface DialogServices {
    responder: Responder;
    reader: AnswerReader;
    state: StateAccessors;
    handoff: Handoff;
    analytics: Analytics;
    /** Days state is kept after the last message, as the privacy notice says. */
    retentionDays: number;
}
