/**
 * Where the Teams JSON schemas come from: the copies that @microsoft/app-manifest bundles, one folder per
 * manifest version. Reading them from the installed package keeps the checks offline and pinned to the
 * version in package-lock.json; the newest released version here is the one the manifest template targets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../../src/configuration/paths';
import { PackagingError } from './errors';
import { type JsonObject, parseJsonObject } from './json';

const packageRequire = createRequire(join(projectRoot, 'package.json'));

/** Where @microsoft/app-manifest keeps the Teams schemas, one folder per manifest version (v1.30, vDevPreview…). */
export function bundledSchemaDir(): string {
    return join(dirname(packageRequire.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

/** The released manifest versions whose schemas @microsoft/app-manifest bundles, oldest first (no devPreview). */
export function bundledManifestVersions(): string[] {
    const versions = readdirSync(bundledSchemaDir())
        .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [Number(match[1]), Number(match[2])] as const);
    versions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return versions.map(([major, minor]) => `${major}.${minor}`);
}

/** The manifest or localization schema of one manifest version; a PackagingError when it is not bundled. */
export function loadBundledSchema(version: string, kind: 'manifest' | 'localization'): JsonObject {
    const file = join(
        bundledSchemaDir(),
        `v${version}`,
        kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json',
    );
    if (!existsSync(file)) {
        throw new PackagingError([
            `@microsoft/app-manifest bundles no ${kind} schema for manifest version ${version} (looked for ${file})`,
        ]);
    }
    return parseJsonObject(readFileSync(file, 'utf8'), file);
}

/** The version in a Teams schema address, e.g. "1.30" in .../teams/v1.30/MicrosoftTeams.schema.json. */
export function schemaUrlVersion(url: string | undefined): string | undefined {
    return /\/teams\/v(\d+\.\d+)\/MicrosoftTeams(?:\.Localization)?\.schema\.json$/.exec(url ?? '')?.[1];
}
