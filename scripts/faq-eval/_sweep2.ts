import { join } from 'node:path';
import { projectRoot } from '../../src/configuration/paths';
import { createTranslator, loadResources } from '../../src/content/i18n';
import { KnowledgeBase } from '../../src/content/knowledgeBase';
import { FaqMatcher } from '../../src/understanding/faq/faqMatcher';
import { Recognizer } from '../../src/understanding/recognizer';
import { loadFrozenItems, recognizerReading, scoreFrozen } from './frozen';

const resources = loadResources();
const t = createTranslator(resources);
const kb = new KnowledgeBase(t);
const frozen = loadFrozenItems(join(projectRoot, 'tests/fixtures/faq-frozen.jsonl'));
const pct = (x: number) => (100 * x).toFixed(1);
const grid = JSON.parse(process.env.GRID ?? '[]') as Record<string, number>[];
for (const opts of grid) {
    const started = Date.now();
    const m = new FaqMatcher(kb, opts);
    const built = Date.now() - started;
    const r = new Recognizer(t, m);
    const rep = scoreFrozen(frozen, recognizerReading(r));
    console.log(
        `${JSON.stringify(opts)} build ${built}ms | ` +
            rep
                .map((x) => `${x.language} in ${pct(x.accuracy)} ref ${pct(x.refusalRate)} wrong ${pct(x.confidentlyWrongRate)}`)
                .join(' | '),
    );
}
