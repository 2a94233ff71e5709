/**
 * npm run teams:package                          → dist/teams/impplus-assistant.zip, to upload in Teams
 * npm run teams:package -- --allow-placeholder   → same without MicrosoftAppId (zero bot id, local try-outs only)
 * npm run teams:package -- --out <file.zip>      → somewhere else
 *
 * Builds the Teams app package from appPackage/ (manifest template, fr-ca localization, icons) and the
 * environment, then checks it offline before writing anything: the manifest and the localization file
 * against the JSON schemas bundled with @microsoft/app-manifest, the icon sizes and the outline icon's
 * colours, the command titles' lengths in both languages, and that every file the manifest names is there.
 * Exit code 1 with the list of problems when a check fails. See docs/teams.md.
 *
 * Environment: MicrosoftAppId (required), TEAMS_APP_ID, TEAMS_APP_VERSION, FIRM_NAME, FIRM_WEBSITE_URL,
 * FIRM_PRIVACY_URL, FIRM_TERMS_URL, BOT_DOMAIN.
 */
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { projectRoot } from '../src/paths';

export type Manifest = TeamsManifestV1D30.TeamsManifestV1D30;
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Env = Record<string, string | undefined>;

export const APP_PACKAGE_DIR = join(projectRoot, 'appPackage');
export const TEMPLATE_FILE = 'manifest.template.json';
export const DEFAULT_OUTPUT = join(projectRoot, 'dist', 'teams', 'impplus-assistant.zip');
/** The bot id of a --allow-placeholder package: Teams installs it, but no message reaches a bot. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
/** Teams shows at most this much of a bot command's title and description. */
export const COMMAND_LIMITS = { title: 32, description: 128 } as const;
export const ICON_SIZES = { color: 192, outline: 32 } as const;
/** Zip entries get this date so that the same inputs give the same bytes. */
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

/** A package that must not be built; the message lists every problem found. */
export class PackagingError extends Error {
    constructor(readonly problems: string[]) {
        super(problems.length === 1 ? (problems[0] as string) : `The Teams package has ${problems.length} problems:\n- ${problems.join('\n- ')}`);
        this.name = 'PackagingError';
    }
}

// --- Bundled JSON schemas ----------------------------------------------------------------------------------

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

export function loadBundledSchema(version: string, kind: 'manifest' | 'localization'): JsonObject {
    const file = join(bundledSchemaDir(), `v${version}`, kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json');
    if (!existsSync(file)) {
        throw new PackagingError([`@microsoft/app-manifest bundles no ${kind} schema for manifest version ${version} (looked for ${file})`]);
    }
    return asObject(JSON.parse(stripBom(readFileSync(file, 'utf8'))) as Json, file);
}

/** The version in a Teams schema address, e.g. "1.30" in .../teams/v1.30/MicrosoftTeams.schema.json. */
export function schemaUrlVersion(url: string | undefined): string | undefined {
    return /\/teams\/v(\d+\.\d+)\/MicrosoftTeams(?:\.Localization)?\.schema\.json$/.exec(url ?? '')?.[1];
}

// --- A JSON Schema validator for what the Teams schemas use (draft-04 keywords, plus const and if/then) ------

export interface SchemaProblem {
    /** Where in the document, as a JSON pointer ("" = the document itself). */
    path: string;
    message: string;
}

/** Keywords that describe and never constrain. */
const ANNOTATIONS = new Set(['$schema', 'id', '$id', 'title', 'description', 'default', 'examples', 'deprecated', '$comment', 'definitions']);
const ASSERTIONS = new Set([
    '$ref', 'type', 'enum', 'const', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'items', 'minItems',
    'maxItems', 'uniqueItems', 'properties', 'patternProperties', 'additionalProperties', 'required', 'minProperties',
    'maxProperties', 'dependencies', 'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else',
]);

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function asObject(value: Json, where: string): JsonObject {
    if (!isObject(value)) throw new PackagingError([`${where} must hold a JSON object`]);
    return value;
}

function typeOf(value: Json): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    return typeof value;
}

function deepEqual(a: Json, b: Json): boolean {
    if (a === b) return true;
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i] as Json));
    }
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key] as Json, b[key] as Json));
}

