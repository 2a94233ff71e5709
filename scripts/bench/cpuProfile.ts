/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time and total (inclusive) time per function,
 * and self time per area (our code, botbuilder, restify, Node internals, GC…).
 *
 * Standalone: `npx tsx scripts/bench/cpuProfile.ts <file.cpuprofile> [top] [fromMs] [toMs]`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface CallFrame {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
}

interface ProfileNode {
    id: number;
    callFrame: CallFrame;
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
}

export interface FunctionTime {
    name: string;
    /** Short location: a path relative to the project, or a package name, or a Node internal. */
    where: string;
    area: string;
    selfMs: number;
    totalMs: number;
    selfPercent: number;
    totalPercent: number;
}

export interface ProfileSummary {
    /** Sampled time, idle excluded. */
    busyMs: number;
    idleMs: number;
    topSelf: FunctionTime[];
    /** Functions of our code (src/, dialogs/) by total time, including what they call. */
    ourTopTotal: FunctionTime[];
    areas: { area: string; selfMs: number; percent: number }[];
}

/** Which part of the stack a frame belongs to. */
function areaOf(frame: CallFrame, root: string): string {
    const { url, functionName } = frame;
    if (url === '') {
        if (functionName === '(garbage collector)') return 'GC';
        if (functionName === '(idle)') return 'idle';
        if (functionName === '(program)') return 'V8/native (program)';
        return 'V8/native';
    }
    if (url.startsWith('node:')) return 'Node internals';
    const path = url.replace(/^file:\/\//, '');
    const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (packageMatch && !path.includes('node_modules/.cache/')) return packageMatch[1];
    const local = relative(root, path)
        .replace(/^dist\//, '')
        .replace(/^node_modules\/\.cache\/impplus-bench\//, '');
    if (local.startsWith('src/') || local.startsWith('dialogs/')) return 'our code';
    return 'other';
}

function whereOf(frame: CallFrame, root: string): string {
    const path = frame.url.replace(/^file:\/\//, '');
    if (frame.url === '' || frame.url.startsWith('node:')) return frame.url || '(native)';
    const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
    const local = packageMatch && !path.includes('node_modules/.cache/') ? `${packageMatch[1]}/${packageMatch[2]}` : relative(root, path);
    return `${local}:${frame.lineNumber + 1}`;
}

export interface ProfileWindow {
    /** Only samples taken from this many ms after the profile started (e.g. skip start-up)… */
    fromMs?: number;
    /** …and before this many ms. */
    toMs?: number;
}

/** Reads and summarizes one profile. `root` is the project folder (to shorten paths and spot our code). */
export function summarizeProfile(file: string, root: string, top = 15, window: ProfileWindow = {}): ProfileSummary {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const fromUs = (window.fromMs ?? 0) * 1000;
    const toUs = (window.toMs ?? Number.POSITIVE_INFINITY) * 1000;
    const byId = new Map<number, ProfileNode>();
    const parent = new Map<number, number>();
    for (const node of profile.nodes) {
        byId.set(node.id, node);
        for (const child of node.children ?? []) parent.set(child, node.id);
    }
    const keyOf = (frame: CallFrame): string => `${frame.functionName || '(anonymous)'}|${frame.url}|${frame.lineNumber}`;

    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const frames = new Map<string, CallFrame>();
    let idleUs = 0;
    let busyUs = 0;
    let elapsedUs = 0;
    for (let i = 0; i < profile.samples.length; i++) {
        // timeDeltas[i] is the time before sample i; attributing it to sample i is V8's own convention.
        const delta = profile.timeDeltas[i] ?? 0;
        elapsedUs += delta;
        if (elapsedUs < fromUs || elapsedUs >= toUs) continue;
        const leaf = byId.get(profile.samples[i]);
        if (!leaf) continue;
        if (leaf.callFrame.functionName === '(idle)') {
            idleUs += delta;
            continue;
        }
        busyUs += delta;
        const leafKey = keyOf(leaf.callFrame);
        frames.set(leafKey, leaf.callFrame);
        self.set(leafKey, (self.get(leafKey) ?? 0) + delta);
        // Total time: once per distinct function on the stack (recursion counted once).
        const seen = new Set<string>();
        for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
            const node = byId.get(id);
            if (!node) break;
            const key = keyOf(node.callFrame);
            if (seen.has(key)) continue;
            seen.add(key);
            frames.set(key, node.callFrame);
            total.set(key, (total.get(key) ?? 0) + delta);
        }
    }

    const busyMs = busyUs / 1000;
    const entry = (key: string): FunctionTime => {
        const frame = frames.get(key) as CallFrame;
        const selfMs = (self.get(key) ?? 0) / 1000;
        const totalMs = (total.get(key) ?? 0) / 1000;
        return {
            name: frame.functionName || '(anonymous)',
            where: whereOf(frame, root),
            area: areaOf(frame, root),
            selfMs,
            totalMs,
            selfPercent: (100 * selfMs) / busyMs,
            totalPercent: (100 * totalMs) / busyMs,
        };
    };
    const topSelf = [...self.keys()]
        .map(entry)
        .sort((a, b) => b.selfMs - a.selfMs)
        .slice(0, top);
    const ourTopTotal = [...total.keys()]
        .map(entry)
        .filter((f) => f.area === 'our code')
        .sort((a, b) => b.totalMs - a.totalMs)
        .slice(0, top);
    const areaTotals = new Map<string, number>();
    for (const [key, us] of self) {
        const area = areaOf(frames.get(key) as CallFrame, root);
        areaTotals.set(area, (areaTotals.get(area) ?? 0) + us / 1000);
    }
    const areas = [...areaTotals]
        .map(([area, selfMs]) => ({ area, selfMs, percent: (100 * selfMs) / busyMs }))
        .sort((a, b) => b.selfMs - a.selfMs);
    return { busyMs, idleMs: idleUs / 1000, topSelf, ourTopTotal, areas };
}

export function formatProfile(summary: ProfileSummary): string {
    const lines: string[] = [];
    const ms = (value: number) => value.toFixed(0).padStart(7);
    const pct = (value: number) => `${value.toFixed(1).padStart(5)}%`;
    lines.push(`busy ${summary.busyMs.toFixed(0)} ms sampled, idle ${summary.idleMs.toFixed(0)} ms`);
    lines.push('', 'Self time by area:');
    for (const area of summary.areas.slice(0, 12)) lines.push(`  ${ms(area.selfMs)} ms ${pct(area.percent)}  ${area.area}`);
    lines.push('', 'Top functions by self time:');
    for (const f of summary.topSelf) lines.push(`  ${ms(f.selfMs)} ms ${pct(f.selfPercent)}  ${f.name}  ${f.where}`);
    lines.push('', 'Our code (src/, dialogs/) by total time (including callees):');
    for (const f of summary.ourTopTotal)
        lines.push(`  ${ms(f.totalMs)} ms ${pct(f.totalPercent)}  self ${pct(f.selfPercent)}  ${f.name}  ${f.where}`);
    return lines.join('\n');
}

if (require.main === module) {
    const file = process.argv[2];
    if (!file) {
        console.error('usage: tsx scripts/bench/cpuProfile.ts <file.cpuprofile> [top]');
        process.exit(2);
    }
    const fromMs = Number(process.argv[4] ?? 0);
    const toMs = Number(process.argv[5] ?? Number.POSITIVE_INFINITY);
    console.log(formatProfile(summarizeProfile(file, process.cwd(), Number(process.argv[3] ?? 15), { fromMs, toMs })));
}
