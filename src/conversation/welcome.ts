import type { TurnContext } from 'botbuilder';
import type { DialogServices } from '../../dialogs/services';
import { LANGUAGE_CHOICES } from '../content/catalog';
import type { Language } from '../content/languages';
import type { ConversationData, UserProfile } from '../turn/state';
import { setTurnInfo } from '../turn/turn';
import { knownLanguage } from './languageRules';

/** The event a Web Chat page sends when it opens, with `{ language }` (the "webchat/join" pattern). */
export const WEBCHAT_JOIN = 'webchat/join';

/** The event a page sends to open a guided dialog straight away (value: "eligibility"), e.g. from its call-to-action. */
export const START_EVENT = 'start';

/** Channels whose pages send "webchat/join" with the visitor's language when the conversation starts. */
const WAITS_FOR_JOIN = new Set(['webchat', 'directline']);

interface ReturningKey {
    key: string;
    labelKey: string;
}

/** What a user left unfinished in an earlier conversation, most useful first (the check, then the walkthrough). */
function returningKey(profile: UserProfile): ReturningKey | undefined {
    if ((profile.eligibility?.history.length ?? 0) > 0)
        return { key: 'returning:eligibility', labelKey: 'common:menu.choices.eligibility' };
    if ((profile.walkthroughStep ?? 0) > 0) return { key: 'returning:steps', labelKey: 'common:menu.choices.steps' };
    return undefined;
}

/** The greeting, with the disclaimer once per conversation, in the user's language or in both. */
export class Welcome {
    constructor(private readonly services: Pick<DialogServices, 'responder' | 'state' | 'analytics'>) {}

    /** Greets a conversation once: when the user joins, installs the app, or a Web Chat page opens. */
    async welcome(context: TurnContext, pageLanguage?: Language): Promise<void> {
        const conversation = await this.services.state.conversation.get(context, {});
        if (conversation.welcomed) return;
        const profile = await this.services.state.profile.get(context, {});
        const language = knownLanguage(profile, conversation, context.activity.locale, pageLanguage);
        if (!language) {
            // A Web Chat page tells the visitor's language in its "webchat/join" event right after; asking
            // now would greet twice. Elsewhere (Messenger sends no locale), ask in both languages.
            if (!WAITS_FOR_JOIN.has(context.activity.channelId ?? '') || context.activity.type === 'event') await this.askLanguage(context);
            return;
        }
        conversation.language ??= language;
        setTurnInfo(context, { language });
        await this.greet(context, conversation, returningKey(profile));
    }

    /**
     * The greeting and the menu; the disclaimer only the first time in a conversation. A returning user with an
     * unfinished check or walkthrough (kept per user) is told how to pick it up instead of the first hello.
     */
    async greet(context: TurnContext, conversation: ConversationData, returning?: ReturningKey): Promise<void> {
        const { responder } = this.services;
        const greeting = returning
            ? responder.t(context, returning.key, { label: responder.t(context, returning.labelKey) })
            : responder.t(context, 'common:welcome.greeting');
        const lines = [greeting];
        if (!conversation.welcomed) {
            lines.push(responder.t(context, 'common:welcome.disclaimer'));
            this.started(context);
        }
        conversation.welcomed = true;
        await responder.send(context, { text: lines.join('\n\n') });
        await responder.menu(context);
    }

    /** Users who never saw the welcome (Messenger, a reopened chat) still read the disclaimer once. */
    async disclaimOnce(context: TurnContext, conversation: ConversationData): Promise<void> {
        if (conversation.welcomed) return;
        conversation.welcomed = true;
        this.started(context);
        await this.services.responder.say(context, 'common:welcome.disclaimer');
    }

    /** A conversation starts when it first reads the disclaimer: counted per channel and language. */
    private started(context: TurnContext): void {
        const language = this.services.responder.wording(context).language;
        this.services.analytics.track({ name: 'conversation.started', channel: context.activity.channelId ?? 'unknown', language });
    }

    /** Both languages at once, since we can't tell which one the user reads. */
    async askLanguage(context: TurnContext): Promise<void> {
        const { responder } = this.services;
        setTurnInfo(context, { language: 'en' });
        await responder.send(context, {
            text: `${responder.t(context, 'common:welcome.bilingual')}\n\n${responder.t(context, 'common:welcome.chooseLanguage')}`,
            buttons: responder.buttons(context, LANGUAGE_CHOICES),
        });
    }
}
