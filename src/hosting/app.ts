import type { AddressInfo } from 'node:net';
import type { Activity, Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { BotConfig } from '../configuration/config';
import { type Conversation, createConversation } from '../conversation/conversation';
import { createAnalytics } from '../observability/analytics';
import type { Logger } from '../observability/logger';
import { createResultStore, createStateStore, TurnStorage } from '../storage';
import { AttemptWindow } from '../storage/attempts';
import { ResultCodeStore } from '../storage/resultCodes';
import { StorageStore } from '../storage/store';
import { StoreStorage } from '../storage/storeStorage';
import type { KeptResult } from '../turn/state';
import { createMatcher } from '../understanding/faq/createMatcher';
import { registerWebChat } from '../webchat/register';
import { registerResultPage } from '../webchat/resultPage';
import { createAdapter } from './adapter';
import { AdapterProactiveSender } from './proactive';
import { ConversationRateLimiter } from './rateLimit';
import { registerReadiness } from './readiness';
import { createServer } from './server';
import { queueTurns } from './turnQueue';

export interface App {
    config: BotConfig;
    server: Server;
    conversation: Conversation;
}

export interface AppOptions {
    logger: Logger;
    storage?: Storage;
    /** The clock of state retention, result codes and their page's lookups (tests move it forward). */
    now?: () => number;
}

const MINUTE = 60_000;
/** Result pages a client may open per minute, and all clients together: enough for people, nothing for guessing. */
const PAGE_LOOKUPS_PER_CLIENT = 20;
const PAGE_LOOKUPS_OVERALL = 600;

/** http://localhost:<the port the server listens on>, or the configured port before it listens. */
function ownAddress(server: Server, port: number): string {
    const address = server.address() as AddressInfo | null;
    return `http://localhost:${address?.port ?? port}`;
}

/** Builds the whole bot (conversation, adapter, HTTP routes) from a configuration, without listening. */
export function createApp(config: BotConfig, { logger, storage, now }: AppOptions): App {
    // Turns commit their state with eTags, one at a time per conversation in this process (docs/state.md).
    const store = storage ? new StorageStore(config.storage.kind, storage) : createStateStore(config.storage);
    const stateStorage = new TurnStorage(store, { retentionDays: config.stateRetentionDays, logger, ...(now ? { now } : {}) });
    // Result codes live with the state (a container of their own on Blob Storage), for RESULT_CODE_DAYS.
    const resultStore = storage ? store : createResultStore(config.storage, store);
    const resultStorage =
        resultStore === store
            ? stateStorage
            : new TurnStorage(resultStore, { retentionDays: config.stateRetentionDays, logger, ...(now ? { now } : {}) });
    const codes = new ResultCodeStore<KeptResult>(resultStorage, config.results.codeDays, now);
    const publicBaseUrl = () => config.results.publicBaseUrl || ownAddress(server, config.port);
    const proactive = new AdapterProactiveSender(config.microsoftAppId);
    const conversation = queueTurns(
        createConversation({
            storage: stateStorage,
            logger,
            maxMessageLength: config.maxMessageLength,
            createMatcher,
            firm: config.firm,
            retentionDays: config.stateRetentionDays,
            analytics: createAnalytics(logger, config.appInsightsConnectionString),
            proactive,
            settingsStorage: new StoreStorage(store),
            results: { publicBaseUrl, codes },
            firmTenantId: config.firmTenantId,
            statsStore: store,
        }),
        { storage: stateStorage, logger },
    );
    const adapter = createAdapter(config, conversation);
    proactive.attach(adapter);
    adapter.use(new ConversationRateLimiter(config.rateLimitPerMinute, conversation.translator));
    const server = createServer({ config, adapter, conversation, logger });
    registerReadiness(server, store, logger);
    // The local Direct Line hands its activities to the adapter in-process; no credentials in local mode.
    registerWebChat(server, {
        config,
        logger,
        deliver: (activity) => adapter.processActivityDirect('', activity as Activity, (context) => conversation.run(context)),
    });
    registerResultPage(server, {
        codes,
        translator: conversation.translator,
        firmName: config.firm.name,
        publicBaseUrl,
        perClient: new AttemptWindow(PAGE_LOOKUPS_PER_CLIENT, MINUTE, now),
        overall: new AttemptWindow(PAGE_LOOKUPS_OVERALL, MINUTE, now),
    });
    return { config, server, conversation };
}
