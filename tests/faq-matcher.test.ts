import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { LANGUAGES, type Language } from '../src/content/languages';
import { TextAnalyzer } from '../src/understanding/faq/analyzer';
import { boundedEditDistance } from '../src/understanding/faq/editDistance';
import { FaqMatcher } from '../src/understanding/faq/faqMatcher';
import type { MatchOutcome } from '../src/understanding/faq/matcher';
import { decide } from '../src/understanding/faq/outcome';
import { detectLanguage, replyLanguage } from '../src/understanding/languageDetection';
import { words } from '../src/understanding/text';

const kb = new KnowledgeBase(createTranslator());
const matcher = new FaqMatcher(kb);

function confidentTopic(outcome: MatchOutcome): { id: string; language: Language } | undefined {
    return outcome.kind === 'confident' ? { id: outcome.topic.id, language: outcome.topic.language } : undefined;
}

describe('FaqMatcher', () => {
    it('returns every label, in either language, confidently as its own topic', () => {
        for (const language of LANGUAGES) {
            for (const topic of kb.topics(language)) {
                // A label written the same in both languages ("OK") answers in the conversation's language.
                const shared = LANGUAGES.every((other) => kb.topic(other, topic.id)?.label === topic.label);
                for (const conversation of LANGUAGES) {
                    const outcome = matcher.match(topic.label, conversation);
                    expect(confidentTopic(outcome), `${language} label "${topic.label}"`).toEqual({
                        id: topic.id,
                        language: shared ? conversation : language,
                    });
                }
                expect(confidentTopic(matcher.match(` ${topic.label.toUpperCase()} `, language))?.id).toBe(topic.id);
            }
        }
    });

    it('returns a message that is word for word one sample as that sample’s topic, even with no word it keeps', () => {
        expect(confidentTopic(matcher.match('Got it!', 'en'))).toEqual({ id: 'acknowledgement', language: 'en' });
        const topicsOf = new Map<string, Set<string>>();
        const key = (text: string) => words(text).join(' ');
        for (const language of LANGUAGES)
            for (const topic of kb.topics(language))
                for (const text of [topic.label, ...topic.samples])
                    topicsOf.set(key(text), (topicsOf.get(key(text)) ?? new Set()).add(topic.id));
        for (const language of LANGUAGES) {
            for (const topic of kb.topics(language)) {
                for (const text of topic.samples.filter((sample) => key(sample) !== '' && topicsOf.get(key(sample))?.size === 1)) {
                    const outcome = matcher.match(text, language);
                    expect(outcome.kind === 'confident' ? outcome.topic.id : outcome.kind, `${language} "${text}"`).toBe(topic.id);
                }
            }
            for (const text of kb.offTopicSamples(language).filter((sample) => !topicsOf.has(key(sample))))
                expect(matcher.match(text, language), `${language} "${text}"`).toMatchObject({ kind: 'none', offTopic: true });
        }
    });

    it.each([
        ['what is IMP plus', 'en', 'what-is-imp'],
        ['c’est quoi le PMI plus', 'fr', 'what-is-imp'],
        ['can my husband work', 'en', 'spouse-work'],
        ['est-ce que mon épouse peut travailler', 'fr', 'spouse-work'],
        ['ma blonde peut-tu travailler', 'fr', 'spouse-work'],
        ['which certificat de sélection programs count for IMP+', 'en', 'criteria-csq'],
        ['what is the quebec selection certificate', 'en', 'what-is-csq'],
    ] as const)('understands synonyms: %s', (text, language, expected) => {
        expect(confidentTopic(matcher.match(text, language))?.id).toBe(expected);
    });

    it('ranks first the program’s status for "are they still giving it", not what IMP+ is', () => {
        const text = 'ARE THEY STILL GIVING THE IMP+ PERMITS. SOMEONE IN MY WHATSAPP GROUP SAID ITS FINISHED';
        expect(matcher.rank(text)[0]?.id).toBe('program-status');
        expect(confidentTopic(matcher.match(text, 'en'))?.id).not.toBe('what-is-imp');
    });

    it('ignores accents and case', () => {
        const plain = matcher.match('frais de biometrie', 'fr');
        const accented = matcher.match('FRAIS DE BIOMÉTRIE', 'fr');
        expect(confidentTopic(plain)?.id).toBe('biometrics');
        expect(accented).toEqual(plain);
    });

    it('forgives typos', () => {
        expect(confidentTopic(matcher.match('biomettrics fee', 'en'))?.id).toBe('biometrics');
        expect(confidentTopic(matcher.match('can my wiffe get a work permitt', 'en'))?.id).toBe('spouse-work');
        expect(confidentTopic(matcher.match('quel formualire remplir', 'fr'))?.id).toBe('application-form');
    });

    it('answers in the language of the text when it is clearly the other one', () => {
        expect(confidentTopic(matcher.match('combien coûtent les frais de biométrie', 'en'))).toEqual({ id: 'biometrics', language: 'fr' });
        expect(confidentTopic(matcher.match('how much are the biometrics fees', 'fr'))).toEqual({ id: 'biometrics', language: 'en' });
    });

    it('keeps the conversation language when the text gives no evidence', () => {
        // A bare "CSQ" may be answered or asked about ("what is it" or "which one counts"): either way, in the
        // conversation's language.
        const languagesOf = (outcome: MatchOutcome): Language[] =>
            outcome.kind === 'confident'
                ? [outcome.topic.language]
                : outcome.kind === 'ambiguous'
                  ? outcome.topics.map((t) => t.language)
                  : [];
        for (const language of LANGUAGES) {
            const languages = languagesOf(matcher.match('CSQ', language));
            expect(languages.length).toBeGreaterThan(0);
            expect(new Set(languages)).toEqual(new Set([language]));
        }
    });

    it('refuses what it does not know, and matches near misses to out-of-scope topics', () => {
        expect(matcher.match('who won the hockey game', 'en').kind).toBe('none');
        expect(matcher.match('', 'en')).toEqual({ kind: 'none', score: 0 });
        expect(matcher.match('?!', 'fr').kind).toBe('none');
        const expressEntry = matcher.match('what is my Express Entry CRS score', 'en');
        expect(expressEntry.kind === 'confident' && expressEntry.topic.outOfScope).toBe(true);
    });

    it('says when a refusal leans to a near miss among its two best topics, so a clause of it is not answered instead', () => {
        const student =
            'My husband starts his PhD at Laval in January with a study permit. None of us has a CSQ. Is it possible for me to get an open work permit as his wife?';
        const outcome = matcher.match(student, 'en');
        expect(outcome.kind === 'none' && outcome.nearMiss?.map((topic) => topic.id).sort()).toEqual([
            'oos-spouse-other-programs',
            'spouse-work',
        ]);
        expect(matcher.match('who won the hockey game', 'en')).not.toHaveProperty('nearMiss');
    });

    it('says when a message names another program and nothing of IMP+, and only then', () => {
        expect(matcher.match('how do I make a refugee claim at the border', 'en')).toMatchObject({ offTopic: true, otherProgram: true });
        expect(matcher.match('je veux demander l’asile', 'fr')).toMatchObject({ offTopic: true, otherProgram: true });
        expect(matcher.match('I have a PGWP and my CSQ, can I apply for IMP+?', 'en')).not.toHaveProperty('otherProgram');
        expect(matcher.match('who won the hockey game', 'en')).not.toHaveProperty('otherProgram');
    });

    it('puts first, of two near misses a refusal leans to, the one whose samples the message is most like', () => {
        const text = 'entrée express en alberta, délai de traitement de la résidence permanente';
        const outcome = matcher.match(text, 'fr');
        const closest = matcher.rank(text).find(({ id }) => id.startsWith('oos-'));
        expect(closest?.id).toBe('oos-express-entry');
        // Unsure or a near miss, depending on how surely the classifier reads it as about something else.
        const leaning = outcome.kind === 'none' ? (outcome.unsure ?? outcome.nearMiss) : undefined;
        expect(leaning?.map((topic) => topic.id)).toEqual(['oos-express-entry', 'oos-spouse-other-programs']);
    });

    it.each([
        ['how much are the fees at the gym', 'en'],
        ["my driver's licence expired, how do I renew it", 'en'],
        ['medical exam for my truck licence', 'en'],
        ['frais de gym trop chers', 'fr'],
        ['mon permis de conduire est expiré, je le renouvelle comment', 'fr'],
    ] as const)('refuses a message that borrows the domain’s words for something else: %s', (text, language) => {
        const outcome = matcher.match(text, language);
        expect(outcome.kind).toBe('none');
        // The score of a refusal still says how close the message came to a sample.
        expect(outcome.score).toBeGreaterThan(0);
    });

    it.each([
        ['can my family come and work?', 'en'],
        ['ma famille peut-elle venir travailler?', 'fr'],
    ] as const)('answers a question that names a guided flow, whose answer then offers the flow: %s', (text, language) => {
        const outcome = matcher.match(text, language);
        expect(confidentTopic(outcome)).toEqual({ id: 'family-members', language });
        expect(outcome.kind === 'confident' && outcome.topic.followUps).toContain('start-family');
    });

    it.each([
        ['got my csq. now what', 'en'],
        ["j'ai mon csq, et maintenant?", 'fr'],
    ] as const)('answers "I have my CSQ, what now?" with the criteria, the invitation among them: %s', (text, language) => {
        // A CSQ alone does not open IMP+; the criteria list what else it takes and offer the eligibility check.
        const outcome = matcher.match(text, language);
        expect(confidentTopic(outcome)).toEqual({ id: 'criteria', language });
        expect(outcome.kind === 'confident' && outcome.topic.followUps).toContain('start-eligibility');
    });

    it('between an answer and the guided flow it offers, answers (the flow is then one tap away); else asks', () => {
        const thresholds = { minScore: 0.4, minLead: 0.3 };
        for (const ranking of [
            [
                { id: 'start-family', score: 0.62 },
                { id: 'family-members', score: 0.6 },
            ],
            [
                { id: 'family-members', score: 0.62 },
                { id: 'start-family', score: 0.6 },
            ],
        ]) {
            expect(confidentTopic(decide(ranking, thresholds, kb, 'fr'))).toEqual({ id: 'family-members', language: 'fr' });
        }
        const unrelated = [
            { id: 'fees', score: 0.62 },
            { id: 'start-family', score: 0.6 },
        ];
        expect(decide(unrelated, thresholds, kb, 'en').kind).toBe('ambiguous');
    });

    it('says ambiguous when two topics are equally plausible, or picks one of them, never a third', () => {
        const outcome = matcher.match('options for my spouse and children', 'en');
        const offered =
            outcome.kind === 'ambiguous' ? outcome.topics.map((t) => t.id) : outcome.kind === 'confident' ? [outcome.topic.id] : [];
        expect(offered.length).toBeGreaterThan(0);
        for (const id of offered) expect(['family-members', 'start-family']).toContain(id);
        if (outcome.kind === 'ambiguous') expect(outcome.topics[0].id).not.toBe(outcome.topics[1].id);
    });

    it('starts the guided dialogs', () => {
        expect(matcher.match('am I eligible?', 'en')).toMatchObject({ kind: 'confident', topic: { dialog: 'eligibility' } });
        expect(matcher.match('suis-je admissible', 'fr')).toMatchObject({ kind: 'confident', topic: { dialog: 'eligibility' } });
        expect(matcher.match('walk me through the application step by step', 'en')).toMatchObject({ topic: { dialog: 'steps' } });
    });

    // Its speed is measured by `npm run bench` (scripts/bench/faqTiming.ts), not by a timed test.
    it('is deterministic', () => {
        const first = matcher.match('how much does the open work permit cost', 'en');
        for (let i = 0; i < 200; i++) expect(matcher.match('how much does the open work permit cost', 'en')).toEqual(first);
    });
});

