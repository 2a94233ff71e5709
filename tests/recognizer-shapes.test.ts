import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrozenItems } from '../scripts/faq-eval/frozen';
import { projectRoot } from '../src/configuration/paths';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { FaqMatcher } from '../src/understanding/faq/faqMatcher';
import { Recognizer } from '../src/understanding/recognizer';

/** Every so many tuning messages: enough kinds of message to reach each rule, few enough to stay quick. */
const EVERY = 80;

/** The ways people wrap a question: a detail in brackets before or after, spaces, line breaks, capitals, an emoji. */
const SHAPES: readonly ((text: string) => string)[] = [
    (text) => `(UCI 1109-4472) ${text}`,
    (text) => `${text} (dossier W301122334)`,
    (text) => `  ${text}  `,
    (text) => `(${text})`,
    (text) => `- ${text}`,
    (text) => text.replace('. ', '.\n\n'),
    (text) => text.toUpperCase(),
    (text) => text.replace(/[?.!]/gu, ''),
    (text) => `${text} 😊`,
];

describe('the recognizer, whatever shape a message comes in', () => {
    it('reads every tuning message in every shape, without a rule calling itself for ever', () => {
        const translator = createTranslator();
        const recognizer = new Recognizer(translator, new FaqMatcher(new KnowledgeBase(translator)));
        const rounds = loadFrozenItems(join(projectRoot, 'tests/fixtures/faq-rounds.jsonl')).filter((_, i) => i % EVERY === 0);
        const failures: string[] = [];
        for (const item of rounds)
            for (const shape of SHAPES) {
                const text = shape(item.text);
                try {
                    recognizer.understand(text, item.lang);
                } catch (error) {
                    failures.push(`${JSON.stringify(text)}: ${String(error)}`);
                }
            }
        expect(rounds.length).toBeGreaterThan(100);
        expect(failures.slice(0, 5)).toEqual([]);
    });
});