const pointerEscape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates JSON documents against one schema and the definitions it references with local "$ref"s
 * ("#/definitions/x", "#/properties/a/items/..."). Keywords next to a "$ref" apply too (as in Ajv); the
 * Teams localization schema relies on that for its lengths. A keyword it does not know stops it with an
 * error rather than being skipped: a newer schema must not pass by being half read.
 */
export class SchemaValidator {
    private readonly patterns = new Map<string, RegExp>();

    constructor(private readonly root: JsonObject) {}

    validate(value: Json): SchemaProblem[] {
        const problems: SchemaProblem[] = [];
        this.check(this.root, value, '', problems);
        return problems;
    }

    private resolveRef(ref: string): Json {
        if (!ref.startsWith('#')) throw new Error(`only local $ref are supported, not ${ref}`);
        let node: Json = this.root;
        for (const raw of ref.slice(1).split('/').slice(1)) {
            const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
            const next: Json | undefined = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
            if (next === undefined) throw new Error(`$ref ${ref} points nowhere`);
            node = next;
        }
        return node;
    }

    private pattern(source: string): RegExp {
        let regex = this.patterns.get(source);
        if (!regex) {
            regex = new RegExp(source);
            this.patterns.set(source, regex);
        }
        return regex;
    }

    private matches(schema: Json, value: Json, path: string): boolean {
        const problems: SchemaProblem[] = [];
        this.check(schema, value, path, problems);
        return problems.length === 0;
    }

    private check(schema: Json, value: Json, path: string, problems: SchemaProblem[]): void {
        if (schema === true) return;
        if (schema === false) {
            problems.push({ path, message: 'is not allowed here' });
            return;
        }
        if (!isObject(schema)) throw new Error(`schema at ${path || '/'} is not an object`);
        const fail = (message: string) => problems.push({ path, message });
        const type = typeOf(value);

        for (const keyword of Object.keys(schema)) {
            if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) throw new Error(`unsupported JSON Schema keyword "${keyword}" (at ${path || '/'})`);
        }

        if (typeof schema.$ref === 'string') this.check(this.resolveRef(schema.$ref), value, path, problems);