describe('TextAnalyzer', () => {
    const analyzer = new TextAnalyzer(['work permit', 'conjointe']);
    it('maps English, French and Quebec French spellings to the same concepts', () => {
        expect(analyzer.analyze('IMP+')).toEqual(analyzer.analyze('PMI plus'));
        expect(analyzer.analyze('imp +')).toEqual(['@impplus']);
        expect(analyzer.analyze('my wife')).toEqual(analyzer.analyze('ma blonde'));
        expect(analyzer.analyze('mon chum')).toEqual(analyzer.analyze('husband'));
        expect(analyzer.analyze('kids')).toEqual(analyzer.analyze('les enfants'));
        // « parrainer ma maman » is the parents' sponsorship, as « ma mère » is.
        for (const parent of ['maman', 'papa', 'mum']) expect(analyzer.analyze(parent), parent).toEqual(analyzer.analyze('mother'));
        expect(analyzer.analyze('certificat de sélection du Québec')).toEqual(analyzer.analyze('CSQ'));
        // Losing one's job, however it is said, and « ma shop », the workplace.
        for (const lost of ['perdu ma job', 'perdu mon travail', 'licencié', 'been fired'])
            expect(analyzer.analyze(lost), lost).toEqual(analyzer.analyze('lost my job'));
        expect(analyzer.analyze('shop')).toEqual(analyzer.analyze('employeur'));
        // « valable combien de temps », as « valide ».
        expect(analyzer.analyze('valable')).toEqual(analyzer.analyze('valide'));
        // A wait that seems too long is about processing, not why one would wait for IMP+.
        expect(analyzer.analyze('pourquoi c’est si long')).toEqual(analyzer.analyze('pourquoi les délais'));
        expect(analyzer.analyze('why is it taking so long')).toEqual(analyzer.analyze('why the delays'));
    });

    it('reads a visitor coming as a tourist as another program, as a visit already was', () => {
        for (const visit of ['come as a tourist', 'venir en vacances', 'venir en touriste'])
            expect(analyzer.analyze(visit), visit).toEqual(analyzer.analyze('visit me'));
    });

    it('reads the Temporary Foreign Worker Program as another program, however it is named', () => {
        for (const tfw of ['TFW', 'TFWP', 'PTET', 'temporary foreign worker program', 'Programme des travailleurs étrangers temporaires'])
            expect(analyzer.analyze(tfw), tfw).toEqual(analyzer.analyze('global talent stream'));
    });

    it('reads the post-graduation work permit as another program, open or not, however it is shortened', () => {
        for (const pgwp of [
            'permis de travail ouvert post diplôme',
            'permis ouvert postdiplôme',
            'post grad work permit',
            'post-graduation open work permit',
        ])
            expect(analyzer.analyze(pgwp), pgwp).toEqual(analyzer.analyze('PGWP'));
    });

    it('reads the other provinces’ nominee programs as another program, by their short names too', () => {
        for (const nominee of ['AAIP', 'AINP', 'BCPNP', 'MPNP', 'SINP', 'NSNP', 'NBPNP'])
            expect(analyzer.analyze(nominee), nominee).toEqual(analyzer.analyze('OINP'));
    });

    it('reads a surname as a name, not as the family', () => {
        expect(analyzer.analyze('une faute dans mon nom de famille')).not.toContain(analyzer.analyze('famille')[0]);
        expect(analyzer.analyze('my family name is misspelled')).not.toContain(analyzer.analyze('family')[0]);
        expect(analyzer.analyze('nom de famille')).toEqual(analyzer.analyze('nom'));
    });

    it('knows the towns and regions people name, in Quebec and in the other provinces', () => {
        for (const place of ['Brampton', 'Moncton', 'Campbellton', 'Saskatoon', 'Terre-Neuve', 'Thunder Bay'])
            expect(analyzer.analyze(place), place).toEqual(analyzer.analyze('Ontario'));
        // A university outside Quebec stands for its city.
        for (const place of ['U of T', 'UofT', 'University of Toronto', 'UBC', 'McMaster', 'uOttawa'])
            expect(analyzer.analyze(`a job at ${place}`), place).toEqual(analyzer.analyze('a job in Ontario'));
        for (const place of ['Rimouski', 'Lévis', 'Saint-Jérôme', 'la Gaspésie', 'Val-d’Or', 'Îles-de-la-Madeleine'])
            expect(analyzer.analyze(place), place).toEqual(analyzer.analyze('Québec'));
    });
    it('knows the words people mix in from other languages and texting', () => {
        expect(analyzer.analyze('esposa')).toEqual(analyzer.analyze('wife'));
        expect(analyzer.analyze('magkano po')).toEqual(analyzer.analyze('how much'));
        expect(analyzer.analyze('how long b4 they decide')).toEqual(analyzer.analyze('how long before the decision'));
        expect(analyzer.analyze('wallah khouya')).toEqual([]);
        expect(analyzer.analyze('ckoi le pmi+')).toEqual(analyzer.analyze('c koi le pmi+'));
    });
    it('reads the short forms people type as the words they stand for, in every phrase', () => {
        expect(analyzer.analyze('ca prend cmb de tmps')).toEqual(analyzer.analyze('ca prend combien de temps'));
        expect(analyzer.analyze('cb de tps')).toEqual(analyzer.analyze('combien de temps'));
    });
    it('does not take blurry scans for kids, nor « à la place » for a place', () => {
        expect(analyzer.analyze('des scans flous')).not.toContain(analyzer.analyze('flos')[0]);
        expect(analyzer.analyze('des photos à la place')).toEqual(analyzer.analyze('des photos'));
    });
    it('reads coming back into Canada alike in both languages, and « revenir » alone as no return', () => {
        for (const back of ['come back', 're-enter', 'reentry', 'revenir au Canada', 'je peux revenir'])
            expect(analyzer.analyze(back), back).toContain(analyzer.analyze('get back in')[0]);
        expect(analyzer.analyze('ça va nous revenir à combien')).not.toContain(analyzer.analyze('come back')[0]);
    });
    it('reads an immigration medical as the medical exam, and a province’s « programme des candidats » as another program', () => {
        expect(analyzer.analyze('an immigration medical')).toEqual(analyzer.analyze('a medical exam'));
        expect(analyzer.analyze('la visite médicale')).toEqual(analyzer.analyze('l’examen médical'));
        expect(analyzer.analyze('le programme des candidats de l’Ontario')).toContain(analyzer.analyze('PNP')[0]);
    });
    it('knows leaving and what is done with what people type as people say them', () => {
        expect(analyzer.analyze('bon je dois filer')).toContain('@bye');
        expect(analyzer.analyze('gotta run')).toEqual(['@bye']);
        expect(analyzer.analyze('que faites-vous avec les informations qu’on vous donne')).toContain('@data');
        expect(analyzer.analyze('what do you do with the info I give you')).toContain('@data');
    });
    it('leaves out the hedges people say in passing', () => {
        expect(analyzer.analyze('can I like basically just switch jobs')).toEqual(analyzer.analyze('can I switch jobs'));
        expect(analyzer.analyze('um honestly how long is it, kinda literally')).toEqual(analyzer.analyze('how long is it'));
    });
    it('reads signing into an account as signing in to it', () => {
        expect(analyzer.analyze('cant sign into my account')).toEqual(analyzer.analyze('cant sign in to my account'));
        expect(analyzer.analyze('logging into the portal')).toEqual(analyzer.analyze('log in to the portal'));
    });
    it('reads a job offer, « une offre d’emploi » and « un contrat » alike', () => {
        expect(new Set(analyzer.analyze("une offre d'emploi"))).toEqual(new Set(analyzer.analyze('a job offer')));
        expect(analyzer.analyze('sans contrat')).toEqual(analyzer.analyze('without an offer'));
        expect(analyzer.analyze('on passe en revue le permis')).toContain(analyzer.analyze('walk me through')[0]);
        // Coming along is not being guided: « m'accompagner au Québec », « m'accompagner dans mes démarches ».
        expect(analyzer.analyze("mon fils peut m'accompagner au Québec")).toEqual(analyzer.analyze('my son can come with me to Quebec'));
        expect(analyzer.analyze("m'accompagner dans mes démarches")).toContain(analyzer.analyze('walk me through')[0]);
    });
    it('reads « sans » as "without", which the question turns on', () => {
        expect(analyzer.analyze('peut-on postuler sans invitation')).toEqual(analyzer.analyze('can we apply without an invitation'));
        expect(analyzer.analyze('postuler sans invitation')).not.toEqual(analyzer.analyze('postuler avec invitation'));
    });
    it('reads « en quoi consiste » as "what is", « mobilité plus » and "mobility plus" as the program, and « iront » as no topic', () => {
        expect(analyzer.analyze('en quoi consiste le programme mobilité plus')).toEqual(analyzer.analyze("c'est quoi le PMI+"));
        expect(analyzer.analyze('what is this mobility plus thing')).toEqual(analyzer.analyze('what is this IMP+ thing'));
        expect(analyzer.analyze('ça consiste en quoi')).toEqual(analyzer.analyze('c’est quoi'));
        expect(analyzer.analyze("elles iront à l'école")).toEqual(analyzer.analyze("à l'école"));
    });
    it('reads "PR", « RP » and « résidence permanente » alike, but not « pr » for « pour » in texting', () => {
        expect(analyzer.analyze('RP')).toEqual(analyzer.analyze('PR'));
        expect(analyzer.analyze('la résidence permanente')).toEqual(analyzer.analyze('my PR'));
        expect(analyzer.analyze('c mort pr moi')).toEqual(analyzer.analyze('c mort'));
        expect(analyzer.analyze('pr les membres de la famille')).toEqual(analyzer.analyze('les membres de la famille'));
    });
    it('drops stop words', () => {
        expect(analyzer.analyze('the of le la de')).toEqual([]);
    });
    it('reads words typed without their spaces as the words they glue', () => {
        const known = new TextAnalyzer(['do I need a medical exam', 'what is the work permit']);
        expect(known.analyze('workpermit')).toEqual(known.analyze('work permit'));
        expect(known.analyze('howmuch')).toEqual(known.analyze('how much'));
        expect(known.analyze('permisdetravail')).toEqual(known.analyze('permis de travail'));
        expect(known.analyze('medicalexam')).toEqual(known.analyze('medical exam'));
    });
    it('does not cut an everyday word into the domain’s short words', () => {
        const known = new TextAnalyzer(['what is the cap', 'I got my ITA', 'is there a link', 'what is my PR']);
        expect(known.analyze('la capitale')).not.toContain('@cap');
        expect(known.analyze('en italien')).not.toContain('@invitation');
        expect(known.analyze('au printemps')).toEqual(known.analyze('printemps'));
    });
    it('corrects a typo that shares its stem with another known word to the word the lexicon names', () => {
        const known = new TextAnalyzer(['what is the process', 'processing times', 'when do I start']);
        // "procesing" and "process" share the stem "proces"; the letter missing makes it "processing".
        expect(known.analyze('procesing time')).toEqual(known.analyze('processing time'));
        // An inflection of a known word is still left alone.
        expect(known.analyze('starting')).toEqual(['start']);
    });
    it('forgives two swapped letters in a short word, and nothing else there', () => {
        const known = new TextAnalyzer(['can I work in Ontario', 'do I need an LMIA', 'what is the rent']);
        expect(known.analyze('wrok')).toEqual(known.analyze('work'));
        expect(known.analyze('lmai')).toEqual(known.analyze('lmia'));
        expect(known.analyze('rend')).not.toEqual(known.analyze('rent'));
    });
    it('corrects a near word before cutting it in pieces, and elides only before a vowel or h, but « je »', () => {
        const known = new TextAnalyzer(['où je téléverse mes documents', 'tele vers', 'my kids school', 'cool', 'jhabite a Laval']);
        expect(known.analyze('televers')).toEqual(known.analyze('televerse'));
        expect(known.analyze('scool')).toEqual(known.analyze('school'));
        expect(known.analyze('jhabite')).toEqual(known.analyze("j'habite"));
        // « Je » is elided before anything in Quebec speech and texting.
        const prepare = new TextAnalyzer(['what do I prepare']);
        expect(prepare.analyze('jprepare')).toEqual(prepare.analyze('je prepare'));
    });
    it('reads a letter held down for emphasis as the word under it', () => {
        const known = new TextAnalyzer(['hey', 'merci', 'what are the fees', 'please']);
        expect(known.analyze('heyy')).toEqual(known.analyze('hey'));
        expect(known.analyze('HEYYYY')).toEqual(known.analyze('hey'));
        expect(known.analyze('merciii')).toEqual(known.analyze('merci'));
        expect(known.analyze('feee')).toEqual(known.analyze('fee'));
        expect(known.analyze('pleaseee')).toEqual(known.analyze('please'));
        expect(known.analyze('toé tu fais quoi')).toEqual(known.analyze('toi tu fais quoi'));
    });
    it('reads texted "u", "r" and "ur" as the words, and a firm’s shorthand as what it stands for', () => {
        expect(analyzer.analyze('what can u do')).toEqual(analyzer.analyze('what can you do'));
        expect(analyzer.analyze('r the fees high')).toEqual(analyzer.analyze('are the fees high'));
        expect(analyzer.analyze('OWP')).toEqual(analyzer.analyze('open work permit'));
        expect(analyzer.analyze('BIL received')).toEqual(analyzer.analyze('biometric instruction letter received'));
        // The principal applicant and the acknowledgement of receipt name no topic; « pa » is also texted « pas ».
        expect(analyzer.analyze('fees for the PA')).toEqual(analyzer.analyze('fees'));
        expect(analyzer.analyze('AOR on the PR')).toEqual(analyzer.analyze('on the PR'));
        expect(analyzer.analyze('frais du demandeur principal')).toEqual(analyzer.analyze('frais'));
        const knowsPolice = new TextAnalyzer(['do I need police certificates']);
        expect(knowsPolice.analyze('PCCs needed')).toEqual(knowsPolice.analyze('police certificate needed'));
        expect(analyzer.analyze('son EMI')).toEqual(analyzer.analyze('son examen médical'));
        expect(analyzer.analyze('CSQ lapsed')).toEqual(analyzer.analyze('CSQ expired'));
    });
    it('reads the « j » of « je » elided in texting, and a few more ways to say goodbye or ask who this is', () => {
        expect(analyzer.analyze('jsuis perdu')).toEqual(analyzer.analyze('je suis perdu'));
        expect(analyzer.analyze('je suis perdu')).toEqual(['@helpme']);
        expect(analyzer.analyze('faut que j’y aille')).toEqual(analyzer.analyze('bye'));
        expect(analyzer.analyze('à tantôt')).toEqual(analyzer.analyze('bye'));
        expect(analyzer.analyze('who is this')).toEqual(analyzer.analyze('who are you'));
        expect(analyzer.analyze('r u a bot')).toEqual(analyzer.analyze('are you a bot'));
    });
    it('reads asking what the bot can do, in more of the words people use', () => {
        for (const text of [
            'what are you capable of',
            'what can you tell me',
            'tu fais quoi exactement',
            'c’est quoi que tu fais',
            'tu es capable de faire quoi',
            'tu connais quoi',
            'dis-moi ce que tu sais faire',
            'show me what you can help with',
        ])
            expect(analyzer.analyze(text)).toContain('@helpme');
        // …but what the bot does with one's data stays the privacy question.
        expect(analyzer.analyze('qu’est-ce que tu fais avec mes données')).toContain('@data');
        expect(analyzer.analyze('qu’est-ce que tu fais avec mes données')).not.toContain('@helpme');
    });
    it('reads « exercer un emploi » and « occuper un emploi » as working', () => {
        expect(analyzer.analyze('pourra-t-il exercer un emploi')).toEqual(analyzer.analyze('pourra-t-il travailler'));
        expect(analyzer.analyze('occuper un emploi au Québec')).toEqual(analyzer.analyze('travailler au Québec'));
    });
    it('reads a phrase with a word of stress or hedging inside', () => {
        expect(analyzer.analyze('what can you even do')).toEqual(analyzer.analyze('what can you do'));
        expect(analyzer.analyze('what can you do')).toEqual(['@helpme']);
        expect(analyzer.analyze('how much does it actually cost')).toEqual(analyzer.analyze('how much does it cost'));
        expect(analyzer.analyze('tu peux faire quoi exactement')).toEqual(analyzer.analyze('tu peux faire quoi'));
        expect(analyzer.analyze('what on earth is a CSQ')).toEqual(analyzer.analyze('what is a CSQ'));
        expect(analyzer.analyze('what the heck is biometrics')).toEqual(analyzer.analyze('what is biometrics'));
        expect(analyzer.analyze('ça coûte combien tabarnouche')).toEqual(analyzer.analyze('ça coûte combien'));
        expect(analyzer.analyze('câline, le site veut pas le prendre, maudit')).toEqual(analyzer.analyze('le site veut pas le prendre'));
        // Saying it again, not asking what a word means.
        expect(analyzer.analyze('I already paid, I mean how long it takes')).toEqual(analyzer.analyze('I already paid, how long it takes'));
        expect(analyzer.analyze('what does CSQ mean')).not.toEqual(analyzer.analyze('what does CSQ'));
    });
    it('reads the CSQ, the invitation and the biometrics as people describe them who do not know their names', () => {
        expect(analyzer.analyze('I have the Quebec certificate')).toEqual(analyzer.analyze('I have the CSQ'));
        expect(analyzer.analyze('j’ai l’accord du Québec')).toEqual(analyzer.analyze('j’ai le CSQ'));
        expect(analyzer.analyze('avoir l’accord de Québec')).toEqual(analyzer.analyze('avoir le CSQ'));
        expect(analyzer.analyze('mon attestation de sélection')).toEqual(analyzer.analyze('mon CSQ'));
        expect(analyzer.analyze('the email from the ministry')).toEqual(analyzer.analyze('the invitation'));
        expect(analyzer.analyze('la lettre du ministère')).toEqual(analyzer.analyze('l’invitation'));
        expect(analyzer.analyze('convié par le ministère du Québec')).toEqual(analyzer.analyze('invitation MIFI'));
        expect(analyzer.analyze('qu’on prenne mes doigts')).toEqual(analyzer.analyze('qu’on prenne mes empreintes'));
        expect(analyzer.analyze('a panel physician')).toEqual(analyzer.analyze('a medical exam'));
        expect(analyzer.analyze('is there a ceiling')).toEqual(analyzer.analyze('is there a cap'));
    });
    it('reads "taking" and "took" as waiting for IRCC, as "it takes" is', () => {
        for (const text of ['how long is it taking these days', 'how long did it take for others', 'it took 5 months for my friend'])
            expect(analyzer.analyze(text)).toContain('@processing');
    });
    it('reads « parle-moi de… », « dites-moi… » as "tell me about…": only the topic after it is asked', () => {
        expect(analyzer.analyze('parlez-moi des délais')).toEqual(analyzer.analyze('les délais'));
        expect(analyzer.analyze('Parle-moi des frais')).toEqual(analyzer.analyze('les frais'));
        expect(analyzer.analyze('dites-moi les documents')).toEqual(analyzer.analyze('les documents'));
        expect(analyzer.analyze('renseignez-moi sur la biométrie')).toEqual(analyzer.analyze('sur la biométrie'));
    });
    it('reads asking for the page or the link as asking what it says', () => {
        expect(analyzer.analyze('send me the link for the biometrics')).toEqual(analyzer.analyze('send me the biometrics'));
        expect(analyzer.analyze('le lien pour la biométrie')).toEqual(analyzer.analyze('la biométrie'));
        expect(analyzer.analyze('y a tu une page officielle sur les frais')).toEqual(analyzer.analyze('y a tu une page sur les frais'));
        expect(analyzer.analyze('the official website')).toEqual(analyzer.analyze('the website'));
    });
    it('reads hoping as hoping, not fingerprints, and texted spellings as the words they are', () => {
        expect(analyzer.analyze('fingers crossed, how long does it take')).toEqual(analyzer.analyze('how long does it take'));
        expect(analyzer.analyze('je croise les doigts, combien de temps')).toEqual(analyzer.analyze('combien de temps'));
        expect(analyzer.analyze('how lng b4 dey reply')).toEqual(analyzer.analyze('how long before they reply'));
    });
    it('reads showing one’s English or French as the language test, and « koi » as « quoi »', () => {
        expect(analyzer.analyze('est-ce qu’il doit prouver son anglais avec un examen')).toContain('@langtest');
        expect(analyzer.analyze('do I have to prove my French')).toContain('@langtest');
        expect(analyzer.analyze('un examen d’anglais')).toEqual(analyzer.analyze('un test d’anglais'));
        expect(analyzer.analyze('tu peux faire koi')).toEqual(analyzer.analyze('tu peux faire quoi'));
        expect(analyzer.analyze('c koi le csq')).toEqual(analyzer.analyze('c’est quoi le csq'));
    });
    it('reads a file’s size limit as no cap on permits, and joy as no cost', () => {
        expect(analyzer.analyze('whats the max file size')).toEqual(analyzer.analyze('whats the file'));
        expect(analyzer.analyze('c quoi la taille max')).not.toContain('@cap');
        expect(analyzer.analyze('is there a max number of permits')).toContain('@cap');
        expect(analyzer.analyze('trop contente')).not.toContain('@fee');
    });
    it('reads "still open" as asking whether the program lasts', () => {
        expect(analyzer.analyze('is it still open')).toContain('@active');
    });
    it('reads the program’s names as voice typing writes them', () => {
        expect(analyzer.analyze('what is i am p plus')).toEqual(analyzer.analyze('what is imp plus'));
        expect(analyzer.analyze('who is me fee')).toEqual(analyzer.analyze('who is mifi'));
        expect(analyzer.analyze('the open work per mitt')).toEqual(analyzer.analyze('the open work permit'));
    });
    it('reads French written as it sounds as the French words it spells', () => {
        expect(analyzer.analyze('es ce ke le pmi+ est encor ouvert')).toEqual(analyzer.analyze('es ce que le pmi+ est encore ouvert'));
        expect(analyzer.analyze('kil peu demander le certifica de police')).toEqual(
            analyzer.analyze('qu’il peu demander le certificat de police'),
        );
        expect(analyzer.analyze('sa ce ki le pmi+')).toEqual(analyzer.analyze('c’est quoi le pmi+'));
    });
    it('reads Haitian Creole words in a French message as the French words they are', () => {
        expect(analyzer.analyze('eske madanm mwen ka travay')).toEqual(analyzer.analyze('est-ce que ma femme peut travailler'));
        expect(analyzer.analyze('kòman m kreye kont IRCC a')).toEqual(analyzer.analyze('comment créer le compte IRCC'));
        expect(analyzer.analyze('konbyen moun aksepte chak ane')).toEqual(analyzer.analyze('combien de personnes acceptées chaque année'));
    });
    it('reads Spanish words in a French message, and Pidgin « wetin », as the words they are', () => {
        expect(analyzer.analyze('mes hijos aller a l’ecole')).toEqual(analyzer.analyze('mes enfants aller a l’ecole'));
        expect(analyzer.analyze('ninos besoin permiso')).toEqual(analyzer.analyze('enfants besoin permis'));
        expect(analyzer.analyze('trabajar sin trabajo')).toEqual(analyzer.analyze('travailler sin travail'));
        expect(analyzer.analyze('wetin be this IMP+')).toEqual(analyzer.analyze('what be this IMP+'));
    });
    it('reads a typo the samples hold as the word it misses a letter or a vowel of, and enrolling and « howto » as people type them', () => {
        // The samples keep their typos, so "requirments" is known; it still means the requirements.
        const holdsTypo = new TextAnalyzer(['what are the requirements', 'requirements list', 'the requirments']);
        expect(holdsTypo.analyze('requirments')).toEqual(holdsTypo.analyze('requirements'));
        expect(holdsTypo.analyze('requirements')).toEqual(['@criteria']);
        // A word the samples use often is a word of their own, not a typo.
        const usesOften = new TextAnalyzer(['requirments', 'the requirments', 'requirments?', 'my requirments', 'requirements']);
        expect(usesOften.analyze('requirments')).not.toEqual(usesOften.analyze('requirements'));
        // A vowel written as heard is the same typo ("documants"); another letter may make another word ("matters").
        const asHeard = new TextAnalyzer([
            'which documents',
            'documents list',
            'my documants on the site',
            'masters degree',
            'masters program',
            'it matters',
        ]);
        expect(asHeard.analyze('documants')).toEqual(['@documents']);
        expect(asHeard.analyze('matters')).not.toEqual(asHeard.analyze('masters'));
        expect(analyzer.analyze('howto apply')).toEqual(analyzer.analyze('how to apply'));
        expect(analyzer.analyze('inscription des enfants à l’école')).toEqual(analyzer.analyze('inscrire les enfants à l’école'));
        expect(analyzer.analyze('enrolment of my kids')).toEqual(analyzer.analyze('enrol my kids'));
    });
    it('leaves a real word one letter from a lexicon word of another meaning as it is', () => {
        // With "place" known, "plate" would be corrected into the caps' word.
        const withPlace = new TextAnalyzer(['how many places are left', 'any places left this year']);
        expect(withPlace.analyze('I wrap each plate in paper')).not.toContain('@cap');
        expect(withPlace.analyze('how many plaaces are left')).toContain('@cap');
        expect(analyzer.analyze('ça me paraît trop beau')).not.toContain('@thanks');
        expect(analyzer.analyze('je ferais quoi')).not.toContain('@fee');
    });
    it('reads losing one’s job, Quebec’s « tour du poteau » and flagpoling’s other forms as the concepts they are', () => {
        expect(analyzer.analyze('if I am laid off')).toEqual(analyzer.analyze('if I lose my job'));
        expect(analyzer.analyze('si je me fais mettre à pied')).toEqual(analyzer.analyze('si je perds mon emploi'));
        expect(analyzer.analyze('faire le tour du poteau')).toEqual(analyzer.analyze('faire le flagpoling'));
        expect(analyzer.analyze('je vais flagpoler')).toEqual(analyzer.analyze('je vais faire le tour du poteau'));
        expect(analyzer.analyze('I flagpoled at Lacolle')).toEqual(analyzer.analyze('I flagpole at the border'));
    });
    it('reads a program still there or gone, a renewal, other programs and « d’acc » in the words people use', () => {
        expect(analyzer.analyze('is imp+ still a thing')).toEqual(analyzer.analyze('is imp+ still running'));
        expect(analyzer.analyze('le pmi+ existe encore')).toEqual(analyzer.analyze('le pmi+ est actif'));
        expect(analyzer.analyze('does imp+ even exist anymore')).toEqual(analyzer.analyze('is imp+ still running'));
        expect(analyzer.analyze('imp+ no longer exists?')).toEqual(analyzer.analyze('imp+ still running?'));
        expect(analyzer.analyze('le pmi+ existe pu')).toEqual(analyzer.analyze('le pmi+ est actif'));
        expect(analyzer.analyze('did they kill it')).toEqual(analyzer.analyze('cancelled'));
        expect(analyzer.analyze('ça se renouvelle')).toEqual(analyzer.analyze('ça se renouveler'));
        expect(analyzer.analyze('renewable')).toEqual(analyzer.analyze('renew'));
        expect(analyzer.analyze('BOWP')).toEqual(analyzer.analyze('PGWP'));
        expect(analyzer.analyze('bridging open work permit')).toEqual(analyzer.analyze('PGWP'));
        expect(analyzer.analyze('Mobilité francophone')).toEqual(analyzer.analyze('PGWP'));
        expect(analyzer.analyze('le permis post-diplôme')).toEqual(analyzer.analyze('le PGWP'));
        expect(analyzer.analyze('global talent stream')).toEqual(analyzer.analyze('PGWP'));
        expect(analyzer.analyze('PNP')).toEqual(analyzer.analyze('PGWP'));
        expect(analyzer.analyze('OHIP')).toEqual(analyzer.analyze('PGWP'));
        expect(analyzer.analyze('the nominee program')).toEqual(analyzer.analyze('the PGWP'));
        expect(analyzer.analyze('le programme des candidats des provinces')).toEqual(analyzer.analyze('le PGWP'));
        expect(analyzer.analyze('d’acc')).toEqual(analyzer.analyze('daccord'));
        expect(analyzer.analyze('daccord')).toEqual(analyzer.analyze('d’accord'));
    });
    it.each([
        ['how do I write the invitation letter for my brother', 'en'],
        ['do I need to write an invitation letter for her', 'en'],
        ['faut tu que je lui écrive une lettre d’invitation', 'fr'],
        ['faut-il une lettre d’invitation de ma part?', 'fr'],
    ])('reads the letter a host writes for a visitor as another program’s, not MIFI’s invitation: %s', (text) => {
        const [invitation] = analyzer.analyze('invitation');
        expect(analyzer.analyze(text)).not.toContain(invitation);
        expect(analyzer.analyze(text)).toContain(analyzer.analyze('PGWP')[0]);
    });
    it('still reads writing to MIFI for an invitation as the invitation', () => {
        const [invitation] = analyzer.analyze('invitation');
        expect(analyzer.analyze('can I write to MIFI to ask for an invitation')).toContain(invitation);
    });
    it('reads a bank account as no IRCC account, in both languages', () => {
        const [account] = analyzer.analyze('account');
        expect(analyzer.analyze('open a bank account')).not.toContain(account);
        expect(analyzer.analyze('ouvrir un compte bancaire')).toEqual(analyzer.analyze('ouvrir un compte en banque'));
        expect(analyzer.analyze('ouvrir un compte bancaire')).not.toContain(account);
    });
    it('reads a social insurance number as no insurance, in both languages', () => {
        const [insurance] = analyzer.analyze('insurance');
        expect(analyzer.analyze('my social insurance number')).not.toContain(insurance);
        expect(analyzer.analyze('my social insurance number')).toEqual(analyzer.analyze('my SIN number'));
        expect(analyzer.analyze('mon numéro d’assurance sociale')).toEqual(analyzer.analyze('mon assurance sociale'));
        expect(analyzer.analyze('obtenir mon NAS')).toEqual(analyzer.analyze('obtenir mon numéro d’assurance sociale'));
        expect(analyzer.analyze('mon numéro d’assurance sociale')).not.toEqual(analyzer.analyze('mon assurance maladie'));
    });
    it('joins a word typed in two pieces', () => {
        const known = new TextAnalyzer(['when do I give my biometrics']);
        expect(known.analyze('bio metrics')).toEqual(known.analyze('biometrics'));
    });
    it.each([
        ['j’aurai droit à la ram Q', 'j’aurai droit à la RAMQ'],
        ['mi fi c’est quoi', 'MIFI c’est quoi'],
    ])('joins an acronym that dictation typed in two known pieces: %s', (split, acronym) => {
        // Samples that hold each piece as a word of its own.
        const dictated = new TextAnalyzer(['la ram est une machine', 'q comme question', 'mi temps', 'fi de tout']);
        expect(dictated.analyze(split)).toEqual(dictated.analyze(acronym));
    });
    it('leaves two stop words apart even when together they spell an acronym (« est à » is no ESTA)', () => {
        expect(analyzer.analyze('c’est à une heure')).not.toContain(analyzer.analyze('ESTA')[0]);
    });
    it.each([
        ['do I need an L M I A', 'do I need an LMIA'],
        ['faut-tu une E I M T', 'faut-tu une EIMT'],
        ['what is the I M P plus', 'what is the IMP plus'],
        ['c’est quoi un C S Q', 'c’est quoi un CSQ'],
    ])('reads letters spelt one by one as the acronym they spell: %s', (spelt, acronym) => {
        expect(analyzer.analyze(spelt)).toEqual(analyzer.analyze(acronym));
        expect(analyzer.keptWords(spelt)).toEqual(analyzer.keptWords(acronym));
    });
    it.each([
        ['c’est quoi le pé èm i plus', 'c’est quoi le PMI plus'],
        ['mon cé ès cu c’est du programme régulier', 'mon CSQ c’est du programme régulier'],
        ['what is a see ess queue', 'what is a CSQ'],
    ])('reads letters dictated by their names as the acronym they spell: %s', (dictated, acronym) => {
        expect(analyzer.analyze(dictated)).toEqual(analyzer.analyze(acronym));
    });
    it('keeps letter names as words when they spell no acronym the lexicon knows, even a word of the samples', () => {
        const withDes = new TextAnalyzer(['des documents']);
        expect(withDes.spelledOut(['de', 'e', 'es'])).toEqual(['de', 'e', 'es']);
        expect(withDes.spelledOut(['d', 'e', 's'])).toEqual(['des']);
        expect(analyzer.spelledOut(['ce', 'que', 'je', 'te', 'dis'])).toEqual(['ce', 'que', 'je', 'te', 'dis']);
    });
    it('keeps single letters as words when they spell no known word, or are only two', () => {
        expect(analyzer.spelledOut(['une', 'e', 'i', 'm', 't', 'svp'])).toEqual(['une', 'eimt', 'svp']);
        expect(analyzer.spelledOut(['j', 'y', 'a', 'pas'])).toEqual(['j', 'y', 'a', 'pas']);
        expect(analyzer.spelledOut(['ma', 'r', 'p'])).toEqual(['ma', 'r', 'p']);
    });
    it('reads a glued elision as the domain word, even when a sample typed it so', () => {
        const typedSo = new TextAnalyzer(['jai recu linvitation', 'suis-je couvert par la RAMQ']);
        expect(typedSo.analyze('linvitation')).toEqual(typedSo.analyze("l'invitation"));
        expect(typedSo.analyze('suis-je couvert')).not.toContain('@open');
    });
});

