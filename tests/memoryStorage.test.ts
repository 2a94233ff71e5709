import { describe, expect, it } from 'vitest';
import { CompactMemoryStorage } from '../src/storage/memory';

describe('CompactMemoryStorage', () => {
    it('removes deleted keys instead of keeping them as undefined', async () => {
        const storage = new CompactMemoryStorage();
        await storage.write({ 'webchat/conversations/c/': { a: 1 }, 'webchat/users/u/': { b: 2 } });
        await storage.delete(['webchat/conversations/c/', 'webchat/users/u/']);
        expect(await storage.read(['webchat/conversations/c/', 'webchat/users/u/'])).toEqual({});
        expect(Object.keys((storage as unknown as { memory: object }).memory)).toEqual([]);
    });
});
