import {
    type AdaptiveCardInvokeResponse,
    type AdaptiveCardInvokeValue,
    type ConversationState,
    type InvokeResponse,
    TeamsActivityHandler,
    type TurnContext,
    type UserState,
} from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import type { HandoffDialog } from '../../dialogs/handoffDialog';
import { MAIN_DIALOG, type MainDialog, type MainOptions } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import type { AnswerFeedback } from '../channels/feedback';
import { CLAIM_VERB, type ClaimData } from '../channels/handoffCard';
import { channelInput, tenantId } from '../channels/input';
import { readVote, TEAMS_SUBMIT_ACTION, type Vote, WEBCHAT_VOTE_EVENT } from '../channels/ratings';
import { DIALOG_TARGETS, type DialogTarget } from '../content/knowledgeBase';
import type { Language } from '../content/languages';
import { setTurnInfo } from '../turn/turn';
import { type FollowUpReader, lastAnswerOf } from '../understanding/context';
import { detectLanguage } from '../understanding/languageDetection';
import type { Recognizer } from '../understanding/recognizer';
import { readResultCode } from '../understanding/resultCode';
import { decide } from './decide';
import { Erasure } from './erasure';
import type { HandoffSettings } from './handoffSettings';
import { joinLanguage, knownLanguage, rememberLanguage, replyLanguageFor } from './languageRules';
import { type CodeLookups, Resume } from './resume';
import type { StaffDesk } from './staffDesk';
import { refusedStaleTap } from './staleTaps';
import { TopLevel } from './topLevel';
import { sendRecognizerTrace } from './trace';
import { START_EVENT, WEBCHAT_JOIN, Welcome } from './welcome';

const isDialogTarget = (value: unknown): value is DialogTarget => (DIALOG_TARGETS as readonly unknown[]).includes(value);

export interface BotDependencies {
    conversationState: ConversationState;
    userState: UserState;
    mainDialog: MainDialog;
    /** "Talk to an advisor" at the top level (inside a guided dialog, the main dialog runs its own). */
    handoffDialog: HandoffDialog;
    /** The staff's handoff commands in Teams, and the channel learned on install. */
    handoffSettings: HandoffSettings;
    recognizer: Recognizer;
    /** Reads a message in the light of the last answer ("and when does it expire?"). */
    followUps: FollowUpReader;
    /** What the dialogs use too: responder, answer reader, state accessors, handoff, analytics. */
    services: DialogServices;
    /** Ratings of the answers, from each channel's own means. */
    feedback: AnswerFeedback;
    /** Longer messages get a polite request to shorten them instead of being interpreted. */
    maxMessageLength: number;
    /** Result-code lookups allowed per user and overall ("resume K7QM-…"). */
    lookups: CodeLookups;
    /** The staff tools in Teams; they recognize nothing for anyone else. */
    staffDesk: StaffDesk;
}

/** Decisions that read a message as a free-text question (kept as the question an advisor would see). */
const QUESTION_KINDS: ReadonlySet<string> = new Set(['answer', 'clarify', 'refuse']);

/**
 * The IMP+ conversation: which activity does what, and one short pipeline per message. Hosting code only
 * calls run(context); nothing here knows about HTTP or the adapter.
 */
export class ImpPlusBot extends TeamsActivityHandler {
    private readonly dialogs: DialogSet;
    private readonly welcome: Welcome;
    private readonly topLevel: TopLevel;
    private readonly resume: Resume;
    private readonly erasure: Erasure;