        if (schema.type !== undefined) {
            const allowed = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
            const ok = allowed.some((t) => t === type || (t === 'integer' && typeof value === 'number' && Number.isInteger(value)) || (t === 'number' && type === 'number'));
            if (!ok) {
                fail(`must be of type ${allowed.join(' or ')}, not ${type}`);
                return;
            }
        }
        if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
            fail(`must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}, not ${JSON.stringify(value)}`);
        }
        if (schema.const !== undefined && !deepEqual(schema.const, value)) fail(`must be ${JSON.stringify(schema.const)}, not ${JSON.stringify(value)}`);

        if (typeof value === 'string') {
            const length = [...value].length;
            if (typeof schema.minLength === 'number' && length < schema.minLength) fail(`must be at least ${schema.minLength} characters long (is ${length})`);
            if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail(`must be at most ${schema.maxLength} characters long (is ${length})`);
            if (typeof schema.pattern === 'string' && !this.pattern(schema.pattern).test(value)) fail(`must match ${schema.pattern} (is ${JSON.stringify(value)})`);
            if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) fail(`must be a URI (is ${JSON.stringify(value)})`);
        }
        if (typeof value === 'number') {
            if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`must be ≥ ${schema.minimum}`);
            if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`must be ≤ ${schema.maximum}`);
        }
        if (Array.isArray(value)) this.checkArray(schema, value, path, problems);
        if (isObject(value)) this.checkObject(schema, value, path, problems);

        for (const sub of Array.isArray(schema.allOf) ? schema.allOf : []) this.check(sub, value, path, problems);
        if (Array.isArray(schema.anyOf) && !schema.anyOf.some((sub) => this.matches(sub, value, path))) fail('must match at least one of the anyOf schemas');
        if (Array.isArray(schema.oneOf)) {
            const count = schema.oneOf.filter((sub) => this.matches(sub, value, path)).length;
            if (count !== 1) fail(`must match exactly one of the oneOf schemas (matches ${count})`);
        }
        if (schema.not !== undefined && this.matches(schema.not, value, path)) fail('must not match the "not" schema');
        if (schema.if !== undefined) {
            const branch = this.matches(schema.if, value, path) ? schema.then : schema.else;
            if (branch !== undefined) this.check(branch, value, path, problems);
        }
    }

    private checkArray(schema: JsonObject, value: Json[], path: string, problems: SchemaProblem[]): void {
        if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push({ path, message: `must have at least ${schema.minItems} items` });
        if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) problems.push({ path, message: `must have at most ${schema.maxItems} items (has ${value.length})` });
        if (schema.uniqueItems === true) {
            value.forEach((item, i) => {
                if (value.slice(0, i).some((earlier) => deepEqual(earlier, item))) problems.push({ path: `${path}/${i}`, message: 'repeats an earlier item' });
            });
        }
        if (Array.isArray(schema.items)) {
            schema.items.forEach((sub, i) => {
                if (i < value.length) this.check(sub, value[i] as Json, `${path}/${i}`, problems);
            });
        } else if (schema.items !== undefined) {
            value.forEach((item, i) => this.check(schema.items as Json, item, `${path}/${i}`, problems));
        }
    }

    private checkObject(schema: JsonObject, value: JsonObject, path: string, problems: SchemaProblem[]): void {
        const keys = Object.keys(value);
        for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
            if (!(name in value)) problems.push({ path, message: `must have the property "${name}"` });
        }
        if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) problems.push({ path, message: `must have at least ${schema.minProperties} properties` });
        if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) problems.push({ path, message: `must have at most ${schema.maxProperties} properties` });
        const properties = isObject(schema.properties) ? schema.properties : {};
        const patternProperties = isObject(schema.patternProperties) ? schema.patternProperties : {};
        for (const key of keys) {
            const child = value[key] as Json;
            const childPath = `${path}/${pointerEscape(key)}`;
            let known = false;
            if (key in properties) {
                known = true;
                this.check(properties[key] as Json, child, childPath, problems);
            }
            for (const [source, sub] of Object.entries(patternProperties)) {
                if (this.pattern(source).test(key)) {
                    known = true;
                    this.check(sub, child, childPath, problems);
                }
            }
            if (known || schema.additionalProperties === undefined || schema.additionalProperties === true) continue;
            if (schema.additionalProperties === false) problems.push({ path: childPath, message: 'is not a property the schema allows' });
            else this.check(schema.additionalProperties, child, childPath, problems);
        }
        if (isObject(schema.dependencies)) {
            for (const [key, dependency] of Object.entries(schema.dependencies)) {
                if (!(key in value)) continue;
                if (Array.isArray(dependency)) {
                    for (const needed of dependency as string[]) {
                        if (!(needed in value)) problems.push({ path, message: `must have "${needed}" when it has "${key}"` });
                    }
                } else this.check(dependency, value, path, problems);
            }
        }
    }
}

/** Problems of a document against a schema, as "where: what" lines for people. */
export function schemaProblems(schema: JsonObject, document: Json, label: string): string[] {
    return new SchemaValidator(schema).validate(document).map((p) => `${label}${p.path || ''}: ${p.message}`);
}

// --- PNG reading -------------------------------------------------------------------------------------------