describe('boundedEditDistance', () => {
    it('counts transpositions as one edit and gives up beyond the bound', () => {
        expect(boundedEditDistance('permit', 'premit', 2)).toBe(1);
        expect(boundedEditDistance('permit', 'permits', 2)).toBe(1);
        expect(boundedEditDistance('permit', 'hockey', 2)).toBe(3);
    });
});

describe('detectLanguage / replyLanguage', () => {
    it.each([
        ['Can my wife work in Quebec?', 'en'],
        ["What's the fee?", 'en'],
        ["C'tu vrai que ma blonde peut travailler?", 'fr'],
        ['est ce que jpeux appliquer', 'fr'],
        ['Quels sont les frais?', 'fr'],
        ['Bonsoir', 'fr'],
        ['délai traitement toujours aussi long?', 'fr'],
        ['still waiting, anything I can do?', 'en'],
    ] as const)('%s → %s', (text, language) => {
        expect(detectLanguage(text).language).toBe(language);
    });
    it('has no opinion about acronyms alone', () => {
        expect(detectLanguage('CSQ').language).toBeUndefined();
    });
    it('does not switch a conversation on a single word', () => {
        expect(replyLanguage('frais', 'en')).toBe('en');
        expect(replyLanguage('fees', 'fr')).toBe('fr');
        expect(replyLanguage('quels sont les frais', 'en')).toBe('fr');
    });
    it('switches on a clearly French sign-off, not on a thanks in French inside English', () => {
        expect(replyLanguage('merci beaucoup, bonne soirée', 'en')).toBe('fr');
        expect(replyLanguage('merci beaucoup, very helpful', 'en')).toBe('en');
        // Quebec French says "bye", and English speakers in Quebec say « bonne journée ».
        expect(replyLanguage('jvous laisse, bye bye', 'fr')).toBe('fr');
        expect(replyLanguage('bonne journee', 'en')).toBe('en');
    });
});
