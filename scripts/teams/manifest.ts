/**
 * The Teams manifest that teams:package puts in the zip, built from appPackage/manifest.template.json and the
 * environment (MicrosoftAppId, TEAMS_APP_ID, TEAMS_APP_VERSION, FIRM_NAME, FIRM_WEBSITE_URL, FIRM_PRIVACY_URL,
 * FIRM_TERMS_URL, BOT_DOMAIN). The template holds the defaults, so that a firm sets only what differs; every
 * bad setting is reported at once as a PackagingError, so that one run lists all there is to fix.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { projectRoot } from '../../src/configuration/paths';
import { PackagingError } from './errors';
import { stripBom } from './json';

export type Manifest = TeamsManifestV1D30.TeamsManifestV1D30;
export type Env = Record<string, string | undefined>;

export const APP_PACKAGE_DIR = join(projectRoot, 'appPackage');
export const TEMPLATE_FILE = 'manifest.template.json';
/** The bot id of a --allow-placeholder package: Teams installs it, but no message reaches a bot. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

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
            notes.push(
                `MicrosoftAppId is not set: the package uses the placeholder bot id ${PLACEHOLDER_BOT_ID} (--allow-placeholder). Teams will install it, but no message will reach a bot; set MicrosoftAppId for a real package.`,
            );
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
    if ([...name].length > 32)
        problems.push(`FIRM_NAME is the developer name in Teams and must be at most 32 characters (is ${[...name].length}: "${name}")`);

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
    const placeholders = (['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const).filter((key) =>
        /^https:\/\/example\.com(\/|$)/i.test(developer[key]),
    );
    if (placeholders.length > 0) {
        notes.push(
            `${placeholders.join(', ')} still point to example.com: set FIRM_WEBSITE_URL, FIRM_PRIVACY_URL and FIRM_TERMS_URL to the firm's pages before giving the package to users.`,
        );
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

/** The manifest of a package: the template in sourceDir with the environment's settings applied. */
export async function buildManifest(
    sourceDir: string,
    env: Env,
    allowPlaceholder: boolean,
): Promise<{ manifest: Manifest; notes: string[] }> {
    const template = JSON.parse(stripBom(await readFile(join(sourceDir, TEMPLATE_FILE), 'utf8'))) as Manifest;
    const { settings, notes } = readSettings(env, template, allowPlaceholder);
    return { manifest: applySettings(template, settings), notes };
}
