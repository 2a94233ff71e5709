import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { FAMILY_CHOICES, FAMILY_COMBINATIONS, FAMILY_OPTIONS, FAMILY_SOURCES, type Line } from '../src/content/catalog';
import { ASK_DIALOG, AskDialog } from './askDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import type { DialogServices } from './services';

const FAMILY_DIALOG = 'family';
const FAMILY_WATERFALL = 'family.who';

/** Family options: who comes along, then what is known for each of them (everything when the user is not sure). */
export class FamilyDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(FAMILY_DIALOG, services);
        this.addDialog(new AskDialog(services));
        this.addDialog(
            new WaterfallDialog(FAMILY_WATERFALL, [
                (step) =>
                    step.beginDialog(ASK_DIALOG, {
                        id: 'who',
                        lines: [{ key: 'family:question' }],
                        choices: [...FAMILY_CHOICES],
                        explainKey: 'family:explain',
                        combinations: FAMILY_COMBINATIONS,
                    }),
                (step) => this.explainOptions(step),
            ]),
        );
        this.initialDialogId = FAMILY_WATERFALL;
    }

    private async explainOptions(step: WaterfallStepContext) {
        const members = FAMILY_OPTIONS[String(step.result)] ?? [];
        // Each option cites its own sources; those of the facts it quotes are added by the responder.
        const lines: Line[] = [
            ...members.map((member) => ({ key: `family:options.${member}` })),
            { key: 'family:individual' },
            ...members.flatMap((member) => FAMILY_SOURCES[member]).map((source) => ({ source })),
        ];
        const { responder } = this.services;
        await responder.send(step.context, responder.compose(step.context, lines));
        return step.endDialog();
    }
}
