import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../scripts/content-check';
import { FACT_IDS, FACTS, SOURCES } from '../src/content/facts';
import { createTranslator, loadResources } from '../src/content/i18n';

const newest = (dates: string[]) => dates.sort().at(-1) as string;
const lastChecked = new Date(`${newest(FACT_IDS.map((id) => FACTS[id].checked))}T12:00:00Z`);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

describe('npm run content:check', () => {
    it('passes on the content as shipped, and lists every fact and source', () => {
        const report = checkContent({ today: lastChecked, maxAgeDays: 90 });
        expect(report.problems).toEqual([]);
        expect(report.facts.map((f) => f.id)).toEqual(FACT_IDS);
        expect(report.sources.map((s) => s.id)).toEqual(Object.keys(SOURCES));
    });

    it('fails once a fact has not been checked for longer than the maximum age', () => {
        const oldest = FACT_IDS.map((id) => FACTS[id].checked).sort()[0] as string;
        const report = checkContent({ today: addDays(new Date(`${oldest}T12:00:00Z`), 91), maxAgeDays: 90 });
        expect(report.problems.some((p) => /^fact .+ was last checked 91 days ago/.test(p))).toBe(true);
    });

    it('fails from the day a fact was due to be revised, until someone checks it again', () => {
        const id = FACT_IDS.find((f) => 'revisedOn' in FACTS[f]) as (typeof FACT_IDS)[number];
        const revisedOn = (FACTS[id] as { revisedOn: string }).revisedOn;
        const problem = `fact ${id} was due to be revised on ${revisedOn} and was last checked on ${FACTS[id].checked}`;
        const dayOf = new Date(`${revisedOn}T00:00:00Z`);
        expect(checkContent({ today: addDays(dayOf, -1), maxAgeDays: 90 }).problems).not.toContain(problem);
        expect(checkContent({ today: dayOf, maxAgeDays: 90 }).problems).toContain(problem);
    });

    it('finds a text quoting a fact that does not exist, and an answer without a source', () => {
        const resources = loadResources();
        const faq = resources.en?.faq as { topics: Record<string, { answer?: string; source?: string }> };
        const [id, topic] = Object.entries(faq.topics).find(([, t]) => t.answer && t.source) as [
            string,
            { answer: string; source?: string },
        ];
        topic.answer = `${topic.answer} It costs {{fees.imaginary}}.`;
        delete topic.source;
        const report = checkContent({ today: lastChecked, maxAgeDays: 90, translator: createTranslator(resources) });
        expect(report.problems).toContain(`en/faq: topics.${id}.answer quotes {{fees.imaginary}}, which is not a fact in src/facts.ts`);
        expect(report.problems).toContain(`en/faq: ${id} answers without a source`);
    });

    it('finds an answer citing a further source that does not exist', () => {
        const resources = loadResources();
        const faq = resources.fr?.faq as { topics: Record<string, { moreSources?: string[] }> };
        const topic = faq.topics['application-form'] as { moreSources?: string[] };
        topic.moreSources = ['ircc-imaginary'];
        const report = checkContent({ today: lastChecked, maxAgeDays: 90, translator: createTranslator(resources) });
        expect(report.problems).toContain('fr/faq: application-form cites "ircc-imaginary", which is not a source in src/facts.ts');
    });

    it('prints the table and exits 1 when the content is stale', () => {
        const script = join(__dirname, '..', 'scripts', 'content-check.ts');
        const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
        const today = lastChecked.toISOString().slice(0, 10);
        expect(execFileSync(tsx, [script, '--today', today], { encoding: 'utf8' })).toContain('fees.workPermit');
        const late = addDays(lastChecked, 400).toISOString().slice(0, 10);
        let failure: { status?: number; stdout?: string } = {};
        try {
            execFileSync(tsx, [script, '--today', late, '--max-age', '90'], { encoding: 'utf8', stdio: 'pipe' });
        } catch (error) {
            failure = error as typeof failure;
        }
        expect(failure.status).toBe(1);
        expect(failure.stdout).toMatch(/\d+ problem\(s\):/);
    });
});