    constructor(private readonly deps: BotDependencies) {
        super();
        this.dialogs = new DialogSet(deps.services.state.dialogState);
        this.dialogs.add(deps.mainDialog);
        this.dialogs.add(deps.handoffDialog);
        this.welcome = new Welcome(deps.services);
        this.topLevel = new TopLevel(deps.services, this.welcome);
        this.resume = new Resume(deps.services, this.welcome, deps.lookups);
        this.erasure = new Erasure(deps.services, deps.conversationState, deps.userState);

        this.onMembersAdded(async (context, next) => {
            const bot = context.activity.recipient?.id;
            if ((context.activity.membersAdded ?? []).some((member) => member.id !== bot)) await this.welcome.welcome(context);
            await next();
        });
        // Teams: a personal install greets once (the user is not "added" to a personal chat).
        this.onInstallationUpdateAdd(async (context, next) => {
            await this.welcome.welcome(context);
            await deps.handoffSettings.installed(context);
            // Staff learn of their tools where they install the app for themselves.
            if (deps.staffDesk.isStaff(context)) await deps.services.responder.say(context, 'staff:help');
            await next();
        });
        // Web Chat pages that use the "webchat/join" pattern send the browser's language with it.
        this.onEvent(async (context, next) => {
            if (context.activity.name === WEBCHAT_JOIN) await this.welcome.welcome(context, joinLanguage(context.activity.value));
            else if (context.activity.name === START_EVENT) await this.startRequested(context, context.activity.value);
            else if (context.activity.name === WEBCHAT_VOTE_EVENT) {
                const vote = readVote(context.activity);
                if (vote) await this.handleVote(context, vote);
            }
            await next();
        });
        this.onMessage(async (context, next) => {
            const input = channelInput(context.activity.channelId);
            if (input.addressedToBot(context.activity)) {
                const handled = await deps.handoffSettings.handle(context, input.read(context.activity).text);
                if (!handled) await this.handleMessage(context);
            }
            await next();
        });
    }

