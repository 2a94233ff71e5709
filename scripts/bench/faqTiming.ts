/**
 * FAQ matching time: FaqMatcher over the shipped knowledge base, and over 10,000 synthetic topics (plus the
 * shipped ones) served by a real KnowledgeBase through a translator built from synthetic resources — the same
 * path the bot takes, only the topics differ.
 *
 * Run compiled with `node …/faqTiming.js [syntheticTopics]`; prints one JSON line (FaqTimingResult).
 */
import type { Resource } from 'i18next';
import { createTranslator, loadResources } from '../../src/content/i18n';
import { KnowledgeBase, type TopicContent } from '../../src/content/knowledgeBase';
import { LANGUAGES, type Language } from '../../src/content/languages';
import { FaqMatcher } from '../../src/understanding/faq/faqMatcher';
import { seededRandom } from '../../src/understanding/faq/seededRandom';
import { percentile } from './processes';

/** Real questions (typos included: they exercise the typo correction), both languages. */
const QUERIES: readonly [string, Language][] = [
    ['What is MIFI?', 'en'],
    ['how much are the fees', 'en'],
    ['can my wife work in canada', 'en'],
    ['do i need biometrics', 'en'],
    ['how long is the work permit valid', 'en'],
    ['what documents do I need to prepare', 'en'],
    ['my csq is from the AI pilot program, am I elligible', 'en'],
    ['can I study while on the permit', 'en'],
    ['what happens if my status expires', 'en'],
    ['weather in montreal tomorrow', 'en'],
    ['c’est quoi le CSQ?', 'fr'],
    ['combien coûtent les frais?', 'fr'],
    ['est-ce que mon conjoint peut travailler', 'fr'],
    ['jai pas recu de lettre dinvitation', 'fr'],
    ['combien de temps dure le permis', 'fr'],
    ['quels documents faut-il fournir', 'fr'],
    ['mes enfants peuvent-ils aller a lecole', 'fr'],
    ['je veux faire ma demande en ligne', 'fr'],
    ['biométrie obligatoire?', 'fr'],
    ['quel temps fait-il a quebec', 'fr'],
];

export interface MatcherTiming {
    topics: number;
    samples: number;
    buildMs: number;
    matches: number;
    meanMs: number;
    p50Ms: number;
    p99Ms: number;
}

export interface FaqTimingResult {
    shipped: MatcherTiming;
    synthetic: MatcherTiming;
}

/**
 * Shipped topics plus `count` synthetic ones per language, shaped like the real ones: a label, the real average
 * number of samples, 4–9 words each drawn from the real vocabulary and from made-up words (so the vocabulary,
 * and with it the typo correction's work, grows as a bigger knowledge base would).
 */
function syntheticResources(base: Resource, count: number): Resource {
    const next = seededRandom(7);
    const resources = structuredClone(base);
    for (const language of LANGUAGES) {
        const faq = resources[language].faq as { topics: Record<string, TopicContent> };
        const shipped = Object.values(faq.topics);
        const realWords = [
            ...new Set(
                shipped.flatMap((t) =>
                    t.samples
                        .join(' ')
                        .toLowerCase()
                        .split(/[^\p{L}]+/u),
                ),
            ),
        ].filter((w) => w.length > 2);
        const samplesPerTopic = Math.round(shipped.reduce((n, t) => n + t.samples.length, 0) / shipped.length);
        const syllables = ['ka', 'ro', 'mi', 'tel', 'vos', 'pra', 'den', 'lu', 'sar', 'qui', 'mon', 'tre', 'bal', 'zi'];
        const madeUp = (): string =>
            Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
        const word = (): string => (next() < 0.6 ? realWords[Math.floor(next() * realWords.length)] : madeUp());
        const sentence = (): string => Array.from({ length: 4 + Math.floor(next() * 6) }, word).join(' ');
        for (let i = 0; i < count; i++) {
            faq.topics[`synthetic${i}`] = {
                label: `${madeUp()} ${i}`.slice(0, 20),
                answer: sentence(),
                source: 'program',
                samples: Array.from({ length: samplesPerTopic }, sentence),
            };
        }
    }
    return resources;
}

function timeMatcher(resources: Resource, rounds: number): MatcherTiming {
    const knowledge = new KnowledgeBase(createTranslator(resources));
    const buildStart = performance.now();
    const matcher = new FaqMatcher(knowledge);
    const buildMs = performance.now() - buildStart;
    // Warm up the JIT on a few matches that are not timed.
    for (const [text, language] of QUERIES.slice(0, 5)) matcher.match(text, language);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
        for (const [text, language] of QUERIES) {
            const start = performance.now();
            matcher.match(text, language);
            times.push(performance.now() - start);
        }
    }
    const sorted = Float64Array.from(times).sort();
    const topics = knowledge.topics('en').length;
    const samples = LANGUAGES.reduce((n, language) => n + knowledge.topics(language).reduce((m, t) => m + t.samples.length, 0), 0);
    return {
        topics,
        samples,
        buildMs,
        matches: times.length,
        meanMs: times.reduce((a, b) => a + b, 0) / times.length,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
    };
}

function main(): void {
    const syntheticTopics = Number(process.argv[2] ?? 10_000);
    const shippedRounds = Number(process.argv[3] ?? 100);
    const syntheticRounds = Number(process.argv[4] ?? 5);
    const base = loadResources();
    const result: FaqTimingResult = {
        shipped: timeMatcher(base, shippedRounds),
        synthetic: timeMatcher(syntheticResources(base, syntheticTopics), syntheticRounds),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
