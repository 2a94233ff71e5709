import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { type ChoiceSpec, type Line, PERMIT_FACTS, PERMIT_SECTIONS, type Question } from '../src/content';
import { ASK_DIALOG, AskDialog } from './askDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import type { DialogServices } from './services';

export const PERMIT_DIALOG = 'permit';
const SECTIONS_WATERFALL = 'permit.sections';
const DONE = 'done';
const OVERVIEW = 'overview';

interface SectionsOptions {
    /** The section to show first (the overview on entry). */
    show: string;
    /** Sections already shown, not offered again. */
    seen: string[];
}

/** The open work permit explained: the overview, then the sections of PERMIT_SECTIONS the user asks for. */
export class PermitDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(PERMIT_DIALOG, services);
        this.addDialog(new AskDialog(services));
        this.addDialog(
            new WaterfallDialog(SECTIONS_WATERFALL, [(step) => this.showSection(step), (step) => this.nextSection(step)]),
        );
        this.initialDialogId = SECTIONS_WATERFALL;
    }

    private async showSection(step: WaterfallStepContext) {
        const options = (step.options ?? {}) as Partial<SectionsOptions>;
        const show = options.show ?? OVERVIEW;
        const seen = [...(options.seen ?? []), show];
        (step.values as { seen?: string[] }).seen = seen;
        const remaining = PERMIT_SECTIONS.filter((id) => !seen.includes(id));
        const choices: ChoiceSpec[] = [...remaining, DONE].map((id) => ({ id, labelKey: `permit:choices.${id}` }));
        const lines: Line[] = [{ key: `permit:sections.${show}` }, { source: 'overview' }, { key: 'permit:more' }];
        const question: Question = { id: show, lines, choices, ...(show === OVERVIEW ? { facts: [...PERMIT_FACTS] } : {}) };
        return step.beginDialog(ASK_DIALOG, question);
    }

    private async nextSection(step: WaterfallStepContext) {
        const choice = String(step.result);
        if (choice === DONE) return step.endDialog();
        const next: SectionsOptions = { show: choice, seen: (step.values as { seen?: string[] }).seen ?? [] };
        return step.replaceDialog(SECTIONS_WATERFALL, next);
    }
}