    /** Invokes the bot does not support are the caller's mistake (400), not a server fault (the SDK's 501). */
    protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
        // Teams' feedback loop: a thumb under an answer. Teams expects a 200, whatever the bot makes of it.
        if (context.activity.name === TEAMS_SUBMIT_ACTION) {
            const vote = readVote(context.activity);
            if (vote) {
                await this.handleVote(context, vote);
                return { status: 200, body: {} };
            }
        }
        const response = await super.onInvokeActivity(context);
        return response.status === 501
            ? { status: 400, body: { error: 'UnsupportedInvoke', message: 'This bot does not handle that invoke.' } }
            : response;
    }

    /**
     * "I'll take it" on a handoff card (Action.Execute): the card that comes back replaces it for whoever tapped,
     * and the inbox updates the message itself for the rest of the channel.
     */
    protected override async onAdaptiveCardInvoke(
        context: TurnContext,
        invokeValue: AdaptiveCardInvokeValue,
    ): Promise<AdaptiveCardInvokeResponse> {
        const data = invokeValue.action?.data as Partial<ClaimData> | undefined;
        if (invokeValue.action?.verb !== CLAIM_VERB || typeof data?.handoffId !== 'string')
            return super.onAdaptiveCardInvoke(context, invokeValue);
        const card = await this.deps.services.handoff.inbox.claim(context, data.handoffId);
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
    }

    override async run(context: TurnContext): Promise<void> {
        this.deps.services.handoff.recordReplies(context);
        await super.run(context);
        await this.deps.feedback.keepRatedAnswers(context);
        await this.deps.conversationState.saveChanges(context, false);
        await this.deps.userState.saveChanges(context, false);
    }

    /** Read → guard → decide → language → trace → erase? → record → disclaimer → the dialog or the top level. */
    private async handleMessage(context: TurnContext): Promise<void> {
        const { state, responder, reader, handoff } = this.deps.services;
        const read = channelInput(context.activity.channelId).read(context.activity);
        const input = { text: read.text.trim(), typed: read.typed };
        const profile = await state.profile.get(context, {});
        const conversation = await state.conversation.get(context, {});
        const known = knownLanguage(profile, conversation, context.activity.locale);
        // Only what the user typed tells their language; a tapped payload ("GET_STARTED") does not.
        const guess = detectLanguage(input.typed ? input.text : '');

        const vote = readVote(context.activity, input.text);
        if (vote) return this.handleVote(context, vote, known);

        if (input.text.length === 0 || input.text.length > this.deps.maxMessageLength) {
            setTurnInfo(context, { language: known ?? guess.language ?? 'en', input });
            if (input.text.length === 0) await responder.say(context, 'common:unsupported');
            else await responder.say(context, 'common:tooLong', { max: this.deps.maxMessageLength });
            await this.askPendingAgain(context);
            return;
        }

        if (known) setTurnInfo(context, { language: known, input });
        const dc = await this.dialogs.createContext(context);
        // A result code brings its own language: read before the bot asks a Messenger newcomer for one.
        const code = readResultCode(input.text);
        if (code) {
            delete conversation.confirmingErase;
            const fallbackLanguage = known ?? guess.language ?? 'en';
            return this.resume.handle(dc, { code, input, profile, conversation, fallbackLanguage });
        }
        const decision = decide(
            dc,
            input.text,
            known ?? guess.language ?? 'en',
            this.deps.recognizer,
            reader,
            this.deps.followUps,
            conversation.lastAnswer,
        );
        const remembered = rememberLanguage(context, profile, conversation, guess, decision);
        if (!remembered) {
            await this.welcome.askLanguage(context);
            return;
        }
        const { language } = remembered;
        const replyIn = replyLanguageFor(decision, input.text, language, dc.activeDialog !== undefined);
        const tenant = tenantId(context.activity);
        setTurnInfo(context, { language: replyIn, input, decision, ...(tenant ? { tenantId: tenant } : {}) });
        await sendRecognizerTrace(context, input.text, replyIn, decision);
        if (read.tap && (await refusedStaleTap(dc, read.tap, responder, conversation))) return;
        // Neither yes nor no to "erase your data?": the message is read for what it is.
        if (await this.erasure.answerPending(dc, conversation, input.text)) return;
        // A reason after a thumbs down, or the end-of-conversation question: anything else is read for what it is.
        if (await this.deps.feedback.onReason(context, conversation, input.text)) return;
        if (!dc.activeDialog && (await this.deps.services.satisfaction.onAnswer(context, conversation, input.text))) return;
        if (await this.erasure.onRequest(dc, conversation, decision)) return;
        const staffCommand = this.deps.staffDesk.recognize(context, input.text);
        if (staffCommand) return this.deps.staffDesk.act(dc, staffCommand);
        await handoff.record(context, 'user', input.text);
        // At a question, a message not understood is a wrong answer, not a question.
        if (QUESTION_KINDS.has(decision.kind) && !(decision.kind === 'refuse' && dc.activeDialog)) conversation.lastQuestion = input.text;
        if (decision.kind !== 'prompt') conversation.lastAnswer = lastAnswerOf(decision) ?? conversation.lastAnswer;
        const greetsItself = decision.kind === 'command' && ['english', 'french', 'greeting'].includes(decision.command);
        if (!greetsItself) await this.welcome.disclaimOnce(context, conversation);
        // Said once, in the new language: the person knows why, and how to go back.
        if (remembered.switched && conversation.welcomed) await responder.say(context, 'common:language.followed', undefined);

        if (dc.activeDialog) await dc.continueDialog();
        else {
            if (decision.kind === 'command' && decision.command === 'help' && this.deps.staffDesk.isStaff(context))
                await responder.say(context, 'staff:help');
            await this.topLevel.act(dc, decision, conversation);
        }
    }

    /** A thumbs up or down, in the language of the conversation; a pending question is asked again after a Messenger vote. */
    private async handleVote(context: TurnContext, vote: Vote, known?: Language): Promise<void> {
        const { state } = this.deps.services;
        const language =
            known ??
            knownLanguage(await state.profile.get(context, {}), await state.conversation.get(context, {}), context.activity.locale);
        setTurnInfo(context, { language: language ?? vote.language ?? 'en' });
        const dc = await this.dialogs.createContext(context);
        const pending = dc.activeDialog !== undefined;
        await this.deps.feedback.onVote(context, vote, pending);
        if (pending && context.activity.type === 'message') await dc.repromptDialog();
    }

    /**
     * A page's call-to-action ("start" event, value "eligibility"): the dialog opens at once, in the page's
     * language, whatever was going on (an unfinished check offers to resume). Unknown values are ignored.
     */
    private async startRequested(context: TurnContext, value: unknown): Promise<void> {
        if (!isDialogTarget(value)) return;
        const { state } = this.deps.services;
        const profile = await state.profile.get(context, {});
        const conversation = await state.conversation.get(context, {});
        const language = knownLanguage(profile, conversation, context.activity.locale) ?? 'en';
        conversation.language ??= language;
        setTurnInfo(context, { language });
        await this.welcome.disclaimOnce(context, conversation);
        const dc = await this.dialogs.createContext(context);
        await dc.cancelAllDialogs();
        await dc.beginDialog(MAIN_DIALOG, { target: value } satisfies MainOptions);
    }

    /** A sticker, an attachment or an over-long message mid-question: the question comes back, buttons and all. */
    private async askPendingAgain(context: TurnContext): Promise<void> {
        const dc = await this.dialogs.createContext(context);
        if (dc.activeDialog) await dc.repromptDialog();
    }
}
