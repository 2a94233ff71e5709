import { MemoryStorage } from 'botbuilder';

/**
 * botbuilder's MemoryStorage, except that delete removes the key: the original keeps every deleted key
 * with an undefined value, so a long-running local bot whose users say "delete my data" grows forever.
 */
export class CompactMemoryStorage extends MemoryStorage {
    override async delete(keys: string[]): Promise<void> {
        for (const key of keys) delete this.memory[key];
    }
}
