import { MemoryStorage, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from './adapter';
import type { BotConfig } from './config';
import { type Conversation, createConversation } from './conversation';
import { createMatcher } from './faq/createMatcher';
import type { Logger } from './logger';
import { createServer } from './server';

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
    const conversation = createConversation({ storage, logger, maxMessageLength: config.maxMessageLength, createMatcher });
    const adapter = createAdapter(config, conversation);
    const server = createServer({ config, adapter, conversation, logger });
    return { config, server, conversation };
}
