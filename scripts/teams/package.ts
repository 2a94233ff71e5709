/**
 * The teams:package command and the build behind it: it makes the manifest (manifest.ts), reads the files the
 * manifest names from appPackage/, runs every check (checks.ts), and only when all pass writes the zip to
 * upload in Teams, dist/teams/impplus-assistant.zip unless `--out <file.zip>` says otherwise. With
 * `--allow-placeholder` it builds without MicrosoftAppId (a zero bot id, for local try-outs only). The zip
 * entries carry a fixed date so that the same inputs give the same bytes; a failed check writes nothing and
 * exits with code 1 and the list of problems. See docs/teams.md.
 */

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import { projectRoot } from '../../src/configuration/paths';
import { packageProblems, referencedFiles } from './checks';
import { PackagingError } from './errors';
import { APP_PACKAGE_DIR, buildManifest, type Env, type Manifest } from './manifest';

export const DEFAULT_OUTPUT = join(projectRoot, 'dist', 'teams', 'impplus-assistant.zip');
/** Zip entries get this date so that the same inputs give the same bytes. */
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

export interface BuildOptions {
    env?: Env;
    allowPlaceholder?: boolean;
    /** The zip to write; DEFAULT_OUTPUT unless given. */
    out?: string;
    /** Where the template, localization files and icons are; APP_PACKAGE_DIR unless given. */
    sourceDir?: string;
}

export interface BuiltPackage {
    file: string;
    manifest: Manifest;
    /** The zip's entries, manifest.json first. */
    entries: string[];
    bytes: number;
    /** Things the person building should know (placeholders in use). */
    notes: string[];
}

/** Builds, checks, and writes the package; throws a PackagingError (and writes nothing) when a check fails. */
export async function buildTeamsPackage(options: BuildOptions = {}): Promise<BuiltPackage> {
    const sourceDir = options.sourceDir ?? APP_PACKAGE_DIR;
    const out = resolve(options.out ?? DEFAULT_OUTPUT);
    const { manifest, notes } = await buildManifest(sourceDir, options.env ?? process.env, options.allowPlaceholder ?? false);

    const files = new Map<string, Uint8Array>();
    const missing: string[] = [];
    for (const name of referencedFiles(manifest)) {
        const path = join(sourceDir, name);
        if (existsSync(path)) files.set(name, await readFile(path));
        else missing.push(`manifest.json names ${name}, which is not in ${relative(projectRoot, sourceDir) || '.'}/`);
    }
    const problems = [...missing, ...packageProblems(manifest, files)];
    if (problems.length > 0) throw new PackagingError(problems);

    const zip = new JSZip();
    zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
    for (const [name, bytes] of files) zip.file(name, bytes, { date: ZIP_DATE });
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, content);
    return { file: out, manifest, entries: ['manifest.json', ...files.keys()], bytes: content.length, notes };
}

interface CliOptions {
    allowPlaceholder: boolean;
    out?: string;
    help: boolean;
}

function parseArgs(args: readonly string[]): CliOptions {
    const options: CliOptions = { allowPlaceholder: false, help: false };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i] as string;
        if (arg === '--allow-placeholder') options.allowPlaceholder = true;
        else if (arg === '--help' || arg === '-h') options.help = true;
        else if (arg === '--out' && args[i + 1] !== undefined) options.out = args[++i] as string;
        else if (arg.startsWith('--out=')) options.out = arg.slice('--out='.length);
        else throw new PackagingError([`unknown argument "${arg}" (try --help)`]);
    }
    return options;
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
        console.log('Usage: npm run teams:package [-- --allow-placeholder] [-- --out <file.zip>]\nSee docs/teams.md.');
        return;
    }
    const built = await buildTeamsPackage({ allowPlaceholder: options.allowPlaceholder, ...(options.out ? { out: options.out } : {}) });
    const bot = built.manifest.bots?.[0];
    console.log(`Teams app package: ${relative(process.cwd(), built.file)} (${built.bytes} bytes)`);
    console.log(
        `  manifest ${built.manifest.manifestVersion}, app ${built.manifest.id} version ${built.manifest.version}, bot ${bot?.botId}`,
    );
    console.log(`  files: ${built.entries.join(', ')}`);
    console.log(
        `  valid domains: ${built.manifest.validDomains?.length ? built.manifest.validDomains.join(', ') : '(none; set BOT_DOMAIN)'}`,
    );
    for (const note of built.notes) console.warn(`Note: ${note}`);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof PackagingError ? `teams:package failed. ${error.message}` : error);
        process.exit(1);
    });
}
