import { type Activity, ActivityTypes, type Attachment, MemoryStorage, TestAdapter } from 'botbuilder';
import type { FirmContact } from '../../src/configuration/config';
import type { KnowledgeBase } from '../../src/content/knowledgeBase';
import { type Conversation, createConversation } from '../../src/conversation/conversation';
import type { Analytics } from '../../src/observability/analytics';
import { createLogger, type Logger } from '../../src/observability/logger';
import type { ProactiveSender } from '../../src/turn/proactive';
import type { TopicMatcher } from '../../src/understanding/faq/matcher';
import { realMatcher } from './matcher';

export interface ChatOptions {
    channelId?: string;
    /** The locale every user activity carries; undefined = none, as on Messenger. */
    locale?: string | undefined;
    createMatcher?: (knowledge: KnowledgeBase) => TopicMatcher;
    storage?: MemoryStorage;
    userId?: string;
    conversationId?: string;
    /** Logs of the bot under test; a chat with its own logger gets its own bot. */
    logger?: Logger;
    /** The firm's contact for "talk to an advisor"; a chat with its own gets its own bot. */
    firm?: FirmContact;
    /** What posts handoff cards and tells visitors of a claim; a chat with its own gets its own bot. */
    proactive?: ProactiveSender;
    /** Where the bot's events go; a chat with its own gets its own bot. */
    analytics?: Analytics;
    /** A bot built elsewhere (a server's, one with its own result codes, its own logger): the chat talks to it; the options above are then ignored. */
    conversation?: Conversation;
    /** The firm's tenant (FIRM_TENANT_ID), whose Teams users are staff; a chat with one gets its own bot. */
    firmTenantId?: string;
    /** The day the bot believes it is (figures due for a recheck); a chat with one gets its own bot. */
    today?: () => Date;
}

/** A silent logger, so test output stays readable; tests that check logs pass their own. */
export const quietLogger = createLogger('silent');

let chatCount = 0;
let shared: Conversation | undefined;

function sharedConversation(): Conversation {
    shared ??= createConversation({
        storage: new MemoryStorage(),
        logger: quietLogger,
        maxMessageLength: 1000,
        createMatcher: realMatcher,
    });
    return shared;
}

/**
 * Drives the whole bot (welcome, routing, dialogs, state) through botbuilder's TestAdapter, one user
 * activity at a time, and returns everything the bot sent back for that activity.
 */
export class Chat {
    readonly adapter: TestAdapter;
    readonly conversation: Conversation;
    private readonly locale: string | undefined;
    /** Activities without a conversation of their own get this one (the TestAdapter template would override theirs). */
    private readonly conversationId: string;

    constructor(options: ChatOptions = {}) {
        // Building the bot (content, matcher indexes) takes far longer than a turn: chats that need no
        // storage or matcher of their own share one bot, each with its own user and conversation ids.
        const own = ['storage', 'createMatcher', 'logger', 'firm', 'firmTenantId', 'proactive', 'analytics', 'today'].some(
            (key) => options[key as keyof ChatOptions] !== undefined,
        );
        this.conversation = options.conversation
            ? options.conversation
            : own
              ? createConversation({
                    storage: options.storage ?? new MemoryStorage(),
                    logger: options.logger ?? quietLogger,
                    maxMessageLength: 1000,
                    createMatcher: options.createMatcher ?? realMatcher,
                    ...(options.firm ? { firm: options.firm } : {}),
                    ...(options.firmTenantId ? { firmTenantId: options.firmTenantId } : {}),
                    ...(options.proactive ? { proactive: options.proactive } : {}),
                    ...(options.analytics ? { analytics: options.analytics } : {}),
                    ...(options.today ? { today: options.today } : {}),
                })
              : sharedConversation();
        chatCount += 1;
        this.conversationId = options.conversationId ?? `conversation-${chatCount}`;
        this.locale = 'locale' in options ? options.locale : 'en-US';
        this.adapter = new TestAdapter(
            (context) => this.conversation.run(context),
            {
                channelId: options.channelId ?? 'webchat',
                from: { id: options.userId ?? `user-${chatCount}`, name: 'User' },
                recipient: { id: 'bot', name: 'Bot' },
            },
            true,
        );
        this.adapter.onTurnError = (context, error) => this.conversation.onTurnError(context, error);
    }

    /** The conversationUpdate a channel sends when the chat opens. */
    async open(): Promise<Partial<Activity>[]> {
        return this.send({
            type: ActivityTypes.ConversationUpdate,
            membersAdded: [{ id: 'bot', name: 'Bot' }, this.adapter.template.from as { id: string; name: string }],
        });
    }

    async say(text: string): Promise<Partial<Activity>[]> {
        return this.send({ type: ActivityTypes.Message, text });
    }

    async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
        const withConversation = { conversation: { id: this.conversationId } as Activity['conversation'], ...activity };
        const withLocale = this.locale && !activity.locale ? { ...withConversation, locale: this.locale } : withConversation;
        await this.adapter.receiveActivity(withLocale);
        const replies: Partial<Activity>[] = [];
        while (this.adapter.activeQueue.length > 0) replies.push(this.adapter.activeQueue.shift() as Partial<Activity>);
        return replies;
    }
}

/** The messages a user sees (traces left out). */
export function messages(replies: Partial<Activity>[]): Partial<Activity>[] {
    return replies.filter((a) => a.type === ActivityTypes.Message);
}

/** Everything the user reads: message texts, and the texts of hero cards. */
export function textOf(replies: Partial<Activity>[]): string {
    return messages(replies)
        .map((a) => [a.text ?? '', ...(a.attachments ?? []).map(cardText)].join(' '))
        .join('\n');
}

interface CardContent {
    text?: string;
    title?: string;
    body?: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
    actions?: { type: string; title?: string; url?: string }[];
}

/** Hero card title and text; Adaptive Card text blocks, facts and links. */
function cardText(attachment: Attachment): string {
    const content = attachment.content as CardContent | undefined;
    const parts = [content?.title, content?.text];
    for (const element of content?.body ?? []) {
        parts.push(element.text, ...(element.facts ?? []).map((fact) => `${fact.title}: ${fact.value}`));
    }
    for (const action of content?.actions ?? []) if (action.type === 'Action.OpenUrl') parts.push(action.url);
    return parts.filter(Boolean).join(' ');
}

/** The button titles of the last message (suggested actions or card buttons). */
export function buttonsOf(replies: Partial<Activity>[]): string[] {
    const last = messages(replies).at(-1);
    if (!last) return [];
    const suggested = last.suggestedActions?.actions ?? [];
    const card = (last.attachments ?? []).flatMap((a) => (a.content as { buttons?: { title: string }[] } | undefined)?.buttons ?? []);
    return [...suggested, ...card].map((action) => action.title);
}

export function trace(replies: Partial<Activity>[], name: string): Record<string, unknown> | undefined {
    const found = replies.find((a) => a.type === ActivityTypes.Trace && a.name === name);
    return found?.value as Record<string, unknown> | undefined;
}
