import { ActivityTypes, ConversationState, type Storage, type TurnContext, UserState } from 'botbuilder';
import { HandoffDialog } from '../../dialogs/handoffDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import { AnswerFeedback } from '../channels/feedback';
import { Handoff } from '../channels/handoff';
import { HandoffInbox } from '../channels/handoffInbox';
import { HandoffStore } from '../channels/handoffStore';
import { Responder } from '../channels/responder';
import { Results } from '../channels/results';
import { Satisfaction } from '../channels/satisfaction';
import { StaffAccess } from '../channels/staff';
import type { FirmContact } from '../configuration/config';
import { DEFAULT_FIRM_NAME } from '../configuration/config';
import { MENU } from '../content/catalog';
import { createTranslator, type Translator } from '../content/i18n';
import { KnowledgeBase } from '../content/knowledgeBase';
import { languageFromLocale } from '../content/languages';
import { type Analytics, LogAnalytics } from '../observability/analytics';
import type { Logger } from '../observability/logger';
import { ActivityRollup } from '../storage/activityRollup';
import { AttemptWindow } from '../storage/attempts';
import { CompactMemoryStorage } from '../storage/memory';
import { ResultCodeStore } from '../storage/resultCodes';
import { type StateStore, StorageStore } from '../storage/store';
import type { ProactiveSender } from '../turn/proactive';
import { createAccessors, type KeptResult } from '../turn/state';
import { knownTurnLanguage } from '../turn/turn';
import { AnswerReader } from '../understanding/answers';
import { FollowUpReader } from '../understanding/context';
import type { TopicMatcher } from '../understanding/faq/matcher';
import { Recognizer } from '../understanding/recognizer';
import { StaffCommands } from '../understanding/staffCommands';
import { ImpPlusBot } from './bot';
import { HandoffSettings } from './handoffSettings';
import type { CodeLookups } from './resume';
import { StaffDesk } from './staffDesk';
import { restartStaleDialogs } from './staleDialogs';

/**
 * The seam between the conversation (dialogs, content, recognizer) and its host (adapter, server).
 * A host needs only this: today the Bot Framework's cloud adapter, tomorrow the Microsoft 365 Agents SDK.
 */
export interface ConversationHost {
    /** Handles one incoming activity. */
    run(context: TurnContext): Promise<void>;
    /** Recovers from a failed turn: apologizes in the user's language and clears the conversation state. */
    onTurnError(context: TurnContext, error: unknown): Promise<void>;
}

export interface ConversationOptions {
    storage: Storage;
    logger: Logger;
    maxMessageLength: number;
    /** Built from the knowledge base when not given (tests inject their own to isolate dialogs). */
    createMatcher: (knowledge: KnowledgeBase) => TopicMatcher;
    /** The firm's contact, for "talk to an advisor". */
    firm?: FirmContact;
    /** Days state is kept after the last message, as the privacy notice says. */
    retentionDays?: number;
    /** Where dialog and verdict events go; structured logs when not given. */
    analytics?: Analytics;
    translator?: Translator;
    /** Posts handoff cards to the firm's Teams channel and tells visitors of a claim; none = handoffs fail honestly. */
    proactive?: ProactiveSender;
    /** Settings that must not age like state (the handoff channel); the state storage when not given. */
    settingsStorage?: Storage;
    /** The result a visitor keeps: where its page is, how long a code lasts, lookups allowed per user. */
    results?: ConversationResults;
    /** The firm's Microsoft Entra tenant (lower case): its Teams users get the staff tools. Empty = nobody. */
    firmTenantId?: string;
    /** Where the per-day analytics counters for "stats" are kept; in memory when not given. */
    statsStore?: StateStore;
    /** Today, for the figures due for a recheck; the clock when not given. */
    today?: () => Date;
}

interface ConversationResults {
    /** PUBLIC_BASE_URL, or the server's own address: the printable page is at <base>/result/<code>. */
    publicBaseUrl: () => string;
    /** The codes, in the same Storage as the state (built over `storage` with the default lifetime when not given). */
    codes?: ResultCodeStore<KeptResult>;
    /** Code lookups allowed per user and overall (default: five per user per ten minutes, 300 a minute in all). */
    lookups?: CodeLookups;
}

/** Days a result code works when RESULT_CODE_DAYS is not set. */
const DEFAULT_CODE_DAYS = 60;
const LOOKUP_WINDOW_MS = 10 * 60_000;
const LOOKUPS_PER_USER = 5;
const LOOKUPS_OVERALL_PER_MINUTE = 300;

