import { isDeepStrictEqual } from 'node:util';

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Three-way merge of JSON state: what this turn changed from `base` (ours) is applied on top of what is
 * stored now (theirs), property by property; where both changed the same value, ours wins (it is written
 * last). Arrays and other values are replaced whole.
 */
export function mergeState(base: unknown, ours: unknown, theirs: unknown): unknown {
    if (isDeepStrictEqual(ours, base)) return theirs;
    if (isDeepStrictEqual(theirs, base)) return ours;
    if (isRecord(base) && isRecord(ours) && isRecord(theirs)) {
        const merged: Record<string, unknown> = {};
        for (const key of new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)])) {
            const value = mergeState(base[key], ours[key], theirs[key]);
            if (value !== undefined) merged[key] = value;
        }
        return merged;
    }
    if (base === undefined && isRecord(ours) && isRecord(theirs)) return mergeState({}, ours, theirs);
    return ours;
}
