import { ActivityTypes, ConversationState, type Storage, type TurnContext, UserState } from 'botbuilder';
import { MainDialog } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import { Handoff } from '../channels/handoff';
import { Responder } from '../channels/responder';
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
import { CompactMemoryStorage } from '../storage/memory';
import { type StateStore, StorageStore } from '../storage/store';
import { createAccessors } from '../turn/state';
import { knownTurnLanguage } from '../turn/turn';
import { AnswerReader } from '../understanding/answers';
import type { TopicMatcher } from '../understanding/faq/matcher';
import { Recognizer } from '../understanding/recognizer';
import { StaffCommands } from '../understanding/staffCommands';
import { ImpPlusBot } from './bot';
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
    /** The firm's Microsoft Entra tenant (lower case): its Teams users get the staff tools. Empty = nobody. */
    firmTenantId?: string;
    /** Where the per-day analytics counters for "stats" are kept; in memory when not given. */
    statsStore?: StateStore;
}

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
    const responder = new Responder(translator, knowledge, firm.name);
    const reader = new AnswerReader(translator);
    const handoff = new Handoff(responder, firm, state);
    const rollup = new ActivityRollup(options.statsStore ?? new StorageStore('memory', new CompactMemoryStorage()), options.logger);
    const sinks = [options.analytics ?? new LogAnalytics(options.logger), rollup];
    const analytics: Analytics = {
        track(event) {
            for (const sink of sinks) sink.track(event);
        },
    };
    const services: DialogServices = { responder, reader, state, handoff, analytics, retentionDays: options.retentionDays ?? 30 };
    const mainDialog = new MainDialog(services);
    const bot = new ImpPlusBot({
        conversationState,
        userState,
        mainDialog,
        recognizer: new Recognizer(translator, options.createMatcher(knowledge)),
        services,
        maxMessageLength: options.maxMessageLength,
        staffDesk: new StaffDesk(services, new StaffAccess(options.firmTenantId ?? ''), new StaffCommands(translator), rollup),
    });

    return {
        translator,
        knowledge,
        conversationState,
        userState,
        async run(context) {
            // A dialog stack stored by an older version of the bot restarts the conversation politely.
            const stale = { roots: [mainDialog], state, conversationState, userState, responder, logger: options.logger };
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
