import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How an artefact is named on disk (`<prefix><key><extension>`), written and read back. */
export interface ArtefactKind<T> {
    prefix: string;
    extension: string;
    encode(value: T): Uint8Array;
    /** Undefined for a damaged or foreign file: the artefact is then built again. */
    decode(bytes: Buffer): T | undefined;
}

/**
 * Something the bot builds at start-up, kept on disk between starts: read from the first of `directories` that holds
 * it under this key, else built and kept in the last of them (the first ones may be read-only, like the folder
 * `npm run build` ships). `key` must change whenever what `build` returns would: a hash of everything it reads.
 * Without directories, or if the last cannot be written, it is simply built.
 */
export function storedArtefact<T>(directories: readonly string[], kind: ArtefactKind<T>, key: () => string, build: () => T): T {
    const keepIn = directories.at(-1);
    if (keepIn === undefined) return build();
    const name = `${kind.prefix}${key()}${kind.extension}`;
    for (const directory of directories) {
        const stored = readIfPresent(join(directory, name));
        const loaded = stored === undefined ? undefined : kind.decode(stored);
        if (loaded !== undefined) return loaded;
    }
    const built = build();
    keep(keepIn, kind.prefix, join(keepIn, name), kind.encode(built));
    return built;
}

function readIfPresent(file: string): Buffer | undefined {
    try {
        return readFileSync(file);
    } catch {
        return undefined;
    }
}

/** Writes the artefact beside the old ones of its kind, then removes those; a failure only costs the next start its speed. */
function keep(directory: string, prefix: string, file: string, bytes: Uint8Array): void {
    try {
        mkdirSync(directory, { recursive: true });
        // A name of its own for each writer (test workers may be threads of one process), then an atomic rename.
        const partial = `${file}.${randomUUID()}.tmp`;
        writeFileSync(partial, bytes);
        renameSync(partial, file);
        for (const name of readdirSync(directory)) {
            const path = join(directory, name);
            if (name.startsWith(prefix) && path !== file && !name.endsWith('.tmp')) rmSync(path, { force: true });
        }
    } catch {
        // Read-only disk: built again at each start instead.
    }
}
