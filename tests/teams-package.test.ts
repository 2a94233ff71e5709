import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { type Activity, ActivityTypes } from 'botbuilder';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../scripts/render-icons';
import { bundledManifestVersions, bundledSchemaDir } from '../scripts/teams/bundledSchemas';
import { PackagingError } from '../scripts/teams/errors';
import type { Json } from '../scripts/teams/json';
import { APP_PACKAGE_DIR, type Manifest, PLACEHOLDER_BOT_ID, TEMPLATE_FILE } from '../scripts/teams/manifest';
import { buildTeamsPackage } from '../scripts/teams/package';
import { decodePng } from '../scripts/teams/png';
import { SchemaValidator } from '../scripts/teams/schema';
import { DEFAULT_FIRM_NAME } from '../src/configuration/config';
import { projectRoot } from '../src/configuration/paths';
import { createTranslator } from '../src/content/i18n';
import { Chat, trace } from './helpers/chat';

const APP_ID = '3f2b9c1e-7a4d-4e8b-9c2f-1a2b3c4d5e6f';
/**
 * The team-scope commands of the handoff inbox (issue 13), which another branch implements: offered in a
 * team's command menu; whether the bot understands them is that branch's test.
 */
const HANDOFF_INBOX_COMMANDS = {
    en: ['handoff settings', 'use this channel for handoffs'],
    fr: ['paramètres des transferts', 'recevoir les transferts ici'],
};
const t = createTranslator();
const BOT_HOST = 'impplus-test.azurewebsites.net';
const ENV = { MicrosoftAppId: APP_ID, BOT_DOMAIN: BOT_HOST };