export interface DecodedPng {
    width: number;
    height: number;
    /** 8-bit RGBA, row after row. */
    rgba: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Width and height from the IHDR chunk, which must come first. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.length < 33 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file (bad signature)');
    if (buffer.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file (IHDR is not the first chunk)');
    return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/**
 * Decodes a non-interlaced 8-bit PNG (grey, RGB, palette, grey+alpha, RGBA) with all five row filters,
 * to RGBA. Other bit depths and interlaced files are refused with a clear message: icons exported by
 * design tools are 8-bit, and Teams needs nothing else.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
    const { width, height } = pngSize(bytes);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 8;
    let header: Buffer | undefined;
    let palette: Buffer | undefined;
    let transparency: Buffer | undefined;
    const data: Buffer[] = [];
    while (offset + 12 <= buffer.length) {
        const length = buffer.readUInt32BE(offset);
        const type = buffer.toString('latin1', offset + 4, offset + 8);
        const body = buffer.subarray(offset + 8, offset + 8 + length);
        if (body.length !== length) throw new Error(`PNG chunk ${type} is cut short`);
        if (type === 'IHDR') header = body;
        else if (type === 'PLTE') palette = body;
        else if (type === 'tRNS') transparency = body;
        else if (type === 'IDAT') data.push(body);
        else if (type === 'IEND') break;
        offset += 12 + length;
    }
    if (!header || data.length === 0) throw new Error('PNG has no IHDR or no IDAT');
    const [depth, colorType, , , interlace] = [header[8], header[9], header[10], header[11], header[12]] as number[];
    const channels = CHANNELS[colorType as number];
    if (depth !== 8 || channels === undefined) throw new Error(`PNG colour type ${colorType} at ${depth} bits is not supported (8-bit only)`);
    if (interlace !== 0) throw new Error('interlaced PNGs are not supported');
    if (colorType === 3 && !palette) throw new Error('palette PNG without PLTE');

    const raw = inflateSync(Buffer.concat(data));
    const stride = width * channels;
    if (raw.length < (stride + 1) * height) throw new Error('PNG image data is cut short');
    const pixels = new Uint8Array(stride * height);
    const bpp = channels;
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)] as number;
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        const out = y * stride;
        const up = (y - 1) * stride;
        for (let i = 0; i < stride; i++) {
            const a = i >= bpp ? (pixels[out + i - bpp] as number) : 0;
            const b = y > 0 ? (pixels[up + i] as number) : 0;
            const c = i >= bpp && y > 0 ? (pixels[up + i - bpp] as number) : 0;
            let predictor: number;
            switch (filter) {
                case 0: predictor = 0; break;
                case 1: predictor = a; break;
                case 2: predictor = b; break;
                case 3: predictor = (a + b) >> 1; break;
                case 4: {
                    const p = a + b - c;
                    const pa = Math.abs(p - a);
                    const pb = Math.abs(p - b);
                    const pc = Math.abs(p - c);
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    break;
                }
                default:
                    throw new Error(`PNG row ${y} has unknown filter type ${filter}`);
            }
            pixels[out + i] = ((line[i] as number) + predictor) & 0xff;
        }
    }

    const rgba = new Uint8Array(width * height * 4);
    for (let p = 0; p < width * height; p++) {
        const s = p * channels;
        let rgbaPixel: [number, number, number, number];
        switch (colorType) {
            case 0: rgbaPixel = [pixels[s] as number, pixels[s] as number, pixels[s] as number, 255]; break;
            case 2: rgbaPixel = [pixels[s] as number, pixels[s + 1] as number, pixels[s + 2] as number, 255]; break;
            case 3: {
                const index = pixels[s] as number;
                const entry = (palette as Buffer).subarray(index * 3, index * 3 + 3);
                if (entry.length !== 3) throw new Error(`PNG palette has no entry ${index}`);
                rgbaPixel = [entry[0] as number, entry[1] as number, entry[2] as number, transparency?.[index] ?? 255];
                break;
            }
            case 4: rgbaPixel = [pixels[s] as number, pixels[s] as number, pixels[s] as number, pixels[s + 1] as number]; break;
            default: rgbaPixel = [pixels[s] as number, pixels[s + 1] as number, pixels[s + 2] as number, pixels[s + 3] as number];
        }
        if (colorType === 0 || colorType === 2) {
            // tRNS on grey/RGB images names one fully transparent colour.
            if (transparency && transparency.length >= (colorType === 0 ? 2 : 6)) {
                const key = colorType === 0 ? [transparency.readUInt16BE(0)] : [transparency.readUInt16BE(0), transparency.readUInt16BE(2), transparency.readUInt16BE(4)];
                const sample = colorType === 0 ? [pixels[s] as number] : [pixels[s] as number, pixels[s + 1] as number, pixels[s + 2] as number];
                if (key.every((k, i) => k === sample[i])) rgbaPixel[3] = 0;
            }
        }
        rgba.set(rgbaPixel, p * 4);
    }
    return { width, height, rgba };
}

/** What is wrong with the icons, for Teams: sizes, and an outline icon drawn in white on transparent only. */
export function iconProblems(color: Uint8Array, outline: Uint8Array): string[] {
    const problems: string[] = [];
    for (const [name, bytes] of [['color', color], ['outline', outline]] as const) {
        let size: { width: number; height: number };
        try {
            size = pngSize(bytes);
        } catch (error) {
            problems.push(`${name} icon: ${(error as Error).message}`);
            continue;
        }
        const expected = ICON_SIZES[name];
        if (size.width !== expected || size.height !== expected) {
            problems.push(`${name} icon must be ${expected}×${expected} pixels, not ${size.width}×${size.height}`);
        }
    }
    if (problems.length > 0) return problems;
    let decoded: DecodedPng;
    try {
        decoded = decodePng(outline);
    } catch (error) {
        return [`outline icon: ${(error as Error).message}`];
    }
    let visible = 0;
    const offenders: string[] = [];
    for (let p = 0; p < decoded.width * decoded.height; p++) {
        const [r, g, b, a] = decoded.rgba.subarray(p * 4, p * 4 + 4);
        if (a === 0) continue;
        visible += 1;
        if (r !== 255 || g !== 255 || b !== 255) offenders.push(`(${p % decoded.width}, ${Math.floor(p / decoded.width)}) is rgb(${r}, ${g}, ${b})`);
    }
    if (offenders.length > 0) {
        problems.push(`outline icon must be white on transparent only; ${offenders.length} pixels are not, e.g. ${offenders.slice(0, 3).join('; ')}`);
    }
    if (visible === 0) problems.push('outline icon is fully transparent');
    return problems;
}

// --- Settings from the environment -------------------------------------------------------------------------

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOSTNAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

export interface PackageSettings {
    teamsAppId: string;
    botId: string;
    version: string;
    developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
    /** The bot's host for validDomains, when BOT_DOMAIN is set. */
    botDomain?: string;
}

/** Reads the settings, the template's values being the defaults; throws a PackagingError listing every bad one. */
export function readSettings(env: Env, template: Manifest, allowPlaceholder: boolean): { settings: PackageSettings; notes: string[] } {
    const problems: string[] = [];
    const notes: string[] = [];
    const value = (name: string): string | undefined => {
        const raw = env[name]?.trim();
        return raw === undefined || raw === '' ? undefined : raw;
    };

    let botId = value('MicrosoftAppId');
    if (botId === undefined) {
        if (allowPlaceholder) {
            botId = PLACEHOLDER_BOT_ID;
            notes.push(`MicrosoftAppId is not set: the package uses the placeholder bot id ${PLACEHOLDER_BOT_ID} (--allow-placeholder). Teams will install it, but no message will reach a bot; set MicrosoftAppId for a real package.`);
        } else {
            problems.push(
                'MicrosoftAppId is not set. The Teams package needs the Microsoft App ID of the Azure Bot (Azure portal → your Azure Bot → Configuration → Microsoft App ID), ' +
                    'e.g. MicrosoftAppId=<guid> npm run teams:package. For a local try-out package without one, run npm run teams:package -- --allow-placeholder.',
            );
        }
    } else if (!GUID.test(botId)) {
        problems.push(`MicrosoftAppId must be a GUID like 12345678-90ab-cdef-1234-567890abcdef (got "${botId}")`);
    }

    const teamsAppId = value('TEAMS_APP_ID') ?? template.id;
    if (!GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID must be a GUID (got "${teamsAppId}")`);

    const version = value('TEAMS_APP_VERSION') ?? template.version;
    if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`TEAMS_APP_VERSION must look like 1.0.0 (got "${version}")`);

    const name = value('FIRM_NAME') ?? template.developer.name;
    if ([...name].length > 32) problems.push(`FIRM_NAME is the developer name in Teams and must be at most 32 characters (is ${[...name].length}: "${name}")`);

    const url = (envName: string, fallback: string): string => {
        const raw = value(envName) ?? fallback;
        let parsed: URL;
        try {
            parsed = new URL(raw);
        } catch {
            problems.push(`${envName} must be an https address (got "${raw}")`);
            return raw;
        }
        if (parsed.protocol !== 'https:') problems.push(`${envName} must be an https address (got "${raw}")`);
        return raw;
    };
    const developer = {
        name,
        websiteUrl: url('FIRM_WEBSITE_URL', template.developer.websiteUrl),
        privacyUrl: url('FIRM_PRIVACY_URL', template.developer.privacyUrl),
        termsOfUseUrl: url('FIRM_TERMS_URL', template.developer.termsOfUseUrl),
    };
    const placeholders = (['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const).filter((key) => /^https:\/\/example\.com(\/|$)/i.test(developer[key]));
    if (placeholders.length > 0) {
        notes.push(`${placeholders.join(', ')} still point to example.com: set FIRM_WEBSITE_URL, FIRM_PRIVACY_URL and FIRM_TERMS_URL to the firm's pages before giving the package to users.`);
    }

    let botDomain: string | undefined;
    const domain = value('BOT_DOMAIN');
    if (domain !== undefined) {
        // A full address is accepted too (https://impplus-bot.azurewebsites.net/api/messages): its host is what counts.
        let host = domain.toLowerCase();
        if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) {
            try {
                host = new URL(host).hostname;
            } catch {
                host = '';
            }
        }
        if (HOSTNAME.test(host)) botDomain = host;
        else problems.push(`BOT_DOMAIN must be the bot's host name, like impplus-bot.azurewebsites.net (got "${domain}")`);
    }

    if (problems.length > 0) throw new PackagingError(problems);
    return { settings: { teamsAppId, botId: botId as string, version, developer, ...(botDomain ? { botDomain } : {}) }, notes };
}

/** The template with the settings applied; the template itself is never changed. */
export function applySettings(template: Manifest, settings: PackageSettings): Manifest {
    const manifest = structuredClone(template);
    manifest.id = settings.teamsAppId;
    manifest.version = settings.version;
    manifest.developer = { ...manifest.developer, ...settings.developer };
    const bot = manifest.bots?.[0];
    if (!bot) throw new PackagingError([`${TEMPLATE_FILE} declares no bot`]);
    bot.botId = settings.botId;
    manifest.validDomains = settings.botDomain ? [settings.botDomain] : [];
    return manifest;
}

// --- Checks beyond the schema ------------------------------------------------------------------------------

/** The value at a localization key such as "bots[0].commandLists[0].commands[3].title". */
export function valueAtKey(document: Json, key: string): Json | undefined {
    let node: Json | undefined = document;
    for (const part of key.match(/[^.[\]]+/g) ?? []) {
        if (Array.isArray(node) && /^\d+$/.test(part)) node = node[Number(part)];
        else if (isObject(node)) node = node[part];
        else return undefined;
    }
    return node;
}

/** Every string of the manifest a user reads that a localization file may translate. */
export function localizableKeys(manifest: Manifest): string[] {
    const keys = ['name.short', 'description.short', 'description.full'];
    if (manifest.name.full !== undefined) keys.push('name.full');
    manifest.bots?.forEach((bot, b) =>
        bot.commandLists?.forEach((list, l) =>
            list.commands.forEach((command, c) => {
                keys.push(`bots[${b}].commandLists[${l}].commands[${c}].title`);
                if (command.description !== undefined) keys.push(`bots[${b}].commandLists[${l}].commands[${c}].description`);
            }),
        ),
    );
    return keys;
}

/** Bot command titles and descriptions as Teams shows them, in one language. */
export function commandProblems(commands: { title: string; description?: string | undefined }[], language: string): string[] {
    const problems: string[] = [];
    for (const command of commands) {
        const title = [...command.title].length;
        if (title === 0 || title > COMMAND_LIMITS.title) problems.push(`${language} command "${command.title}": the title must be 1 to ${COMMAND_LIMITS.title} characters (is ${title})`);
        const description = [...(command.description ?? '')].length;
        if (description > COMMAND_LIMITS.description) problems.push(`${language} command "${command.title}": the description must be at most ${COMMAND_LIMITS.description} characters (is ${description})`);
    }
    return problems;
}

/** The commands of one language: the manifest's, with a localization file's titles and descriptions applied. */
export function localizedCommands(manifest: Manifest, localization?: JsonObject): { title: string; description?: string }[] {
    const out: { title: string; description?: string }[] = [];
    manifest.bots?.forEach((bot, b) =>
        bot.commandLists?.forEach((list, l) =>
            list.commands.forEach((command, c) => {
                const key = `bots[${b}].commandLists[${l}].commands[${c}]`;
                const title = localization?.[`${key}.title`];
                const description = localization?.[`${key}.description`];
                out.push({
                    title: typeof title === 'string' ? title : command.title,
                    ...(typeof description === 'string' ? { description } : command.description !== undefined ? { description: command.description } : {}),
                });
            }),
        ),
    );
    return out;
}

/** The package files the manifest names (icons, localization files), relative to the zip's root. */
export function referencedFiles(manifest: Manifest): string[] {
    const files = [manifest.icons.color, manifest.icons.outline];
    if (manifest.icons.color32x32) files.push(manifest.icons.color32x32);
    if (manifest.localizationInfo?.defaultLanguageFile) files.push(manifest.localizationInfo.defaultLanguageFile);
    for (const language of manifest.localizationInfo?.additionalLanguages ?? []) files.push(language.file);
    return files;
}

/** Everything wrong with a package's contents: schemas, localization coverage, commands, icons, files. */
export function packageProblems(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): string[] {
    const problems: string[] = [];
    const version = manifest.manifestVersion;
    problems.push(...schemaProblems(loadBundledSchema(version, 'manifest'), manifest as unknown as Json, 'manifest.json'));
    if (schemaUrlVersion(manifest.$schema) !== version) problems.push(`manifest.json: $schema (${manifest.$schema}) is not the schema of manifestVersion ${version}`);
    problems.push(...commandProblems(localizedCommands(manifest), manifest.localizationInfo?.defaultLanguageTag ?? 'default'));

    for (const name of referencedFiles(manifest)) {
        if (name.includes('/') || name.includes('\\')) problems.push(`manifest.json names ${name}: package files must sit at the root of the zip`);
        if (!files.has(name)) problems.push(`manifest.json names ${name}, which is not in the package`);
    }

    const localizationSchema = loadBundledSchema(version, 'localization');
    for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
        const bytes = files.get(language.file);
        if (!bytes) continue;
        let localization: JsonObject;
        try {
            localization = asObject(JSON.parse(stripBom(Buffer.from(bytes).toString('utf8'))) as Json, language.file);
        } catch (error) {
            problems.push(`${language.file}: ${(error as Error).message}`);
            continue;
        }
        problems.push(...schemaProblems(localizationSchema, localization, language.file));
        const localizationVersion = schemaUrlVersion(typeof localization.$schema === 'string' ? localization.$schema : undefined);
        if (localizationVersion !== version) problems.push(`${language.file}: its $schema must be the localization schema of manifest version ${version} (Teams wants the same version in both files)`);
        for (const key of Object.keys(localization)) {
            if (key === '$schema' || key === 'localizationKeys') continue;
            if (valueAtKey(manifest as unknown as Json, key) === undefined) problems.push(`${language.file}: "${key}" translates nothing in manifest.json`);
        }
        for (const key of localizableKeys(manifest)) {
            if (typeof localization[key] !== 'string') problems.push(`${language.file}: "${key}" has no translation`);
        }
        problems.push(...commandProblems(localizedCommands(manifest, localization), language.languageTag));
    }

    const color = files.get(manifest.icons.color);
    const outline = files.get(manifest.icons.outline);
    if (color && outline) problems.push(...iconProblems(color, outline));
    return problems;
}

// --- Building ----------------------------------------------------------------------------------------------

function stripBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

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
    const template = JSON.parse(stripBom(await readFile(join(sourceDir, TEMPLATE_FILE), 'utf8'))) as Manifest;
    const { settings, notes } = readSettings(options.env ?? process.env, template, options.allowPlaceholder ?? false);
    const manifest = applySettings(template, settings);

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
    console.log(`  manifest ${built.manifest.manifestVersion}, app ${built.manifest.id} version ${built.manifest.version}, bot ${bot?.botId}`);
    console.log(`  files: ${built.entries.join(', ')}`);
    console.log(`  valid domains: ${built.manifest.validDomains?.length ? built.manifest.validDomains.join(', ') : '(none; set BOT_DOMAIN)'}`);
    for (const note of built.notes) console.warn(`Note: ${note}`);
}

if (resolve(process.argv[1] ?? '') === __filename) {
    main().catch((error: unknown) => {
        console.error(error instanceof PackagingError ? `teams:package failed. ${error.message}` : error);
        process.exit(1);
    });
}
