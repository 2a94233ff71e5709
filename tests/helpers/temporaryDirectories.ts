import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** Makes temporary folders for the tests of the calling scope, each removed after the test that made it. */
export function temporaryDirectories(prefix: string): () => string {
    const made: string[] = [];
    afterEach(() => {
        for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
    });
    return () => {
        const path = mkdtempSync(join(tmpdir(), prefix));
        made.push(path);
        return path;
    };
}
