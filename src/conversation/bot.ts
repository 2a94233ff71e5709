import { type ConversationState, type InvokeResponse, TeamsActivityHandler, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, type DialogContext } from 'botbuilder-dialogs';
import { AskDialog } from '../../dialogs/askDialog';
import { MAIN_DIALOG, type MainDialog, type MainOptions } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import { LANGUAGE_CHOICES } from '../content/catalog';
import { DIALOG_TARGETS, type DialogTarget } from '../content/knowledgeBase';
import { markErased } from '../channels/handoff';
import { type Language, languageFromLocale } from '../content/languages';
import { channelInput, tenantId } from '../channels/input';
import { detectLanguage, type LanguageGuess, replyLanguage } from '../understanding/languageDetection';
import type { Recognizer } from '../understanding/recognizer';
import { redact } from '../observability/redact';
import { type ConversationData, knownLanguage, type UserProfile } from '../turn/state';
import { type Decision, getTurnInfo, setTurnInfo } from '../turn/turn';

/** The Recognizer trace's value: part of the bot's contract (Emulator shows it). */
export interface RecognizerTrace {
    text: string;
    locale: Language;
    action: 'answer' | 'dialog' | 'command' | 'fallback';
    target?: DialogTarget;
    topic?: string;
    score?: number;
    command?: string;
    candidates?: string[];
}

export interface BotDependencies {
    conversationState: ConversationState;
    userState: UserState;
    mainDialog: MainDialog;
    recognizer: Recognizer;
    /** What the dialogs use too: responder, answer reader, state accessors, handoff, analytics. */
    services: DialogServices;
    /** Longer messages get a polite request to shorten them instead of being interpreted. */
    maxMessageLength: number;
}

/** The event a Web Chat page sends when it opens, with `{ language }` (the "webchat/join" pattern). */
export const WEBCHAT_JOIN = 'webchat/join';

/** Channels whose pages send "webchat/join" with the visitor's language when the conversation starts. */
const WAITS_FOR_JOIN = new Set(['webchat', 'directline']);

function joinLanguage(value: unknown): Language | undefined {
    const language = (value as { language?: unknown } | undefined)?.language;
    return typeof language === 'string' ? languageFromLocale(language) : undefined;
}

/** Text detection decides the language only when it is this sure; otherwise we keep what we know. */
const DETECTION_CONFIDENCE = 0.5;

/**
 * The IMP+ conversation: welcome, language, top-level routing of free text, and the guided dialogs.
 * Hosting code only calls run(context); nothing here knows about HTTP or the adapter.
 */
export class ImpPlusBot extends TeamsActivityHandler {
    private readonly dialogs: DialogSet;

    constructor(private readonly deps: BotDependencies) {
        super();
        this.dialogs = new DialogSet(deps.services.state.dialogState);
        this.dialogs.add(deps.mainDialog);

        this.onMembersAdded(async (context, next) => {
            const bot = context.activity.recipient?.id;
            if ((context.activity.membersAdded ?? []).some((member) => member.id !== bot)) await this.welcome(context);
            await next();
        });
        // Teams: a personal install greets once (the user is not "added" to a personal chat).
        this.onInstallationUpdateAdd(async (context, next) => {
            await this.welcome(context);
            await next();
        });
        // Web Chat pages that use the "webchat/join" pattern send the browser's language with it.
        this.onEvent(async (context, next) => {
            if (context.activity.name === WEBCHAT_JOIN) await this.welcome(context, joinLanguage(context.activity.value));
            await next();
        });
        this.onMessage(async (context, next) => {
            if (channelInput(context.activity.channelId).addressedToBot(context.activity)) await this.handleMessage(context);
            await next();
        });
    }

