import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import { localesDir } from '../configuration/paths';
import { factValues } from './facts';
import { LANGUAGES, type Language } from './languages';

/** Reads every locales/<lang>/<namespace>.json once, at start-up. */
export function loadResources(dir: string = localesDir): Resource {
    const resources: Resource = {};
    for (const lang of LANGUAGES) {
        resources[lang] = {};
        for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
            const namespace = file.slice(0, -'.json'.length);
            resources[lang][namespace] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
        }
    }
    return resources;
}

export interface Translator {
    /** A translated string; missing keys throw in tests through the i18next missing-key handler. */
    t(lang: Language, key: string, params?: Record<string, unknown>): string;
    /** A translated list (arrays in the JSON files), empty when the key is missing. */
    list(lang: Language, key: string): string[];
    /** Raw resource object below a key, for data-shaped content (topics, criteria texts). */
    object<T>(lang: Language, key: string): T | undefined;
    /** A whole namespace (one JSON file) of a language. */
    bundle<T>(lang: Language, namespace: string): T | undefined;
    /** The text of a key as written in the JSON file, before any value is put in ("ns:a.b"). */
    template(lang: Language, key: string): string | undefined;
    readonly i18n: i18n;
}

export function createTranslator(resources: Resource = loadResources()): Translator {
    const instance = i18next.createInstance();
    const namespaces = Object.keys(resources.en ?? {});
    void instance.init({
        resources,
        lng: 'en',
        fallbackLng: false,
        supportedLngs: [...LANGUAGES],
        ns: namespaces,
        defaultNS: 'common',
        initAsync: false,
        interpolation: { escapeValue: false },
        returnNull: false,
        saveMissing: false,
    });
    const fixed = new Map<Language, TFunction>(LANGUAGES.map((l) => [l, instance.getFixedT(l)]));
    // Every text may quote a fact ({{fees.workPermit}}); its values are formatted once per language.
    const facts = new Map<Language, Record<string, unknown>>(LANGUAGES.map((l) => [l, factValues(l)]));
    const withFacts = (lang: Language, params?: Record<string, unknown>): Record<string, unknown> => ({ ...facts.get(lang), ...params });
    const tFor = (lang: Language): TFunction => fixed.get(lang) as TFunction;
    const plainTexts = new Map<string, string>();
    return {
        i18n: instance,
        t(lang, key, params) {
            if (params) return tFor(lang)(key, withFacts(lang, params)) as string;
            // Texts without values never change once loaded: look each up in i18next once.
            const cacheKey = `${lang}\u0000${key}`;
            let text = plainTexts.get(cacheKey);
            if (text === undefined) {
                text = tFor(lang)(key, withFacts(lang)) as string;
                plainTexts.set(cacheKey, text);
            }
            return text;
        },
        list(lang, key) {
            const value: unknown = tFor(lang)(key, withFacts(lang, { returnObjects: true }));
            return Array.isArray(value) ? value.map(String) : [];
        },
        object<T>(lang: Language, key: string): T | undefined {
            const value: unknown = tFor(lang)(key, withFacts(lang, { returnObjects: true }));
            return typeof value === 'object' && value !== null ? (value as T) : undefined;
        },
        bundle<T>(lang: Language, namespace: string): T | undefined {
            return instance.getResourceBundle(lang, namespace) as T | undefined;
        },
        template(lang, key) {
            const [namespace, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
            const value: unknown = instance.getResource(lang, namespace, path);
            return typeof value === 'string' ? value : undefined;
        },
    };
}
