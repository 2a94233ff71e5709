import { describe, expect, it } from 'vitest';
import { activityId, ConversationStore, type StoreLimits } from '../src/webchat/directline/conversationStore';

const MINUTE = 60_000;

function storeWith(limits: Partial<StoreLimits> = {}) {
    const clock = { now: 1_000_000 };
    const store = new ConversationStore(
        { maxConversations: 3, maxActivitiesPerConversation: 10, idleMs: 30 * MINUTE, tokenLifetimeMs: 60 * MINUTE, ...limits },
        () => clock.now,
    );
    return { store, clock };
}

const message = (text: string) => ({ type: 'message', text });

describe('ConversationStore', () => {
    it('numbers activities like Direct Line: "<conversationId>|0000001", and watermarks by sequence', () => {
        const { store } = storeWith();
        const conversation = store.create('dl_user', 'en-US');
        const first = store.append(conversation, message('one'));
        const second = store.append(conversation, message('two'));
        expect(first.id).toBe(`${conversation.id}|0000001`);
        expect(second.id).toBe(activityId(conversation.id, 2));
        expect(Date.parse(first.timestamp)).not.toBeNaN();

        expect(store.activitiesAfter(conversation, undefined)).toEqual({ activities: [first, second], watermark: '2' });
        expect(store.activitiesAfter(conversation, '1')).toEqual({ activities: [second], watermark: '2' });
        expect(store.activitiesAfter(conversation, '2')).toEqual({ activities: [], watermark: '2' });
        // A garbled watermark is read as "from the start" rather than failing the client.
        expect(store.activitiesAfter(conversation, 'garbage').activities).toHaveLength(2);
    });

    it('keeps only the most recent activities of a conversation, with their ids unchanged', () => {
        const { store } = storeWith({ maxActivitiesPerConversation: 10 });
        const conversation = store.create('dl_user', undefined);
        for (let i = 1; i <= 25; i++) store.append(conversation, message(`m${i}`));
        const { activities, watermark } = store.activitiesAfter(conversation, '');
        expect(activities).toHaveLength(10);
        expect(activities[0]?.text).toBe('m16');
        expect(activities[0]?.id).toBe(activityId(conversation.id, 16));
        expect(watermark).toBe('25');
    });

    it('holds at most maxConversations, dropping the least recently active first', () => {
        const { store, clock } = storeWith({ maxConversations: 3 });
        const a = store.create('u1', undefined);
        clock.now += 1000;
        const b = store.create('u2', undefined);
        clock.now += 1000;
        const c = store.create('u3', undefined);
        clock.now += 1000;
        store.append(a, message('a is still talking'));
        const d = store.create('u4', undefined);

        expect(store.size).toBe(3);
        expect(store.get(b.id)).toBeUndefined();
        expect(store.get(a.id)).toBe(a);
        expect(store.get(c.id)).toBe(c);
        expect(store.get(d.id)).toBe(d);
    });

    it('forgets conversations idle for longer than idleMs', () => {
        const { store, clock } = storeWith({ idleMs: 30 * MINUTE });
        const idle = store.create('u1', undefined);
        const busy = store.create('u2', undefined);
        clock.now += 20 * MINUTE;
        store.append(busy, message('still here'));
        clock.now += 15 * MINUTE;
        expect(store.get(idle.id)).toBeUndefined();
        expect(store.get(busy.id)).toBe(busy);
        store.sweep();
        expect(store.size).toBe(1);
    });

    it('expires tokens after their lifetime and tells an expired token from an unknown one', () => {
        const { store, clock } = storeWith({ tokenLifetimeMs: 60 * MINUTE, idleMs: 120 * MINUTE });
        const conversation = store.create('u1', undefined);
        const { token, expiresInSeconds } = store.issueToken(conversation);
        expect(expiresInSeconds).toBe(3600);
        expect(store.checkToken(token)).toEqual({ status: 'valid', conversationId: conversation.id, expiresInSeconds: 3600 });
        clock.now += 59 * MINUTE;
        expect(store.checkToken(token)).toMatchObject({ status: 'valid', expiresInSeconds: 60 });
        clock.now += 1 * MINUTE;
        expect(store.checkToken(token)).toEqual({ status: 'expired' });
        expect(store.checkToken('never-issued')).toEqual({ status: 'unknown' });
    });

    it('caps the number of live tokens so that a flood of token requests stays bounded', () => {
        const { store } = storeWith({ maxConversations: 2 });
        const conversation = store.create('u1', undefined);
        const tokens = Array.from({ length: 20 }, () => store.issueToken(conversation).token);
        const live = tokens.filter((token) => store.checkToken(token).status === 'valid');
        expect(live.length).toBeLessThanOrEqual(8);
        // The newest tokens are the ones kept: a client always holds its latest token.
        expect(store.checkToken(tokens.at(-1) as string).status).toBe('valid');
    });
});
