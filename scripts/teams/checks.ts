/**
 * What teams:package checks in a package's contents before it writes the zip: the manifest and each
 * localization file against the bundled schemas of the manifest's version, translations that cover every
 * string a user reads and nothing else, bot command lengths as Teams shows them in each language, the icons,
 * and every file the manifest names. Each check returns all its problems as sentences for people, so that
 * the build can refuse a package with the whole list rather than one problem per run.
 */
import { loadBundledSchema, schemaUrlVersion } from './bundledSchemas';
import { isJsonObject, type Json, type JsonObject, parseJsonObject } from './json';
import type { Manifest } from './manifest';
import { iconProblems } from './png';
import { schemaProblems } from './schema';

/** Teams shows at most this much of a bot command's title and description. */
export const COMMAND_LIMITS = { title: 32, description: 128 } as const;

/** The value at a localization key such as "bots[0].commandLists[0].commands[3].title". */
export function valueAtKey(document: Json, key: string): Json | undefined {
    let node: Json | undefined = document;
    for (const part of key.match(/[^.[\]]+/g) ?? []) {
        if (Array.isArray(node) && /^\d+$/.test(part)) node = node[Number(part)];
        else if (isJsonObject(node)) node = node[part];
        else return undefined;
    }
    return node;
}

/** Every string of the manifest a user reads that a localization file may translate. */
export function localizableKeys(manifest: Manifest): string[] {
    const keys = ['name.short', 'description.short', 'description.full'];
    if (manifest.name.full !== undefined) keys.push('name.full');
    for (const [b, bot] of (manifest.bots ?? []).entries()) {
        for (const [l, list] of (bot.commandLists ?? []).entries()) {
            for (const [c, command] of list.commands.entries()) {
                keys.push(`bots[${b}].commandLists[${l}].commands[${c}].title`);
                if (command.description !== undefined) keys.push(`bots[${b}].commandLists[${l}].commands[${c}].description`);
            }
        }
    }
    return keys;
}

/** Bot command titles and descriptions as Teams shows them, in one language. */
export function commandProblems(commands: { title: string; description?: string | undefined }[], language: string): string[] {
    const problems: string[] = [];
    for (const command of commands) {
        const title = [...command.title].length;
        if (title === 0 || title > COMMAND_LIMITS.title)
            problems.push(
                `${language} command "${command.title}": the title must be 1 to ${COMMAND_LIMITS.title} characters (is ${title})`,
            );
        const description = [...(command.description ?? '')].length;
        if (description > COMMAND_LIMITS.description)
            problems.push(
                `${language} command "${command.title}": the description must be at most ${COMMAND_LIMITS.description} characters (is ${description})`,
            );
    }
    return problems;
}

/** The commands of one language: the manifest's, with a localization file's titles and descriptions applied. */
export function localizedCommands(manifest: Manifest, localization?: JsonObject): { title: string; description?: string }[] {
    const out: { title: string; description?: string }[] = [];
    for (const [b, bot] of (manifest.bots ?? []).entries()) {
        for (const [l, list] of (bot.commandLists ?? []).entries()) {
            for (const [c, command] of list.commands.entries()) {
                const key = `bots[${b}].commandLists[${l}].commands[${c}]`;
                const title = localization?.[`${key}.title`];
                const description = localization?.[`${key}.description`];
                out.push({
                    title: typeof title === 'string' ? title : command.title,
                    ...(typeof description === 'string'
                        ? { description }
                        : command.description !== undefined
                          ? { description: command.description }
                          : {}),
                });
            }
        }
    }
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
    if (schemaUrlVersion(manifest.$schema) !== version)
        problems.push(`manifest.json: $schema (${manifest.$schema}) is not the schema of manifestVersion ${version}`);
    problems.push(...commandProblems(localizedCommands(manifest), manifest.localizationInfo?.defaultLanguageTag ?? 'default'));

    for (const name of referencedFiles(manifest)) {
        if (name.includes('/') || name.includes('\\'))
            problems.push(`manifest.json names ${name}: package files must sit at the root of the zip`);
        if (!files.has(name)) problems.push(`manifest.json names ${name}, which is not in the package`);
    }

    const localizationSchema = loadBundledSchema(version, 'localization');
    for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
        const bytes = files.get(language.file);
        if (!bytes) continue;
        let localization: JsonObject;
        try {
            localization = parseJsonObject(Buffer.from(bytes).toString('utf8'), language.file);
        } catch (error) {
            problems.push(`${language.file}: ${(error as Error).message}`);
            continue;
        }
        problems.push(...schemaProblems(localizationSchema, localization, language.file));
        const localizationVersion = schemaUrlVersion(typeof localization.$schema === 'string' ? localization.$schema : undefined);
        if (localizationVersion !== version)
            problems.push(
                `${language.file}: its $schema must be the localization schema of manifest version ${version} (Teams wants the same version in both files)`,
            );
        for (const key of Object.keys(localization)) {
            if (key === '$schema' || key === 'localizationKeys') continue;
            if (valueAtKey(manifest as unknown as Json, key) === undefined)
                problems.push(`${language.file}: "${key}" translates nothing in manifest.json`);
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
