/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed gives the same sequence, so the
 * classifier trains to the same model on every run, and a fuzz failure or a synthetic benchmark can be replayed.
 */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
