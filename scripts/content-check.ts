/**
 * npm run content:check [-- --max-age 90] [--today 2026-11-30]
 *
 * Lists every fact the bot states and every source it cites, with the date each was last checked and its
 * age, and fails (exit 1) when a fact or a source is older than the maximum age (default 90 days, or
 * CONTENT_MAX_AGE_DAYS), when a fact's publisher was due to revise it since it was last checked, when a text quotes a fact that does not exist, when an answer cites no source or
 * a source that does not exist, or when a source has no title in a language.
 */
import { ageInDays, FACT_IDS, FACTS, formatFact, isSourceId, recheckDueSince, SOURCES } from '../src/content/facts';
import { createTranslator, type Translator } from '../src/content/i18n';
import { LANGUAGES } from '../src/content/languages';

/** Values the code passes to texts itself (not facts). */
const RUNTIME_VALUES = new Set([
    'n',
    'total',
    'options',
    'max',
    'days',
    'firm',
    'email',
    'phone',
    'url',
    'answer',
    'title',
    'checked',
    // The result a visitor keeps: its code, the days it works, its dates, and a criterion's status.
    'code',
    'codeDays',
    'date',
    'status',
]);

export interface ContentReport {
    facts: { id: string; value: string; source: string; official: boolean; checked: string; age: number; effective: string }[];
    sources: { id: string; publisher: string; official: boolean; checked: string; age: number; usedBy: number }[];
    problems: string[];
}

function strings(value: unknown, path: string[] = []): [string, string][] {
    if (typeof value === 'string') return [[path.join('.'), value]];
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, child]) => strings(child, [...path, key]));
}

export function checkContent(options: { today: Date; maxAgeDays: number; translator?: Translator }): ContentReport {
    const translator = options.translator ?? createTranslator();
    const problems: string[] = [];
    const used = new Map<string, number>();
    const use = (id: string) => used.set(id, (used.get(id) ?? 0) + 1);

    for (const language of LANGUAGES) {
        for (const namespace of ['common', 'eligibility', 'faq', 'family', 'permit', 'steps', 'result']) {
            for (const [key, text] of strings(translator.bundle(language, namespace))) {
                if (key.includes('samples')) continue;
                for (const match of text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
                    const name = match[1] as string;
                    if (Object.hasOwn(FACTS, name)) use((FACTS as Record<string, { source: string }>)[name]?.source as string);
                    else if (!RUNTIME_VALUES.has(name))
                        problems.push(`${language}/${namespace}: ${key} quotes {{${name}}}, which is not a fact in src/facts.ts`);
                }
            }
        }
        const topics =
            translator.object<
                Record<string, { answer?: string; source?: string; moreSources?: string[]; outOfScope?: boolean; smallTalk?: boolean }>
            >(language, 'faq:topics') ?? {};
        for (const [id, topic] of Object.entries(topics)) {
            // Small talk ("thanks") states no fact; out-of-scope topics only say what the bot does not cover.
            if (topic.answer === undefined || topic.outOfScope || topic.smallTalk) continue;
            if (!topic.source) problems.push(`${language}/faq: ${id} answers without a source`);
            else if (!isSourceId(topic.source))
                problems.push(`${language}/faq: ${id} cites "${topic.source}", which is not a source in src/facts.ts`);
            else use(topic.source);
            for (const more of topic.moreSources ?? [])
                if (isSourceId(more)) use(more);
                else problems.push(`${language}/faq: ${id} cites "${more}", which is not a source in src/facts.ts`);
        }
        for (const id of Object.keys(SOURCES)) {
            if (!translator.template(language, `sources:${id}.title`)) problems.push(`${language}/sources: no title for "${id}"`);
        }
    }

    const facts = FACT_IDS.map((id) => {
        const fact = FACTS[id];
        const age = ageInDays(fact.checked, options.today);
        if (!isSourceId(fact.source)) problems.push(`fact ${id} has no source in src/facts.ts`);
        if (age > options.maxAgeDays) problems.push(`fact ${id} was last checked ${age} days ago (more than ${options.maxAgeDays})`);
        const due = recheckDueSince(fact, options.today);
        if (due) problems.push(`fact ${id} was due to be revised on ${due} and was last checked on ${fact.checked}`);
        const record = SOURCES[fact.source];
        return {
            id,
            value: formatFact(fact, 'en'),
            source: fact.source,
            official: record?.official ?? false,
            checked: fact.checked,
            age,
            effective: 'effective' in fact ? (fact.effective as string) : '',
        };
    });
    const sources = Object.entries(SOURCES).map(([id, record]) => {
        const age = ageInDays(record.checked, options.today);
        if (age > options.maxAgeDays) problems.push(`source ${id} was last checked ${age} days ago (more than ${options.maxAgeDays})`);
        return { id, publisher: record.publisher, official: record.official, checked: record.checked, age, usedBy: used.get(id) ?? 0 };
    });
    return { facts, sources, problems };
}

function table(rows: readonly Record<string, string | number | boolean>[]): string {
    const first = rows[0];
    if (!first) return '(none)';
    const columns = Object.keys(first);
    const cell = (value: unknown) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
    const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
    const line = (values: string[]) =>
        values
            .map((v, i) => v.padEnd(widths[i] as number))
            .join('  ')
            .trimEnd();
    return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

function argument(name: string): string | undefined {
    const index = process.argv.indexOf(name);
    return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
    const maxAgeDays = Number(argument('--max-age') ?? process.env.CONTENT_MAX_AGE_DAYS ?? 90);
    const today = new Date(argument('--today') ?? Date.now());
    if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1 || Number.isNaN(today.getTime())) {
        console.error('Usage: npm run content:check -- [--max-age DAYS] [--today YYYY-MM-DD]');
        process.exit(2);
    }
    const report = checkContent({ today, maxAgeDays });
    console.log(`Facts (${report.facts.length}), checked against their sources; maximum age ${maxAgeDays} days\n`);
    console.log(table(report.facts));
    console.log(`\nSources (${report.sources.length}); "official" = a government page\n`);
    console.log(table(report.sources));
    if (report.problems.length > 0) {
        console.log(`\n${report.problems.length} problem(s):`);
        for (const problem of report.problems) console.log(`  - ${problem}`);
        process.exit(1);
    }
    console.log('\nAll facts have a source checked within the maximum age.');
}
