import type { Handoff } from '../src/channels/handoff';
import type { Responder } from '../src/channels/responder';
import type { Results } from '../src/channels/results';
import type { Satisfaction } from '../src/channels/satisfaction';
import type { Analytics } from '../src/observability/analytics';
import type { StateAccessors } from '../src/turn/state';
import type { AnswerReader } from '../src/understanding/answers';

/** What the dialogs depend on, built once at start-up and passed in through their constructors. */
export interface DialogServices {
    responder: Responder;
    reader: AnswerReader;
    state: StateAccessors;
    handoff: Handoff;
    analytics: Analytics;
    /** The end-of-conversation question, at most once per conversation. */
    satisfaction: Satisfaction;
    /** Days state is kept after the last message, as the privacy notice says. */
    retentionDays: number;
    /** The result a visitor keeps (checklist, printable page, code to come back). */
    results: Results;
}
