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

const stale = !existsSync(entry) || ['src', 'dialogs'].some((dir) => newestMtime(join(root, dir)) > statSync(entry).mtimeMs);
if (stale) {
    console.log('Building the bot (TypeScript → dist/)…');
    execFileSync(
        process.execPath,
        [join(require.resolve('typescript/package.json'), '..', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
        { stdio: 'inherit', cwd: root },
    );
}