type JsonObject = { [key: string]: Json };
const work = mkdtempSync(join(tmpdir(), 'teams-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readJson = (file: string): JsonObject => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
const schemaFile = (version: string, name: string) => join(bundledSchemaDir(), `v${version}`, name);
const validate = (schema: JsonObject, document: Json) => new SchemaValidator(schema).validate(document);
const chars = (text: string | undefined) => [...(text ?? '')].length;

/** Width and height straight from the IHDR chunk, read here without the script's helpers. */
function ihdr(bytes: Uint8Array): { width: number; height: number } {
    const buffer = Buffer.from(bytes);
    expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(buffer.toString('latin1', 12, 16)).toBe('IHDR');
    return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** A copy of appPackage/ to break on purpose. */
function sourceCopy(name: string): string {
    const dir = join(work, name);
    cpSync(APP_PACKAGE_DIR, dir, { recursive: true });
    return dir;
}

async function expectRefused(options: Parameters<typeof buildTeamsPackage>[0], ...expected: RegExp[]): Promise<string[]> {
    const out = join(work, `refused-${Math.random().toString(36).slice(2)}.zip`);
    const error = await buildTeamsPackage({ env: ENV, ...options, out }).then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackagingError);
    const problems = (error as PackagingError).problems;
    for (const pattern of expected)
        expect(
            problems.some((p) => pattern.test(p)),
            `${pattern} in\n${problems.join('\n')}`,
        ).toBe(true);
    expect(existsSync(out)).toBe(false);
    return problems;
}

describe('Teams app package (npm run teams:package)', () => {
    let zip: JSZip;
    let manifest: Manifest;
    let french: JsonObject;
    let zipBytes: Buffer;

    beforeAll(async () => {
        const built = await buildTeamsPackage({ env: ENV, out: join(work, 'impplus-assistant.zip') });
        zipBytes = readFileSync(built.file);
        zip = await JSZip.loadAsync(zipBytes);
        const manifestFile = zip.file('manifest.json');
        if (!manifestFile) throw new Error('manifest.json is not in the zip');
        manifest = JSON.parse(await manifestFile.async('string')) as Manifest;
        const frenchFile = zip.file('fr-ca.json');
        if (!frenchFile) throw new Error('fr-ca.json is not in the zip');
        french = JSON.parse(await frenchFile.async('string')) as JsonObject;
    });

    const bytesOf = async (name: string): Promise<Uint8Array> => {
        const file = zip.file(name);
        if (!file) throw new Error(`${name} is not in the zip`);
        return file.async('uint8array');
    };

    it('uses the newest released manifest version whose schema @microsoft/app-manifest bundles', () => {
        const versions = bundledManifestVersions();
        expect(versions.length).toBeGreaterThan(10);
        expect(versions.every((v) => /^\d+\.\d+$/.test(v))).toBe(true);
        const newest = versions.at(-1) as string;
        expect(manifest.manifestVersion).toBe(newest);
        expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
        expect(french.$schema).toBe(
            `https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.Localization.schema.json`,
        );
    });

    it('has a manifest.json that the bundled schema of its version accepts', () => {
        const schema = readJson(schemaFile(manifest.manifestVersion, 'MicrosoftTeams.schema.json'));
        expect(validate(schema, manifest as unknown as Json)).toEqual([]);
    });

    it('has a fr-ca.json that the bundled localization schema accepts, translating every string and nothing else', () => {
        expect(manifest.localizationInfo).toEqual({
            defaultLanguageTag: 'en-us',
            additionalLanguages: [{ languageTag: 'fr-ca', file: 'fr-ca.json' }],
        });
        const schema = readJson(schemaFile(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json'));
        expect(validate(schema, french)).toEqual([]);
        const expectedKeys = ['$schema', 'name.short', 'name.full', 'description.short', 'description.full'];
        for (const [l, list] of (manifest.bots?.[0]?.commandLists ?? []).entries()) {
            for (const c of list.commands.keys()) {
                expectedKeys.push(
                    `bots[0].commandLists[${l}].commands[${c}].title`,
                    `bots[0].commandLists[${l}].commands[${c}].description`,
                );
            }
        }
        expect(Object.keys(french).sort()).toEqual(expectedKeys.sort());
        expect(french['name.short']).toBe('Assistant PMI+');
    });

    it('points the bot at MicrosoftAppId, in personal chats, teams and group chats, without files or notification-only mode', () => {
        expect(manifest.bots).toHaveLength(1);
        const bot = manifest.bots?.[0];
        expect(bot?.botId).toBe(APP_ID);
        expect([...(bot?.scopes ?? [])].sort()).toEqual(['groupChat', 'personal', 'team']);
        expect(bot?.supportsFiles).toBe(false);
        expect(bot?.isNotificationOnly).toBe(false);
        // One command list per scope: staff tools in personal chats, the handoff inbox's settings in teams.
        expect(bot?.commandLists?.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
        expect(manifest.validDomains).toEqual([BOT_HOST]);
        expect(manifest.webApplicationInfo).toBeUndefined();
    });

    it('keeps the app id of the template, and the firm defaults of the website widget', () => {
        const template = readJson(join(APP_PACKAGE_DIR, TEMPLATE_FILE));
        expect(manifest.id).toBe(template.id);
        expect(manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(manifest.id).not.toBe(PLACEHOLDER_BOT_ID);
        expect(manifest.developer.name).toBe(DEFAULT_FIRM_NAME);
        for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl])
            expect(url).toMatch(/^https:\/\//);
    });

    it('offers the same commands in English and French, within what Teams shows', () => {
        const lists = manifest.bots?.[0]?.commandLists ?? [];
        const english = lists.flatMap((list) => list.commands.map((c) => ({ title: c.title, description: c.description ?? '' })));
        const frenchCommands = lists.flatMap((list, l) =>
            list.commands.map((_, i) => ({
                title: french[`bots[0].commandLists[${l}].commands[${i}].title`] as string,
                description: french[`bots[0].commandLists[${l}].commands[${i}].description`] as string,
            })),
        );
        const titles = (l: number, language: 'en' | 'fr') =>
            (lists[l]?.commands ?? []).map((c, i) =>
                language === 'en' ? c.title : (french[`bots[0].commandLists[${l}].commands[${i}].title`] as string),
            );
        const everywhere = {
            en: ['Am I eligible?', 'How to apply', 'menu', 'help', 'français'],
            fr: ['Suis-je admissible?', 'Faire la demande', 'menu', 'aide', 'english'],
        };
        expect(titles(0, 'en')).toEqual([...everywhere.en, 'client check', 'facts', 'stats']);
        expect(titles(0, 'fr')).toEqual([...everywhere.fr, 'vérification client', 'faits', 'stats']);
        expect(titles(1, 'en')).toEqual([...everywhere.en, ...HANDOFF_INBOX_COMMANDS.en]);
        expect(titles(1, 'fr')).toEqual([...everywhere.fr, ...HANDOFF_INBOX_COMMANDS.fr]);
        expect(titles(2, 'en')).toEqual(everywhere.en);
        expect(titles(2, 'fr')).toEqual(everywhere.fr);
        for (const command of [...english, ...frenchCommands]) {
            expect(chars(command.title), command.title).toBeGreaterThan(0);
            expect(chars(command.title), command.title).toBeLessThanOrEqual(32);
            expect(chars(command.description), command.title).toBeGreaterThan(0);
            expect(chars(command.description), command.title).toBeLessThanOrEqual(128);
        }
        for (const [short, full, shortText, fullText] of [
            [manifest.name.short, manifest.name.full, manifest.description.short, manifest.description.full],
            [french['name.short'], french['name.full'], french['description.short'], french['description.full']],
        ] as [string, string, string, string][]) {
            expect(chars(short)).toBeLessThanOrEqual(30);
            expect(chars(full)).toBeLessThanOrEqual(100);
            expect(chars(shortText)).toBeLessThanOrEqual(80);
            expect(chars(fullText)).toBeLessThanOrEqual(4000);
            expect(fullText).toMatch(/legal advice|avis juridique/);
        }
    });

    it('offers only commands the bot understands, in the language they are offered in', async () => {
        const expected: [string, string, Record<string, unknown>][] = [
            ['en-US', 'Am I eligible?', { action: 'dialog', target: 'eligibility', locale: 'en' }],
            ['en-US', 'How to apply', { action: 'dialog', target: 'steps', locale: 'en' }],
            ['en-US', 'menu', { action: 'command', command: 'menu', locale: 'en' }],
            ['en-US', 'help', { action: 'command', command: 'help', locale: 'en' }],
            ['en-US', 'français', { action: 'command', command: 'french', locale: 'fr' }],
            ['fr-CA', 'Suis-je admissible?', { action: 'dialog', target: 'eligibility', locale: 'fr' }],
            ['fr-CA', 'Faire la demande', { action: 'dialog', target: 'steps', locale: 'fr' }],
            ['fr-CA', 'menu', { action: 'command', command: 'menu', locale: 'fr' }],
            ['fr-CA', 'aide', { action: 'command', command: 'help', locale: 'fr' }],
            ['fr-CA', 'english', { action: 'command', command: 'english', locale: 'en' }],
        ];
        const staff: [string, string, string][] = [
            ['en-US', 'client check', 'staff:clientCheck.intro'],
            ['en-US', 'facts', 'staff:facts.title'],
            ['en-US', 'stats', 'staff:stats.conversations'],
            ['fr-CA', 'vérification client', 'staff:clientCheck.intro'],
            ['fr-CA', 'faits', 'staff:facts.title'],
            ['fr-CA', 'stats', 'staff:stats.conversations'],
        ];
        const lists = manifest.bots?.[0]?.commandLists ?? [];
        const offered = new Set(
            lists.flatMap((list, l) => [
                ...list.commands.map((c) => c.title),
                ...list.commands.map((_, i) => french[`bots[0].commandLists[${l}].commands[${i}].title`] as string),
            ]),
        );
        const handoff = [...HANDOFF_INBOX_COMMANDS.en, ...HANDOFF_INBOX_COMMANDS.fr];
        expect([...offered].sort()).toEqual([...new Set([...expected, ...staff].map(([, title]) => title)), ...handoff].sort());
        // The team scope's commands are the handoff inbox's: the phrases it acts on (handoff:commands).
        for (const [language, titles] of [['en', HANDOFF_INBOX_COMMANDS.en] as const, ['fr', HANDOFF_INBOX_COMMANDS.fr] as const]) {
            const phrases = [...t.list(language, 'handoff:commands.useChannel'), ...t.list(language, 'handoff:commands.settings')];
            for (const title of titles) expect(phrases, title).toContain(title);
        }
        for (const [locale, title, recognized] of expected) {
            const replies = await new Chat({ channelId: 'msteams', locale }).say(title);
            expect(trace(replies, 'Recognizer'), `${locale} "${title}"`).toMatchObject({ text: title, ...recognized });
        }
        // The staff commands, for a user of the firm's tenant in a personal chat.
        const tenant = '5e7a1c2d-3b4f-4a6e-9c8d-0f1e2d3c4b5a';
        for (const [locale, title, key] of staff) {
            const replies = await new Chat({ channelId: 'msteams', locale, firmTenantId: tenant }).send({
                type: ActivityTypes.Message,
                text: title,
                conversation: { id: `a:${title}`, conversationType: 'personal', tenantId: tenant } as Activity['conversation'],
                channelData: { tenant: { id: tenant } },
            });
            expect(JSON.stringify(replies), `${locale} "${title}"`).toContain(
                JSON.stringify(t.t(locale === 'fr-CA' ? 'fr' : 'en', key)).slice(1, -1),
            );
        }
        // In a channel, picking a command sends it after the bot's @mention.
        const channel = { id: '19:channel@thread.tacv2', conversationType: 'channel' } as Activity['conversation'];
        const replies = await new Chat({ channelId: 'msteams', locale: 'fr-CA' }).send({
            type: ActivityTypes.Message,
            text: '<at>Assistant PMI+</at> Suis-je admissible?',
            conversation: channel,
            entities: [{ type: 'mention', text: '<at>Assistant PMI+</at>', mentioned: { id: 'bot', name: 'Assistant PMI+' } }],
        });
        expect(trace(replies, 'Recognizer')).toMatchObject({
            text: 'Suis-je admissible?',
            action: 'dialog',
            target: 'eligibility',
            locale: 'fr',
        });
    });

    it('has a 192×192 colour icon and a 32×32 outline icon in white on transparent only', async () => {
        expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
        const color = await bytesOf('color.png');
        const outline = await bytesOf('outline.png');
        expect(ihdr(color)).toEqual({ width: 192, height: 192 });
        expect(ihdr(outline)).toEqual({ width: 32, height: 32 });

        const decodedColor = decodePng(color);
        const pixel = (x: number, y: number) => [...decodedColor.rgba.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
        // Full bleed (Teams applies its own mask): opaque everywhere, brand blue in the corners.
        for (let i = 3; i < decodedColor.rgba.length; i += 4) expect(decodedColor.rgba[i]).toBe(255);
        for (const [x, y] of [
            [0, 0],
            [191, 0],
            [0, 191],
            [191, 191],
        ] as const) {
            const [r, g, b] = pixel(x, y) as [number, number, number];
            expect(b, `corner ${x},${y}`).toBeGreaterThan(r + 60);
            expect(b).toBeGreaterThan(g + 30);
        }
        expect(pixel(96, 56)).toEqual([255, 255, 255, 255]); // the white bubble

        const decodedOutline = decodePng(outline);
        let visible = 0;
        for (let i = 0; i < decodedOutline.rgba.length; i += 4) {
            const [r, g, b, a] = decodedOutline.rgba.subarray(i, i + 4);
            if (a === 0) continue;
            visible += 1;
            expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
        }
        expect(visible).toBeGreaterThan(50);
        expect(decodedOutline.rgba[3]).toBe(0); // the corner is transparent
    });

    it('holds every file the manifest names, at the root of the zip, and nothing else', () => {
        const entries = Object.values(zip.files).map((f) => f.name);
        const named = [
            'manifest.json',
            manifest.icons.color,
            manifest.icons.outline,
            ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
        ];
        expect(entries.sort()).toEqual(named.sort());
        expect(entries.every((name) => !name.includes('/'))).toBe(true);
    });

    it('gives the same bytes for the same inputs', async () => {
        const again = await buildTeamsPackage({ env: ENV, out: join(work, 'again.zip') });
        const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
        expect(hash(readFileSync(again.file))).toBe(hash(zipBytes));
    });
});

describe('teams:package settings', () => {
    it('refuses to build without MicrosoftAppId, saying what to set', async () => {
        const problems = await expectRefused({ env: {} }, /MicrosoftAppId is not set/);
        expect(problems[0]).toContain('--allow-placeholder');
    });

    it('uses a zero bot id with --allow-placeholder, and says so', async () => {
        const built = await buildTeamsPackage({ env: {}, allowPlaceholder: true, out: join(work, 'placeholder.zip') });
        expect(built.manifest.bots?.[0]?.botId).toBe(PLACEHOLDER_BOT_ID);
        expect(built.notes.join(' ')).toMatch(/placeholder bot id 00000000-0000-0000-0000-000000000000/);
        expect(built.manifest.validDomains).toEqual([]);
    });

    it('takes the app id, version, firm and its pages, and the bot host from the environment', async () => {
        const built = await buildTeamsPackage({
            env: {
                MicrosoftAppId: APP_ID,
                TEAMS_APP_ID: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
                TEAMS_APP_VERSION: '1.2.3',
                FIRM_NAME: 'Cabinet Tremblay',
                FIRM_WEBSITE_URL: 'https://tremblay.example.ca/',
                FIRM_PRIVACY_URL: 'https://tremblay.example.ca/confidentialite',
                FIRM_TERMS_URL: 'https://tremblay.example.ca/conditions',
                BOT_DOMAIN: 'https://ImpPlus-Bot.azurewebsites.net/api/messages',
            },
            out: join(work, 'firm.zip'),
        });
        expect(built.manifest).toMatchObject({
            id: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
            version: '1.2.3',
            developer: {
                name: 'Cabinet Tremblay',
                websiteUrl: 'https://tremblay.example.ca/',
                privacyUrl: 'https://tremblay.example.ca/confidentialite',
                termsOfUseUrl: 'https://tremblay.example.ca/conditions',
            },
            validDomains: ['impplus-bot.azurewebsites.net'],
        });
        expect(built.notes).toEqual([]);
    });

    it('warns while the firm pages are the example.com placeholders', async () => {
        const built = await buildTeamsPackage({ env: ENV, out: join(work, 'placeholders.zip') });
        expect(built.notes.join(' ')).toMatch(/example\.com.*FIRM_WEBSITE_URL/);
    });

    it('lists every bad setting at once', async () => {
        await expectRefused(
            {
                env: {
                    MicrosoftAppId: 'my-bot',
                    TEAMS_APP_ID: '1234',
                    TEAMS_APP_VERSION: 'v2',
                    FIRM_NAME: 'Cabinet d’avocats en immigration Exemple et Associés',
                    FIRM_PRIVACY_URL: 'http://example.com/privacy',
                    BOT_DOMAIN: 'not a host/',
                },
            },
            /MicrosoftAppId must be a GUID/,
            /TEAMS_APP_ID must be a GUID/,
            /TEAMS_APP_VERSION/,
            /FIRM_NAME .* at most 32/,
            /FIRM_PRIVACY_URL must be an https address/,
            /BOT_DOMAIN/,
        );
    });

    it('runs from the command line, failing with a clear message and exit code 1 when MicrosoftAppId is missing', () => {
        const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
        const script = join(projectRoot, 'scripts', 'teams', 'package.ts');
        const env = { ...process.env, MicrosoftAppId: '' };
        const out = join(work, 'cli.zip');
        const refused = spawnSync(tsx, [script, '--out', out], { env, encoding: 'utf8' });
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain('MicrosoftAppId is not set');
        expect(existsSync(out)).toBe(false);
        const placeholder = spawnSync(tsx, [script, '--allow-placeholder', '--out', out], { env, encoding: 'utf8' });
        expect(placeholder.status, placeholder.stderr).toBe(0);
        expect(placeholder.stdout).toContain('bot 00000000-0000-0000-0000-000000000000');
        expect(placeholder.stderr).toContain('placeholder bot id');
        expect(existsSync(out)).toBe(true);
    });
});

describe('teams:package checks of appPackage/', () => {
    const edit = (dir: string, file: string, change: (json: JsonObject) => void) => {
        const json = readJson(join(dir, file));
        change(json);
        writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
    };

    it('refuses an outline icon with a colour in it', async () => {
        const dir = sourceCopy('coloured-outline');
        const { width, height, rgba } = decodePng(readFileSync(join(dir, 'outline.png')));
        const firstVisible = rgba.findIndex((value, i) => i % 4 === 3 && value > 0) - 3;
        rgba.set([0, 120, 212, 255], firstVisible);
        writeFileSync(join(dir, 'outline.png'), encodePng(width, height, rgba));
        await expectRefused({ sourceDir: dir }, /outline icon must be white on transparent only; 1 pixels/);
    });

    it('refuses icons of the wrong size, and files that are not PNGs', async () => {
        const dir = sourceCopy('wrong-size');
        writeFileSync(join(dir, 'color.png'), encodePng(32, 32, new Uint8Array(32 * 32 * 4).fill(255)));
        writeFileSync(join(dir, 'outline.png'), Buffer.from('GIF89a, not a PNG at all, just some text'));
        await expectRefused({ sourceDir: dir }, /color icon must be 192×192 pixels, not 32×32/, /outline icon: not a PNG/);
    });

    it('refuses a French command title too long for Teams, an untranslated string and a key that translates nothing', async () => {
        const dir = sourceCopy('bad-french');
        edit(dir, 'fr-ca.json', (json) => {
            json['bots[0].commandLists[0].commands[0].title'] = 'Est-ce que je suis admissible au PMI+?';
            delete json['description.full'];
            json['bots[0].commandLists[0].commands[20].title'] = 'fantôme';
        });
        await expectRefused(
            { sourceDir: dir },
            /fr-ca command "Est-ce que je suis admissible au PMI\+\?": the title must be 1 to 32 characters/,
            /fr-ca\.json: must have the property "description\.full"/,
            /"bots\[0\]\.commandLists\[0\]\.commands\[20\]\.title" translates nothing/,
        );
    });

    it('refuses a localization file of another manifest version, and a file the manifest names but that is missing', async () => {
        const dir = sourceCopy('versions');
        edit(dir, 'fr-ca.json', (json) => {
            json.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.16/MicrosoftTeams.Localization.schema.json';
        });
        rmSync(join(dir, 'outline.png'));
        await expectRefused(
            { sourceDir: dir },
            /fr-ca\.json: its \$schema must be the localization schema of manifest version/,
            /names outline\.png, which is not in/,
        );
    });

    it('refuses a template the schema rejects', async () => {
        const dir = sourceCopy('bad-template');
        edit(dir, TEMPLATE_FILE, (json) => {
            const bots = json.bots as JsonObject[];
            (bots[0] as JsonObject).scopes = ['personal', 'meetings'];
            json.accentColor = 'blue';
            json.tabs = [];
        });
        await expectRefused(
            { sourceDir: dir },
            /manifest\.json\/bots\/0\/scopes\/1: must be one of/,
            /manifest\.json\/accentColor: must match/,
            /manifest\.json\/tabs: is not a property the schema allows/,
        );
    });
});

describe('the JSON Schema validator and the PNG decoder the package checks rely on', () => {
    const newest = () => bundledManifestVersions().at(-1) as string;

    it('finds what the Teams schema forbids, where it is', () => {
        const schema = readJson(schemaFile(newest(), 'MicrosoftTeams.schema.json'));
        const good = readJson(join(APP_PACKAGE_DIR, TEMPLATE_FILE));
        expect(validate(schema, good)).toEqual([]);
        const bad = structuredClone(good);
        (((bad.bots as JsonObject[])[0] as JsonObject).botId as Json) = 'not-a-guid';
        delete (bad.developer as JsonObject).privacyUrl;
        (bad.name as JsonObject).short = 'x'.repeat(31);
        bad.manifestVersion = '1.16';
        const commands = (((bad.bots as JsonObject[])[0] as JsonObject).commandLists as JsonObject[])[0] as JsonObject;
        commands.commands = Array.from({ length: 13 }, (_, i) => ({ title: `c${i}` }));
        const paths = validate(schema, bad).map((p) => `${p.path} ${p.message}`);
        expect(paths).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^\/bots\/0\/botId must match/),
                expect.stringMatching(/^\/developer must have the property "privacyUrl"/),
                expect.stringMatching(/^\/name\/short must be at most 30 characters long \(is 31\)/),
                expect.stringMatching(/^\/manifestVersion must be "1\.\d+"/),
                expect.stringMatching(/^\/bots\/0\/commandLists\/0\/commands must have at most 12 items/),
            ]),
        );
        expect(paths).toHaveLength(5);
    });

    it('handles the combinators and refuses keywords it does not know', () => {
        const schema: JsonObject = {
            definitions: { small: { type: 'integer', maximum: 3 } },
            type: 'object',
            properties: { n: { $ref: '#/definitions/small' }, list: { type: 'array', uniqueItems: true, items: { enum: ['a', 'b'] } } },
            oneOf: [{ required: ['n'] }, { required: ['list'] }],
            dependencies: { n: { not: { required: ['m'] } } },
            if: { required: ['n'], properties: { n: { const: 2 } } },
            // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
            then: { required: ['why'] },
        };
        expect(validate(schema, { n: 1 })).toEqual([]);
        expect(validate(schema, { list: ['a', 'b'] })).toEqual([]);
        expect(validate(schema, { n: 4 }).map((p) => p.path)).toEqual(['/n']);
        expect(validate(schema, { n: 1.5 })[0]?.message).toMatch(/type integer/);
        expect(validate(schema, { list: ['a', 'a'] })[0]).toEqual({ path: '/list/1', message: 'repeats an earlier item' });
        expect(validate(schema, { n: 1, list: [] })[0]?.message).toMatch(/exactly one of the oneOf schemas \(matches 2\)/);
        expect(validate(schema, { n: 1, m: 0 })[0]?.message).toMatch(/must not match/);
        expect(validate(schema, { n: 2 })[0]?.message).toBe('must have the property "why"');
        expect(() => validate({ type: 'string', contentMediaType: 'text/plain' }, 'x')).toThrow(
            /unsupported JSON Schema keyword "contentMediaType"/,
        );
    });

    it('decodes PNG rows written with each of the five filters', () => {
        const width = 7;
        const height = 10;
        const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
        for (const filter of [0, 1, 2, 3, 4, (row: number) => row % 5]) {
            const decoded = decodePng(encodePng(width, height, rgba, filter));
            expect({ width: decoded.width, height: decoded.height }).toEqual({ width, height });
            expect(Buffer.from(decoded.rgba).equals(Buffer.from(rgba)), `filter ${String(filter)}`).toBe(true);
        }
        const committed = readFileSync(join(APP_PACKAGE_DIR, 'color.png'));
        const filters = new Set<number>();
        // The committed icon itself uses several filter types (adaptive filtering), so decoding it exercises them too.
        const raw = decodeRawRows(committed, 192 * 4);
        for (let y = 0; y < 192; y++) filters.add(raw[y * (192 * 4 + 1)] as number);
        expect(filters.size).toBeGreaterThan(1);
    });
});

/** The inflated IDAT stream of a PNG: each row's filter byte, then the row. */
function decodeRawRows(png: Buffer, stride: number): Buffer {
    const parts: Buffer[] = [];
    for (let offset = 8; offset < png.length; ) {
        const length = png.readUInt32BE(offset);
        if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') parts.push(png.subarray(offset + 8, offset + 8 + length));
        offset += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(parts));
    expect(raw.length % (stride + 1)).toBe(0);
    return raw;
}
