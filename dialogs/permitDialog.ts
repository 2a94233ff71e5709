import { ActivityTypes } from 'botbuilder';
import { type DialogContext, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { type ChoiceSpec, type Line, PERMIT_FACTS, PERMIT_SECTIONS, PERMIT_SOURCES, type Question } from '../src/content/catalog';
import { getTurnInfo, turnLanguage } from '../src/turn/turn';
import { ASK_DIALOG, AskDialog } from './askDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import type { DialogServices } from './services';

const PERMIT_DIALOG = 'permit';
const SECTIONS_WATERFALL = 'permit.sections';
const DONE = 'done';
const OVERVIEW = 'overview';

type Section = typeof OVERVIEW | (typeof PERMIT_SECTIONS)[number];

interface SectionsOptions {
    /** The section to show first (the overview on entry). */
    show: Section;
    /** Sections already shown, not offered again. */
    seen: string[];
}

/** The open work permit explained: the overview, then the sections of PERMIT_SECTIONS the user asks for. */
export class PermitDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(PERMIT_DIALOG, services);
        this.addDialog(new AskDialog(services));
        this.addDialog(new WaterfallDialog(SECTIONS_WATERFALL, [(step) => this.showSection(step), (step) => this.nextSection(step)]));
        this.initialDialogId = SECTIONS_WATERFALL;
    }

    /** Asking for the open work permit again, in the middle of its sections, starts over at the overview. */
    protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
        const { decision } = getTurnInfo(innerDc.context);
        if (innerDc.context.activity.type === ActivityTypes.Message && decision?.kind === 'dialog' && decision.target === PERMIT_DIALOG) {
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(SECTIONS_WATERFALL, { show: OVERVIEW, seen: [] } satisfies SectionsOptions);
        }
        return super.onContinueDialog(innerDc);
    }

    private async showSection(step: WaterfallStepContext) {
        const options = (step.options ?? {}) as Partial<SectionsOptions>;
        const show = options.show ?? OVERVIEW;
        const seen = [...(options.seen ?? []), show];
        (step.values as { seen?: string[] }).seen = seen;
        const remaining = PERMIT_SECTIONS.filter((id) => !seen.includes(id));
        const choices: ChoiceSpec[] = [...remaining, DONE].map((id) => ({ id, labelKey: `permit:choices.${id}` }));
        const isOverview = show === OVERVIEW;
        // The facts of the overview's card quote facts too: their sources are cited with the section's own.
        const factSources = isOverview
            ? PERMIT_FACTS.flatMap((f) => this.services.responder.factSources(turnLanguage(step.context), f.valueKey))
            : [];
        const lines: Line[] = [
            { key: `permit:sections.${show}` },
            ...[...PERMIT_SOURCES[show], ...factSources].map((source) => ({ source })),
            { key: 'permit:more' },
        ];
        const question: Question = { id: show, lines, choices, ...(isOverview ? { facts: [...PERMIT_FACTS] } : {}) };
        return step.beginDialog(ASK_DIALOG, question);
    }

    private async nextSection(step: WaterfallStepContext) {
        const choice = String(step.result);
        if (choice === DONE) return step.endDialog();
        const next: SectionsOptions = { show: choice as Section, seen: (step.values as { seen?: string[] }).seen ?? [] };
        return step.replaceDialog(SECTIONS_WATERFALL, next);
    }
}
