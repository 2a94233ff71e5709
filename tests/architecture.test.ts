import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/configuration/paths';

/**
 * The folders are the architecture: each layer imports only the layers below it, so the tree itself
 * draws the dependencies. Lower rank = lower layer; folders of the same rank do not import each other.
 */
const LAYERS: readonly (readonly [folder: string, rank: number])[] = [
    ['src/configuration', 0],
    ['src/observability', 1],
    ['src/content', 2],
    ['src/storage', 2],
    ['src/understanding', 3],
    ['src/turn', 4],
    ['src/channels', 5],
    ['dialogs', 6],
    ['src/conversation', 7],
    ['src/webchat', 7],
    ['src/hosting', 8],
    ['src/index.ts', 9],
];

function layerOf(file: string): readonly [string, number] | undefined {
    return LAYERS.find(([folder]) => file === folder || file.startsWith(`${folder}/`));
}

function sourceFiles(dir: string): string[] {
    return readdirSync(join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) return sourceFiles(path);
        return entry.name.endsWith('.ts') ? [path] : [];
    });
}

/** Every relative import of a file, resolved to a project path ("src/content/i18n.ts"). */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
    const text = readFileSync(join(projectRoot, file), 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(/(?:from|import|require)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const base = normalize(join(dirname(file), match[1] as string));
        const target = [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => known.has(candidate));
        if (!target) throw new Error(`${file}: cannot resolve ${match[1]}`);
        targets.push(target);
    }
    return targets;
}

const files = [...sourceFiles('src'), ...sourceFiles('dialogs')];
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

describe('architecture', () => {
    it('puts every source file in a layer', () => {
        expect(files.filter((file) => !layerOf(file))).toEqual([]);
    });

    it('imports only from the same folder or from lower layers', () => {
        const upward: string[] = [];
        for (const [file, targets] of graph) {
            const [folder, rank] = layerOf(file) as readonly [string, number];
            for (const target of targets) {
                const [targetFolder, targetRank] = layerOf(target) as readonly [string, number];
                if (targetFolder !== folder && targetRank >= rank) upward.push(`${file} → ${target}`);
            }
        }
        expect(upward).toEqual([]);
    });

    it('has no import loops between files', () => {
        // Tarjan's strongly connected components: any component of more than one file is a loop.
        const index = new Map<string, number>();
        const low = new Map<string, number>();
        const stack: string[] = [];
        const onStack = new Set<string>();
        const loops: string[][] = [];
        let counter = 0;
        const visit = (file: string): void => {
            index.set(file, counter);
            low.set(file, counter);
            counter += 1;
            stack.push(file);
            onStack.add(file);
            for (const target of graph.get(file) ?? []) {
                if (!index.has(target)) {
                    visit(target);
                    low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
                } else if (onStack.has(target)) low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
            }
            if (low.get(file) === index.get(file)) {
                const component: string[] = [];
                let member: string | undefined;
                do {
                    member = stack.pop() as string;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== file);
                if (component.length > 1) loops.push(component.sort());
            }
        };
        for (const file of files) if (!index.has(file)) visit(file);
        expect(loops).toEqual([]);
    });

    it('keeps restify and the Bot Framework adapter in the hosting layer (the SDK migration touches only it)', () => {
        const outside = files.filter((file) => {
            if (file.startsWith('src/hosting/') || file.startsWith('src/webchat/')) return false;
            return /from ['"](restify|botbuilder-core\/lib\/cloudAdapter)['"]|\bCloudAdapter\b/.test(
                readFileSync(join(projectRoot, file), 'utf8'),
            );
        });
        expect(outside.map((file) => relative(projectRoot, join(projectRoot, file)))).toEqual([]);
    });
});
