import type { Language } from './languages';

/**
 * The typography rules every text the bot says must follow (the OQLF's for French): a test applies them
 * to the locales. Values put in at run time ({{…}}) are left out; facts are formatted by src/facts.ts.
 */
const RULES: Readonly<Record<Language, readonly [RegExp, string][]>> = {
    fr: [
        [/[^\u00a0\u202f]:(\s|$)/u, 'a no-break space before ":"'],
        [/«(?!\u00a0)/u, 'a no-break space after "«"'],
        [/(?<!\u00a0)»/u, 'a no-break space before "»"'],
        [/[ \u00a0\u202f][?!;]/u, 'no space before "?", "!" or ";" (Quebec usage)'],
        [/"/u, '« » rather than straight quotes'],
        [/'/u, 'the typographic apostrophe ’'],
    ],
    en: [
        [/\s[:;?!]/u, 'no space before punctuation'],
        [/'/u, 'the typographic apostrophe ’'],
    ],
};

/** Figures come from src/facts.ts, never from a text: only years may be written out. */
const WRITTEN_FIGURE = /\d/u;
const YEAR = /\b(19|20)\d{2}\b/gu;
const PLACEHOLDER = /\{\{[^}]*\}\}/gu;

export function typographyIssues(text: string, language: Language): string[] {
    const plain = text.replace(PLACEHOLDER, 'X');
    const issues = RULES[language].filter(([pattern]) => pattern.test(plain)).map(([, rule]) => rule);
    if (WRITTEN_FIGURE.test(plain.replace(YEAR, ''))) issues.push('a figure written in the text instead of a fact from src/facts.ts');
    return issues;
}
