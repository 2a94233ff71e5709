import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { BotConfig } from './config';
import type { ConversationHost } from './conversation';

/** A CloudAdapter authenticated from the configuration; empty credentials mean local mode, auth off. */
export function createAdapter(config: BotConfig, conversation: ConversationHost): CloudAdapter {
    const auth: ConfigurationBotFrameworkAuthenticationOptions = {
        MicrosoftAppId: config.microsoftAppId,
        MicrosoftAppPassword: config.microsoftAppPassword,
        MicrosoftAppType: config.microsoftAppType,
        MicrosoftAppTenantId: config.microsoftAppTenantId,
    };
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(auth));
    adapter.onTurnError = (context, error) => conversation.onTurnError(context, error);
    return adapter;
}