    /** Invokes the bot does not support are the caller's mistake (400), not a server fault (the SDK's 501). */
    protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
        const response = await super.onInvokeActivity(context);
        return response.status === 501 ? { status: 400, body: { error: 'UnsupportedInvoke', message: 'This bot does not handle that invoke.' } } : response;
    }

    override async run(context: TurnContext): Promise<void> {
        this.deps.services.handoff.recordReplies(context);
        await super.run(context);
        await this.deps.conversationState.saveChanges(context, false);
        await this.deps.userState.saveChanges(context, false);
    }

    private async welcome(context: TurnContext, pageLanguage?: Language): Promise<void> {
        const conversation = await this.deps.services.state.conversation.get(context, {});
        if (conversation.welcomed) return;
        const profile = await this.deps.services.state.profile.get(context, {});
        const language = knownLanguage(profile, conversation, context.activity.locale, pageLanguage);
        if (!language) {
            // A Web Chat page tells the visitor's language in its "webchat/join" event right after; asking
            // now would greet twice. Elsewhere (Messenger sends no locale), ask in both languages.
            if (!WAITS_FOR_JOIN.has(context.activity.channelId ?? '') || context.activity.type === 'event') await this.askLanguage(context);
            return;
        }
        conversation.language ??= language;
        setTurnInfo(context, { language });
        await this.greet(context, conversation);
    }

    /** The greeting and the menu; the disclaimer only the first time in a conversation. */
    private async greet(context: TurnContext, conversation: ConversationData): Promise<void> {
        const { responder } = this.deps.services;
        const lines = [responder.t(context, 'common:welcome.greeting')];
        if (!conversation.welcomed) lines.push(responder.t(context, 'common:welcome.disclaimer'));
        conversation.welcomed = true;
        await responder.send(context, { text: lines.join('\n\n') });
        await responder.menu(context);
    }

    /** Both languages at once, since we can't tell which one the user reads. */
    private async askLanguage(context: TurnContext): Promise<void> {
        const { responder } = this.deps.services;
        setTurnInfo(context, { language: 'en' });
        await responder.send(context, {
            text: `${responder.t(context, 'common:welcome.bilingual')}\n\n${responder.t(context, 'common:welcome.chooseLanguage')}`,
            buttons: responder.buttons(context, LANGUAGE_CHOICES),
        });
    }

    private async handleMessage(context: TurnContext): Promise<void> {
        const { state, responder } = this.deps.services;
        const input = channelInput(context.activity.channelId).read(context.activity);
        const text = input.text.trim();
        // Only what the user typed tells their language; a tapped payload ("GET_STARTED") does not.
        const detect = (value: string): LanguageGuess => detectLanguage(input.typed ? value : '');
        const profile = await state.profile.get(context, {});
        const conversation = await state.conversation.get(context, {});
        const known = knownLanguage(profile, conversation, context.activity.locale);

        if (text.length === 0) {
            setTurnInfo(context, { language: known ?? 'en' });
            await responder.say(context, 'common:unsupported');
            await this.askPendingAgain(context);
            return;
        }
        if (text.length > this.deps.maxMessageLength) {
            setTurnInfo(context, { language: known ?? detect(text).language ?? 'en' });
            await responder.say(context, 'common:tooLong', { max: this.deps.maxMessageLength });
            await this.askPendingAgain(context);
            return;
        }

        if (known) setTurnInfo(context, { language: known });
        const guess = detect(text);
        const dc = await this.dialogs.createContext(context);
        const decision = this.decide(dc, text, known ?? guess.language ?? 'en');
        const language = this.resolveLanguage(profile, conversation, context, guess, decision);
        if (!language) {
            await this.askLanguage(context);
            return;
        }

        const tenant = tenantId(context.activity);
        // At the top level the whole reply follows the question's language; inside a dialog only the answer
        // does, and the pending question comes back in the conversation's language.
        const replyIn = dc.activeDialog ? language : answerLanguage(decision, text, language);
        setTurnInfo(context, { language: replyIn, decision, ...(tenant ? { tenantId: tenant } : {}) });
        await context.sendTraceActivity('Recognizer', this.traceValue(text, replyIn, decision), 'https://impplus.local/schemas/recognizer', 'Recognizer result');

        if (decision.kind === 'command' && decision.command === 'deleteData') {
            await this.eraseEverything(dc);
            return;
        }
        await this.deps.services.handoff.record(context, 'user', text);

        if (!conversation.welcomed && (decision.kind !== 'command' || !['english', 'french', 'greeting'].includes(decision.command))) {
            // Users who never saw the welcome (Messenger, a reopened chat) still read the disclaimer once.
            conversation.welcomed = true;
            await responder.say(context, 'common:welcome.disclaimer');
        }

        if (dc.activeDialog) {
            await dc.continueDialog();
            return;
        }
        await this.route(dc, decision, conversation);
    }

    /** A sticker, an attachment or an over-long message mid-question: the question comes back, buttons and all. */
    private async askPendingAgain(context: TurnContext): Promise<void> {
        const dc = await this.dialogs.createContext(context);
        if (dc.activeDialog) await dc.repromptDialog();
    }

    /**
     * "Delete my data": the user's and the conversation's stored state are erased, dialogs included,
     * and nothing more is written this turn (Quebec's Law 25: a person may have their information destroyed).
     */
    private async eraseEverything(dc: DialogContext): Promise<void> {
        const context = dc.context;
        await dc.cancelAllDialogs();
        await this.deps.conversationState.delete(context);
        await this.deps.userState.delete(context);
        markErased(context);
        await this.deps.services.responder.say(context, 'common:privacy.deleted');
        await this.deps.services.responder.menu(context);
    }

    /** Explicit choice > channel locale > the message's own language > what this conversation used so far. */
    private resolveLanguage(
        profile: UserProfile,
        conversation: ConversationData,
        context: TurnContext,
        guess: LanguageGuess,
        decision: Decision,
    ): Language | undefined {
        if (decision.kind === 'command' && (decision.command === 'english' || decision.command === 'french')) {
            profile.language = decision.command === 'english' ? 'en' : 'fr';
            return profile.language;
        }
        if (profile.language) return profile.language;
        const fromLocale = languageFromLocale(context.activity.locale);
        if (fromLocale) return fromLocale;
        if (guess.language && guess.confidence >= DETECTION_CONFIDENCE) conversation.language = guess.language;
        return conversation.language;
    }

    /**
     * What to do with the message: a command, an answer to the pending question, or what the knowledge base
     * makes of it. An answer to the pending question skips the knowledge-base search, most of a turn's cost.
     */
    private decide(dc: DialogContext, text: string, hint: Language): Decision {
        const { recognizer } = this.deps;
        const shortcut = recognizer.shortcut(text);
        if (shortcut?.kind === 'command') return shortcut;
        const pending = AskDialog.pendingQuestion(dc);
        const target = pending ? activeTarget(dc) : undefined;
        if (pending && target && AskDialog.expects(dc, this.deps.services.reader, text)) return { kind: 'prompt', target };
        const recognition = shortcut ?? recognizer.search(text, hint);
        // Inside a dialog, what we would refuse at the top level goes to the question, which asks again.
        if (target && recognition.kind === 'refuse' && !recognition.topic) return { kind: 'prompt', target };
        return recognition;
    }

    private async route(dc: DialogContext, decision: Decision, conversation: ConversationData): Promise<void> {
        const { responder } = this.deps.services;
        const context = dc.context;
        switch (decision.kind) {
            case 'prompt':
                return;
            case 'dialog':
                await dc.beginDialog(MAIN_DIALOG, { target: decision.target } satisfies MainOptions);
                return;
            case 'answer':
                await responder.answer(context, decision.topic, true);
                return;
            case 'clarify':
                await responder.clarify(context, decision.topics);
                return;
            case 'refuse':
                if (decision.topic) await responder.answer(context, decision.topic, false);
                else {
                    this.deps.services.analytics.track({
                        name: 'unanswered',
                        locale: getTurnInfo(context).language,
                        score: decision.score,
                        question: redact(context.activity.text ?? ''),
                    });
                    await responder.say(context, 'common:fallback.unknown');
                }
                await responder.menu(context);
                return;
            case 'command':
                switch (decision.command) {
                    case 'greeting':
                        await this.greet(context, conversation);
                        return;
                    case 'english':
                    case 'french':
                        if (!conversation.welcomed) await this.greet(context, conversation);
                        else {
                            await responder.say(context, 'common:language.switched');
                            await responder.menu(context);
                        }
                        return;
                    case 'help':
                        await responder.say(context, 'common:help.general');
                        await responder.menu(context);
                        return;
                    case 'cancel':
                        await responder.say(context, 'common:nothingToCancel');
                        await responder.menu(context);
                        return;
                    case 'menu':
                        await responder.menu(context);
                        return;
                    case 'restart': {
                        const profile = await this.deps.services.state.profile.get(context, {});
                        delete profile.eligibility;
                        delete profile.walkthroughStep;
                        await responder.say(context, 'common:startOver');
                        await responder.menu(context);
                        return;
                    }
                    case 'ask':
                        await responder.say(context, 'common:ask.prompt');
                        return;
                    case 'privacy':
                        await responder.say(context, 'common:privacy.notice', { days: this.deps.services.retentionDays });
                        await responder.menu(context);
                        return;
                    case 'advisor':
                        await this.deps.services.handoff.offer(context);
                        await responder.menu(context, 'common:menu.again');
                        return;
                    case 'deleteData':
                        return; // handled before routing
                }
        }
    }

    private traceValue(text: string, locale: Language, decision: Decision): RecognizerTrace {
        const base = { text, locale };
        switch (decision.kind) {
            case 'prompt':
                return { ...base, action: 'dialog', target: decision.target };
            case 'command':
                return { ...base, action: 'command', command: decision.command };
            case 'dialog':
                return { ...base, action: 'dialog', target: decision.target, ...(decision.topic ? { topic: decision.topic, score: decision.score } : {}) };
            case 'answer':
                return { ...base, action: 'answer', topic: decision.topic.id, score: decision.score };
            case 'clarify':
                return { ...base, action: 'fallback', candidates: decision.topics.map((t) => t.id), score: decision.score };
            case 'refuse':
                return { ...base, action: 'fallback', score: decision.score, ...(decision.topic ? { topic: decision.topic.id } : {}) };
        }
    }
}

/**
 * Free-text questions are answered in the language they are asked in, even when the conversation runs in
 * the other one (the matcher already picked the topic in that language); everything else keeps the turn's.
 */
function answerLanguage(decision: Decision, text: string, language: Language): Language {
    switch (decision.kind) {
        case 'answer':
            return decision.topic.language;
        case 'clarify':
            return decision.topics[0].language;
        case 'refuse':
            return decision.topic?.language ?? replyLanguage(text, language);
        default:
            return language;
    }
}

/** The guided dialog running under the main dialog, if any. */
function activeTarget(dc: DialogContext): DialogTarget | undefined {
    for (let current: DialogContext | undefined = dc; current; current = current.child) {
        const id = current.activeDialog?.id;
        if (id && (DIALOG_TARGETS as readonly string[]).includes(id)) return id as DialogTarget;
    }
    return undefined;
}

