/**
 * npm run eval:faq                 → the runtime matcher (FaqMatcher) on the evaluation set and the holdout set
 * npm run eval:faq -- --cv-misses  → also lists the cross-validation misses, grouped by topic, weakest first
 * npm run eval:faq -- --frozen-misses → also lists the frozen set's misses (never show them to whoever writes samples)
 * npm run eval:faq -- --probe-misses → also lists the probe set's and the tuning rounds' misses (development sets: tune on them freely)
 * npm run eval:faq -- --seeds 4    → also reads the frozen and probe sets with classifiers trained in 4 orders (seeds
 *                                    7, 8, …): how much of a change retraining alone makes
 * npm run eval:faq -- --compare    → also compares ranking approaches (FaqMatcher, MiniSearch ×2, NLP.js) under the
 *                                    same decision rules, each with its best thresholds from the same small grid
 *
 * Exit code 1 when the runtime matcher misses a target on the evaluation set.
 */
import { join } from 'node:path';
import { projectRoot } from '../../src/configuration/paths';
import { createTranslator, loadResources, type Translator } from '../../src/content/i18n';
import { KnowledgeBase } from '../../src/content/knowledgeBase';
import { LANGUAGES, type Language } from '../../src/content/languages';
import { DEFAULT_OPTIONS, FaqMatcher } from '../../src/understanding/faq/faqMatcher';
import type { DecisionThresholds, RankedTopic } from '../../src/understanding/faq/outcome';
import { replyLanguage } from '../../src/understanding/languageDetection';
import { Recognizer } from '../../src/understanding/recognizer';
import { fold } from '../../src/understanding/text';
import { crossValidate, crossValidateRecognizer } from './crossValidation';
import { type EvalItem, evaluate, type LanguageReport, loadEvalItems } from './evaluation';
import { type FrozenItem, type FrozenReport, loadFrozenItems, missKinds, recognizerReading, scoreFrozen } from './frozen';
import { MiniSearchRanker } from './miniSearchRanker';
import { RankingMatcher } from './rankingMatcher';

const TARGETS = { inScopeAccuracy: 0.97, refusalRate: 0.9, confidentlyWrongRate: 0.02, languageGap: 0.02 };
/** The targets on the frozen set (issue "Understanding people"). */
const FROZEN_TARGETS = { inScopeAccuracy: 0.97, refusalRate: 0.9, confidentlyWrongRate: 0.01, languageGap: 0.02 };

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function printReports(title: string, reports: readonly LanguageReport[], showMisses: boolean): void {
    console.log(`\n=== ${title} ===`);
    for (const r of reports) {
        console.log(
            `${r.language.toUpperCase()}  in-scope ${percent(r.inScopeAccuracy)} (${r.inScopeCredit}/${r.inScopeCount})` +
                `  out-of-scope refused ${percent(r.refusalRate)} (${r.refused}/${r.outOfScopeCount})` +
                `  confidently wrong ${percent(r.confidentlyWrongRate)} (${r.confidentlyWrong})` +
                `  reply in wrong language ${r.wrongReplyLanguage}`,
        );
        if (!showMisses) continue;
        for (const miss of r.misses) {
            console.log(`    ${JSON.stringify(miss.item.text)}  expected ${miss.item.expect ?? 'refusal'}  got ${miss.got}`);
        }
    }
}

/** Cross-validation misses grouped by the expected topic, weakest topic first (for whoever writes samples). */
function printMissesByTopic(reports: readonly LanguageReport[]): void {
    console.log('\n=== Cross-validation misses by topic ===');
    for (const r of reports) {
        const byTopic = new Map<string, LanguageReport['misses']>();
        for (const miss of r.misses) {
            const topic = miss.item.expect ?? 'refusal';
            byTopic.set(topic, [...(byTopic.get(topic) ?? []), miss]);
        }
        const ordered = [...byTopic.entries()].sort((a, b) => b[1].length - a[1].length);
        for (const [topic, misses] of ordered) {
            console.log(`${r.language.toUpperCase()} ${topic}: ${misses.length} missed`);
            for (const miss of misses) console.log(`    ${JSON.stringify(miss.item.text)}  got ${miss.got}`);
        }
    }
}

