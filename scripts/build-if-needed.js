// `npm start` on a fresh clone: compile once when dist/ is missing or older than the sources.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'index.js');

function newestMtime(dir) {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        const time = entry.isDirectory() ? newestMtime(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0;
        newest = Math.max(newest, time);
    }
    return newest;
}

// The build's own step (scripts/train-matcher.ts) is compiled with the bot; `npm run build` runs it.
const trainer = join(root, 'scripts', 'train-matcher.ts');
const stale =
    !existsSync(entry) ||
    !existsSync(join(root, 'dist', 'scripts', 'train-matcher.js')) ||
    Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'dialogs')), statSync(trainer).mtimeMs) > statSync(entry).mtimeMs;
if (stale) {
    console.log('Building the bot (TypeScript → dist/)…');
    execFileSync(
        process.execPath,
        [join(require.resolve('typescript/package.json'), '..', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
        { stdio: 'inherit', cwd: root },
    );
}
