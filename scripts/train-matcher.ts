/**
 * `npm run build`, after the compiler, from the compiled code (dist/scripts/): trains the FAQ classifier and reads the
 * knowledge base's texts into dist/model/, so the built bot, and the package deployed from it, loads both at start
 * instead of spending seconds on them. The texts' readings are keyed by the code that reads them, hence run compiled:
 * the built bot finds the ones made by its own code. `tsx scripts/train-matcher.ts <directory>` does the same for the
 * sources.
 */
import { builtModelDir } from '../src/configuration/paths';
import { createTranslator, loadResources } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { createMatcher } from '../src/understanding/faq/createMatcher';

/** Leaves in `directory` what the bot's own createMatcher looks for (made unless it is already there). */
export function trainAhead(directory: string): void {
    createMatcher(new KnowledgeBase(createTranslator(loadResources())), [directory]);
}

if (require.main === module) trainAhead(process.argv[2] ?? builtModelDir);