function targetFailures(reports: readonly LanguageReport[]): string[] {
    const failures: string[] = [];
    for (const r of reports) {
        if (r.inScopeAccuracy < TARGETS.inScopeAccuracy) failures.push(`${r.language} in-scope ${percent(r.inScopeAccuracy)}`);
        if (r.refusalRate < TARGETS.refusalRate) failures.push(`${r.language} refusal ${percent(r.refusalRate)}`);
        if (r.confidentlyWrongRate > TARGETS.confidentlyWrongRate) {
            failures.push(`${r.language} confidently wrong ${percent(r.confidentlyWrongRate)}`);
        }
    }
    const [en, fr] = reports;
    if (en !== undefined && fr !== undefined && en.inScopeAccuracy - fr.inScopeAccuracy > TARGETS.languageGap) {
        failures.push(`French ${percent(en.inScopeAccuracy - fr.inScopeAccuracy)} behind English`);
    }
    return failures;
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

type Ranker = (text: string, language: Language) => Promise<readonly RankedTopic[]> | readonly RankedTopic[];

interface NlpjsClassification {
    intent: string;
    score: number;
}
interface NlpjsNlp {
    settings: Record<string, unknown>;
    addLanguage(language: string): void;
    addDocument(language: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(language: string, utterance: string): Promise<{ classifications?: NlpjsClassification[] }>;
}
interface NlpjsContainer {
    use(plugin: unknown): void;
    get(name: 'nlp'): NlpjsNlp;
}

/** NLP.js (devDependency, comparison only): its Nlp class trains one NluManager neural classifier per language. */
async function nlpjsRanker(knowledgeBase: KnowledgeBase): Promise<Ranker> {
    // NLP.js ships no type declarations; the few members used are typed above.
    const basic = require('@nlpjs/basic') as {
        containerBootstrap(): Promise<NlpjsContainer>;
        Nlp: unknown;
        LangEn: unknown;
    };
    const { LangFr } = require('@nlpjs/lang-fr') as { LangFr: unknown };
    const container = await basic.containerBootstrap();
    container.use(basic.Nlp);
    container.use(basic.LangEn);
    container.use(LangFr);
    const nlp = container.get('nlp');
    nlp.settings.autoSave = false;
    nlp.settings.nlu = { log: false };
    for (const language of LANGUAGES) {
        nlp.addLanguage(language);
        for (const topic of knowledgeBase.topics(language)) {
            for (const sample of [topic.label, ...topic.samples]) nlp.addDocument(language, sample, topic.id);
        }
    }
    const log = console.log;
    console.log = (): void => undefined; // NLP.js prints every training epoch.
    try {
        await nlp.train();
    } finally {
        console.log = log;
    }
    return async (text, language) => {
        const result = await nlp.process(language, text);
        return (result.classifications ?? [])
            .filter((c) => c.intent !== 'None' && c.score > 0)
            .map((c) => ({ id: c.intent, score: c.score }));
    };
}

/** Rankings are computed once per question; thresholds are then tried on the cached rankings. */
async function cacheRankings(ranker: Ranker, items: readonly EvalItem[]): Promise<Map<string, readonly RankedTopic[]>> {
    const cache = new Map<string, readonly RankedTopic[]>();
    for (const item of items) {
        const language = replyLanguage(item.text, item.lang);
        cache.set(`${language}\u0000${item.text}`, await ranker(item.text, language));
    }
    return cache;
}

interface ComparisonRow {
    approach: string;
    thresholds: DecisionThresholds;
    reports: LanguageReport[];
    holdout: LanguageReport[];
}

function isBetter(candidate: readonly number[], current: readonly number[]): boolean {
    for (let i = 0; i < candidate.length; i++) {
        if (candidate[i] !== current[i]) return (candidate[i] ?? 0) > (current[i] ?? 0);
    }
    return false;
}

/** Best thresholds: targets for refusal and confident errors met if possible, then the best weaker language. */
function bestThresholds(
    knowledgeBase: KnowledgeBase,
    cache: Map<string, readonly RankedTopic[]>,
    items: readonly EvalItem[],
    grid: readonly number[],
): { thresholds: DecisionThresholds; reports: LanguageReport[] } {
    let best: { thresholds: DecisionThresholds; reports: LanguageReport[]; key: number[] } | undefined;
    for (const minScore of grid) {
        for (const minLead of [0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.3]) {
            const thresholds = { minScore, minLead };
            const reports = evaluate(cachedMatcher(knowledgeBase, cache, thresholds), knowledgeBase, items);
            const meetsSafety = reports.every(
                (r) => r.refusalRate >= TARGETS.refusalRate && r.confidentlyWrongRate <= TARGETS.confidentlyWrongRate,
            );
            const worstAccuracy = Math.min(...reports.map((r) => r.inScopeAccuracy));
            const worstRefusal = Math.min(...reports.map((r) => r.refusalRate));
            // Lexicographic: safety targets met, then accuracy of the weaker language, then refusals.
            const key = [meetsSafety ? 1 : 0, worstAccuracy, worstRefusal];
            if (best === undefined || isBetter(key, best.key)) best = { thresholds, reports, key };
        }
    }
    if (best === undefined) throw new Error('empty threshold grid');
    return best;
}

function cachedMatcher(
    knowledgeBase: KnowledgeBase,
    cache: Map<string, readonly RankedTopic[]>,
    thresholds: DecisionThresholds,
): RankingMatcher {
    return new RankingMatcher(knowledgeBase, (text, language) => cache.get(`${language}\u0000${text}`) ?? [], thresholds);
}

async function compare(knowledgeBase: KnowledgeBase, items: EvalItem[], holdout: EvalItem[]): Promise<void> {
    const runtime = new FaqMatcher(knowledgeBase);
    const miniPlain = new MiniSearchRanker(knowledgeBase, 'plain');
    const miniAnalyzed = new MiniSearchRanker(knowledgeBase, 'analyzed');
    const approaches: { name: string; ranker: Ranker; grid: number[] }[] = [
        { name: 'FaqMatcher similarity alone: TF-IDF cosine + lexicon', ranker: (t) => runtime.rank(t), grid: range(0.2, 0.6, 0.02) },
        { name: 'MiniSearch BM25, fuzzy 0.2 + prefix', ranker: (t) => miniPlain.rank(t), grid: range(0.5, 8, 0.25) },
        { name: 'MiniSearch BM25 + our analyzer', ranker: (t) => miniAnalyzed.rank(t), grid: range(0.5, 8, 0.25) },
        { name: 'NLP.js Nlp/NluManager (neural)', ranker: await nlpjsRanker(knowledgeBase), grid: range(0.3, 0.98, 0.04) },
    ];
    const rows: ComparisonRow[] = [];
    for (const approach of approaches) {
        const started = process.hrtime.bigint();
        const cache = await cacheRankings(approach.ranker, [...items, ...holdout]);
        const perQuestionMs = Number(process.hrtime.bigint() - started) / 1e6 / (items.length + holdout.length);
        const { thresholds, reports } = bestThresholds(knowledgeBase, cache, items, approach.grid);
        const holdoutReports = evaluate(cachedMatcher(knowledgeBase, cache, thresholds), knowledgeBase, holdout);
        rows.push({ approach: `${approach.name} (${perQuestionMs.toFixed(2)} ms/question)`, thresholds, reports, holdout: holdoutReports });
    }
    console.log('\n=== Comparison (evaluation set; holdout in the last columns) ===\n');
    console.log(
        '| Approach | thresholds | EN in-scope | FR in-scope | EN refused | FR refused | confidently wrong EN/FR | holdout in-scope EN/FR | holdout refused EN/FR |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
        const [en, fr] = row.reports as [LanguageReport, LanguageReport];
        const [hen, hfr] = row.holdout as [LanguageReport, LanguageReport];
        console.log(
            `| ${row.approach} | min ${row.thresholds.minScore.toFixed(2)}, lead ${row.thresholds.minLead} | ` +
                `${percent(en.inScopeAccuracy)} | ${percent(fr.inScopeAccuracy)} | ${percent(en.refusalRate)} | ${percent(fr.refusalRate)} | ` +
                `${percent(en.confidentlyWrongRate)} / ${percent(fr.confidentlyWrongRate)} | ` +
                `${percent(hen.inScopeAccuracy)} / ${percent(hfr.inScopeAccuracy)} | ${percent(hen.refusalRate)} / ${percent(hfr.refusalRate)} |`,
        );
    }
}

function range(from: number, to: number, step: number): number[] {
    const values: number[] = [];
    for (let value = from; value <= to + 1e-9; value += step) values.push(Math.round(value * 100) / 100);
    return values;
}

/** A text as samples and messages are compared: folded, no punctuation, single spaces. */
function sampleKey(text: string): string {
    return fold(text)
        .replace(/[^\p{L}\p{N}+ ]/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
}

function frozenLine(r: FrozenReport): string {
    return (
        `${r.language.toUpperCase()}  in-scope ${percent(r.accuracy)} (${r.credit}/${r.inScope})` +
        `  out-of-scope refused ${percent(r.refusalRate)} (${r.refused}/${r.outOfScope})` +
        `  confidently wrong ${percent(r.confidentlyWrongRate)} (${r.confidentlyWrong})`
    );
}

function printFrozenLines(reports: readonly FrozenReport[]): void {
    for (const r of reports) console.log(frozenLine(r));
}

const expected = (item: FrozenItem): string => [item.expect ?? 'refusal', ...(item.also ? [item.also] : [])].join(' + ');

function printFrozen(reports: readonly FrozenReport[], showMisses: boolean): void {
    console.log(`\n=== Frozen set (${reports.reduce((n, r) => n + r.inScope + r.outOfScope, 0)} messages, never used for tuning) ===`);
    for (const r of reports) {
        console.log(frozenLine(r));
        if (!showMisses) continue;
        for (const miss of r.misses) {
            console.log(`    ${JSON.stringify(miss.item.text)}  expected ${expected(miss.item)}  got ${miss.got}`);
        }
    }
}

/**
 * The sets read by matchers whose classifiers learned the same samples in other orders: the spread is the noise that
 * retraining alone makes, under which a change of the content has not been measured.
 */
function printSeedSpread(
    translator: Translator,
    knowledgeBase: KnowledgeBase,
    sets: Readonly<Record<string, readonly FrozenItem[]>>,
    seeds: number,
): void {
    console.log(
        `\n=== Over ${seeds} training seeds (${DEFAULT_OPTIONS.classifierSeed}, the shipped one, and the next ones): mean (least – most) ===`,
    );
    const runs = Array.from({ length: seeds }, (_, i) => {
        const matcher = new FaqMatcher(knowledgeBase, { classifierSeed: DEFAULT_OPTIONS.classifierSeed + i });
        const reading = recognizerReading(new Recognizer(translator, matcher));
        return Object.fromEntries(Object.entries(sets).map(([name, items]) => [name, scoreFrozen(items, reading)]));
    });
    const spread = (values: number[], digits: number): string =>
        `${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(digits)} (${Math.min(...values)} – ${Math.max(...values)})`;
    for (const name of Object.keys(sets))
        for (const language of LANGUAGES) {
            const reports = runs.map((run) => run[name]?.find((r) => r.language === language)).filter((r) => r !== undefined);
            console.log(
                `${name} ${language.toUpperCase()}  in scope ${spread(
                    reports.map((r) => r.credit),
                    2,
                )} of ${reports[0]?.inScope}  refused ${spread(
                    reports.map((r) => r.refused),
                    2,
                )} of ${reports[0]?.outOfScope}  confidently wrong ${spread(
                    reports.map((r) => r.confidentlyWrong),
                    2,
                )}`,
            );
        }
}

function frozenFailures(reports: readonly FrozenReport[]): string[] {
    const failures: string[] = [];
    for (const r of reports) {
        if (r.accuracy < FROZEN_TARGETS.inScopeAccuracy) failures.push(`${r.language} in-scope ${percent(r.accuracy)}`);
        if (r.refusalRate < FROZEN_TARGETS.refusalRate) failures.push(`${r.language} refusal ${percent(r.refusalRate)}`);
        if (r.confidentlyWrongRate > FROZEN_TARGETS.confidentlyWrongRate)
            failures.push(`${r.language} confidently wrong ${percent(r.confidentlyWrongRate)}`);
    }
    const [en, fr] = reports;
    if (en && fr && Math.abs(en.accuracy - fr.accuracy) > FROZEN_TARGETS.languageGap)
        failures.push(`French and English ${percent(Math.abs(en.accuracy - fr.accuracy))} apart`);
    return failures;
}

async function main(): Promise<void> {
    const resources = loadResources();
    const translator = createTranslator(resources);
    const knowledgeBase = new KnowledgeBase(translator);
    const items = loadEvalItems(join(projectRoot, 'tests/fixtures/faq-eval.jsonl'));
    const holdout = loadEvalItems(join(projectRoot, 'tests/fixtures/faq-eval-holdout.jsonl'));
    const frozen = loadFrozenItems(join(projectRoot, 'tests/fixtures/faq-frozen.jsonl'));
    const matcher = new FaqMatcher(knowledgeBase);
    const recognizer = new Recognizer(translator, matcher);
    console.log(`FaqMatcher, thresholds ${JSON.stringify(DEFAULT_OPTIONS)}`);

    const frozenReports = scoreFrozen(frozen, recognizerReading(recognizer));
    // Its misses are printed only on request: whoever writes samples must not see the frozen questions.
    printFrozen(frozenReports, process.argv.includes('--frozen-misses'));
    // Some frozen messages are word for word a sample (small talk, commands, older copies): scored apart too, so
    // that they cannot flatter the figure. Counted only: their text is never printed.
    const samples = new Set(LANGUAGES.flatMap((l) => knowledgeBase.topics(l).flatMap((t) => [t.label, ...t.samples])).map(sampleKey));
    const unseen = frozen.filter((item) => !samples.has(sampleKey(item.text)));
    console.log(`Without the ${frozen.length - unseen.length} messages equal to a sample (${unseen.length} left):`);
    printFrozenLines(scoreFrozen(unseen, recognizerReading(recognizer)));
    console.log('Misses by kind (counted only):');
    for (const [language, kinds] of missKinds(frozen, recognizerReading(recognizer))) {
        const counts = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`);
        console.log(`${language.toUpperCase()}  ${counts.join(', ')}`);
    }

    const probes = loadFrozenItems(join(projectRoot, 'tests/fixtures/faq-probes.jsonl'));
    console.log(
        `\n=== Probe set (${probes.length} messages by writers who saw neither the samples nor the frozen set; used for tuning) ===`,
    );
    const probeReports = scoreFrozen(probes, recognizerReading(recognizer));
    for (const r of probeReports) {
        console.log(frozenLine(r));
        if (process.argv.includes('--probe-misses'))
            for (const miss of r.misses)
                console.log(`    ${JSON.stringify(miss.item.text)}  expected ${expected(miss.item)}  got ${miss.got}`);
    }

    // Later rounds for tuning, by writers who saw neither the samples nor the frozen set, each on its own brief.
    const rounds = loadFrozenItems(join(projectRoot, 'tests/fixtures/faq-rounds.jsonl'));
    console.log(
        `\n=== Tuning rounds (${rounds.length} messages: people who describe, tell a story, ask two things; close topics; staff asking for a client; newcomers, second languages; hard situations, search-box queries; quoted letters and posts, people by trade; the firm's staff in Teams, Messenger chat; a precise step of the file, second languages mixed; for someone else or an employer, programs compared; near misses in IMP+ words, jargon and forum posts; dictated and thumb-typed, people under stress; rumours to check, search-box fragments and long stories; negations and conditions, numbers and dates; orders and needs, pointers to pages and forms; the stage of one's file, anger and suspicion; a topic named in passing, formal letters and assumptions; forum shorthand, comparisons with someone one knows, older writers and emoji; follow-ups and second-language English, autocorrect and staff shorthand, spoken Quebec French, formal politeness and thanks that name a topic; beliefs to confirm and self-corrections, remarks about the assistant and messages in a hurry, administrative French from Europe and texting shorthand; personal details pasted in and the country one writes from, why questions and lives that just changed, French from Africa and the Maghreb; the next step and plainer words, English from South Asia, the Philippines and Nigeria, deadlines, Haitian French, Quebec anglicisms; students and parents already in Quebec, English after Spanish, Portuguese, Chinese or Korean, casual young writers, Belgian and Swiss French, French after Spanish or Portuguese; chat written like an email, American and British English, workers in health care, farms and trucking, short yes-or-no checks, young French from France; freelancers and business owners, people who think in American, Australian or British immigration words, HR and relocation words, holders of the permit asking what comes next, Quebec's regions, Acadia and Franco-Ontario; researchers and postdocs, claims from an AI chatbot or a video to check, couples writing as "we", restaurant, hotel, retail and warehouse workers; construction and trades, questions written as lists, tech and video-game workers, what the IRCC portal or a letter shows, French from Lebanon and the Middle East, daycare educators and teachers; paralegals and consultants who write in codes, questions in a template, people in another province on another permit, hypotheticals, French from Eastern Europe, run-on messages, people in the middle of a move, single parents and blended families; people in the United States on US visas, pasted emails and checklists, spelling by ear, artists and athletes, adult children writing for a parent, Quebec spouses writing for a partner abroad, trick questions and irony; health workers and voice dictation, English as a second language and people angry after a delay, words from France, Belgium and Switzerland, formal letters from Africa and the Maghreb, Quebec graduates comparing with the PEQ; acronyms mixed up and hedged politeness, young adults of a CSQ holder and worries about one's past, Montreal franglais and closed-permit workers, working holidaymakers and common-law partners, capitals and no spaces; regulated professions and their orders, parents of small children, slang and people short of money, familiar Quebec French with swears, readers of the firm's ads; gig and delivery workers, people separating or getting back together, people poking at the chat itself, couples marrying or expecting a baby, people writing after a refusal; English through a translation app, people with a chronic illness or a disability, parents of teenagers, people quoting legal words, parents writing for an adult child, French from the Antilles, Réunion and Polynesia, from Central and West Africa, people counting the days; people quoting the assistant or an official page, tourists already in Quebec, people under special measures, aerospace and engineering workers, adults learning French, people coming back to the chat, French from Madagascar, Mauritius and the Seychelles, churches and community groups; seasonal workers in the Gaspé and the Magdalen Islands, people restating their question, professionals trained abroad, people writing late at night, French from Vietnam, Cambodia and Laos, miners in Abitibi and the North, parents and grandparents to bring over, same-sex couples and blended families; college advisors writing for a graduate, signatures and thanks in advance, food-processing workers in the Beauce, months and seasons, plant and sawmill workers in Saguenay–Lac-Saint-Jean, whole families writing as "we", friends writing for someone who speaks no French, office staff helping an employee; taxi and bus drivers, asides in brackets and dashes, night cleaners and security guards, apologies before the question, forestry workers and truckers on the North Shore, graduates of vocational programs; airport and airline workers, people who take the assistant for a person, call-centre agents, program names misspelled, municipal blue-collar workers, the assistant addressed as tu and vous, pharmacy and grocery clerks in the Eastern Townships, what a word means; dental, lab and pharmacy technicians, run-on sentences with two questions inside, veterinary and kennel workers, heavy typos, bakers and butchers in Quebec City and Lévis, French without accents or apostrophes, care aides in seniors' residences, two questions in one unpunctuated sentence; hairdressers and estheticians, filler words, landscapers and snow-removal workers, a thing named and then called "it", garage mechanics in Sherbrooke and Drummondville, « ça » and « le » for a thing named before, convenience-store and gas-station clerks, Quebec filler words; bank tellers and insurance brokers, tag questions with a second thought, home-care workers and nannies, greeting, question and sign-off on three lines, outfitters, campgrounds and ski hills in the Laurentians, numbers and symbols for words, fishers and fish-plant workers in Rimouski and Matane, « petite question » that turns into two; plumbers, electricians and HVAC technicians, guesses to be corrected, plant workers in Granby and Saint-Hyacinthe, the question in the middle of the message, greenhouse, nursery and orchard workers, conditional and negative questions, slaughterhouse and dairy-farm workers, messages that go on from « Pis », « Fait que », « Mais », movers and delivery crews, people who answer part of their own question, textile and furniture plant workers, people who list their facts and ask where they stand, building cleaners and caretakers, questions restated at the end, cinema, theatre and festival staff, questions asked without a question mark; port, rail and shipping workers, impersonal questions, accountants, bookkeepers and payroll clerks, follow-ups with "what about" and « pis si », pulp-and-paper and sawmill workers in the Mauricie, translators, interpreters and language teachers, questions that offer their possible answers, wind-farm, hydro and power-line technicians, social and community workers, gym, pool and recreation staff, grumbles about another office; truckers and bus drivers writing in bursts, researchers who half remember a rule, farm and greenhouse workers in phonetic Quebec French, nurses' aides and clinic staff checking what they were told, cooks and servers with dates and numbers, developers and IT staff asking "or", daycare educators and school-bus drivers telling a story first, newcomers from France, Belgium and Switzerland in European words, hotel staff told about IMP+ by someone, nurses and orderlies who tell their whole file first, construction workers asking money and time bluntly, families who describe the program in their own words, warehouse and delivery workers mixing a complaint with the question, HR coordinators and paralegals asking for a candidate, grocery staff in the Lower St. Lawrence and the Gaspé, French as a second language from Latin America and the Maghreb, restaurant cooks and servers typing on a phone, graduates and postdocs who check what they read, care aides in CHSLDs in familiar Quebec French, French from Belgium, Switzerland and West Africa in formal turns, truck drivers and mechanics writing bluntly, developers and analysts in precise second-language English, farm hands in spoken Quebec French and their employers, careful French from Haiti, Lebanon and Morocco, retail and fast-food staff from the Philippines, Jamaica and Kenya, corporate English from transferees and their HR, hotel and kitchen staff in casual Quebec French with anglicisms, students and young graduates from France, Tunisia and Senegal and their parents, night-shift support workers, cleaners and guards from Ghana, Pakistan and Haiti, settlement counsellors and consultants’ assistants in third person, construction workers in swear-laden Quebec French, francisation students from Colombia, Venezuela, Peru and Brazil, couples writing as "we" around a lease, a birth or a school year, CSQ holders still abroad in Mexico, Morocco, India, France and the Philippines, retirees and parents writing for an adult child or an in-law, young workers from France, Belgium and Reunion on a working holiday or a closed permit, meat-packing and food-plant workers in English as a third language, anglophone friends, partners and landlords asking for someone with a CSQ, daycare and school staff with « Et si… » follow-ups, professionals from Algeria, Tunisia, Lebanon and Egypt asking with conditions; seasonal resort workers texting in slang, firm staff in shorthand, phonetic Quebec French from sawmills and sites, students from France and West Africa and their parents, nurses and care workers writing long Indian, Nigerian and Filipino English, relatives abroad on Messenger, small employers asking about an employee, anxious newcomers from Haiti, the Congo, Madagascar and Belgium, tech workers in compact technical English, students on a study permit or PGWP in chat English, French from France on a PVT or a closed permit, settlement counsellors writing for a client, parents writing formally for an adult child, site and warehouse workers typing fast on a break, Quebec-born partners and in-laws in joual, careful second-language French from graduates near Ottawa; cooks, bakers and butchers in Quebec City and Lévis between shifts, spouses at home with young children unsure of the words, retired volunteers writing for a newcomer they help, young workers from Réunion, the Antilles and Cameroon in the Lower St. Lawrence, the Gaspé and the North Shore in SMS French, new parents on leave writing between feedings, farm workers and truckers dictating by voice, students finishing a DEC or a degree in texting French, small-business owners in Beauce and Lac-Saint-Jean asking for an employee, readers of the official pages from the UK, Ireland, South Africa and Australia checking one detail, teenagers and young adults of a CSQ holder on Messenger, long formal paragraphs from Switzerland, Luxembourg, the Eastern Townships and New Brunswick, people venting after a long wait or a refusal; fish-plant workers, word-for-word translators, remote-camp workers, phonetic writers, home caregivers, people quoting an email, commuters across a provincial line, lunch-break keywords, parents writing for an adult child with a CSQ, shift tradespeople on the North Shore and in Abitibi, refugees and Haitian and Congolese families, busy parents writing in bursts, business English from Hong Kong, Singapore and Malaysia, young West and East Africans on Messenger, farm and plant workers from Central America in simple French, administrative French from France and Belgium, night-shift nurses and support workers, numbered lists and follow-ups written in full, young Maghrebi and Ivorian adults in texting French, small employers in Saguenay, Beauce and Estrie; Iranian, Brazilian and Turkish tech workers, voice-dictated messages from South Asia, foreign graduates of Quebec universities, spouses writing for the CSQ holder; Ukrainians who came on the CUAET, HR coordinators and paralegals of large employers in Teams, formal French from Central and West Africa, Quebecers writing in joual for a friend; Nigerian and Ghanaian accountants in formal English, Mexican and Colombian engineers on Messenger, relocation managers in Teams, gamers and streamers in slang, spouses on a dependant's visa in the US or the UK, people correcting themselves mid-message, French from France in Ontario and New Brunswick, Quebecers writing for an immigrant colleague, Algerian and Moroccan students texting without accents, Haitians mixing in Creole, Senegalese and Ivorians on Messenger, Quebec accountants, notaries and lawyers in formal French; Filipino nurses and caregivers with Tagalog words, Iranian and Turkish engineers in formal English, working holidaymakers in Whistler and Banff, parents in their sixties writing for an adult child, HR assistants of small Quebec businesses, voice dictation with wrong homophones, Belgians and Swiss in Quebec City and Sherbrooke, Lebanese and Tunisians mixing Arabic or English words, Acadians in chiac, Cameroonians and Congolese on Messenger, older Quebecers writing for a child without punctuation, French dictated by voice) ===`,
    );
    for (const r of scoreFrozen(rounds, recognizerReading(recognizer))) {
        console.log(frozenLine(r));
        if (process.argv.includes('--probe-misses'))
            for (const miss of r.misses)
                console.log(`    ${JSON.stringify(miss.item.text)}  expected ${expected(miss.item)}  got ${miss.got}`);
    }

    const seeds = Number(process.argv[process.argv.indexOf('--seeds') + 1]);
    if (process.argv.includes('--seeds') && seeds > 1) printSeedSpread(translator, knowledgeBase, { frozen, probes, rounds }, seeds);

    printReports(
        'Cross-validation over the samples (10 folds: each sample scored with its own phrasing held out)',
        crossValidate(resources),
        false,
    );
    console.log('Through the whole recognizer, as the bot reads a message (scored as the frozen set):');
    printFrozenLines(crossValidateRecognizer(resources));
    if (process.argv.includes('--cv-misses')) printMissesByTopic(crossValidate(resources));
    const reports = evaluate(matcher, knowledgeBase, items);
    printReports(`Development set (${items.length} questions, used for tuning)`, reports, process.argv.includes('--dev-misses'));
    printReports(`Holdout set (${holdout.length} questions)`, evaluate(matcher, knowledgeBase, holdout), true);
    if (process.argv.includes('--compare')) await compare(knowledgeBase, items, holdout);
    const failures = [
        ...frozenFailures(frozenReports).map((f) => `frozen ${f}`),
        ...targetFailures(reports).map((f) => `development ${f}`),
    ];
    console.log(failures.length === 0 ? '\nAll targets met.' : `\nTargets missed: ${failures.join('; ')}`);
    process.exitCode = failures.length === 0 ? 0 : 1;
}

void main();
