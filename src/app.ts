import { type Activity, MemoryStorage, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from './adapter';
import { createAnalytics } from './analytics';
import { ConversationRateLimiter } from './rateLimit';
import type { BotConfig } from './config';
import { type Conversation, createConversation } from './conversation';
import { createMatcher } from './faq/createMatcher';
import type { Logger } from './logger';
import { createServer } from './server';
import { registerWebChat } from './webchat/register';

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
export function createApp(config: BotConfig, { logger, storage = new MemoryStorage() }: AppOptions): App {
    const conversation = createConversation({
        storage,
        logger,
        maxMessageLength: config.maxMessageLength,
        createMatcher,
        firm: config.firm,
        retentionDays: config.stateRetentionDays,
        analytics: createAnalytics(logger, config.appInsightsConnectionString),
    });
    const adapter = createAdapter(config, conversation);
    adapter.use(new ConversationRateLimiter(config.rateLimitPerMinute, conversation.translator));
    const server = createServer({ config, adapter, conversation, logger });
    // The local Direct Line hands its activities to the adapter in-process; no credentials in local mode.
    registerWebChat(server, { config, logger, deliver: (activity) => adapter.processActivityDirect('', activity as Activity, (context) => conversation.run(context)) });
    return { config, server, conversation };
}
