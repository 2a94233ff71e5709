import {
    type Activity,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    type ConfigurationBotFrameworkAuthenticationOptions,
    type InvokeResponse,
    type TurnContext,
} from 'botbuilder';
import type { BotConfig } from './config';
import type { ConversationHost } from './conversation';

/**
 * CloudAdapter with its activity processing made public: its process() turns every failure into a bare
 * 500, while the server needs to tell a caller it cannot authenticate (401) from a fault of ours.
 */
export class HostAdapter extends CloudAdapter {
    handle(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
        return this.processActivity(authorization, activity, logic);
    }
}

/** The adapter, authenticated from the configuration; empty credentials mean local mode, auth off. */
export function createAdapter(config: BotConfig, conversation: ConversationHost): HostAdapter {
    const auth: ConfigurationBotFrameworkAuthenticationOptions = {
        MicrosoftAppId: config.microsoftAppId,
        MicrosoftAppPassword: config.microsoftAppPassword,
        MicrosoftAppType: config.microsoftAppType,
        MicrosoftAppTenantId: config.microsoftAppTenantId,
    };
    const adapter = new HostAdapter(new ConfigurationBotFrameworkAuthentication(auth));
    adapter.onTurnError = (context, error) => conversation.onTurnError(context, error);
    return adapter;
}
