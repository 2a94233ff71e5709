import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localesDir } from '../src/configuration/paths';
import { LANGUAGES } from '../src/content/languages';
import { typographyIssues } from '../src/content/typography';

/** Vocabulary the bot reads (not says): phrase lists and the samples people type. */
const READ_ONLY_FILES = new Set(['answers.json', 'commands.json']);
/** Phrasings people type, and ids (sources, follow-ups, dialogs) that are not text at all. */
const isReadOnlyPath = (path: readonly string[]): boolean => ['samples', 'source', 'followUps', 'dialog'].some((key) => path.includes(key));

function texts(value: unknown, path: string[] = []): [string, string][] {
    if (isReadOnlyPath(path)) return [];
    if (typeof value === 'string') return [[path.join('.'), value]];
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, child]) => texts(child, [...path, key]));
}

describe('typography of every text the bot says', () => {
    for (const language of LANGUAGES) {
        const files = readdirSync(join(localesDir, language)).filter((f) => f.endsWith('.json') && !READ_ONLY_FILES.has(f));
        it.each(files)(
            `${language}/%s follows the ${language === 'fr' ? 'OQLF' : 'English'} rules and quotes its figures from the facts`,
            (file) => {
                const data: unknown = JSON.parse(readFileSync(join(localesDir, language, file), 'utf8'));
                const problems = texts(data)
                    .map(([key, text]) => [key, typographyIssues(text, language)] as const)
                    .filter(([, issues]) => issues.length > 0)
                    .map(([key, issues]) => `${key}: ${issues.join('; ')}`);
                expect(problems).toEqual([]);
            },
        );
    }

    it('catches the mistakes it is there for', () => {
        expect(typographyIssues('Source : ok', 'fr')).toContain('a no-break space before ":"');
        expect(typographyIssues('« menu »', 'fr')).toHaveLength(2);
        expect(typographyIssues('Vraiment ?', 'fr')).toHaveLength(1);
        expect(typographyIssues('Merci\u00a0!', 'fr')).toHaveLength(1);
        expect(typographyIssues('Les frais sont de 155 $.', 'fr')).toHaveLength(1);
        expect(typographyIssues('It costs {{fees.workPermit}} since 2024.', 'en')).toEqual([]);
        expect(typographyIssues('Checked on 2026-11-30', 'en')).toHaveLength(1);
        expect(typographyIssues('Il coûte\u00a0: {{fees.workPermit}}, écrivez «\u00a0menu\u00a0»', 'fr')).toEqual([]);
    });
});
