/** Reading settings from the environment: one way for every module, with errors that name the variable. */
export type Env = Record<string, string | undefined>;

/** A whole number within bounds; unset or empty gives the fallback (the Azure template sets unused ones to ""). */
export function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    }
    return value;
}
