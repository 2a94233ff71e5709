import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localesDir, projectRoot } from '../src/configuration/paths';
import {
    CRITERIA,
    FAMILY_CHOICES,
    FAMILY_SOURCES,
    LANGUAGE_CHOICES,
    MENU,
    PERMIT_FACTS,
    PERMIT_SECTIONS,
    PERMIT_SOURCES,
    WALKTHROUGH_SOURCES,
    WALKTHROUGH_STEPS,
} from '../src/content/catalog';
import { SOURCES } from '../src/content/facts';
import { createTranslator, loadResources } from '../src/content/i18n';
import { LANGUAGES } from '../src/content/languages';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every leaf of a JSON object as [dotted path, value]; arrays are leaves (their length may differ). */
function leaves(value: Json, prefix = ''): [string, Json][] {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
    }
    return [[prefix, value]];
}

const files = readdirSync(join(localesDir, 'en')).filter((f) => f.endsWith('.json'));
const read = (lang: string, file: string): Json => JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')) as Json;
const t = createTranslator(loadResources());

describe('locales', () => {
    it('English and French have the same files', () => {
        expect(
            readdirSync(join(localesDir, 'fr'))
                .filter((f) => f.endsWith('.json'))
                .sort(),
        ).toEqual([...files].sort());
    });

    it.each(files)('%s: same keys in both languages, no empty value', (file) => {
        const en = new Map(leaves(read('en', file)));
        const fr = new Map(leaves(read('fr', file)));
        expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
        for (const [lang, table] of [
            ['en', en],
            ['fr', fr],
        ] as const) {
            for (const [key, value] of table) {
                const values = Array.isArray(value) ? value : [value];
                expect(values.length, `${lang}/${file}: ${key} is an empty list`).toBeGreaterThan(0);
                for (const item of values) {
                    if (typeof item === 'string') expect(item.trim(), `${lang}/${file}: ${key} is empty`).not.toBe('');
                }
            }
        }
    });

    it('French is written in French, not copied from English', () => {
        // Ids, links, dates and the bilingual greeting are the same in both by design.
        const sameInBoth = new Set([
            'menu',
            'english',
            'french',
            'welcome.bilingual',
            'welcome.chooseLanguage',
            'url',
            'checked',
            'source',
            'dialog',
            'command',
        ]);
        const copied: string[] = [];
        for (const file of files) {
            const en = new Map(leaves(read('en', file)));
            for (const [key, value] of leaves(read('fr', file))) {
                const last = key.split('.').at(-1) ?? key;
                if (
                    typeof value === 'string' &&
                    value === en.get(key) &&
                    !sameInBoth.has(last) &&
                    !sameInBoth.has(key) &&
                    value.length > 6
                ) {
                    copied.push(`${file}:${key}`);
                }
            }
        }
        expect(copied).toEqual([]);
    });
});

describe('buttons', () => {
    const labelKeys = [
        ...CRITERIA.flatMap((c) => c.choices.map((choice) => choice.labelKey)),
        ...MENU.map((m) => m.labelKey),
        ...LANGUAGE_CHOICES.map((c) => c.labelKey),
        ...FAMILY_CHOICES.map((c) => c.labelKey),
        ...[...PERMIT_SECTIONS, 'done'].map((id) => `permit:choices.${id}`),
        ...['next', 'back', 'menu', 'done'].map((id) => `steps:choices.${id}`),
    ];

    it.each(LANGUAGES)('every label exists and has 20 characters or fewer in %s (longer ones become a text list)', (lang) => {
        for (const key of labelKeys) {
            expect(t.i18n.exists(key, { lng: lang }), `${lang}: ${key} missing`).toBe(true);
            const label = t.t(lang, key);
            expect(label.length, `${lang}: "${label}" (${key})`).toBeLessThanOrEqual(20);
        }
    });

    it('labels of one question are distinct once accents and case are folded', () => {
        for (const lang of LANGUAGES) {
            for (const criterion of CRITERIA) {
                const labels = criterion.choices.map((c) => t.t(lang, c.labelKey).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
                expect(new Set(labels).size).toBe(labels.length);
            }
        }
    });
});

describe('keys used by the code', () => {
    /** Literal keys such as 'common:menu.prompt' in src/ and dialogs/. */
    function literalKeys(): string[] {
        const found = new Set<string>();
        for (const dir of ['src', 'dialogs']) {
            const walk = (path: string): void => {
                for (const entry of readdirSync(path, { withFileTypes: true })) {
                    const full = join(path, entry.name);
                    if (entry.isDirectory()) walk(full);
                    else if (entry.name.endsWith('.ts')) {
                        for (const match of readFileSync(full, 'utf8').matchAll(
                            /['"`]((?:common|eligibility|permit|family|steps|sources):[\w.]+)['"`]/g,
                        )) {
                            found.add(match[1] as string);
                        }
                    }
                }
            };
            walk(join(projectRoot, dir));
        }
        return [...found];
    }

    const dataKeys = [
        ...CRITERIA.flatMap((c) => [`eligibility:criteria.${c.id}.question`, `eligibility:criteria.${c.id}.explain`]),
        ...CRITERIA.flatMap((c) =>
            c.unmetByAnswer
                ? c.choices
                      .filter((x) => !c.met.includes(x.id) && x.id !== 'unsure')
                      .map((x) => `eligibility:criteria.${c.id}.unmet.${x.id}`)
                : [`eligibility:criteria.${c.id}.unmet`],
        ),
        ...CRITERIA.flatMap((c) => Object.values(c.notes ?? {})),
        ...WALKTHROUGH_STEPS.map((id) => `steps:steps.${id}`),
        ...[...Object.values(WALKTHROUGH_SOURCES), ...Object.values(PERMIT_SOURCES), ...Object.values(FAMILY_SOURCES)]
            .flat()
            .map((id) => `sources:${id}.title`),
        ...['overview', ...PERMIT_SECTIONS].map((id) => `permit:sections.${id}`),
        ...['spouse', 'children'].map((id) => `family:options.${id}`),
        ...PERMIT_FACTS.flatMap((f) => [f.labelKey, f.valueKey]),
        ...CRITERIA.map((c) => `eligibility:criteria.${c.id}.short`),
    ];

    it.each(LANGUAGES)('every key the code names exists in %s', (lang) => {
        const keys = [...literalKeys(), ...dataKeys];
        expect(keys.length).toBeGreaterThan(40);
        const missing = keys.filter((key) => !t.i18n.exists(key, { lng: lang }));
        expect(missing).toEqual([]);
    });

    it('sources: a title in each language for every source of src/facts.ts, and nothing else', () => {
        for (const lang of LANGUAGES) {
            const sources = t.bundle<Record<string, Record<string, unknown>>>(lang, 'sources') ?? {};
            expect(Object.keys(sources).sort(), lang).toEqual(Object.keys(SOURCES).sort());
            for (const [id, entry] of Object.entries(sources)) {
                expect(Object.keys(entry), `${lang} ${id}`).toEqual(['title']);
                expect(String(entry.title).trim().length, `${lang} ${id}`).toBeGreaterThan(0);
            }
        }
    });

    it('sources carry a link in each language and the date they were checked', () => {
        for (const [id, record] of Object.entries(SOURCES)) {
            for (const lang of LANGUAGES) expect(record.url[lang], `${id} ${lang}`).toMatch(/^https?:\/\/[^\s]+$/);
            expect(record.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(record.publisher.trim().length, id).toBeGreaterThan(0);
        }
    });
});
