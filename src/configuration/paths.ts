import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder that holds package.json, whether we run from src/ (tests) or dist/src/ (built). */
function findProjectRoot(start: string): string {
    let dir = start;
    while (!existsSync(join(dir, 'package.json'))) {
        const parent = dirname(dir);
        if (parent === dir) throw new Error(`package.json not found above ${start}`);
        dir = parent;
    }
    return dir;
}

export const projectRoot = findProjectRoot(__dirname);
export const localesDir = join(projectRoot, 'locales');
/** The FAQ classifier `npm run build` trains ahead, shipped with the compiled code. */
export const builtModelDir = join(projectRoot, 'dist', 'model');
/** Built artefacts kept between starts (a classifier trained at start-up), where npm tools keep theirs. */
export const cacheDir = join(projectRoot, 'node_modules', '.cache', 'impplus-assistant');
