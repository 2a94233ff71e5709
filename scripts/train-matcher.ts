/**
 * `npm run build`, after the compiler: trains the FAQ classifier into dist/model/, so the built bot, and the
 * package deployed from it, reads its model at start instead of training it (seconds on a small instance).
 * `tsx scripts/train-matcher.ts <directory>` trains it into another folder.
 */
import { builtModelDir } from '../src/configuration/paths';
import { createTranslator, loadResources } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { createMatcher } from '../src/understanding/faq/createMatcher';

/** Leaves in `directory` the model the bot's own createMatcher looks for (trained unless it is already there). */
export function trainAhead(directory: string): void {
    createMatcher(new KnowledgeBase(createTranslator(loadResources())), [directory]);
}

if (require.main === module) trainAhead(process.argv[2] ?? builtModelDir);
