import type { Activity, Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { BotConfig } from '../configuration/config';
import { type Conversation, createConversation } from '../conversation/conversation';
import { createAnalytics } from '../observability/analytics';
import type { Logger } from '../observability/logger';
import { createStateStore, TurnStorage } from '../storage';
import { StorageStore } from '../storage/store';
import { createMatcher } from '../understanding/faq/createMatcher';
import { registerWebChat } from '../webchat/register';
import { createAdapter } from './adapter';
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
}

/** Builds the whole bot (conversation, adapter, HTTP routes) from a configuration, without listening. */
export function createApp(config: BotConfig, { logger, storage }: AppOptions): App {
    // Turns commit their state with eTags, one at a time per conversation in this process (docs/state.md).
    const store = storage ? new StorageStore(config.storage.kind, storage) : createStateStore(config.storage);
    const stateStorage = new TurnStorage(store, { retentionDays: config.stateRetentionDays, logger });
    const conversation = queueTurns(
        createConversation({
            storage: stateStorage,
            logger,
            maxMessageLength: config.maxMessageLength,
            createMatcher,
            firm: config.firm,
            retentionDays: config.stateRetentionDays,
            analytics: createAnalytics(logger, config.appInsightsConnectionString),
            firmTenantId: config.firmTenantId,
            statsStore: store,
        }),
        { storage: stateStorage, logger },
    );
    const adapter = createAdapter(config, conversation);
    adapter.use(new ConversationRateLimiter(config.rateLimitPerMinute, conversation.translator));
    const server = createServer({ config, adapter, conversation, logger });
    registerReadiness(server, store, logger);
    // The local Direct Line hands its activities to the adapter in-process; no credentials in local mode.
    registerWebChat(server, {
        config,
        logger,
        deliver: (activity) => adapter.processActivityDirect('', activity as Activity, (context) => conversation.run(context)),
    });
    return { config, server, conversation };
}
