import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { MAIN_DIALOG, type MainOptions } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import { factsCard } from '../channels/factsCard';
import type { StaffAccess } from '../channels/staff';
import { statsCard } from '../channels/statsCard';
import { STATS_DAYS, type StaffCommand } from '../content/staff';
import type { ActivityRollup } from '../storage/activityRollup';
import type { StaffCommands } from '../understanding/staffCommands';

/**
 * The staff tools in Teams: "facts", "client check" and "stats", for staff only (StaffAccess). For everyone
 * else this class recognizes nothing, so the same words reach the public bot as any message would.
 */
export class StaffDesk {
    constructor(
        private readonly services: DialogServices,
        private readonly access: StaffAccess,
        private readonly commands: StaffCommands,
        /** Where "stats" reads the counts of the analytics events. */
        private readonly rollup: ActivityRollup,
    ) {}

    isStaff(context: TurnContext): boolean {
        return this.access.isStaff(context.activity);
    }

    /** The staff command a message is, if the sender is staff. */
    recognize(context: TurnContext, text: string): StaffCommand | undefined {
        return this.isStaff(context) ? this.commands.match(text) : undefined;
    }

    async act(dc: DialogContext, command: StaffCommand): Promise<void> {
        const { responder } = this.services;
        const context = dc.context;
        switch (command) {
            case 'facts':
                await context.sendActivity({ attachments: [factsCard(responder.wording(context))] });
                return this.resume(dc);
            case 'clientCheck':
                // A new check replaces whatever was running, as jumping to another guided dialog does.
                await dc.cancelAllDialogs();
                await dc.beginDialog(MAIN_DIALOG, { target: 'eligibility', forClient: true } satisfies MainOptions);
                return;
            case 'stats':
            case 'stats30': {
                const days = STATS_DAYS[command];
                const other = command === 'stats' ? 'stats30' : 'stats';
                const words = responder.wording(context);
                const button = {
                    title: responder.t(context, 'staff:stats.button', { days: STATS_DAYS[other] }),
                    value: this.commands.phrase(words.language, other),
                };
                await context.sendActivity({ attachments: [statsCard(words, await this.rollup.period(days), days, button)] });
                return this.resume(dc);
            }
        }
    }

    /** The question that was pending comes back after a card, as after any interruption. */
    private async resume(dc: DialogContext): Promise<void> {
        if (dc.activeDialog) await dc.repromptDialog();
    }
}
