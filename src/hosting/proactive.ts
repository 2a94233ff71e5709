import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { ProactiveSender } from '../turn/proactive';
import type { HostAdapter } from './adapter';

/**
 * Proactive messages through the adapter (continueConversationAsync). The adapter is attached after it is
 * built, since the adapter itself needs the conversation this sender is given to.
 */
export class AdapterProactiveSender implements ProactiveSender {
    private adapter: HostAdapter | undefined;

    constructor(private readonly botAppId: string) {}

    attach(adapter: HostAdapter): void {
        this.adapter = adapter;
    }

    async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string> {
        let id = '';
        await this.continueIn(reference, async (context) => {
            id = (await context.sendActivity(activity))?.id ?? '';
        });
        return id;
    }

    async update(reference: Partial<ConversationReference>, activity: Partial<Activity> & { id: string }): Promise<void> {
        await this.continueIn(reference, async (context) => {
            await context.updateActivity(activity);
        });
    }

    private async continueIn(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
        const adapter = this.adapter;
        if (!adapter) throw new Error('The proactive sender has no adapter yet');
        let failure: unknown;
        // A failure is caught inside the turn: thrown, it would reach the adapter's onTurnError, which
        // apologizes and clears state as for a broken conversation, and the caller would never know.
        await adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
            try {
                await logic(context);
            } catch (error) {
                failure = error;
            }
        });
        if (failure !== undefined) throw failure;
    }
}
