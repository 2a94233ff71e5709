import type { TurnContext } from 'botbuilder';
import {
    ComponentDialog,
    type DialogContext,
    type DialogTurnResult,
    DialogTurnStatus,
    type PromptValidatorContext,
    TextPrompt,
    WaterfallDialog,
    type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { HandoffRequest } from '../src/channels/handoffInbox';
import type { EligibilitySummary } from '../src/channels/handoffStore';
import type { ChoiceSpec, Question } from '../src/content/catalog';
import { getTurnInfo, turnLanguage } from '../src/turn/turn';
import { ASK_DIALOG, AskDialog } from './askDialog';
import { readContact } from './contact';
import type { DialogServices } from './services';

export const HANDOFF_DIALOG = 'handoff';
const HANDOFF_WATERFALL = 'handoff.run';
const CONTACT_PROMPT = 'handoff.contact';

const CONSENT_CHOICES: ChoiceSpec[] = [
    { id: 'yes', labelKey: 'handoff:consent.yes' },
    { id: 'no', labelKey: 'handoff:consent.no' },
];
const SKIP: ChoiceSpec[] = [{ id: 'skip', labelKey: 'handoff:contact.skip' }];

/** What the dialog noted when it began: the request as it stood before the consent questions. */
interface HandoffValues {
    request: HandoffRequest;
}

/**
 * "Talk to an advisor" on the website or Messenger: consent to share, an optional e-mail or phone number (or
 * "skip"), then the request posted to the firm's Teams channel. The visitor hears "passed on" only when the
 * post succeeded; otherwise the truth and the firm's contact.
 */
export class HandoffDialog extends ComponentDialog {
    constructor(private readonly services: DialogServices) {
        super(HANDOFF_DIALOG);
        this.addDialog(new AskDialog(services));
        this.addDialog(new TextPrompt(CONTACT_PROMPT, (prompt) => this.validateContact(prompt)));
        this.addDialog(
            new WaterfallDialog(HANDOFF_WATERFALL, [
                (step) => this.askConsent(step),
                (step) => this.askContact(step),
                (step) => this.post(step),
            ]),
        );
        this.initialDialogId = HANDOFF_WATERFALL;
    }

    /** "cancel" and "menu" leave the request; nothing is sent. */
    protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
        const { decision } = getTurnInfo(innerDc.context);
        if (decision?.kind === 'command' && (decision.command === 'cancel' || decision.command === 'menu')) {
            if (decision.command === 'cancel') await this.services.responder.say(innerDc.context, 'common:cancelled');
            await this.services.responder.menu(innerDc.context);
            await innerDc.cancelAllDialogs();
            return { status: DialogTurnStatus.complete };
        }
        return super.onContinueDialog(innerDc);
    }

    private async askConsent(step: WaterfallStepContext) {
        const { state, handoff, analytics } = this.services;
        analytics.track({
            name: 'handoff.requested',
            channel: step.context.activity.channelId ?? '',
            language: turnLanguage(step.context),
        });
        // No inbox yet: asking for consent and a contact that nobody would receive helps no one.
        if (!(await handoff.inbox.channel())) {
            analytics.track({ name: 'handoff.failed', channel: step.context.activity.channelId ?? '', reason: 'noChannel' });
            await this.services.responder.say(step.context, 'handoff:notConfigured');
            await handoff.sendFirmContact(step.context);
            await this.services.responder.menu(step.context, 'common:menu.again');
            return step.endDialog();
        }
        const conversation = await state.conversation.get(step.context, {});
        const profile = await state.profile.get(step.context, {});
        const transcript = [...(conversation.transcript ?? [])];
        const question = conversation.lastQuestion;
        // A check under way shows its answers so far; otherwise the last finished check, with its verdict.
        const open = profile.eligibility;
        const done = conversation.lastEligibility;
        const eligibility: EligibilitySummary | undefined = open
            ? { answers: { ...open.answers } }
            : done
              ? { answers: { ...done.answers }, verdict: { eligible: done.eligible, unmet: [...done.unmet] } }
              : undefined;
        const request: HandoffRequest = { transcript, ...(question ? { question } : {}), ...(eligibility ? { eligibility } : {}) };
        (step.values as HandoffValues).request = request;
        const consent: Question = {
            id: 'handoffConsent',
            lines: [{ key: 'handoff:consent.ask', params: { firm: handoff.firmName } }],
            choices: CONSENT_CHOICES,
            yesNo: { yes: 'yes', no: 'no' },
        };
        return step.beginDialog(ASK_DIALOG, consent);
    }

    private async askContact(step: WaterfallStepContext) {
        const { responder, handoff, analytics } = this.services;
        if (step.result !== 'yes') {
            analytics.track({ name: 'handoff.declined', channel: step.context.activity.channelId ?? '' });
            await responder.say(step.context, 'handoff:consent.declined');
            await handoff.sendFirmContact(step.context);
            await responder.menu(step.context, 'common:menu.again');
            return step.endDialog();
        }
        await this.sayContactQuestion(step.context, 'handoff:contact.ask');
        return step.prompt(CONTACT_PROMPT, {});
    }

    private async sayContactQuestion(context: TurnContext, key: string): Promise<void> {
        const { responder } = this.services;
        await responder.say(context, key, undefined, responder.buttons(context, SKIP));
    }

    private async validateContact(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const contact = readContact(prompt.recognized.value ?? '', this.skipLabels(prompt.context));
        if (contact.kind === 'invalid') await this.sayContactQuestion(prompt.context, 'handoff:contact.invalid');
        return contact.kind !== 'invalid';
    }

    private skipLabels(context: TurnContext): string[] {
        return (['en', 'fr'] as const).map((language) => this.services.responder.t(context, 'handoff:contact.skip', undefined, language));
    }

    private async post(step: WaterfallStepContext) {
        const { responder, handoff, state } = this.services;
        const context = step.context;
        const contact = readContact(String(step.result ?? ''), this.skipLabels(context));
        const { request } = step.values as HandoffValues;
        const outcome = await handoff.inbox.request(context, turnLanguage(context), {
            ...request,
            ...(contact.kind === 'contact' ? { contact: contact.value } : {}),
        });
        if (outcome.status === 'posted') {
            const conversation = await state.conversation.get(context, {});
            conversation.handoffIds = [...(conversation.handoffIds ?? []), outcome.id];
            if (contact.kind === 'contact')
                await responder.say(context, 'handoff:postedWithContact', { firm: handoff.firmName, contact: contact.value });
            else await responder.say(context, 'handoff:posted', { firm: handoff.firmName });
        } else {
            await responder.say(context, outcome.status === 'notConfigured' ? 'handoff:notConfigured' : 'handoff:failed');
            await handoff.sendFirmContact(context);
        }
        await responder.menu(context, 'common:menu.again');
        return step.endDialog();
    }
}
