import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from './store';

/**
 * The raw store as a botbuilder Storage, for settings that must not age like conversation state (the
 * handoff channel is configured once and must still be there after a quiet month).
 */
export class StoreStorage implements Storage {
    constructor(private readonly store: StateStore) {}

    async read(keys: string[]): Promise<StoreItems> {
        const items: StoreItems = {};
        for (const key of keys) {
            const item = await this.store.read(key);
            if (item) items[key] = { ...item.value, eTag: item.eTag };
        }
        return items;
    }

    async write(changes: StoreItems): Promise<void> {
        for (const [key, item] of Object.entries(changes)) {
            const { eTag: _ignored, ...value } = item as Record<string, unknown>;
            await this.store.write(key, value);
        }
    }

    async delete(keys: string[]): Promise<void> {
        for (const key of keys) await this.store.delete(key);
    }
}
