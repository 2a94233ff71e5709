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
const exists = (id?: string | null) =>
    id == null ||
    kb.topic('en', id) !== undefined ||
    ['advisor', 'privacy', 'deleteData', 'greeting', 'help', 'thanks', 'goodbye', 'whoAreYou'].includes(id);
const subset = frozen.filter((i) => exists(i.expect) && exists(i.also));
const pct = (x: number) => (100 * x).toFixed(1);
for (const charWeight of (process.env.CW ?? '0,0.2,0.3,0.4').split(',').map(Number))
    for (const minScore of (process.env.MS ?? '0.42').split(',').map(Number)) {
        const m = new FaqMatcher(kb, { charWeight, minScore });
        const r = new Recognizer(t, m);
        const rep = scoreFrozen(subset, recognizerReading(r));
        console.log(
            `cw ${charWeight} min ${minScore} | ` +
                rep
                    .map((x) => `${x.language} in ${pct(x.accuracy)} ref ${pct(x.refusalRate)} wrong ${pct(x.confidentlyWrongRate)}`)
                    .join(' | ') +
                ` (n=${subset.length})`,
        );
    }
