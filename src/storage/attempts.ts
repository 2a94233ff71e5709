/**
 * Attempts per key (a user, a client address) in a sliding window, kept in memory: past `limit` attempts
 * in `windowMs`, further ones are refused until old ones leave the window. Per process, like the message
 * rate limit; the number of keys is bounded (the least recently active are forgotten first).
 */
export class AttemptWindow {
    private readonly attempts = new Map<string, number[]>();

    constructor(
        private readonly limit: number,
        private readonly windowMs: number,
        private readonly now: () => number = Date.now,
        private readonly maxKeys = 10_000,
    ) {}

    /** Counts an attempt for the key; false when the key already used up its attempts in the window. */
    allow(key: string): boolean {
        const now = this.now();
        const recent = (this.attempts.get(key) ?? []).filter((time) => time > now - this.windowMs);
        // Re-inserting keeps the Map in least-recently-active order for eviction.
        this.attempts.delete(key);
        while (this.attempts.size >= this.maxKeys) this.attempts.delete(this.attempts.keys().next().value as string);
        const allowed = recent.length < this.limit;
        if (allowed) recent.push(now);
        this.attempts.set(key, recent);
        return allowed;
    }
}