export interface Conversation extends ConversationHost {
    translator: Translator;
    knowledge: KnowledgeBase;
    conversationState: ConversationState;
    userState: UserState;
}

/** Builds the whole conversation once, at start-up: content, recognizer, dialogs, bot. */
export function createConversation(options: ConversationOptions): Conversation {
    const translator = options.translator ?? createTranslator();
    const knowledge = new KnowledgeBase(translator);
    const conversationState = new ConversationState(options.storage);
    const userState = new UserState(options.storage);
    const state = createAccessors(conversationState, userState);
    const firm = options.firm ?? { name: DEFAULT_FIRM_NAME, email: '', phone: '', bookingUrl: '' };
    const responder = new Responder(translator, knowledge, firm.name, options.today);
    const reader = new AnswerReader(translator);
    const rollup = new ActivityRollup(options.statsStore ?? new StorageStore('memory', new CompactMemoryStorage()), options.logger);
    const sinks = [options.analytics ?? new LogAnalytics(options.logger), rollup];
    const analytics: Analytics = {
        track(event) {
            for (const sink of sinks) sink.track(event);
        },
    };
    const inbox = new HandoffInbox({
        store: new HandoffStore(options.settingsStorage ?? options.storage, options.storage),
        sender: options.proactive,
        translator,
        analytics,
        logger: options.logger,
        firmName: firm.name,
    });
    const handoff = new Handoff(responder, firm, state, inbox);
    const codes = options.results?.codes ?? new ResultCodeStore<KeptResult>(options.storage, DEFAULT_CODE_DAYS);
    const results = new Results(translator, state, codes, options.results?.publicBaseUrl ?? (() => 'http://localhost:3978'));
    const staffAccess = new StaffAccess(options.firmTenantId ?? '');
    const satisfaction = new Satisfaction(responder, reader, state, analytics, (context) => staffAccess.isStaff(context.activity));
    const services: DialogServices = {
        responder,
        reader,
        state,
        handoff,
        analytics,
        satisfaction,
        retentionDays: options.retentionDays ?? 30,
        results,
    };
    const mainDialog = new MainDialog(services);
    const handoffDialog = new HandoffDialog(services);
    const recognizer = new Recognizer(translator, options.createMatcher(knowledge));
    const bot = new ImpPlusBot({
        conversationState,
        userState,
        mainDialog,
        handoffDialog,
        handoffSettings: new HandoffSettings(inbox, translator, staffAccess),
        recognizer,
        followUps: new FollowUpReader(translator, recognizer),
        services,
        feedback: new AnswerFeedback(responder, reader, state, analytics, knowledge),
        maxMessageLength: options.maxMessageLength,
        lookups: options.results?.lookups ?? {
            perUser: new AttemptWindow(LOOKUPS_PER_USER, LOOKUP_WINDOW_MS),
            overall: new AttemptWindow(LOOKUPS_OVERALL_PER_MINUTE, 60_000),
        },
        staffDesk: new StaffDesk(services, staffAccess, new StaffCommands(translator), rollup),
    });

    return {
        translator,
        knowledge,
        conversationState,
        userState,
        async run(context) {
            // A dialog stack stored by an older version of the bot restarts the conversation politely.
            const stale = { roots: [mainDialog, handoffDialog], state, conversationState, userState, responder, logger: options.logger };
            if (!(await restartStaleDialogs(context, stale))) await bot.run(context);
        },
        async onTurnError(context, error) {
            const err = error instanceof Error ? error : new Error(String(error));
            options.logger.error({ err, activityType: context.activity.type, channelId: context.activity.channelId }, 'turn failed');
            const language = knownTurnLanguage(context) ?? languageFromLocale(context.activity.locale) ?? 'en';
            try {
                await context.sendTraceActivity(
                    'OnTurnError Trace',
                    err.message,
                    'https://www.botframework.com/schemas/error',
                    'TurnError',
                );
                if (context.activity.type === ActivityTypes.Message) {
                    // "Let's start again from the menu": the menu comes with it.
                    await responder.send(context, {
                        text: translator.t(language, 'common:error.apology'),
                        buttons: responder.buttons(context, MENU, language),
                    });
                }
            } catch (sendError) {
                options.logger.warn({ err: sendError }, 'could not tell the user about the failed turn');
            }
            // A broken dialog stack would fail again on the next message: start the conversation afresh.
            try {
                await conversationState.delete(context);
            } catch (deleteError) {
                options.logger.error({ err: deleteError }, 'could not clear the state of a failed turn');
            }
        },
    };
}
