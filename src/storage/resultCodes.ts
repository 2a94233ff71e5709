import { randomBytes } from 'node:crypto';
import type { Storage } from 'botbuilder';

/**
 * Crockford's base32: digits and letters without I, L, O and U, so a code read aloud or copied by hand
 * is not mistaken (I and L read as 1, O as 0 when typed).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 bits from the system's secure random source. */
export const CODE_LENGTH = 16;

/** A new code: 80 random bits as 16 characters of CODE_ALPHABET (no separators; see formatCode). */
export function newCode(): string {
    const bytes = randomBytes((CODE_LENGTH * 5) / 8);
    let bits = 0;
    let value = 0;
    let code = '';
    for (const byte of bytes) {
        value = (value << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            code += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
            bits -= 5;
        }
        value &= (1 << bits) - 1;
    }
    return code;
}

/** What a code gives back: the data it was made for, when it was made and when it stops working. */
export interface CodeRecord<T> {
    data: T;
    createdAt: string;
    /** After this instant the code reads as unknown, and the stored record as absent (TurnStorage too). */
    expiresAt: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const keyOf = (code: string) => `results/${code}`;

/**
 * Result codes, one item per code in the bot's storage (memory, Blob or Cosmos DB; on Blob, a container of
 * their own). Through the state's TurnStorage, the writes and deletes are committed with the turn's state;
 * outside a turn (the result page), reads go straight to the store. A code past its expiry reads as unknown.
 */
export class ResultCodeStore<T> {
    constructor(
        private readonly storage: Storage,
        /** Days a code works after it is made. */
        readonly days: number,
        private readonly now: () => number = Date.now,
    ) {}

    /** Stores the data under a new code. */
    async create(data: T): Promise<{ code: string; record: CodeRecord<T> }> {
        const code = newCode();
        const created = this.now();
        const record: CodeRecord<T> = {
            data,
            createdAt: new Date(created).toISOString(),
            expiresAt: new Date(created + this.days * DAY_MS).toISOString(),
        };
        await this.storage.write({ [keyOf(code)]: { ...record, eTag: '*' } });
        return { code, record };
    }

    /** Replaces the data of a code that still works, keeping its dates; undefined when the code is unknown or expired. */
    async update(code: string, data: T): Promise<CodeRecord<T> | undefined> {
        const found = await this.find(code);
        if (!found) return undefined;
        const record = { ...found, data };
        await this.storage.write({ [keyOf(code)]: { ...record, eTag: '*' } });
        return record;
    }

    /** The record of a code (normalized, see readCode), or undefined when it is unknown or expired. */
    async find(code: string): Promise<CodeRecord<T> | undefined> {
        if (!new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`).test(code)) return undefined;
        const item = (await this.storage.read([keyOf(code)]))[keyOf(code)] as (CodeRecord<T> & { eTag?: string }) | undefined;
        if (!item || typeof item.expiresAt !== 'string' || !(Date.parse(item.expiresAt) > this.now())) return undefined;
        const { eTag: _eTag, ...record } = item;
        return record;
    }

    async delete(codes: readonly string[]): Promise<void> {
        if (codes.length > 0) await this.storage.delete(codes.map(keyOf));
    }
}
