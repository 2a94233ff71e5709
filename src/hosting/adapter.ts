import {
    type Activity,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    type ConfigurationBotFrameworkAuthenticationOptions,
    type InvokeResponse,
    type ResourceResponse,
    type TurnContext,
} from 'botbuilder';
import type { BotConfig } from '../configuration/config';
import type { ConversationHost } from '../conversation/conversation';
import { holdReplies } from './turnQueue';

/**
 * CloudAdapter with its activity processing made public: its process() turns every failure into a bare
 * 500, while the server needs to tell a caller it cannot authenticate (401) from a fault of ours.
 */
export class HostAdapter extends CloudAdapter {
    handle(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
        return this.processActivity(authorization, activity, logic);
    }

    /** Replies wait while the turn's state is not committed yet (src/turnQueue.ts). */
    override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
        return holdReplies(context, activities) ?? super.sendActivities(context, activities);
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
