import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** An activity as the Direct Line client receives it (JSON: the timestamp is an ISO string), always with an id. */
export type DirectLineActivity = Omit<Partial<Activity>, 'timestamp'> & { id: string; type: string; timestamp: string };

export interface StoredConversation {
    readonly id: string;
    /** The user the conversation's tokens are bound to: posted activities are always from this id. */
    readonly userId: string;
    /** The locale asked for when the token was made; the start request may still override it. */
    locale: string | undefined;
    /** True once the bot has been told that the conversation started (conversationUpdate sent). */
    started: boolean;
    lastActiveAt: number;
    /** Sequence number of the last activity appended: activity ids and watermarks derive from it. */
    lastSequence: number;
    /** The most recent activities only, oldest first, each with its sequence number. */
    readonly activities: { sequence: number; activity: DirectLineActivity }[];
    /** Turns run one at a time per conversation, so that the bot's state writes never race. */
    turns: Promise<void>;
    pendingTurns: number;
}

export interface StoreLimits {
    maxConversations: number;
    maxActivitiesPerConversation: number;
    idleMs: number;
    tokenLifetimeMs: number;
}

export interface IssuedToken {
    token: string;
    expiresInSeconds: number;
}

export type TokenCheck =
    | { status: 'valid'; conversationId: string; expiresInSeconds: number }
    | { status: 'expired' }
    | { status: 'unknown' };

interface TokenRecord {
    conversationId: string;
    expiresAt: number;
}

/** Opaque random ids: URL-safe, unguessable, no meaning a client could rely on. */
export function randomId(bytes = 16): string {
    return randomBytes(bytes).toString('base64url');
}

/** Direct Line's activity id style: "<conversationId>|0000042". */
export function activityId(conversationId: string, sequence: number): string {
    return `${conversationId}|${String(sequence).padStart(7, '0')}`;
}

/**
 * The local Direct Line's memory: conversations, their recent activities and their tokens. Everything is
 * bounded — conversations in number (the least recently active is dropped first) and idle time, activities
 * per conversation, tokens in lifetime and number — so a long-running local server cannot grow without end.
 */
export class ConversationStore {
    /** Insertion order is recency order: touching a conversation moves it to the end. */
    private readonly conversations = new Map<string, StoredConversation>();
    /** Tokens outlive an evicted conversation until they expire, so that its client learns it ended (404). */
    private readonly tokens = new Map<string, TokenRecord>();

    constructor(
        private readonly limits: StoreLimits,
        private readonly now: () => number = Date.now,
    ) {}

    get size(): number {
        return this.conversations.size;
    }

    create(userId: string, locale: string | undefined): StoredConversation {
        this.sweep();
        while (this.conversations.size >= this.limits.maxConversations) {
            const oldest = this.conversations.keys().next().value as string;
            this.conversations.delete(oldest);
        }
        const conversation: StoredConversation = {
            id: randomId(),
            userId,
            locale,
            started: false,
            lastActiveAt: this.now(),
            lastSequence: 0,
            activities: [],
            turns: Promise.resolve(),
            pendingTurns: 0,
        };
        this.conversations.set(conversation.id, conversation);
        return conversation;
    }

    /** The conversation if it is still alive; reading it counts as activity. */
    get(id: string): StoredConversation | undefined {
        const conversation = this.conversations.get(id);
        if (!conversation) return undefined;
        if (this.isIdle(conversation)) {
            this.conversations.delete(id);
            return undefined;
        }
        this.touch(conversation);
        return conversation;
    }

    issueToken(conversation: StoredConversation): IssuedToken {
        // Each conversation normally holds one or two live tokens (before and after a refresh); the cap keeps
        // a flood of token requests from growing the map beyond a few entries per conversation.
        const maxTokens = this.limits.maxConversations * 4;
        while (this.tokens.size >= maxTokens) this.tokens.delete(this.tokens.keys().next().value as string);
        const token = randomId(32);
        this.tokens.set(token, { conversationId: conversation.id, expiresAt: this.now() + this.limits.tokenLifetimeMs });
        return { token, expiresInSeconds: Math.round(this.limits.tokenLifetimeMs / 1000) };
    }

    checkToken(token: string): TokenCheck {
        const record = this.tokens.get(token);
        if (!record) return { status: 'unknown' };
        if (record.expiresAt <= this.now()) {
            this.tokens.delete(token);
            return { status: 'expired' };
        }
        return {
            status: 'valid',
            conversationId: record.conversationId,
            expiresInSeconds: Math.round((record.expiresAt - this.now()) / 1000),
        };
    }

    /** Gives the activity the next id in the conversation and keeps it for the client to fetch. */
    append(conversation: StoredConversation, activity: Omit<DirectLineActivity, 'id' | 'timestamp'>): DirectLineActivity {
        conversation.lastSequence += 1;
        const stored: DirectLineActivity = {
            ...activity,
            id: activityId(conversation.id, conversation.lastSequence),
            timestamp: new Date(this.now()).toISOString(),
        };
        conversation.activities.push({ sequence: conversation.lastSequence, activity: stored });
        if (conversation.activities.length > this.limits.maxActivitiesPerConversation) conversation.activities.shift();
        this.touch(conversation);
        return stored;
    }

    /**
     * The activities after a watermark, and the watermark to ask with next time. A watermark is the sequence
     * number of the last activity the client holds; none (or garbage) means "everything you still have".
     */
    activitiesAfter(
        conversation: StoredConversation,
        watermark: string | undefined,
    ): { activities: DirectLineActivity[]; watermark: string } {
        const parsed = Number(watermark);
        const after = watermark && Number.isInteger(parsed) && parsed >= 0 ? parsed : 0;
        const activities = conversation.activities.filter((entry) => entry.sequence > after).map((entry) => entry.activity);
        return { activities, watermark: String(Math.max(after, activities.length > 0 ? conversation.lastSequence : after)) };
    }

    /** Forgets idle conversations and expired tokens; also run on every create, so it needs no timer. */
    sweep(): void {
        // Both maps are in time order (recency; issue time with one lifetime), so the sweep stops at the first keeper.
        for (const [id, conversation] of this.conversations) {
            if (!this.isIdle(conversation)) break;
            this.conversations.delete(id);
        }
        const now = this.now();
        for (const [token, record] of this.tokens) {
            if (record.expiresAt > now) break;
            this.tokens.delete(token);
        }
    }

    private isIdle(conversation: StoredConversation): boolean {
        return this.now() - conversation.lastActiveAt >= this.limits.idleMs;
    }

    private touch(conversation: StoredConversation): void {
        conversation.lastActiveAt = this.now();
        this.conversations.delete(conversation.id);
        this.conversations.set(conversation.id, conversation);
    }
}
