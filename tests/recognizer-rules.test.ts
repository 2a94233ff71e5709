import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase, type Topic } from '../src/content/knowledgeBase';
import type { Language } from '../src/content/languages';
import type { MatchOutcome } from '../src/understanding/faq/matcher';
import { type Recognition, Recognizer } from '../src/understanding/recognizer';

/**
 * The recognizer's rules for long and mixed messages, on fixed readings of each part instead of the trained model:
 * they must hold whatever a retrained classifier says of the borderline messages.
 */
const t = createTranslator();
const kb = new KnowledgeBase(t);
const topic = (id: string): Topic => kb.topic('en', id) as Topic;
const confident = (id: string, score = 0.9): MatchOutcome => ({ kind: 'confident', topic: topic(id), score });
const unsure = (first: string, second: string): MatchOutcome => ({ kind: 'ambiguous', topics: [topic(first), topic(second)], score: 0.5 });

describe('a last sentence that asks the question again in other words', () => {
    const allowance = 'Francisation à temps plein : on reçoit combien par semaine comme allocation?';
    const told = 'Concierge à Laval depuis 3 ans.';
    const recognizer = recognizerReading({
        [`${allowance} Bref c'est payé ou pas?`]: confident('fees', 0.7),
        [`${allowance} C'est payé ou pas?`]: confident('fees', 0.7),
        [allowance]: { kind: 'none', score: 0.3, offTopic: true },
        [`${told} Bref, c'est combien les frais?`]: confident('fees', 0.7),
        [told]: { kind: 'none', score: 0.3, offTopic: true },
    });

    it('leaves the question before it to say what is asked, here about something else', () => {
        expect(recognizer.understand(`${allowance} Bref c'est payé ou pas?`, 'fr')).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it.each([
        // Without « bref », the last question is one of its own.
        [`${allowance} C'est payé ou pas?`, 'fr'],
        // Nothing asked before « bref »: what follows is the question.
        [`${told} Bref, c'est combien les frais?`, 'fr'],
    ] as const)('is read with the message otherwise: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });
});

describe('a last sentence that says it asks, without a question mark', () => {
    const wondering = 'examen médical et certificat de police, je voudrais savoir si c’est nécessaire pour ce permis';
    const thanked = 'I would like to know the fees. Thank you';
    const tagged = 'examen médical et certificat de police nécessaires ou pas';
    const orNot = 'the medical exam, needed for this or not';
    const recognizer = recognizerReading({
        [wondering]: { kind: 'none', score: 0.4 },
        [`${wondering}?`]: confident('medical-exam'),
        [tagged]: { kind: 'none', score: 0.4 },
        [`${tagged}?`]: confident('medical-exam'),
        [orNot]: { kind: 'none', score: 0.4 },
        [`${orNot}?`]: confident('medical-exam'),
        [thanked]: confident('fees'),
        [`${thanked}?`]: { kind: 'none', score: 0.4 },
    });

    it('is read as a question', () => {
        expect(recognizer.understand(wondering, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'medical-exam' } });
    });

    it('is read as a question when it ends as one (« ou pas », "or not")', () => {
        expect(recognizer.understand(tagged, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'medical-exam' } });
        expect(recognizer.understand(orNot, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'medical-exam' } });
    });

    it('leaves a message that says it asks before its last sentence as it reads', () => {
        expect(recognizer.understand(thanked, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });
});

describe('a clause that only sets the frame of the next one', () => {
    const told = "mon boss dit qu'il a pas à me payer mes vacances cet été. C'est vrai ça?";
    const recognizer = recognizerReading({
        [`Avec mon permis PMI+, ${told}`]: { kind: 'none', score: 0.26 },
        'Avec mon permis PMI+,': confident('start-permit'),
        [`Mon permis PMI+ est arrivé, ${told}`]: { kind: 'none', score: 0.26 },
        'Mon permis PMI+ est arrivé,': confident('start-permit'),
    });

    it('is not what the message asks', () => {
        expect(recognizer.understand(`Avec mon permis PMI+, ${told}`, 'fr')).toMatchObject({ kind: 'refuse' });
    });

    it('is one that opens with a frame: another clause is still read', () => {
        expect(recognizer.understand(`Mon permis PMI+ est arrivé, ${told}`, 'fr')).toMatchObject({ kind: 'dialog', target: 'permit' });
    });
});

describe('a first half that tells what becomes of the writer’s own CSQ', () => {
    const expiring = 'my csq expires in august';
    const waiting = 'still nothing from federal for PR.. what happens then';
    const recognizer = recognizerReading({
        [`${expiring} and ${waiting}`]: confident('csq-expiry'),
        [expiring]: confident('csq-expiry'),
        [waiting]: confident('pr-decision'),
    });

    it('is the context of the second half, not a question of its own', () => {
        const read = recognizer.understand(`${expiring} and ${waiting}`, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'csq-expiry' } });
        expect(read).not.toHaveProperty('also');
    });
});

describe('a clause that says "it" after the message named the CSQ or the invitation', () => {
    const letter = 'got my invitation letter back in august,';
    const valid = 'is it still valid now or does it run out';
    const recognizer = (aboutInvitation: MatchOutcome) =>
        recognizerReading({
            [`${letter} ${valid}`]: { kind: 'none', score: 0.4 },
            [valid]: confident('csq-expiry'),
            [`${valid} the invitation`]: aboutInvitation,
        });

    it('is read about what was named', () => {
        expect(recognizer(confident('invitation-request')).understand(`${letter} ${valid}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'invitation-request' },
        });
    });

    it('is not read as another subject’s question when it reads unclearly about what was named', () => {
        expect(recognizer({ kind: 'none', score: 0.4 }).understand(`${letter} ${valid}`, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a guided flow asked for in a heading, its facts after the colon', () => {
    const facts = 'CSQ from PRTQ 2023, live in Laval, CUAET open permit valid until Oct 2025, PR application submitted';
    const check = `Please check am I eligible: ${facts}`;
    const quoted = 'My consultant’s email just says: “Good news, you may now qualify under IMP+.” …what is IMP+??';
    const recognizer = recognizerReading({
        [check]: { kind: 'none', score: 0.3 },
        [quoted]: { kind: 'none', score: 0.3 },
        'My consultant’s email just says': confident('advisor'),
        'Please check am I eligible': confident('start-eligibility'),
        'PR application submitted': confident('apply-before-after-pr'),
    });

    it('is that flow, not a question one of the facts reads as', () => {
        expect(recognizer.understand(check, 'en')).toMatchObject({ kind: 'dialog', target: 'eligibility' });
    });

    it('is not a command a heading only names (“my consultant’s email”)', () => {
        expect(recognizer.understand(quoted, 'en')).not.toMatchObject({ kind: 'command' });
    });
});

describe('a sentence that asks nothing, beside a request to the firm', () => {
    const why = 'my case is complicated (status expired, then restored, new CSQ).';
    const request = 'i prefer speak to real consultant of your firm.';
    const asked = 'how do I restore my status after it expired?';
    const recognizer = recognizerReading({
        [`${why} ${request}`]: confident('advisor', 0.8),
        [`${asked} ${request}`]: confident('advisor', 0.8),
        [why]: confident('restoration'),
        [asked]: confident('restoration'),
        [request]: confident('advisor'),
    });

    it('is why the writer asks it: only the request', () => {
        expect(recognizer.understand(`${why} ${request}`, 'en')).toMatchObject({ kind: 'command', command: 'advisor' });
    });

    it('is still answered beside it when it asks', () => {
        expect(recognizer.understand(`${asked} ${request}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'restoration' },
            request: { command: 'advisor' },
        });
    });
});

describe('what asks nothing after a guided flow asked for', () => {
    const check = 'pouvez-vous vérifier si je suis admissible? j’ai un CSQ, je suis à Paris';
    const sent = 'ma demande de RP est envoyée';
    const asked = 'je dépose ma demande de RP avant ou après?';
    const qualify = 'Can you check if I qualify? I have the CSQ';
    const recognizer = recognizerReading({
        [`${qualify} and the letter`]: confident('start-eligibility'),
        [qualify]: confident('start-eligibility'),
        'the letter': confident('criteria-invitation'),
        [`${check} et ${sent}`]: confident('start-eligibility'),
        [`${check} et ${asked}`]: confident('start-eligibility'),
        [check]: confident('start-eligibility'),
        [sent]: confident('apply-before-after-pr'),
        [asked]: confident('apply-before-after-pr'),
    });

    it('is the facts the flow will ask about, not a question', () => {
        expect(recognizer.understand(`${check} et ${sent}`, 'fr')).toMatchObject({ kind: 'dialog', target: 'eligibility' });
    });

    it('is so in a sentence before the flow asked for', () => {
        const family = 'on est 5 dans la famille, ma femme et 3 enfants. c quoi les options pour toute la famille';
        const read = recognizerReading({
            [family]: confident('start-family', 0.79),
            'on est 5 dans la famille, ma femme et 3 enfants.': confident('family-members', 0.72),
            'c quoi les options pour toute la famille': confident('start-family', 0.88),
        }).understand(family, 'fr');
        expect(read).toMatchObject({ kind: 'dialog', target: 'family' });
        expect(read).not.toHaveProperty('request');
    });

    it('is so in a word or two after the writer’s own facts', () => {
        expect(recognizer.understand(`${qualify} and the letter`, 'en')).toMatchObject({ kind: 'dialog', target: 'eligibility' });
    });

    it('is still answered beside the flow when it asks', () => {
        expect(recognizer.understand(`${check} et ${asked}`, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'apply-before-after-pr' },
            request: { dialog: 'eligibility' },
        });
    });
});

describe('a command asked first, read less clearly, before what reads as nothing', () => {
    const help = 'Vous pouvez m’aider avec quoi au juste?';
    const legit = 'Is my consultant legit?';
    const told = 'je travaille dans un dépanneur à Magog pis je connais rien là-dedans';
    const cash = 'he says he has special contacts at MIFI and asks 5000$ cash.';
    const recognizer = recognizerReading({
        [`${help} ${told}`]: { kind: 'none', score: 0.41 },
        [help]: confident('help', 0.59),
        [`${legit} ${cash}`]: { kind: 'none', score: 0.41 },
        [legit]: confident('advisor', 0.59),
    });

    it('is that command', () => {
        expect(recognizer.understand(`${help} ${told}`, 'fr')).toMatchObject({ kind: 'command', command: 'help' });
    });

    it('is not a request to follow, which only a clear reading makes', () => {
        expect(recognizer.understand(`${legit} ${cash}`, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

/** What the matcher says of each message or part: anything else is refused. */
function recognizerReading(readings: Record<string, MatchOutcome>): Recognizer {
    return new Recognizer(t, { match: (text) => readings[text.trim()] ?? { kind: 'none', score: 0 } });
}

/** `recognizerReading`, for rules that name the topic they answer by its id (`TopicMatcher.topic`). */
function recognizerWithTopics(readings: Record<string, MatchOutcome>): Recognizer {
    return new Recognizer(t, {
        match: (text) => readings[text.trim()] ?? { kind: 'none', score: 0 },
        topic: (id, language) => kb.topic(language, id),
    });
}

type Said = readonly (readonly [string, Language])[];

/**
 * A question its own words settle (`pins` in `context.json`), whatever the classifier says: each message of `asked`
 * is read as topic `id` (answered, or its guided flow started), none of `notAsked` is.
 */
function readsPinned(id: string, asked: { as: string; cases: Said }, notAsked: { as: string; cases: Said }): void {
    const recognizer = recognizerWithTopics({});
    const topicRead = (read: Recognition) => (read.kind === 'answer' ? read.topic.id : read.kind === 'dialog' ? read.topic : undefined);
    it.each(asked.cases)(`${asked.as}: %s`, (text, language) => {
        expect(topicRead(recognizer.understand(text, language))).toBe(id);
    });
    it.each(notAsked.cases)(`${notAsked.as}: %s`, (text, language) => {
        expect(topicRead(recognizer.understand(text, language))).not.toBe(id);
    });
}

/**
 * A rule that reads messages as about something else whatever IMP+ topic their words lean to: each of `refused` is
 * refused as off topic, each of `kept` is still read as `kept.read`.
 */
function refusesOffTopic(
    recognizer: Recognizer,
    refused: { as: string; cases: Said },
    kept: { as: string; cases: Said; read: Record<string, unknown> },
): void {
    it.each(refused.cases)(`${refused.as}: %s`, (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', offTopic: true });
    });
    it.each(kept.cases)(`${kept.as}: %s`, (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject(kept.read);
    });
}

/**
 * A second answer a rule drops: `dropped` is answered by `topic` alone, and `kept`, where the second question is asked
 * in its own words, by `topic` and `also`.
 */
function dropsSecondAnswer(
    recognizer: Recognizer,
    language: Language,
    topic: string,
    dropped: { as: string; text: string },
    kept: { as: string; text: string; also: string },
): void {
    it(dropped.as, () => {
        const read = recognizer.understand(dropped.text, language);
        expect(read).toMatchObject({ kind: 'answer', topic: { id: topic } });
        expect(read).not.toHaveProperty('also');
    });
    it(kept.as, () => {
        expect(recognizer.understand(kept.text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: topic },
            also: { id: kept.also },
        });
    });
}

describe('a question after sentences that only tell', () => {
    const recognizer = recognizerReading({
        'We are a family of four. My wife is a nurse. Do we need a job offer?': unsure('family-members', 'job-offer-lmia'),
        'Do we need a job offer?': confident('job-offer-lmia'),
        'We are a family of four. My wife is a nurse. Can she work?': unsure('family-members', 'job-offer-lmia'),
        'Can she work?': confident('spouse-work'),
    });

    it('settles the whole’s "Did you mean…?" when the question alone clearly asks one of the two', () => {
        expect(recognizer.understand('We are a family of four. My wife is a nurse. Do we need a job offer?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'job-offer-lmia' },
        });
    });

    it('keeps the "Did you mean…?" when the question alone asks something else', () => {
        expect(recognizer.understand('We are a family of four. My wife is a nurse. Can she work?', 'en')).toMatchObject({
            kind: 'clarify',
        });
    });
});

describe('"he" or "she" in a last question, about the person the story named', () => {
    const welder = 'We have two kids and my husband is a welder. Will he be allowed to work too?';
    const csq = 'My husband’s CSQ expires in March and we have not filed PR yet. Can he still use it for IMP+?';
    const recognizer = recognizerReading({
        [welder]: confident('children-school'),
        'will my husband be allowed to work too': confident('spouse-work'),
        [csq]: confident('csq-expiry'),
        'can my husband still use it for imp+': confident('spouse-work'),
    });

    it('reads the question with that person named', () => {
        expect(recognizer.understand(welder, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });

    it('keeps the whole’s reading when the question also says "it" of what the story named', () => {
        expect(recognizer.understand(csq, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'csq-expiry' } });
    });

    it('reads two questions when it names two persons, each the one of the story', () => {
        const family = 'My wife is a pharmacist and our son is 10 years old. Can she work in Quebec, and may he attend school there?';
        const read = recognizerReading({
            [family]: confident('spouse-work', 0.81),
            'can my wife work in quebec': confident('spouse-work'),
            'may my son attend school there': confident('children-school'),
        }).understand(family, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' }, also: { id: 'children-school' } });
    });

    it('reads it so even when the whole reads as a guided flow, which is the writer’s own', () => {
        const midwife = 'Ma femme est sage-femme à Abidjan. Si j’ai le PMI+ elle aussi peut avoir un permis de travail ?';
        const read = recognizerReading({
            [midwife]: confident('start-permit', 0.81),
            'si j ai le pmi+ ma femme aussi peut avoir un permis de travail': confident('spouse-work', 0.8),
        }).understand(midwife, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });
});

describe('a request before sentences that tell', () => {
    const recognizer = recognizerReading({
        'What can you help me with? I am asking for a client of our community centre.': { kind: 'none', score: 0.2 },
        'What can you help me with?': confident('help', 0.7),
        'Can I talk to someone? My case is complicated.': { kind: 'none', score: 0.2 },
        'Can I talk to someone?': confident('advisor', 0.75),
        'Any guidance for me? I am new here.': { kind: 'none', score: 0.2 },
        'Any guidance for me?': unsure('help', 'advisor'),
    });

    it.each([
        ['What can you help me with? I am asking for a client of our community centre.', 'help'],
        ['Can I talk to someone? My case is complicated.', 'advisor'],
    ])('carries out the request the first sentence clearly makes, what follows being only its background: %s', (text, command) => {
        expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'command', command });
    });

    it('still refuses when the first sentence is read only weakly', () => {
        expect(recognizer.understand('Any guidance for me? I am new here.', 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a question beside a clause about the writer', () => {
    const recognizer = recognizerReading({
        'how much is the fee?': confident('fees'),
        'Can I change jobs on this permit?': confident('employers'),
        // Read as about something else as a whole: the writer's hospital and clinic.
        "Can I change jobs on this permit? I'm a nurse and I might move to a clinic.": { kind: 'none', score: 0.3, offTopic: true },
        'I applied for a job at a grocery store, how long do they take to answer?': {
            kind: 'none',
            score: 0.3,
            offTopic: true,
        },
        'how long do they take to answer?': confident('processing-times'),
        "Je fais mes impôts au Québec pour la première fois, c'est quels formulaires?": { kind: 'none', score: 0.3, offTopic: true },
        "c'est quels formulaires?": confident('application-form'),
        'est ce que moi je suis admissible a ce permis la': confident('start-eligibility', 0.85),
    });

    it('starts the guided flow asked for after a story typed without punctuation', () => {
        const story =
            "j'ai mon csq depuis mars 2023 je suis encore en roumanie avec ma femme et on attend la residence permanente depuis longtemps";
        expect(recognizer.understand(`${story} est ce que moi je suis admissible a ce permis la`, 'fr')).toMatchObject({
            kind: 'dialog',
            target: 'eligibility',
        });
    });

    it('answers the question before clauses that tell', () => {
        expect(recognizer.understand("Can I change jobs on this permit? I'm a nurse and I might move to a clinic.", 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'employers' },
        });
    });

    it('leaves to the context a question that says "they" when the whole is about something else', () => {
        expect(recognizer.understand('I applied for a job at a grocery store, how long do they take to answer?', 'en')).toMatchObject({
            kind: 'refuse',
        });
    });

    it('leaves to the context a question that says « c’est » when the whole is about something else', () => {
        expect(recognizer.understand("Je fais mes impôts au Québec pour la première fois, c'est quels formulaires?", 'fr')).toMatchObject({
            kind: 'refuse',
        });
    });

    it('answers the question after a clause that tells', () => {
        expect(recognizer.understand('I live in Toronto, how much is the fee?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
        });
    });

    it('does not take a clause that asks ("Do I need a permit from the city") for one that tells', () => {
        expect(recognizer.understand('Do I need a city permit, how much is the fee?', 'en')).toMatchObject({
            kind: 'refuse',
        });
    });
});

describe('a question about the bot that asks to talk to someone', () => {
    const recognizer = recognizerReading({
        'i want a real human not a bot': confident('whoAreYou'),
        'talk to you later': confident('goodbye'),
    });

    it('is the request for an advisor', () => {
        expect(recognizer.understand('i want a real human not a bot', 'en')).toMatchObject({ kind: 'command', command: 'advisor' });
    });

    it('leaves a goodbye a goodbye', () => {
        expect(recognizer.understand('talk to you later', 'en')).toMatchObject({ kind: 'answer', topic: { id: 'goodbye' } });
    });
});

describe('between who the bot is and an advisor', () => {
    const recognizer = recognizerReading({
        'you’re a real person from the firm, yes?': unsure('whoAreYou', 'advisor'),
        'Suis-je en train d’échanger avec un agent ou avec un programme ?': unsure('advisor', 'whoAreYou'),
        'can I get a human please, this is too complicated for a chatbot': unsure('advisor', 'whoAreYou'),
        'is there someone from the firm for this?': unsure('whoAreYou', 'advisor'),
    });

    it.each([
        ['en', 'you’re a real person from the firm, yes?'],
        ['fr', 'Suis-je en train d’échanger avec un agent ou avec un programme ?'],
    ] as const)('answers who the bot is when the message asks what it is talking to: %s', (language, text) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'whoAreYou' } });
    });

    it('reaches an advisor when the message asks to get a person', () => {
        expect(recognizer.understand('can I get a human please, this is too complicated for a chatbot', 'en')).toMatchObject({
            kind: 'command',
            command: 'advisor',
        });
    });

    it('still asks which one was meant when the message says neither', () => {
        expect(recognizer.understand('is there someone from the firm for this?', 'en')).toMatchObject({ kind: 'clarify' });
    });
});

describe('a person at another office', () => {
    const consulat = 'J’ai perdu mon passeport ici, je contacte mon consulat ou IRCC ?';
    const ircc = 'is there a phone number that works with a human at IRCC';
    const yourOffice = 'could someone from your office call IRCC for me?';
    const recognizer = recognizerReading({
        [consulat]: confident('advisor'),
        [ircc]: confident('advisor'),
        [yourOffice]: confident('advisor'),
    });

    it.each([
        [consulat, 'fr'],
        [ircc, 'en'],
    ] as const)('is no request for the firm’s advisor: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('still is, when the message speaks to the firm', () => {
        expect(recognizer.understand(yourOffice, 'en')).toMatchObject({ kind: 'command', command: 'advisor' });
    });
});

describe('a short first question', () => {
    const recognizer = recognizerReading({
        'biometrics? and the medical exam too?': confident('medical-exam', 0.8),
        'biometrics?': confident('biometrics'),
        'and the medical exam too?': confident('medical-exam'),
        'wife? she is coming with me, can she work': confident('spouse-work', 0.8),
        'wife?': unsure('family-members', 'spouse-work'),
        'she is coming with me, can she work': confident('spouse-work'),
        'prix pis delai de traitement?': unsure('fees', 'processing-times'),
        prix: confident('fees'),
        'delai de traitement?': confident('processing-times'),
        'my wife and I are applying, what documents?': confident('documents-list', 0.8),
        'my wife': confident('spouse-work'),
        'I are applying, what documents?': confident('documents-list'),
        'whats MIFI and how do they decide who gets invited': confident('invitation-request', 0.8),
        'whats MIFI': confident('what-is-mifi'),
        'how do they decide who gets invited': confident('invitation-request'),
    });

    it('is a question of its own when it starts by asking and clearly names one topic, without a question mark', () => {
        expect(recognizer.understand('whats MIFI and how do they decide who gets invited', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-mifi' },
            also: { id: 'invitation-request' },
        });
    });

    it('is a question of its own when it asks and clearly names one topic', () => {
        expect(recognizer.understand('biometrics? and the medical exam too?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'biometrics' },
            also: { id: 'medical-exam' },
        });
    });

    it('is a question of its own before a question when it clearly names one topic', () => {
        expect(recognizer.understand('prix pis delai de traitement?', 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });

    it('is who the next question is about when it names a person', () => {
        const reading = recognizer.understand('my wife and I are applying, what documents?', 'en');
        expect(reading).toMatchObject({ kind: 'answer', topic: { id: 'documents-list' } });
        expect(reading).not.toHaveProperty('also');
    });

    it('is the subject of the next one when it does not clearly name a topic', () => {
        const reading = recognizer.understand('wife? she is coming with me, can she work', 'en');
        expect(reading).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
        expect(reading).not.toHaveProperty('also');
    });
});

describe('a short second question', () => {
    const recognizer = recognizerReading({
        'how long does it take from abroad? total fees?': confident('processing-times', 0.6),
        'how long does it take from abroad?': confident('processing-times'),
        'total fees?': confident('fees'),
        'how long does it take from abroad? for me?': confident('processing-times', 0.6),
        'for me?': confident('fees', 0.5),
    });

    it('is answered too when it asks and clearly names another topic', () => {
        expect(recognizer.understand('how long does it take from abroad? total fees?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'processing-times' },
            also: { id: 'fees' },
        });
    });

    it('is not when it names nothing clearly', () => {
        expect(recognizer.understand('how long does it take from abroad? for me?', 'en')).not.toHaveProperty('also');
    });
});

describe('two halves that each start by asking', () => {
    const recognizer = recognizerReading({
        'how much is it and how long does it take': confident('processing-times', 0.8),
        'how much is it': confident('fees', 0.6),
        'how long does it take': confident('processing-times', 0.8),
        'fees for my wife and how long does it take': confident('processing-times', 0.8),
        'fees for my wife': confident('fees', 0.6),
    });

    it('are two questions, though the first alone reads less clearly than the whole', () => {
        expect(recognizer.understand('how much is it and how long does it take', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });

    it('are not when the first half only names something', () => {
        expect(recognizer.understand('fees for my wife and how long does it take', 'en')).not.toHaveProperty('also');
    });
});

describe('a first half that opens a condition', () => {
    const relocate = 'so if i land montreal with the permit and later i want to relocate to calgary, is that allowed';
    const renew = 'if i land montreal can i move to calgary later and can i renew it after??';
    const recognizer = recognizerReading({
        [relocate]: confident('quebec-only', 0.7),
        'so if i land montreal with the permit': confident('criteria-outside-quebec'),
        'later i want to relocate to calgary, is that allowed': confident('quebec-only'),
        [renew]: confident('quebec-only', 0.7),
        'if i land montreal can i move to calgary later': confident('quebec-only'),
        'can i renew it after??': confident('permit-expiry'),
    });

    dropsSecondAnswer(
        recognizer,
        'en',
        'quebec-only',
        { as: 'is what the second half asks under, not a question of its own', text: relocate },
        { as: 'is a question of its own when it asks after the condition', text: renew, also: 'permit-expiry' },
    );
});

describe('a second question that says "it"', () => {
    const recognizer = recognizerReading({
        'what is a CSQ and how long is it valid?': confident('csq-expiry', 0.8),
        'what is a CSQ': confident('what-is-csq'),
        'how long is it valid?': confident('duration'),
        'how long is it valid? the CSQ': confident('csq-expiry'),
        'what are the fees and how long is it valid?': confident('fees', 0.8),
        'what are the fees': confident('fees'),
    });

    it('is about the first question’s subject', () => {
        expect(recognizer.understand('what is a CSQ and how long is it valid?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-csq' },
            also: { id: 'csq-expiry' },
        });
    });

    it('is read on its own after a question without a subject', () => {
        expect(recognizer.understand('what are the fees and how long is it valid?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'duration' },
        });
    });
});

describe('a short subject named after a question, without a question mark', () => {
    const recognizer = recognizerReading({
        'what is the CSQ and MIFI': confident('what-is-mifi'),
        'what is the CSQ': confident('what-is-csq'),
        MIFI: confident('what-is-mifi'),
        'what are the fees for me and my wife': confident('fees'),
        'what are the fees for me': confident('fees', 0.8),
        'my wife': confident('spouse-work'),
        'what is the CSQ and the MIFI': unsure('what-is-csq', 'what-is-mifi'),
        'the MIFI': confident('what-is-mifi'),
    });

    it('is a second question when the whole reads as it', () => {
        expect(recognizer.understand('what is the CSQ and MIFI', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-csq' },
            also: { id: 'what-is-mifi' },
        });
    });

    it('is a second question when the whole hesitates between the two halves’ topics', () => {
        expect(recognizer.understand('what is the CSQ and the MIFI', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-csq' },
            also: { id: 'what-is-mifi' },
        });
    });

    it('is part of the question when the whole reads as the question', () => {
        const reading = recognizer.understand('what are the fees for me and my wife', 'en');
        expect(reading).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
        expect(reading.kind === 'answer' && reading.also).toBeFalsy();
    });
});

describe('a long message whose question alone is not clear', () => {
    const told =
        'Tell me the program is not closed already. I just got my CSQ, I am a stage manager in Montreal. Is it still taking applications?';
    const recognizer = recognizerReading({
        'Is it still taking applications?': unsure('program-status', 'caps'),
        'I just got my CSQ,': confident('what-is-csq', 0.56),
        'Tell me the program is not closed already.': confident('program-status', 0.81),
    });

    it('is not read through a clause that only says what the writer has', () => {
        expect(recognizer.understand(told, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'program-status' } });
    });
});

describe('a long story whose questions are about something else', () => {
    const story = 'I got my IMP+ permit last year and I work in Sherbrooke with my wife.';
    const passport = 'How long does a passport renewal take at the consulate in Montreal?';
    const citizenship = 'How do I apply for Canadian citizenship and what is the test like?';
    const vague = 'Is that true, and what is the number?';
    const sponsor = 'How can I sponsor my wife for permanent residence?';
    const unmarked = 'how do we file our tax returns in Quebec';
    const plan = 'I want to send everything before the holidays.';
    const longVague = 'So how does that work and what would it cost me?';
    const telling = 'Can you tell me how they decide it at the border crossing near Lacolle when I drive down?';
    const recognizer = recognizerReading({
        [`${story} ${passport}`]: confident('duration'),
        [passport]: { kind: 'none', score: 0.3, offTopic: true },
        [`${story} ${citizenship}`]: confident('family-members'),
        [citizenship]: confident('oos-citizenship'),
        [`${story} ${vague}`]: confident('caps'),
        [vague]: { kind: 'none', score: 0.3, offTopic: true },
        [`${story} ${sponsor}`]: confident('spouse-work'),
        [sponsor]: unsure('oos-spouse-other-programs', 'oos-sponsor-parents'),
        [`${story} ${unmarked}`]: confident('spouse-work'),
        [unmarked]: { kind: 'none', score: 0.2, offTopic: true },
        [`Please send me the list of documents for an IMP+ application. ${plan}`]: confident('documents-list'),
        [plan]: { kind: 'none', score: 0.2, offTopic: true },
        [`${story} ${passport} How long is the permit valid?`]: confident('duration'),
        'How long is the permit valid?': confident('duration'),
        [`${story} How long does a renewal take?`]: confident('duration'),
        'How long does a renewal take?': { kind: 'none', score: 0.3 },
        [`${story} ${longVague}`]: confident('restoration'),
        [longVague]: { kind: 'none', score: 0.3, offTopic: true },
        [`${story} ${telling}`]: confident('duration'),
        [telling]: { kind: 'none', score: 0.3, offTopic: true },
    });

    it('refuses the whole when its question alone reads as off topic', () => {
        expect(recognizer.understand(`${story} ${passport}`, 'en')).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('refuses with the near miss’s own answer when its question alone is one', () => {
        expect(recognizer.understand(`${story} ${citizenship}`, 'en')).toMatchObject({ kind: 'refuse', topic: { id: 'oos-citizenship' } });
    });

    it('refuses with the first of two near misses its question alone hesitates between', () => {
        expect(recognizer.understand(`${story} ${sponsor}`, 'en')).toMatchObject({
            kind: 'refuse',
            topic: { id: 'oos-spouse-other-programs' },
        });
    });

    it('reads the last sentence as its question when no sentence has a question mark', () => {
        expect(recognizer.understand(`${story} ${unmarked}`, 'en')).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('keeps the answer when that last sentence only tells about the writer', () => {
        expect(recognizer.understand(`Please send me the list of documents for an IMP+ application. ${plan}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'documents-list' },
        });
    });

    it('keeps the answer when one of its questions is about IMP+', () => {
        expect(recognizer.understand(`${story} ${passport} How long is the permit valid?`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'duration' },
        });
    });

    it('keeps the answer when the question leaves its subject to the story, or only reads as unclear', () => {
        expect(recognizer.understand(`${story} ${vague}`, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'caps' } });
        expect(recognizer.understand(`${story} How long does a renewal take?`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'duration' },
        });
    });

    it('keeps the answer when a long question says "it" and names nothing', () => {
        expect(recognizer.understand(`${story} ${longVague}`, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'restoration' } });
    });

    it('reads alone a question long enough to tell what it asks about, even with "it"', () => {
        expect(recognizer.understand(`${story} ${telling}`, 'en')).toMatchObject({ kind: 'refuse', offTopic: true });
    });
});

describe('the cost of a topic whose answer says what it costs', () => {
    const recognizer = recognizerReading({
        'How does restoration of status work?': confident('restoration'),
        'And how much does it cost?': confident('fees'),
        'How much is the IMP+ permit?': confident('fees'),
        'And do I give fingerprints?': confident('biometrics'),
    });

    it('answers the topic alone, not the general fees beside it', () => {
        const reading = recognizer.understand('How does restoration of status work? And how much does it cost?', 'en');
        expect(reading).toMatchObject({ kind: 'answer', topic: { id: 'restoration' } });
        expect(reading).not.toHaveProperty('also');
    });

    it('still answers the fees beside another topic', () => {
        expect(recognizer.understand('How much is the IMP+ permit? And do I give fingerprints?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'biometrics' },
        });
    });
});

describe('a long message whose own question is refused', () => {
    const moving = "We're moving to Montreal in August with our two boys,";
    const approved = "my husband's work permit is already approved.";
    const recognizer = recognizerReading({
        // The whole reads as nothing; of its clauses only the one that tells reads as an IMP+ topic.
        [approved]: confident('spouse-work'),
        'Which neighbourhoods would you recommend?': { kind: 'none', score: 0.15 },
        'What should we do about it?': { kind: 'none', score: 0.15 },
        'MIFI sent me a letter in French.': confident('what-is-mifi'),
        'Can you translate it to English for me?': { kind: 'none', score: 0.3, offTopic: true },
    });

    it('does not answer from what the message tells when its question says what it asks and is refused', () => {
        expect(recognizer.understand(`${moving} ${approved} Which neighbourhoods would you recommend?`, 'en')).toMatchObject({
            kind: 'refuse',
        });
    });

    it('does not answer from what it tells when its question is surely about something else, even with "it"', () => {
        const quoted =
            "MIFI sent me a letter in French. One sentence says: 'Vous devez transmettre les documents.' Can you translate it to English for me?";
        expect(recognizer.understand(quoted, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('still reads what it tells when its question leaves its subject to the story', () => {
        expect(recognizer.understand(`${moving} ${approved} What should we do about it?`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'spouse-work' },
        });
    });
});

describe('a question that says "that" about the one subject named before it', () => {
    const recognizer = recognizerReading({
        // Read with its subject named by the word the message used (`SubjectWords.wordNaming`).
        'what does that stand for? csq': confident('what-is-csq'),
        'what even is that csq': confident('what-is-csq'),
        'what IS this thing exactly?? imp+': confident('what-is-imp'),
        'what is that exactly pmi': confident('what-is-imp'),
        'what even IS it?? imp+': confident('what-is-imp'),
        'What even is it? imp+': confident('what-is-imp'),
        'where do I renew it from here? imp+': confident('permit-expiry'),
        // Named as the permit rather than as the program, it reads as another topic.
        'what IS this thing exactly?? the work permit': confident('open-vs-employer-specific'),
    });

    it('reads it about that subject when the whole is refused', () => {
        expect(recognizer.understand('people in the group keep writing CSQ, what does that stand for?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-csq' },
        });
    });

    it('reads a question typed without its "?" when it starts with a question word', () => {
        expect(recognizer.understand('foreman told me I need a CSQ before anything. what even is that', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-csq' },
        });
    });

    it('names the subject with the word the message used: IMP+, the program, not "the work permit"', () => {
        const panicked = "my consultant keeps saying IMP+ IMP+ like I'm supposed to know. I'm panicking. what IS this thing exactly??";
        expect(recognizer.understand(panicked, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it('reads the question before a remark that asks nothing', () => {
        const remark = 'my cousin keeps saying IMP+ like its some magic trick. what even IS it?? sounds made up tbh';
        expect(recognizer.understand(remark, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it('knows the program by "PMI plus", as it is said aloud', () => {
        const airbnb = 'a guy at my airbnb mentioned something called PMI plus. what is that exactly';
        expect(recognizer.understand(airbnb, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it('reads it about the one thing named that is not the writer’s own ("my CSQ", "her CSQ")', () => {
        const boss = 'My boss keeps telling me to look into IMP+ now that I got my CSQ. What even is it?';
        expect(recognizer.understand(boss, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it('not when it asks something else of the writer’s own thing ("my passport…, where do I renew it")', () => {
        const passport = 'I’m on IMP+ and my passport expires next spring, where do I renew it from here?';
        expect(recognizer.understand(passport, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('leaves it refused when what was named may be something else ("a permit from the city", a visa)', () => {
        expect(recognizer.understand('the city wants a permit for my balcony, what does that stand for?', 'en')).toMatchObject({
            kind: 'refuse',
        });
        expect(recognizer.understand('my CSQ and my visa are both in the envelope, what does that stand for?', 'en')).toMatchObject({
            kind: 'refuse',
        });
    });
});

describe('a second question followed by context', () => {
    const first = 'How much are the government fees for the IMP+ application?';
    const second = 'Are the biometrics fees extra?';
    const context = 'I have to plan the budget with my wife.';
    const recognizer = recognizerReading({
        [first]: confident('fees'),
        [second]: confident('biometrics'),
        [`${second} ${context}`]: { kind: 'none', score: 0.4 },
        [`${second} Or is that included? ${context}`]: { kind: 'none', score: 0.4 },
    });

    it('answers both questions, the second read without the context after it', () => {
        expect(recognizer.understand(`${first} ${second} ${context}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'biometrics' },
        });
    });

    it('answers the first two questions when a third follows them', () => {
        expect(recognizer.understand(`${first} ${second} Or is that included? ${context}`, 'en')).toMatchObject({
            topic: { id: 'fees' },
            also: { id: 'biometrics' },
        });
    });
});

describe('a guided flow asked for, then why', () => {
    const recognizer = recognizerReading({ 'where do i start??': confident('start-steps', 1) });

    it('starts the flow, read without the context after it', () => {
        expect(recognizer.understand('where do i start?? two kids under 4 and zero time', 'en')).toMatchObject({
            kind: 'dialog',
            topic: 'start-steps',
        });
    });
});

describe('two questions, then a last sentence that tells without its full stop', () => {
    const girlfriend = 'can my girlfriend work too?';
    const toronto = 'and me, could the permit let me take a job in toronto if the one in quebec falls through?';
    const recognizer = recognizerReading({
        [`${girlfriend} ${toronto}`]: confident('quebec-only', 0.51),
        [girlfriend]: confident('spouse-work'),
        [toronto]: confident('quebec-only', 0.59),
        [toronto.replace('and me, ', '')]: confident('quebec-only', 0.59),
        // Read alone, the last sentence leans to a topic it does not ask about.
        'we need to know before selling the house': confident('what-to-prepare', 0.59),
        'can my husband work too?': confident('spouse-work'),
        'n the kids can they go to school': confident('children-school'),
        // A verb that may ask, past the first word and before no one it asks of: it tells.
        'my boss is budgeting the move': confident('employers', 0.59),
    });

    it.each([
        // Only the questions' background: the two questions are answered.
        [`${girlfriend} ${toronto} we need to know before selling the house`, 'spouse-work', 'quebec-only'],
        [`${girlfriend} ${toronto} my boss is budgeting the move`, 'spouse-work', 'quebec-only'],
        // A word that may ask ("can"): it is one more question.
        ['can my husband work too? n the kids can they go to school', 'spouse-work', 'children-school'],
    ])('%s → %s and %s', (message, topic, also) => {
        expect(recognizer.understand(message, 'en')).toMatchObject({ kind: 'answer', topic: { id: topic }, also: { id: also } });
    });
});

describe('the clause of a long message that asks', () => {
    const check = 'can you check if i qualify please. nanny in hampstead 4 years, i have CSQ, waiting for PR since last year';
    const vague = 'nanny in hampstead for 4 years, i have CSQ, waiting for PR since last year';
    const recognizer = recognizerReading({
        'can you check if i qualify please.': confident('start-eligibility', 0.9),
        'waiting for PR since last year': confident('purpose', 0.5),
        'mon ami a le permis PMI+,': confident('what-is-imp'),
        'il peut avoir deux patrons en même temps': confident('employers', 0.5),
    });
    const named = 'mon ami a le permis PMI+, il travaille dans un resto, il peut avoir deux patrons en même temps';

    it('is the one that reads clearly, before one read vaguely nearer the end', () => {
        expect(recognizer.understand(check, 'en')).toMatchObject({ kind: 'dialog', topic: 'start-eligibility' });
    });

    it('is the one read vaguely nearer the end when the clear one before it only names something', () => {
        expect(recognizer.understand(named, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'employers' } });
    });

    it('is the one read vaguely when none reads clearly', () => {
        expect(recognizer.understand(vague, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'purpose' } });
    });
});

describe('a request inside a long message', () => {
    const message = 'We are not applying anymore after all, so please delete everything I entered about my kids, thank you';
    const advisor = 'We are in Bogota with our two daughters and it is all very confusing, can someone from your team call me?';
    const menu = 'We are in Bogota with our two daughters and it is all very confusing, so show me what you can do please';
    const vague = 'My warranty claim for my broken phone is still pending since one month, kindly advise who to call';
    const recognizer = recognizerReading({
        [message]: { kind: 'none', score: 0.4, offTopic: true },
        'so please delete everything I entered about my kids, thank you': confident('deleteData'),
        [advisor]: { kind: 'none', score: 0.3 },
        'can someone from your team call me?': confident('advisor'),
        [menu]: { kind: 'none', score: 0.3 },
        'so show me what you can do please': confident('help'),
        [vague]: { kind: 'none', score: 0.3 },
        'kindly advise who to call': confident('advisor', 0.5),
    });

    it('is that request, even when the rest reads as about something else', () => {
        expect(recognizer.understand(message, 'en')).toMatchObject({ kind: 'command', command: 'deleteData', inferred: true });
        expect(recognizer.understand(advisor, 'en')).toMatchObject({ kind: 'command', command: 'advisor' });
    });

    it('is never another command heard in a clause', () => {
        expect(recognizer.understand(menu, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('reaches a person only on a clause that clearly asks for one', () => {
        expect(recognizer.understand(vague, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('two question sentences among sentences that tell', () => {
    const medical = 'Do I need a medical exam for the permit?';
    const police = 'Do I also need a police certificate?';
    const message = `I am a nurse in Lyon. ${medical} My brother did one last year. ${police}`;
    const sameTopic = `I am a nurse in Lyon. ${medical} My brother did one last year. Is it done by any doctor?`;
    const unclear = `I am a nurse in Lyon. ${medical} My brother did one last year. What about the other one?`;
    const recognizer = recognizerReading({
        [message]: confident('medical-exam', 0.5),
        [sameTopic]: confident('medical-exam', 0.5),
        [unclear]: confident('medical-exam', 0.5),
        [medical]: confident('medical-exam'),
        [police]: confident('police-certificates'),
        'Is it done by any doctor?': confident('medical-exam'),
        'What about the other one?': confident('police-certificates', 0.5),
    });

    it('answers both when each clearly asks a different thing', () => {
        expect(recognizer.understand(message, 'en')).toMatchObject({ topic: { id: 'medical-exam' }, also: { id: 'police-certificates' } });
    });

    it('answers one when they ask the same thing, or the second is unclear', () => {
        expect(recognizer.understand(sameTopic, 'en')).not.toHaveProperty('also');
        expect(recognizer.understand(unclear, 'en')).not.toHaveProperty('also');
    });
});

describe('courtesy around a question', () => {
    const recognizer = recognizerReading({
        'how much are the fees': confident('fees'),
        'quels sont les frais': confident('fees'),
        'what is International Mobility Program Plus all about?': confident('what-is-imp'),
        'what is International Mobility Program': confident('what-is-imp'),
        'all about?': confident('goodbye'),
    });

    it.each([
        ['Good day sir, how much are the fees?', 'en'],
        ['Hello po, how much are the fees?', 'en'],
        ['Dear Sir or Madam, how much are the fees?', 'en'],
        ['Madame, Monsieur, quels sont les frais?', 'fr'],
        ['Bonsoir madame, quels sont les frais?', 'fr'],
    ] as const)('reads the question after a greeting as people write it: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });

    it('does not cut the program’s name at its "Plus"', () => {
        const reading = recognizer.understand('what is International Mobility Program Plus all about?', 'en');
        expect(reading).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
        expect(reading).not.toHaveProperty('also');
    });
});

describe('a story that makes its question another program’s', () => {
    const student = 'My wife studies at McGill on a study permit and we have no CSQ.';
    const working = 'My wife works in Toronto and we have no CSQ.';
    const question = 'Can I get an open work permit as her spouse?';
    const recognizer = recognizerReading({
        [question]: confident('spouse-work'),
        // The whole, each way the matcher may lean to the near miss without answering it.
        [`${student} Honestly it is all new to us. ${question}`]: {
            kind: 'none',
            score: 0.4,
            nearMiss: [topic('spouse-work'), topic('oos-spouse-other-programs')],
        },
        [`${student} We read about it on a forum last week. ${question}`]: {
            kind: 'none',
            score: 0.4,
            unsure: [topic('spouse-work'), topic('oos-spouse-other-programs')],
        },
        [`${working} ${question}`]: unsure('oos-spouse-other-programs', 'spouse-work'),
        // The same whole without a near miss among its best topics, or with one beside another answer.
        [`I got my CSQ and we are moving to Gatineau soon. Honestly it is all new to us. ${question}`]: { kind: 'none', score: 0.4 },
        [`I live in Winnipeg since 2020 and honestly it is all new to us. ${question}`]: {
            kind: 'none',
            score: 0.4,
            nearMiss: [topic('criteria-outside-quebec'), topic('oos-study-other-provinces')],
        },
    });

    it('is not answered from its question alone when the whole leans to the near miss', () => {
        expect(recognizer.understand(`${student} Honestly it is all new to us. ${question}`, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('is not answered from its question alone when the near miss is one of the two the whole hesitates between', () => {
        expect(recognizer.understand(`${student} We read about it on a forum last week. ${question}`, 'en')).not.toMatchObject({
            kind: 'answer',
        });
    });

    it('keeps its "Did you mean…?" with the near miss rather than settling it by the question alone', () => {
        expect(recognizer.understand(`${working} ${question}`, 'en')).toMatchObject({ kind: 'clarify' });
    });

    it('is still answered from its question when the near miss the whole leans to is beside another answer', () => {
        expect(recognizer.understand(`I live in Winnipeg since 2020 and honestly it is all new to us. ${question}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'spouse-work' },
        });
    });

    it('is still answered from its question when no near miss is among the whole’s best topics', () => {
        expect(
            recognizer.understand(`I got my CSQ and we are moving to Gatineau soon. Honestly it is all new to us. ${question}`, 'en'),
        ).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });
});

describe('a "Did you mean…?" between an IMP+ topic and a near miss whose own words the message says', () => {
    const student = 'My wife is doing a master’s at McGill on a study permit, can I get an open work permit as her spouse?';
    const etudiante = 'Ma femme étudie à l’UQAM avec un permis d’études, je peux-tu avoir un permis ouvert comme conjoint?';
    const selection = 'Give me the steps to get a CSQ through the PSTQ';
    const withImpPlus = 'My wife is on a study permit. If I get IMP+, can she work too?';
    const expressEntry = 'How much does the Express Entry PR application cost in total';
    const entreeExpress = 'Combien coûte une demande en Entrée express au total?';
    // Quebec's own selection: which program gets one a CSQ, the streams of the PSTQ.
    const faster = 'PEQ vs PSTQ, which one gets you a CSQ faster';
    const volets = 'le PSTQ c’est quoi les 4 volets, je suis perdue';
    const recognizer = recognizerReading({
        [expressEntry]: unsure('fees', 'oos-express-entry'),
        [entreeExpress]: unsure('oos-express-entry', 'fees'),
        [student]: unsure('spouse-work', 'oos-spouse-other-programs'),
        [etudiante]: { kind: 'none', score: 0.3, unsure: [topic('oos-spouse-other-programs'), topic('spouse-work')] },
        [selection]: unsure('pstq-peq-holders', 'oos-quebec-selection'),
        [withImpPlus]: unsure('spouse-work', 'oos-spouse-other-programs'),
        [faster]: unsure('pstq-peq-holders', 'oos-quebec-selection'),
        [volets]: unsure('oos-quebec-selection', 'pstq-peq-holders'),
    });

    it.each([
        [student, 'en', 'oos-spouse-other-programs'],
        [etudiante, 'fr', 'oos-spouse-other-programs'],
        [selection, 'en', 'oos-quebec-selection'],
        [faster, 'en', 'oos-quebec-selection'],
        [volets, 'fr', 'oos-quebec-selection'],
        [expressEntry, 'en', 'oos-express-entry'],
        [entreeExpress, 'fr', 'oos-express-entry'],
    ] as const)('is refused in the near miss’s words: %s', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', topic: { id } });
    });

    it('keeps the "Did you mean…?" when the message names IMP+', () => {
        expect(recognizer.understand(withImpPlus, 'en')).toMatchObject({ kind: 'clarify' });
    });
});

describe('a second question about a topic often asked with the first', () => {
    const family = 'Mon mari peut-il travailler lui aussi et nos enfants iront-ils à l’école ?';
    const budget = 'How much does it cost? And how long should I expect to wait?';
    const told = 'My wife will work too, but can the kids go to school?';
    const schoolFees = 'Can they go to the public school for free? Or we must pay?';
    const checks = 'Police certificate and medical exam, are both needed?';
    // The permit's duration goes with what IMP+ is, and with where one may work.
    const valid = 'How long is the permit valid? And can I work in Ontario with it?';
    const quota = 'Is there a max number of permits this year, and is the program even open right now?';
    const stillOpen = 'What is PMI+ exactly, and is it still open today?';
    // Two things asked with "or", and two ways of doing one thing.
    const choice = 'Faut-il un test de langue ou une promesse d’embauche pour le PMI+ ?';
    const ways = 'How do I make the demand for this permit? By internet or I send papers to the embassy?';
    // A few words before the word that asks; "when" also tells, and does not ask after them.
    const preamble = 'Quick one: what is IMP+ and how long does the permit last?';
    const backWhen = 'Back when my cousin came, his employer had to get an LMIA. Will my boss need one for IMP+?';
    const recognizer = recognizerReading({
        [preamble]: confident('duration'),
        'quick one what is imp+': confident('what-is-imp'),
        [backWhen]: confident('job-offer-lmia'),
        'back when my cousin came his employer had to get an lmia': confident('employers'),
        [choice]: confident('language-test'),
        'une promesse d embauche pour le pmi+': confident('job-offer-lmia'),
        [ways]: confident('how-to-apply'),
        'i send papers to the embassy': confident('documents-list'),
        [family]: confident('children-school'),
        'mon mari peut il travailler lui aussi': confident('spouse-work'),
        [budget]: confident('fees'),
        'how long should i expect to wait': confident('processing-times'),
        [told]: confident('children-school'),
        'my wife will work too': confident('spouse-work'),
        [schoolFees]: confident('children-school'),
        'or we must pay': confident('fees'),
        [checks]: confident('police-certificates'),
        'medical exam are both needed': confident('medical-exam'),
        [valid]: confident('duration'),
        'can i work in ontario with it': confident('quebec-only'),
        [quota]: confident('caps'),
        'is the program even open right now': confident('program-status'),
        [stillOpen]: confident('program-status'),
        'what is pmi+ exactly': confident('what-is-imp'),
    });

    it.each([
        [family, 'fr', 'children-school', 'spouse-work'],
        [budget, 'en', 'fees', 'processing-times'],
        [checks, 'en', 'police-certificates', 'medical-exam'],
        [valid, 'en', 'duration', 'quebec-only'],
        [quota, 'en', 'caps', 'program-status'],
        [stillOpen, 'en', 'program-status', 'what-is-imp'],
        [choice, 'fr', 'language-test', 'job-offer-lmia'],
        [preamble, 'en', 'duration', 'what-is-imp'],
    ] as const)('answers both when a part asks the other in its own words: %s', (text, language, first, second) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: first }, also: { id: second } });
    });

    it.each([
        ['Vendor wants to book early: do I need a medical and police certificates for IMP+?', 'en'],
        ['Medical exam and police certificate: tell me if I need both, I apply from Manila', 'en'],
        ['Faut-tu la visite médicale et le casier judiciaire pour le PMI+ ?', 'fr'],
    ] as const)('answers both when the two are named side by side in a sentence that asks: %s', (text, language) => {
        const named = new Recognizer(t, {
            match: (asked) => (asked.trim() === text ? confident('police-certificates') : { kind: 'none', score: 0 }),
            topic: (id) => topic(id),
        });
        expect(named.understand(text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: 'police-certificates' },
            also: { id: 'medical-exam' },
        });
    });

    it.each([
        ['Donc pas besoin de test de langue ni d’EIMT, c’est bien ça ?', 'fr'],
        ['no language test and no LMIA needed for IMP+, right?', 'en'],
    ] as const)('answers both when a "Did you mean…?" offers two companions named side by side: %s', (text, language) => {
        const offered = new Recognizer(t, {
            match: (asked) => (asked.trim() === text ? unsure('language-test', 'job-offer-lmia') : { kind: 'none', score: 0 }),
            topic: (id) => topic(id),
        });
        expect(offered.understand(text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: 'language-test' },
            also: { id: 'job-offer-lmia' },
        });
    });

    it.each([
        ['IME and PCC needed for IMP+ OWP?', 'en'],
        ['EMI et casier judiciaire pour le PMI+ ?', 'fr'],
    ] as const)('answers both when a weak reading offers two companions named side by side: %s', (text, language) => {
        const weak = new Recognizer(t, {
            match: (asked) =>
                asked.trim() === text
                    ? { kind: 'none', score: 0.4, unsure: [topic('police-certificates'), topic('medical-exam')] }
                    : { kind: 'none', score: 0 },
            topic: (id) => topic(id),
        });
        expect(weak.understand(text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: 'police-certificates' },
            also: { id: 'medical-exam' },
        });
    });

    it('answers both when the first was pinned by its words', () => {
        const text = 'Y a-tu un test de langue ou une offre d’emploi à avoir pour ce programme-là?';
        const pinned = new Recognizer(t, {
            match: (asked) =>
                asked.includes('offre') && !asked.includes('langue')
                    ? confident('job-offer-lmia')
                    : { kind: 'none', score: asked.trim() === text ? 0.6 : 0 },
            topic: (id) => topic(id),
        });
        expect(pinned.understand(text, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'language-test' },
            also: { id: 'job-offer-lmia' },
        });
    });

    it('answers both when the other is asked as « juste au Québec »', () => {
        const text =
            'superviseure de quart dans un hôtel. le permis pmi+ dure combien de temps pis est-ce qu’il est juste valide au Québec?';
        const juste = new Recognizer(t, {
            match: (asked) =>
                asked.trim() === text
                    ? confident('duration')
                    : asked.includes('juste') && !asked.includes('dure')
                      ? confident('quebec-only')
                      : { kind: 'none', score: 0 },
            topic: (id) => topic(id),
        });
        expect(juste.understand(text, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'duration' }, also: { id: 'quebec-only' } });
    });

    it('does not add a companion named beside the answer in a sentence that only tells', () => {
        const text = 'I did my medical and police certificates last month, all good.';
        const told = new Recognizer(t, {
            match: (asked) => (asked.trim() === text ? confident('police-certificates') : { kind: 'none', score: 0 }),
            topic: (id) => topic(id),
        });
        expect(told.understand(text, 'en')).not.toHaveProperty('also');
    });

    it('does not add what a part only tells', () => {
        expect(recognizer.understand(told, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'children-school' } });
        expect(recognizer.understand(told, 'en')).not.toHaveProperty('also');
    });

    it('does not add a part whose "when" tells rather than asks', () => {
        expect(recognizer.understand(backWhen, 'en')).not.toHaveProperty('also');
    });

    it('adds only the topic paired with the answer', () => {
        expect(recognizer.understand(schoolFees, 'en')).not.toHaveProperty('also');
    });

    it('does not cut at "or" when the sentence does not name the answer too (two ways of doing one thing)', () => {
        expect(recognizer.understand(ways, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'how-to-apply' } });
        expect(recognizer.understand(ways, 'en')).not.toHaveProperty('also');
    });

    it('does not add the next best topic when the part that says its words reads as the answer itself', () => {
        const question = 'What documents do I need to apply?';
        // Read again without its answer, the message leans to how to apply: its words are there, not its question.
        const nextBest = new Recognizer(t, {
            match: (text, _language, without) =>
                without === 'documents-list'
                    ? unsure('documents-list', 'how-to-apply')
                    : ['what documents do i need to apply', question].includes(text.trim())
                      ? confident('documents-list')
                      : { kind: 'none', score: 0 },
        });
        expect(nextBest.understand(question, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'documents-list' } });
        expect(nextBest.understand(question, 'en')).not.toHaveProperty('also');
    });
});

describe('a last question after sentences that named two subjects', () => {
    const story = 'I got my CSQ last week and a friend keeps talking about this IMP+ thing.';
    const recognizer = recognizerReading({
        [`${story} What is it exactly?`]: unsure('what-is-imp', 'what-is-csq'),
        'What is it exactly? imp+': confident('what-is-imp'),
        'What is it exactly? csq': confident('what-is-csq'),
        [`${story} Tell me more.`]: unsure('what-is-imp', 'what-is-csq'),
        // Read with the subject named last, it would lean to IMP+: the person did not say "it" of anything.
        'Tell me more. imp+': confident('what-is-imp'),
    });

    it('settles the "Did you mean…?" by what "it" says of the subject named last', () => {
        expect(recognizer.understand(`${story} What is it exactly?`, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it('keeps it when the last sentence neither names a subject nor says "it"', () => {
        expect(recognizer.understand(`${story} Tell me more.`, 'en')).toMatchObject({ kind: 'clarify' });
    });
});

describe('French « plus » meaning "more"', () => {
    const recognizer = recognizerReading({
        'on paie': confident('fees'),
        "d'impôts au Québec que dans le reste du Canada?": confident('quebec-only'),
        'est-ce que ça coûte': confident('fees'),
        'que le permis fermé?': confident('open-vs-employer-specific'),
    });

    it('does not cut a comparison into two questions (« plus d’impôts … que … »)', () => {
        expect(recognizer.understand("on paie plus d'impôts au Québec que dans le reste du Canada?", 'fr')).toMatchObject({
            kind: 'refuse',
        });
    });

    it('does not cut before « que » (« ça coûte plus que… »)', () => {
        expect(recognizer.understand('est-ce que ça coûte plus que le permis fermé?', 'fr')).toMatchObject({ kind: 'refuse' });
    });
});

describe('French « le plus » (superlative)', () => {
    const recognizer = recognizerReading({
        'c’est quoi le délai le plus court?': confident('processing-times'),
        'c’est quoi le délai le': confident('processing-times'),
        'court?': confident('fees'),
    });

    it('is not a join between two questions', () => {
        const understood = recognizer.understand('c’est quoi le délai le plus court?', 'fr');
        expect(understood).toMatchObject({ kind: 'answer', topic: { id: 'processing-times' } });
        expect(understood).not.toHaveProperty('also');
    });
});

describe('two questions with a sentence that tells between them', () => {
    const biometrics = 'I gave my fingerprints in 2022. Do I have to give them again?';
    const story = 'The nearest centre is six hours away.';
    const medical = 'And the medical exam, do I redo it too?';
    const recognizer = recognizerReading({
        'I gave my fingerprints in 2022.': confident('biometrics'),
        [biometrics]: confident('biometrics'),
        [`${biometrics} ${story}`]: confident('biometrics'),
        [medical]: confident('medical-exam'),
    });

    it('answers both: the story after the first question is its context, not the whole first half', () => {
        expect(recognizer.understand(`${biometrics} ${story} ${medical}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'biometrics' },
            also: { id: 'medical-exam' },
        });
    });
});

describe('a last question that adds itself to a long message', () => {
    const story = 'My sister is a nurse and will work in Quebec City. She did a medical exam last year.';
    const medical = `${story} Does she need a new one?`;
    const recognizer = recognizerReading({
        [medical]: confident('medical-exam'),
        'And will she need a police certificate as well?': confident('police-certificates'),
        'Will she need a police certificate as well?': confident('police-certificates'),
    });

    it('is read beside the first question, however many joins come before it', () => {
        expect(recognizer.understand(`${medical} And will she need a police certificate as well?`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'medical-exam' },
            also: { id: 'police-certificates' },
        });
    });

    it('is not, when it does not add itself ("…? Will she…?" is more often the same question again)', () => {
        expect(recognizer.understand(`${medical} Will she need a police certificate as well?`, 'en')).not.toHaveProperty('also');
    });
});

describe('a question asked again the other way round', () => {
    const recognizer = recognizerReading({
        'When we arrive, can our kids go to the public school for free? Or must we pay?': confident('children-school', 0.65),
        'Quand on arrive, les enfants vont à l’école publique gratuitement? Ou bien faut payer?': confident('children-school', 0.65),
        'When we arrive, can our kids go to the public school for free?': confident('children-school'),
        'Or must we pay?': confident('fees'),
        'Quand on arrive, les enfants vont à l’école publique gratuitement?': confident('children-school'),
        'Ou bien faut payer?': confident('fees'),
    });

    it('is one question ("…for free? Or must we pay?"), in both languages', () => {
        for (const [text, language] of [
            ['When we arrive, can our kids go to the public school for free? Or must we pay?', 'en'],
            ['Quand on arrive, les enfants vont à l’école publique gratuitement? Ou bien faut payer?', 'fr'],
        ] as const) {
            const understood = recognizer.understand(text, language);
            expect(understood, text).toMatchObject({ kind: 'answer', topic: { id: 'children-school' } });
            expect(understood, text).not.toHaveProperty('also');
        }
    });
});

describe('thanks, then a remark that asks nothing', () => {
    const recognizer = recognizerReading({ 'thank you': confident('thanks'), 'merci beaucoup': confident('thanks') });

    it('is the thanks, in both languages', () => {
        for (const [text, language] of [
            ['Thank you, that is a real relief after such a week.', 'en'],
            ['Merci beaucoup, ça me rassure vraiment.', 'fr'],
        ] as const)
            expect(recognizer.understand(text, language), text).toMatchObject({ kind: 'answer', topic: { id: 'thanks' } });
    });

    it('is not, when what follows asks something', () => {
        expect(recognizer.understand('Thank you, is the program still open', 'en')).toMatchObject({ kind: 'refuse' });
        expect(recognizer.understand('Thank you, that is a relief. Can my wife come too?', 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('is the thanks even when the remark about the answer names a topic', () => {
        const remarks = recognizerReading({
            'thank you so much': confident('thanks'),
            'merci beaucoup': confident('thanks'),
            'thank you so much, that clears it up for my biometrics appointment': confident('biometrics'),
            'merci beaucoup, ça m’aide pour ma biométrie': unsure('thanks', 'biometrics'),
            // A remark that does not speak of the answer, or has a question word, keeps its topic.
            'thank you so much, my biometrics appointment is tomorrow': confident('biometrics'),
            'thank you so much, that is where I give biometrics': confident('biometrics'),
        });
        for (const [text, language] of [
            ['thank you so much, that clears it up for my biometrics appointment', 'en'],
            ['merci beaucoup, ça m’aide pour ma biométrie', 'fr'],
        ] as const)
            expect(remarks.understand(text, language), text).toMatchObject({ kind: 'answer', topic: { id: 'thanks' } });
        for (const text of [
            'thank you so much, my biometrics appointment is tomorrow',
            'thank you so much, that is where I give biometrics',
        ])
            expect(remarks.understand(text, 'en'), text).toMatchObject({ kind: 'answer', topic: { id: 'biometrics' } });
    });
});

describe('news that asks nothing, then thanks', () => {
    const news = 'My account finally says the application is complete!! thank you for the help';
    const nouvelle = 'Mon compte dit enfin que la demande est complète. Merci beaucoup pour votre aide';
    const recognizer = recognizerReading({
        'thank you': confident('thanks'),
        'merci beaucoup': confident('thanks'),
        [news]: unsure('online-account', 'criteria-complete-application'),
        [nouvelle]: unsure('online-account', 'criteria-complete-application'),
        'Is my application complete? thank you': unsure('online-account', 'criteria-complete-application'),
        thanks: confident('thanks'),
    });

    it('is the thanks, not a "Did you mean…?" between the news’s topics, in both languages', () => {
        expect(recognizer.understand(news, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'thanks' } });
        expect(recognizer.understand(nouvelle, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'thanks' } });
    });

    it('is not, when the message asks something', () => {
        expect(recognizer.understand('Is my application complete? thank you', 'en')).toMatchObject({ kind: 'clarify' });
        // A question typed without its "?" before the thanks.
        const required = 'Is X required: (1) language test (2) job offer / LMIA. thanks';
        expect(recognizer.understand(required, 'en')).not.toMatchObject({ kind: 'answer', topic: { id: 'thanks' } });
    });
});

describe('« où » (where), which asks only with its accent', () => {
    const recognizer = recognizerReading({
        'Je fais ma demande où exactement, et ça me coûte combien en tout?': confident('fees', 0.65),
        'Je fais ma demande où exactement': confident('how-to-apply'),
        'ça me coûte combien en tout?': confident('fees'),
    });

    it('makes a half that starts with « je » a question, not the writer’s story', () => {
        expect(recognizer.understand('Je fais ma demande où exactement, et ça me coûte combien en tout?', 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'how-to-apply' },
            also: { id: 'fees' },
        });
    });
});

describe('a question typed with a full stop, before what reads as about something else', () => {
    // [the question, what follows it, the question's topic]
    const cases = [
        // Its first word asks: the story after it is not the question.
        [
            'CAN I WORK IN ALBERTA WITH THIS PERMIT YES OR NO.',
            'they offered me a job in calgary and i have three days to answer',
            'quebec-only',
        ],
        // A word that asks after "but", behind an apology.
        [
            'sorry maybe stupid question but what is CSQ.',
            'the lawyer in seoul repeat this word all the time and i am shame to ask him again',
            'what-is-csq',
        ],
        // Before a worry with a question mark, it asks too: the worry is not the only question.
        ['what if they refuse my PR after i already got the imp+ permit.', 'i lose my job at the plant?', 'pr-decision'],
    ] as const;
    const recognizer = recognizerReading(
        Object.fromEntries(
            cases.flatMap(([question, after, id]) => [
                [`${question} ${after}`, confident(id)],
                [question, confident(id)],
                [after, { kind: 'none', score: 0.3, offTopic: true } satisfies MatchOutcome],
            ]),
        ),
    );

    it.each(cases)('is the question: %s', (question, after, id) => {
        expect(recognizer.understand(`${question} ${after}`, 'en')).toMatchObject({ kind: 'answer', topic: { id } });
    });
});

describe('a "Did you mean…?" for a message that says "it" and names nothing', () => {
    const recognizer = recognizerReading({
        'can I study with it': unsure('study-with-permit', 'oos-study-other-provinces'),
        'can I study with it the work permit': confident('study-with-permit'),
        'how much does it cost': unsure('fees', 'oos-sponsor-parents'),
        'how much does it cost the work permit': confident('fees'),
    });

    it('is settled by reading "it" as the IMP+ permit, what the bot is about', () => {
        expect(recognizer.understand('can I study with it', 'en')).toMatchObject({ kind: 'answer', topic: { id: 'study-with-permit' } });
    });

    it('stays a choice when that reading is not about the permit itself ("ça coûte combien" may be about anything)', () => {
        expect(recognizer.understand('how much does it cost', 'en')).toMatchObject({ kind: 'clarify' });
    });
});

describe('a few words after a comma', () => {
    const message = 'I read something strange on the government website today, honestly. How long does it really last, the permit?';
    const recognizer = recognizerReading({
        'How long does it really last, the permit?': confident('duration'),
    });

    it('are read with their clause ("…, the permit?" names what the clause asks about)', () => {
        expect(recognizer.understand(message, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'duration' } });
    });
});

describe('one more question said so, without its question mark, after a story', () => {
    const message = 'police clearance needed? I lived four years in Dubai. also do i need a medical';
    const recognizer = recognizerReading({
        [message]: confident('police-certificates'),
        'police clearance needed?': confident('police-certificates'),
        'police clearance needed? I lived four years in Dubai.': confident('police-certificates'),
        'also do i need a medical': confident('medical-exam'),
        'I lived four years in Dubai. and my medical': confident('medical-exam'),
    });

    it('answers both questions', () => {
        expect(recognizer.understand(message, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'police-certificates' },
            also: { id: 'medical-exam' },
        });
    });

    it('keeps the story as context when what follows it is not said to be a question', () => {
        expect(recognizer.understand('police clearance needed? I lived four years in Dubai. and my medical', 'en')).not.toHaveProperty(
            'also',
        );
    });
});

describe('"also" inside a sentence', () => {
    const recognizer = recognizerReading({
        'Will he be allowed to work also when we arrive in Quebec?': confident('spouse-work'),
        'Will he be allowed to work': confident('spouse-work'),
        'when we arrive in Quebec?': confident('health-insurance'),
        'Csq expiring soon also do i need IELTS for imp': unsure('csq-expiry', 'language-test'),
        'Csq expiring soon': confident('csq-expiry'),
        'do i need IELTS for imp': confident('language-test'),
    });

    it('is not a join after a verb ("work also when…")', () => {
        expect(recognizer.understand('Will he be allowed to work also when we arrive in Quebec?', 'en')).not.toHaveProperty('also');
    });

    it('joins a question that follows it ("also do i need…")', () => {
        expect(recognizer.understand('Csq expiring soon also do i need IELTS for imp', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'csq-expiry' },
            also: { id: 'language-test' },
        });
    });
});

describe('a question relayed for someone else, with how to answer it', () => {
    const recognizer = recognizerReading({
        'Client in Lagos keeps asking how long IRCC takes to issue the permit once we submit.': confident('processing-times'),
        'Le client demande si sa femme pourra travailler aussi': confident('spouse-work'),
        // Read as about something else as a whole: the relay clause's words.
        'Client in Lagos keeps asking how long IRCC takes to issue the permit once we submit. What do I tell him, he calls every week': {
            kind: 'none',
            score: 0.3,
            offTopic: true,
        },
        'Le client demande si sa femme pourra travailler aussi, je lui dis quoi': { kind: 'none', score: 0.3, offTopic: true },
        'My client asked me about the government fees today.': confident('fees'),
        'invitation letter for a job interview': confident('invitation-request'),
        'invitation letter for a job interview, how do i reply': { kind: 'none', score: 0.3, offTopic: true },
        'My client asked me about the government fees today. What should I tell the employer who wants to hire her in Laval next month?':
            confident('job-offer-lmia'),
    });

    it('answers the question told before "What do I tell him?"', () => {
        expect(
            recognizer.understand(
                'Client in Lagos keeps asking how long IRCC takes to issue the permit once we submit. What do I tell him, he calls every week',
                'en',
            ),
        ).toMatchObject({ kind: 'answer', topic: { id: 'processing-times' } });
    });

    it('answers the question told before « je lui dis quoi »', () => {
        expect(recognizer.understand('Le client demande si sa femme pourra travailler aussi, je lui dis quoi', 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'spouse-work' },
        });
    });

    it('keeps the whole when too little is left to tell a question', () => {
        expect(recognizer.understand('invitation letter for a job interview, how do i reply', 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('keeps a long question that starts like a relay', () => {
        expect(
            recognizer.understand(
                'My client asked me about the government fees today. What should I tell the employer who wants to hire her in Laval next month?',
                'en',
            ),
        ).toMatchObject({ kind: 'answer', topic: { id: 'job-offer-lmia' } });
    });
});

describe('what someone said, with only "is that true?" or "why?" after it', () => {
    const said = {
        spouse: 'My brother says my wife can work too with the IMP+ permit. true or false?',
        why: 'My permit says 2 years but you say up to 3 years for IMP+. why is that?',
        pourquoi: 'Aucun test de français pour le permis PMI+, pourquoi?',
        logic: 'Kinda weird that I must live outside Quebec to apply for IMP+. what’s the logic, seems backwards',
        logique: 'C’est bizarre de devoir habiter hors du Québec pour demander le PMI+. Pourquoi donc, franchement, je comprends rien?',
        conjoint: "mon frère dit que ma femme peut travailler aussi avec le PMI+. c'est vrai ça?",
        thenAsked: 'someone said the permit is only for nurses. is that true, and how much does it cost',
        otherProgram: 'Someone told me that the PEQ is suspended and that applications are closed. Is that right?',
        answered: 'The group says IMP+ is closed. Is that true? And if not, how many places are left?',
        // Who said it, and where, drowns what was said.
        advisor: 'My advisor at the university’s international office says IMP+ is closed, is that true?',
        conseillere: 'Ma conseillère au bureau international de l’université dit que le PMI+ est fermé, c’est vrai ou pas?',
        realistic: 'A YouTube channel claims IMP+ gets processed in 2 weeks. realistic?',
        soutient: 'Une vidéo sur TikTok soutient que le PMI+ est fermé pour de bon. Correct ?',
        elided: 'Dans une vidéo ils disaient qu’on peut faire la demande PMI+ même en habitant déjà à Québec. vrai?',
    };
    const recognizer = recognizerReading({
        'My brother says my wife can work too with the IMP+ permit.': confident('spouse-work', 0.5),
        'My permit says 2 years but you say up to 3 years for IMP+.': confident('duration', 0.5),
        'Aucun test de français pour le permis PMI+': confident('language-test', 0.5),
        'mon frère dit que ma femme peut travailler aussi avec le PMI+.': confident('spouse-work', 0.5),
        // Read as about something else as a whole: the check and who said it.
        [said.conjoint]: { kind: 'none', score: 0.3, offTopic: true },
        'someone said the permit is only for nurses. and how much does it cost': confident('fees', 0.5),
        // The claim reads as IMP+'s status: only the PEQ and "applications" tell it is another program's news.
        'Someone told me that the PEQ is suspended and that applications are closed.': confident('program-status', 0.5),
        [said.answered]: confident('caps'),
        [said.logic]: confident('criteria-outside-quebec', 0.6),
        [said.logique]: confident('criteria-outside-quebec', 0.6),
        // Alone, a question about something else.
        'what’s the logic, seems backwards': { kind: 'none', score: 0.2, offTopic: true },
        'Pourquoi donc, franchement, je comprends rien?': { kind: 'none', score: 0.2, offTopic: true },
        'The group says IMP+ is closed. And if not, how many places are left?': confident('program-status'),
        'IMP+ is closed': confident('program-status'),
        'le PMI+ est fermé': confident('program-status'),
        'A YouTube channel claims IMP+ gets processed in 2 weeks.': { kind: 'none', score: 0.2 },
        'IMP+ gets processed in 2 weeks.': confident('processing-times'),
        'Une vidéo sur TikTok soutient que le PMI+ est fermé pour de bon.': { kind: 'none', score: 0.2 },
        'le PMI+ est fermé pour de bon.': confident('program-status'),
        'on peut faire la demande PMI+ même en habitant déjà à Québec.': confident('criteria-outside-quebec'),
    });

    it.each([
        [said.spouse, 'en', 'spouse-work'],
        [said.conjoint, 'fr', 'spouse-work'],
        [said.thenAsked, 'en', 'fees'],
        [said.why, 'en', 'duration'],
        [said.pourquoi, 'fr', 'language-test'],
        [said.advisor, 'en', 'program-status'],
        [said.conseillere, 'fr', 'program-status'],
        [said.realistic, 'en', 'processing-times'],
        [said.soutient, 'fr', 'program-status'],
        [said.elided, 'fr', 'criteria-outside-quebec'],
    ] as const)('reads what was said as the question, and keeps what is asked after the check: %s', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id } });
    });

    it('still refuses what was said about something it does not name as IMP+’s', () => {
        expect(recognizer.understand(said.otherProgram, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('keeps the reading of a message understood with its check', () => {
        expect(recognizer.understand(said.answered, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'caps' } });
    });

    it.each([
        [said.logic, 'en'],
        [said.logique, 'fr'],
    ] as const)('does not take a last sentence asking only why for a question about something else: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'criteria-outside-quebec' } });
    });
});

describe('a person asked for after a long story read as one topic', () => {
    const story = {
        booked: 'My PR was refused and my CSQ is about to expire next month. Can I book a time with someone this week?',
        email: 'I have had my CSQ for 8 months and nobody sent me the invitation from MIFI. Is there some email?',
        told: 'checklist of documents for IMP+ please, my consultant list looks different from the one my friend got',
    };
    const recognizer = recognizerReading({
        [story.booked]: confident('csq-expiry', 0.6),
        'Can I book a time with someone this week?': confident('advisor', 0.65),
        [story.email]: confident('invitation-request', 0.6),
        'Is there some email?': confident('advisor', 0.75),
        [story.told]: confident('documents-list', 0.6),
        'my consultant list looks different from the one my friend got': confident('advisor', 0.65),
    });

    it('reaches a person when a clause asks for one', () => {
        expect(recognizer.understand(story.booked, 'en')).toMatchObject({ kind: 'command', command: 'advisor' });
    });

    it.each([
        [story.email, 'invitation-request'],
        [story.told, 'documents-list'],
    ])('keeps the topic when the clause is too short to say whom, or only tells: %s', (text, id) => {
        expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'answer', topic: { id } });
    });

    it('keeps the question about the bot when "or someone from the office" is its other answer', () => {
        const bot = 'C’est un robot qui me répond là, ou quelqu’un du bureau de Laval?';
        const read = recognizerReading({
            [bot]: confident('whoAreYou', 0.77),
            'ou quelqu’un du bureau de Laval?': confident('advisor', 0.66),
        }).understand(bot, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'whoAreYou' } });
    });
});

describe('small talk, then a conclusion drawn from the answer', () => {
    const recognizer = recognizerReading({
        'ahh ok I see': confident('acknowledgement', 0.65),
        'ok got it': confident('acknowledgement', 1),
        'ah ok je vois': confident('acknowledgement', 0.8),
        // The remark's "consultant" reads, weakly, as a person asked for.
        'ok got it, so my consultant was wrong': confident('advisor', 0.63),
        'ok got it, so I want to talk to an advisor now': confident('advisor', 0.85),
        'ok got it, so how much does it cost': { kind: 'none', score: 0.3 },
        'ok got it, so um how do I renew my PR card': { kind: 'none', score: 0.3 },
    });

    it.each([
        ['ahh ok I see, so the forum was wrong', 'en'],
        ['ok got it, so my consultant was wrong', 'en'],
        ['ah ok je vois, donc le forum avait tort', 'fr'],
    ] as const)('is the small talk: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'acknowledgement' } });
    });

    it('keeps a remark that clearly asks something, or starts a question', () => {
        expect(recognizer.understand('ok got it, so I want to talk to an advisor now', 'en')).toMatchObject({ kind: 'command' });
        expect(recognizer.understand('ok got it, so how much does it cost', 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('sees the question word behind a filler said after the conclusion', () => {
        expect(recognizer.understand('ok got it, so um how do I renew my PR card', 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a call back asked for', () => {
    const asked = 'Could someone from your office call me back tomorrow morning? I got a letter from IRCC asking for more documents.';
    const rappel = 'Quelqu’un peut-il me rappeler demain matin? J’ai reçu une lettre d’IRCC qui demande d’autres documents.';
    const about = 'Please have someone call me back tomorrow morning, I have questions about the invitation letter';
    const reported = 'IRCC said they would call me back about my invitation letter';
    const recognizer = recognizerReading({
        'MIFI said they would call me back about my PEQ file': confident('oos-quebec-selection'),
        // Asked in a clause, the request reads weakly; the story after it reads as the documents.
        'Could someone from your office call me back tomorrow morning?': confident('advisor', 0.5),
        'I got a letter from IRCC asking for more documents.': confident('documents-list', 0.6),
        'Quelqu’un peut-il me rappeler demain matin?': confident('advisor', 0.5),
        'J’ai reçu une lettre d’IRCC qui demande d’autres documents.': confident('documents-list', 0.6),
        'Could someone from your office help me tomorrow morning?': confident('advisor', 0.5),
        [about]: confident('criteria-invitation'),
        [reported]: confident('criteria-invitation'),
    });

    it.each([
        [asked, 'en'],
        [rappel, 'fr'],
    ] as const)('is the request in a clause of a long message: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'command', command: 'advisor' });
    });

    it('is what makes a weakly read request in a clause clear', () => {
        const text = 'Could someone from your office help me tomorrow morning? I got a letter from IRCC asking for more documents.';
        // Nor is the story's weak reading the question: the letter the writer got is not the list of documents.
        expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('is the request for an advisor when nothing else reads in the message', () => {
        expect(recognizer.understand('can someone call me back tomorrow morning. montreal time', 'en')).toMatchObject({
            kind: 'command',
            command: 'advisor',
        });
        expect(recognizer.understand('Pouvez-vous me faire rappeler demain matin? Mon numéro est dans le dossier.', 'fr')).toMatchObject({
            kind: 'command',
            command: 'advisor',
        });
    });

    it('is the request for an advisor when the rest only says what the call is about', () => {
        expect(recognizer.understand(about, 'en')).toMatchObject({ kind: 'command', command: 'advisor' });
    });

    it('is not asked when someone else is said to call back', () => {
        expect(recognizer.understand(reported, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'criteria-invitation' } });
    });

    it('is not asked by « rappelle-moi » before what to remind, which is read without it', () => {
        const remind = new Recognizer(t, {
            match: (text) =>
                text.trim() === 'ce que tu peux faire pour moi'
                    ? confident('help')
                    : text.includes('rappelle') && text.includes('PMI+')
                      ? confident('what-is-imp', 0.6)
                      : { kind: 'none', score: 0 },
        });
        expect(remind.understand('rappelle-moi ce que tu peux faire pour moi', 'fr')).toMatchObject({ kind: 'command', command: 'help' });
        expect(remind.understand('rappelle-moi c’est quoi le PMI+ déjà', 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-imp' },
        });
        expect(remind.understand('rappelle-moi demain matin svp', 'fr')).toMatchObject({ kind: 'command', command: 'advisor' });
    });

    it('leaves a near miss its refusal', () => {
        expect(recognizer.understand('MIFI said they would call me back about my PEQ file', 'en')).toMatchObject({
            kind: 'refuse',
            topic: { id: 'oos-quebec-selection' },
        });
    });
});

describe('« aussi » inside a sentence', () => {
    const recognizer = recognizerReading({
        'Est-ce que ma femme peut travailler elle aussi avec le permis ouvert ?': confident('spouse-work', 0.6),
        'Est-ce que ma femme peut travailler elle': confident('spouse-work'),
        'avec le permis ouvert ?': confident('open-vs-employer-specific'),
        'combien ça coûte aussi comment on fait la demande': unsure('fees', 'how-to-apply'),
        'combien ça coûte': confident('fees'),
        'comment on fait la demande': confident('how-to-apply'),
    });

    it('is not a join after a pronoun (« elle aussi »)', () => {
        const understood = recognizer.understand('Est-ce que ma femme peut travailler elle aussi avec le permis ouvert ?', 'fr');
        expect(understood).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
        expect(understood).not.toHaveProperty('also');
    });

    it('joins a question that follows it (« aussi comment… »)', () => {
        expect(recognizer.understand('combien ça coûte aussi comment on fait la demande', 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'how-to-apply' },
        });
    });
});

describe('"is it a…?" after asking what something is', () => {
    const recognizer = recognizerReading({
        'what is IMP plus exactly? is it a visa or what': confident('what-is-imp', 0.6),
        'what is IMP plus exactly?': confident('what-is-imp'),
        'is it a visa or what': confident('travel-documents'),
        'c’est quoi le CSQ? c’est un visa?': confident('what-is-csq', 0.6),
        'c’est quoi le CSQ?': confident('what-is-csq'),
        'c’est un visa?': confident('travel-documents'),
        'how much are the fees? is it a lot for a family': unsure('fees', 'family-members'),
        'how much are the fees?': confident('fees'),
        'is it a lot for a family': confident('family-members'),
    });

    it.each([
        ['what is IMP plus exactly? is it a visa or what', 'en', 'what-is-imp'],
        ['c’est quoi le CSQ? c’est un visa?', 'fr', 'what-is-csq'],
    ] as const)('asks the same thing again: %s', (text, language, id) => {
        const understood = recognizer.understand(text, language);
        expect(understood).toMatchObject({ kind: 'answer', topic: { id } });
        expect(understood).not.toHaveProperty('also');
    });

    it('is a second question after any other topic', () => {
        expect(recognizer.understand('how much are the fees? is it a lot for a family', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'family-members' },
        });
    });
});

describe('questions typed as a list', () => {
    const listed = 'Invitation came this morning!!\n1) what exactly is this IMP+ thing\n2) how much will I pay';
    const facts = 'My situation:\n- CSQ issued in 2023\nHow much will I pay?';
    const recognizer = recognizerReading({
        'what exactly is this IMP+ thing?': confident('what-is-imp'),
        'how much will I pay?': confident('fees'),
        'How much will I pay?': confident('fees'),
        [listed]: confident('fees', 0.6),
        'c’est quoi le PMI+?': confident('what-is-imp'),
        'combien ça coûte?': confident('fees'),
        'Bonjour!\n1. c’est quoi le PMI+\n2. combien ça coûte': confident('fees', 0.6),
        '- CSQ issued in 2023': confident('csq-expiry'),
        'CSQ issued in 2023?': confident('csq-expiry'),
        [facts]: confident('fees'),
    });

    it.each([
        [listed, 'en'],
        ['Bonjour!\n1. c’est quoi le PMI+\n2. combien ça coûte', 'fr'],
    ] as const)('answers each item that asks: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-imp' },
            also: { id: 'fees' },
        });
    });

    it('does not take a listed fact for a question', () => {
        const understood = recognizer.understand(facts, 'en');
        expect(understood).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
        expect(understood).not.toHaveProperty('also');
    });
});

describe('two questions after a story, the second said to be one more', () => {
    const story = 'Permit approved yesterday, I have the letter. How many years will it be valid? And can I change employers meanwhile?';
    const unmarked = 'Permit approved yesterday, I have the letter. How many years will it be valid? Can I change employers meanwhile?';
    const recognizer = recognizerReading({
        [story]: { kind: 'none', score: 0.3, offTopic: true },
        [unmarked]: { kind: 'none', score: 0.3, offTopic: true },
        'How many years will it be valid?': confident('duration', 0.62),
        'And can I change employers meanwhile?': confident('employers', 0.64),
        'Can I change employers meanwhile?': confident('employers', 0.64),
        'How many years will it be valid? And can I change employers meanwhile?': unsure('duration', 'employers'),
    });

    it('answers both when the whole is refused, even if neither reads clearly', () => {
        expect(recognizer.understand(story, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'duration' }, also: { id: 'employers' } });
    });

    it('still refuses when the second is not said to be one more', () => {
        expect(recognizer.understand(unmarked, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a message that names another program and nothing of IMP+', () => {
    const asylum = 'I have lived in Montreal since March and I want to ask for asylum. Where do I go to apply?';
    const cousin = 'I have lived in Montreal since March and I want to see my cousin. Where do I go to apply?';
    const spouse = "My daughter's husband holds a PGWP in Ontario. Can she get an open work permit as his spouse?";
    const pgwpList = 'PGWP questions:\n- can I extend it?\n- how long is it valid?';
    const account = 'do i need an IRCC account to start? I had one for my PGWP, can i reuse that one';
    const extend = "I'm on a PGWP in Toronto, can I extend my PGWP?";
    const other = { kind: 'none', score: 0, offTopic: true, otherProgram: true } as const;
    const recognizer = recognizerReading({
        [account]: other,
        'I had one for my PGWP': other,
        'do i need an IRCC account to start? can i reuse that one': confident('online-account', 0.8),
        [extend]: other,
        "I'm on a PGWP in Toronto": other,
        'can I extend my PGWP?': other,
        [asylum]: { kind: 'none', score: 0, offTopic: true, otherProgram: true },
        // Told about the writer, but as what they want, not as their own: the question stays that program's.
        'I have lived in Montreal since March and I want to ask for asylum.': {
            kind: 'none',
            score: 0,
            offTopic: true,
            otherProgram: true,
        },
        [cousin]: { kind: 'none', score: 0.3, offTopic: true },
        'Where do I go to apply?': confident('how-to-apply'),
        'Can I talk to a real person? This PGWP stuff confuses me.': { kind: 'none', score: 0, offTopic: true, otherProgram: true },
        'Can I talk to a real person?': confident('advisor'),
        [spouse]: { kind: 'none', score: 0, offTopic: true, otherProgram: true },
        'can my daughter get an open work permit as his spouse': confident('spouse-work'),
        [pgwpList]: { kind: 'none', score: 0, offTopic: true, otherProgram: true },
        'can I extend it?': confident('permit-expiry'),
        'how long is it valid?': confident('duration'),
    });

    it('answers what the rest asks when the program is only what the writer holds', () => {
        expect(recognizer.understand(account, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'online-account' } });
    });

    it('is refused whole when what is asked names the program too', () => {
        expect(recognizer.understand(extend, 'en')).toMatchObject({ kind: 'refuse', otherProgram: true });
    });

    describe('what became of the writer’s own program, named right after "my"', () => {
        const expired = 'My PGWP expired in March. How do I restore my status?';
        const visit = 'My mom holds a PGWP in Ontario. How do I restore my status?';
        const brother = 'My brother want visit me in Montreal, how he get visitor visa?';
        const recognizer = recognizerReading({
            [brother]: other,
            'My brother want visit me in Montreal': other,
            'brother want visit me': other,
            'how he get visitor visa?': confident('travel-documents'),
            [expired]: other,
            'My PGWP expired in March.': other,
            'pgwp expired in march': other,
            [visit]: other,
            'My mom holds a PGWP in Ontario.': other,
            'How do I restore my status?': confident('restoration'),
        });

        it('tells: the rest asks', () => {
            expect(recognizer.understand(expired, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'restoration' } });
        });

        it.each([visit, brother])('not when the program or the question may be someone else’s: %s', (text) => {
            expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'refuse', otherProgram: true });
        });
    });

    it('is refused whole when its list’s questions say "it" of that program', () => {
        expect(recognizer.understand(pgwpList, 'en')).toMatchObject({ kind: 'refuse', otherProgram: true });
    });

    it('is refused whole: its question asks about that program', () => {
        expect(recognizer.understand(asylum, 'en')).toMatchObject({ kind: 'refuse', otherProgram: true });
        // Read as about something else without naming a program, its question is read alone.
        expect(recognizer.understand(cousin, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'how-to-apply' } });
    });

    it('is refused whole when its question says "she" of the story’s person: the person is in that program', () => {
        expect(recognizer.understand(spouse, 'en')).toMatchObject({ kind: 'refuse', otherProgram: true });
    });

    it('still carries out a request in it', () => {
        expect(recognizer.understand('Can I talk to a real person? This PGWP stuff confuses me.', 'en')).toMatchObject({
            kind: 'command',
            command: 'advisor',
        });
    });
});

describe('a refusal that leans to two near misses', () => {
    const nearMisses = 'express entry in alberta, permanent residence processing time';
    const recognizer = recognizerReading({
        [nearMisses]: { kind: 'none', score: 0.42, nearMiss: [topic('oos-express-entry'), topic('oos-spouse-other-programs')] },
        'my spouse studies in Alberta, processing time': {
            kind: 'none',
            score: 0.42,
            nearMiss: [topic('oos-spouse-other-programs'), topic('processing-times')],
        },
    });

    it('is refused in the words of the first', () => {
        expect(recognizer.understand(nearMisses, 'en')).toMatchObject({ kind: 'refuse', topic: { id: 'oos-express-entry' } });
    });

    it('keeps leaning, unworded, when one of the two is an IMP+ topic', () => {
        const reading = recognizer.understand('my spouse studies in Alberta, processing time', 'en');
        expect(reading).toMatchObject({ kind: 'refuse', nearMiss: [{ id: 'oos-spouse-other-programs' }, { id: 'processing-times' }] });
        expect(reading).not.toHaveProperty('topic');
    });
});

describe('a clause that turns a topic away', () => {
    const message = {
        fees: 'not the fees, I already paid. how long does it take?',
        enfants: "oubliez les enfants, c'est ma conjointe: peut-elle travailler aussi?",
        combien: "pas combien de temps ça prend, je veux savoir combien d'années il est bon",
        contrast: 'I got my CSQ through the regular program, not the PEQ like my friend. does it count?',
        asked: 'not the main applicant? his wife, can she work?',
        hurry: "pas le temps de tout lire, j'ai mon CSQ, il me manque quoi",
        renew: "j'ai un PTPD qui finit en juin, je peux le renouveler? oublie le pmi",
        jobs: 'forget IMP+, where do I find IT jobs in Quebec?',
        appeal: "my PR was refused, I don't want IMP+, I want to appeal the refusal",
        csq: "pas le PMI, je veux juste savoir c'est quoi exactement un CSQ",
        person: 'oublie le pmi, je veux parler à un conseiller',
        courses: 'not the language test for the permit, I mean where can i take free french courses in montreal',
    };
    const recognizer = recognizerReading({
        [message.fees]: confident('fees'),
        'not the fees': confident('fees'),
        'I already paid. how long does it take?': confident('processing-times'),
        [message.enfants]: confident('children-school'),
        'oubliez les enfants': confident('children-school'),
        "c'est ma conjointe, peut-elle travailler aussi?": confident('spouse-work'),
        [message.combien]: confident('processing-times'),
        'pas combien de temps ça prend': confident('processing-times'),
        "je veux savoir combien d'années il est bon": confident('duration'),
        // Read as a question: « je veux savoir » says it asks.
        [`${message.combien}?`]: confident('processing-times'),
        "je veux savoir combien d'années il est bon?": confident('duration'),
        [message.contrast]: confident('criteria-csq'),
        'not the PEQ like my friend.': confident('pstq-peq-holders'),
        'I got my CSQ through the regular program does it count?': confident('pstq-peq-holders'),
        [message.asked]: confident('criteria'),
        'not the main applicant?': confident('criteria'),
        'his wife, can she work?': confident('spouse-work'),
        "j'ai mon CSQ, il me manque quoi": confident('start-eligibility'),
        [message.renew]: confident('permit-expiry'),
        "j'ai un PTPD qui finit en juin, je peux le renouveler?": confident('permit-expiry'),
        [message.jobs]: unsure('quebec-only', 'employers'),
        'where do I find IT jobs in Quebec?': confident('quebec-only'),
        [message.appeal]: confident('pr-decision'),
        [message.csq]: confident('what-is-csq'),
        "je veux juste savoir c'est quoi exactement un CSQ": confident('what-is-csq'),
        'je veux parler à un conseiller': confident('advisor'),
        [message.courses]: confident('language-test', 0.6),
        'not the language test for the permit': confident('language-test'),
        'I mean where can i take free french courses in montreal': { kind: 'none', score: 0.4, offTopic: true },
    });

    it.each([
        [message.fees, 'en', 'processing-times'],
        [message.enfants, 'fr', 'spouse-work'],
        [message.combien, 'fr', 'duration'],
    ] as const)('is read without it: %s', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id } });
    });

    it.each([
        [message.contrast, 'en', 'criteria-csq'],
        [message.asked, 'en', 'criteria'],
        [message.csq, 'fr', 'what-is-csq'],
    ] as const)('is kept when it says which inside a sentence, asks, or turns IMP+ away from the CSQ: %s', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id } });
    });

    it('leaves a refusal when what is wanted instead is about something else', () => {
        expect(recognizer.understand(message.courses, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('is kept when it names nothing the bot knows', () => {
        expect(recognizer.understand(message.hurry, 'fr')).toMatchObject({ kind: 'refuse' });
    });

    it.each([
        [message.renew, 'fr'],
        [message.jobs, 'en'],
        [message.appeal, 'en'],
    ] as const)('refuses as about another program when it turns IMP+ itself away: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', otherProgram: true });
    });

    it('still hears a request beside IMP+ turned away', () => {
        expect(recognizer.understand(message.person, 'fr')).toMatchObject({ kind: 'command', command: 'advisor' });
    });
});

describe('a message written as a letter, with a sign-off and a signature', () => {
    const school = 'My daughter is moving to Sherbrooke with her children. Will the children be able to attend school there?';
    const documents = 'Pourriez-vous m’indiquer quels documents ma fille devra joindre à sa demande?';
    const told = 'Madame,\nJe vous écris afin de connaître les documents que ma fille devra joindre à sa demande.';
    const recognizer = recognizerReading({
        [school]: confident('children-school'),
        [documents]: confident('documents-list'),
        [told]: confident('documents-list'),
        [`${told}\nVeuillez agréer mes salutations distinguées.`]: confident('documents-list', 0.65),
        'Veuillez agréer mes salutations distinguées.': confident('goodbye'),
        'Madame, Je vous écris afin de connaître les documents que ma fille devra joindre à sa demande.': confident('documents-list'),
        // Read alone, the tail asks something else: a sign-off cut would leave the school's answer.
        'Thanks, but will they need a study permit?': confident('oos-study-other-provinces'),
        'Got it, that is clear now.': confident('acknowledgement'),
        'Got it, that is clear now. Thank you, Maria': confident('thanks'),
    });

    it.each([
        `${school} With thanks, their grandmother, Evelyn Parker`,
        `${school} Kind regards, E. Parker`,
        `${documents} Je vous prie d’agréer mes salutations. Lise Bergeron`,
        `${documents} Merci à l’avance, Lise`,
    ])('is read without them: a name is no word the bot knows (%s)', (text) => {
        expect(recognizer.understand(text, text.startsWith('My') ? 'en' : 'fr')).toMatchObject({ kind: 'answer' });
    });

    it('keeps a tail that asks: "thanks, but…?" is no sign-off', () => {
        expect(recognizer.understand(`${school} Thanks, but will they need a study permit?`, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('keeps the thanks after news that asks nothing', () => {
        expect(recognizer.understand('Got it, that is clear now. Thank you, Maria', 'en')).toMatchObject({ topic: { id: 'thanks' } });
    });

    it('is read without a letter’s closing that ends it with no name after: « Veuillez agréer… » is no goodbye', () => {
        const read = recognizer.understand(`${told}\nVeuillez agréer mes salutations distinguées.`, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'documents-list' } });
        expect(read).not.toHaveProperty('also');
    });
});

describe('a request told rather than asked, then a sentence about someone', () => {
    const request = 'Good afternoon, I would be grateful if you could explain how one applies for this work permit.';
    const recognizer = recognizerReading({
        [`${request} My granddaughter is in Manila.`]: confident('how-to-apply'),
        'My granddaughter is in Manila.': { kind: 'none', score: 0.2, offTopic: true },
        'I got my permit last week. So now, how do I file my tax return': confident('duration'),
        'So now, how do I file my tax return': { kind: 'none', score: 0.2, offTopic: true },
    });

    it('keeps the request: a last sentence that only tells is not the question', () => {
        expect(recognizer.understand(`${request} My granddaughter is in Manila.`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'how-to-apply' },
        });
    });

    it('still reads a last sentence that asks, without its question mark, as the question', () => {
        expect(recognizer.understand('I got my permit last week. So now, how do I file my tax return', 'en')).toMatchObject({
            kind: 'refuse',
        });
    });
});

describe('a "Did you mean…?" settled by a last question that says "it" beside another subject’s name', () => {
    const question = 'Est-il encore valide pour le PMI+ ?';
    const story = 'Mon CSQ a été émis en mars 2023 et je n’ai pas encore déposé ma demande de RP.';
    const recognizer = recognizerReading({
        [`${story} ${question}`]: unsure('csq-expiry', 'apply-before-after-pr'),
        [question]: confident('duration'),
        [`${question} csq`]: confident('csq-expiry'),
    });

    it('reads "it" as what the story named', () => {
        expect(recognizer.understand(`${story} ${question}`, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'csq-expiry' } });
    });
});

describe('a "Did you mean…?" between two topics often offered together', () => {
    const ottawa = "does 'reside outside Quebec' mean outside Canada or just the province? I live in Ottawa";
    const job = "does 'reside outside Quebec' mean outside Canada or just the province? I have a job in Ottawa";
    const both = "I live in Ottawa and have a job offer in Ottawa, what about 'outside Quebec'?";
    const ici = 'Je suis à Toronto, habiter en Ontario ça compte comme « hors Québec » pour le PMI+ ?';
    const quandMeme = 'J’ai un CSQ mais aucune lettre d’invitation du MIFI, puis-je quand même déposer une demande ?';
    const demander = 'J’ai mon CSQ mais jamais reçu d’invitation, je peux la demander moi-même au MIFI ?';
    const onlyWith = 'Do I really need the invitation paper to apply or I can apply only with my CSQ in hand?';
    const csq = 'csq expiré depuis 2 mois, je peux encore avoir le permis de travail ou c’est foutu?';
    const frais = 'frais pmi+ 2025';
    const valid = 'How long is it valid, the IMP+ work permit itself?';
    const overview = 'tell me about the open work permit';
    const walk = 'walk me through applying please, I got my invitation letter in May';
    const ownApplication = 'does my wife need her own application, or can she be added on mine?';
    const maxYears = 'the dates on my permit stop earlier than the max years I read about, why is that?';
    const annees = 'Le PMI+ donne toujours le maximum d’années, ou parfois moins?';
    const travailler = 'Ma blonde pourra-tu travailler elle aussi avec le PMI+?';
    const etapes = 'L’invitation est arrivée! Tu peux me guider étape par étape?';
    const form = 'I have all my documents scanned and ready, but which form exactly do I fill? IMM something??';
    const echeance = 'Si mon CSQ arrive à échéance pendant qu’IRCC traite ma demande de RP, est-ce que je perds tout ?';
    const whoAreThey = 'The invitation letter I got is from MIFI. who are they, is it the federal gov?';
    const quelMinistere = 'Quel ministère envoie la lettre d’invitation au juste ?';
    const eightYearOld = 'our 8 year old, can she go to school in Montreal while we’re on IMP+?';
    const coursDuSoir = 'Avec le PMI+, est-ce que je peux suivre des cours du soir à l’université ?';
    const recognizer = recognizerReading({
        [eightYearOld]: unsure('study-with-permit', 'children-school'),
        [coursDuSoir]: unsure('children-school', 'study-with-permit'),
        [form]: unsure('upload', 'application-form'),
        [echeance]: unsure('csq-expiry', 'apply-before-after-pr'),
        [frais]: unsure('fees', 'program-status'),
        [valid]: unsure('duration', 'start-permit'),
        [overview]: unsure('open-vs-employer-specific', 'start-permit'),
        [walk]: unsure('start-steps', 'criteria-invitation'),
        [ownApplication]: unsure('spouse-work', 'family-members'),
        [maxYears]: unsure('caps', 'duration'),
        [annees]: unsure('caps', 'duration'),
        [travailler]: unsure('family-members', 'spouse-work'),
        [etapes]: unsure('criteria-invitation', 'start-steps'),
        [ottawa]: unsure('criteria-outside-quebec', 'quebec-only'),
        [job]: unsure('criteria-outside-quebec', 'quebec-only'),
        [both]: unsure('criteria-outside-quebec', 'quebec-only'),
        [ici]: unsure('quebec-only', 'criteria-outside-quebec'),
        [quandMeme]: unsure('invitation-request', 'criteria-invitation'),
        [demander]: unsure('criteria-invitation', 'invitation-request'),
        [onlyWith]: unsure('how-to-apply', 'criteria-invitation'),
        [csq]: unsure('restoration', 'csq-expiry'),
        [whoAreThey]: unsure('criteria-invitation', 'what-is-mifi'),
        [quelMinistere]: unsure('criteria-invitation', 'what-is-mifi'),
    });

    it.each([
        [ottawa, 'en', 'criteria-outside-quebec'],
        [job, 'en', 'quebec-only'],
        [ici, 'fr', 'criteria-outside-quebec'],
        [quandMeme, 'fr', 'criteria-invitation'],
        [demander, 'fr', 'invitation-request'],
        [onlyWith, 'en', 'criteria-invitation'],
        [csq, 'fr', 'csq-expiry'],
        [frais, 'fr', 'fees'],
        [valid, 'en', 'duration'],
        [form, 'en', 'application-form'],
        [echeance, 'fr', 'csq-expiry'],
        [ownApplication, 'en', 'family-members'],
        [maxYears, 'en', 'duration'],
        [annees, 'fr', 'duration'],
        [travailler, 'fr', 'spouse-work'],
        [whoAreThey, 'en', 'what-is-mifi'],
        [quelMinistere, 'fr', 'what-is-mifi'],
        [eightYearOld, 'en', 'children-school'],
        [coursDuSoir, 'fr', 'study-with-permit'],
    ] as const)('is settled by the words only one of them says: %s', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id } });
    });

    it.each([
        [overview, 'en', 'start-permit'],
        [walk, 'en', 'start-steps'],
        [etapes, 'fr', 'start-steps'],
    ] as const)('starts the guided flow when the words settle on it: %s', (text, language, topic) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'dialog', topic });
    });

    it('stays a choice when the message says the words of both', () => {
        expect(recognizer.understand(both, 'en')).toMatchObject({ kind: 'clarify' });
    });
});

describe('a message that ends with emoji', () => {
    const recognizer = recognizerReading({
        'fees and how long it takes??': { kind: 'none', score: 0.5, offTopic: true },
        fees: confident('fees'),
        'how long it takes??': confident('processing-times'),
    });

    it('is read without them: they hide the "?" that says it asks two things', () => {
        expect(recognizer.understand('fees and how long it takes?? 😩', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });

    it('keeps a message of emoji only that says nothing the bot reads', () => {
        expect(recognizer.understand('😂', 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a message of emoji alone', () => {
    const recognizer = recognizerReading({ ok: confident('acknowledgement'), merci: confident('thanks') });

    it.each([
        ['👍🏽', 'en', 'acknowledgement'],
        ['🙏', 'fr', 'thanks'],
        ['❤️❤️', 'fr', 'thanks'],
    ] as const)('is read as the word it says (%s)', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id } });
    });

    it('is not when its emoji say different things', () => {
        expect(recognizer.understand('👍🙏', 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('personal details pasted beside a question', () => {
    const documents = 'W301122334 is my application number, what docs go into the application?';
    const expiry = 'Courriel b.diop@exemple.sn, mon CSQ expire dans 4 mois : je dépose avant ou après la RP ?';
    const approved = 'UCI 1109-4472, DOB 1990-02-01. has my permit been approved yet?';
    const recognizer = recognizerReading({
        // As wholes, the numbers and "my application number" read as a question about one's file.
        [documents]: confident('processing-times'),
        'what docs go into the application?': confident('documents-list'),
        'mon CSQ expire dans 4 mois : je dépose avant ou après la RP ?': unsure('csq-expiry', 'apply-before-after-pr'),
        'has my permit been approved yet?': confident('processing-times'),
    });

    it.each([
        [documents, 'en', 'answer'],
        [expiry, 'fr', 'clarify'],
    ] as const)('are read past: %s', (text, language, kind) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind });
    });

    it('still leave a question about the writer’s own file refused', () => {
        expect(recognizer.understand(approved, 'en')).toMatchObject({ kind: 'refuse', ownFile: true });
    });
});

describe('a look at the writer’s own file asked of the bot', () => {
    const check = 'I applied in March, can you check where my file is? My application number is W30xxxxxx';
    const statut = 'Tu peux me dire le statut de ma demande de RP? IUC 1234-5678';
    const advisor = 'I need someone from your firm to look at my file';
    const times = 'How long does processing take when you apply from Lagos?';
    const offered = 'Voici mon numéro de demande, pouvez-vous vérifier où en est mon dossier svp ?';
    const sent = 'can you tell me if MIFI already sent my file to IRCC?';
    const at = 'where is my application at? submitted it in june';
    const our = 'our application has been in process at IRCC for 8 months, can you look up where our file is at?';
    const notre = 'Notre dossier est chez IRCC depuis 8 mois, vous pouvez nous dire où en est notre demande?';
    const systeme = 'regardez dans votre système si ma lettre d’invitation est partie, mon nom c’est Karima B.';
    const recognizer = recognizerReading({
        [at]: confident('processing-times'),
        [our]: confident('processing-times'),
        [notre]: confident('processing-times'),
        [systeme]: confident('criteria-invitation'),
        [check]: confident('processing-times'),
        [sent]: unsure('what-is-mifi', 'apply-before-after-pr'),
        [offered]: unsure('processing-times', 'start-eligibility'),
        [statut]: confident('invitation-request'),
        [advisor]: confident('advisor'),
        [times]: confident('processing-times'),
    });

    it('is refused, with the processing times when the message leans to them', () => {
        expect(recognizer.understand(check, 'en')).toMatchObject({ kind: 'refuse', ownFile: true, topic: { id: 'processing-times' } });
    });

    it.each([
        ['portal shows "decision made" on my IMP+ application but no letter yet. was I approved??', 'en'],
        ['here’s my IRCC file number, can you tell me when my biometrics appointment is?', 'en'],
        ['Le portail dit « décision rendue », ai-je été accepté ?', 'fr'],
        ['Ma demande de résidence permanente est en cours depuis 26 mois. Pouvez-vous vérifier l’état de mon dossier svp ?', 'fr'],
    ] as const)(
        'is refused when it asks whether one was approved, where one’s file stands, or one’s own appointment: %s',
        (text, language) => {
            const leaning = recognizerReading({ [text]: confident(text.includes('biometrics') ? 'biometrics' : 'processing-times') });
            expect(leaning.understand(text, language)).toMatchObject({ kind: 'refuse', ownFile: true });
        },
    );

    it.each([
        [our, 'en'],
        [notre, 'fr'],
    ] as const)('is refused when a couple asks about their file: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', ownFile: true });
    });

    it('is refused when it is offered as the processing times or the eligibility check', () => {
        expect(recognizer.understand(offered, 'fr')).toMatchObject({ kind: 'refuse', ownFile: true, topic: { id: 'processing-times' } });
    });

    it('is refused when it asks where the application is at, or for a look in the firm’s system', () => {
        expect(recognizer.understand(at, 'en')).toMatchObject({ kind: 'refuse', ownFile: true });
        expect(recognizer.understand(systeme, 'fr')).toMatchObject({ kind: 'refuse', ownFile: true });
    });

    it('is refused when it asks whether MIFI sent it on', () => {
        expect(recognizer.understand(sent, 'en')).toMatchObject({ kind: 'refuse', ownFile: true });
    });

    it('is refused whatever other topic its words lean to', () => {
        const reading = recognizer.understand(statut, 'fr');
        expect(reading).toMatchObject({ kind: 'refuse', ownFile: true });
        expect(reading).not.toHaveProperty('topic');
    });

    it('keeps a request for someone at the firm, and a question about processing times', () => {
        expect(recognizer.understand(advisor, 'en')).toMatchObject({ kind: 'command', command: 'advisor' });
        expect(recognizer.understand(times, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'processing-times' } });
    });
});

describe('an employer’s own LMIA', () => {
    const apply = 'My employer in Sherbrooke wants to hire a welder from abroad. How does he apply for an LMIA?';
    const combien = 'mon employeur veut faire une EIMT pour m’engager, combien de temps ça va lui prendre?';
    const need = 'My future boss asks how long an LMIA takes. Does he need one for me with IMP+?';
    const told = 'My friend had to wait six months for his boss to get an LMIA. I have no job offer, is that a problem for IMP+?';
    const cost = 'L’EIMT coûte 1000 $ à mon employeur, c’est bien lui qui paie ça ?';
    const eternite = 'L’EIMT que mon employeur demande pour moi prend une éternité, pourquoi c’est si long?';
    const cousin = 'my new employer is asking if they need an LMIA to hire my cousin from Tunisia';
    const collegue = 'Mon employeur doit-il faire une EIMT pour embaucher un travailleur de Tunisie ?';
    // Second-language English leaves out the article: "to get LMIA".
    const foreign = 'Employer in Laval wants to hire a foreign worker, what is the process for him to get LMIA?';
    const paie = 'Mon employeur veut faire une EIMT pour moi, c’est lui qui paie les frais ou moi ?';
    // Read as the walk through the application's steps: still the employer's process.
    const etapes = 'Mon employeur veut faire une EIMT pour engager mon cousin au Maroc, c’est quoi les étapes pour lui ?';
    // Its renewal, or one the employer gets for the writer.
    const renouveler = 'Je travaille à Drummondville avec un permis fermé et une EIMT. Mon employeur peut-il renouveler l’EIMT ?';
    const getMe = 'Can my employer in Quebec get me an LMIA for a caregiver position? they offered me a job in a private home';
    const recognizer = recognizerReading({
        [renouveler]: confident('job-offer-lmia'),
        [getMe]: confident('job-offer-lmia'),
        [etapes]: confident('start-steps'),
        [foreign]: confident('job-offer-lmia'),
        [paie]: confident('job-offer-lmia'),
        [cousin]: confident('job-offer-lmia'),
        [collegue]: confident('job-offer-lmia'),
        [apply]: confident('job-offer-lmia'),
        [eternite]: confident('job-offer-lmia'),
        [combien]: confident('job-offer-lmia'),
        [cost]: confident('job-offer-lmia'),
        [need]: confident('job-offer-lmia'),
        [told]: confident('job-offer-lmia'),
    });

    it.each([
        [apply, 'en'],
        [combien, 'fr'],
        [cost, 'fr'],
        [eternite, 'fr'],
        [cousin, 'en'],
        [collegue, 'fr'],
        [foreign, 'en'],
        [paie, 'fr'],
        [etapes, 'fr'],
        [renouveler, 'fr'],
        [getMe, 'en'],
    ] as const)(
        'is refused: how to get one, its cost or its delay, or whether one is needed for someone else is no IMP+ question (%s)',
        (text, language) => {
            expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', offTopic: true });
        },
    );

    it('is still answered when the message asks whether one is needed', () => {
        expect(recognizer.understand(need, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'job-offer-lmia' } });
    });

    it('is still answered when the LMIA is only in the story told before the question', () => {
        expect(recognizer.understand(told, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'job-offer-lmia' } });
    });
});

describe('a question about what no IMP+ answer covers', () => {
    const sin = 'just landed with the work permit, how do i get my SIN number?';
    const carte = 'Ma carte de résident permanent expire en novembre, comment la renouveler ?';
    // "it" in the question is what the sentence before named.
    const carteAvant = 'Ma carte de résident permanent expire en mai. Comment la renouveler ?';
    const carteRp = 'Une fois résident permanent, comment on renouvelle la carte de RP?';
    const definition = 'what is this CSQ everybody talks about? is it the same as a PR card?';
    const told = 'am I eligible? I already have my SIN';
    const impots = 'Avec un permis ouvert, dois-je faire deux déclarations d’impôts, une au Québec et une au fédéral ?';
    const dog = 'bringing my dog on the plane to Canada, what papers will customs ask for?';
    const usVisa = 'Travelling to the US is fine with just my Canadian work permit, no US visa needed, correct?';
    const fairness = 'IRCC sent me a procedural fairness letter on my PR file, what should I write back?';
    const vulnerable =
        'Mon ami a un permis fermé et son employeur le maltraite, il peut avoir un permis ouvert pour travailleur vulnérable ?';
    const droitRp = 'frais de traitement RP + droit de RP pour un couple c’est combien au total?';
    // Pay, unions, homes and votes: labour law and daily life, not the permit.
    const salaire = 'mon patron dit que comme j’ai un permis PMI+ il peut me payer en bas du salaire minimum, c’est vrai?';
    const mortgage = 'with an IMP+ work permit will the bank give me a mortgage or do i need to be PR first?';
    const carLoan = 'can i get a car loan from the bank with my IMP+ permit?';
    const pretAuto = 'avec le PMI+ je peux-tu avoir un prêt auto à la caisse?';
    const reer = 'genre c’est quoi la différence entre un REER pis un CELI, tsé, avec un permis ouvert';
    const retenues = 'Est-ce que je dois faire des retenues à la source différentes pour un employé qui a un permis de travail ouvert?';
    const essai = 'Un de mes employés a son permis PMI+, est-ce que je peux le payer moins cher pendant sa période d’essai?';
    const mandamus = 'je peux tu poursuivre IRCC pour les délais? un mandamus ça coûte combien';
    const hygiene = 'where do i get the MAPAQ food hygiene certificate, my chef says i need it';
    const minister = 'qui a annoncé le PMI+ à l’origine, c’était quel ministre ?';
    const sponsor = 'pour parrainer mon épouse qui est restée à Yaoundé, c’est quel formulaire?';
    // Offered as a guided flow in a "Did you mean…?", still a matter of its own.
    const vote = 'Est-ce que le PMI+ donne le droit de voter aux élections provinciales?';
    const superVisa = 'she’s on IMP+ and wants to invite her mom with a super visa, what is the income requirement';
    // A last sentence that starts as a question asks without its question mark.
    const b1b2 = 'can I travel to San Francisco with my imp+ permit for a conference? do I need a US visa';
    // What the bot does not do, and appeals.
    const fillIn = 'can you fill in the IMM form for me if i give you my info?';
    const courFederale = 'Ma demande PMI+ a été refusée, je veux contester à la Cour fédérale, c’est quoi la procédure?';
    // A question of a few words that names nothing is about what the sentence before named.
    const delais = 'Refus de mon permis PMI+ : je veux un recours devant la Cour fédérale. Quels sont les délais ?';
    const conteste = 'Mon CSQ a été refusé, comment je conteste la décision du MIFI ?';
    // One that names its own thing is not.
    const sinThenPermit = 'I just got my SIN. How long is the IMP+ permit valid?';
    // A place of work named with a pet's word asks nothing about pets.
    const dogDaycare = 'Check if I’m eligible please: CSQ since 2023, PR filed, I live in Longueuil and work at a dog daycare.';
    const garderie = 'Je travaille dans une garderie pour chiens à Laval, combien de temps le permis PMI+ est valide?';
    // Employment insurance, another Quebec program, a correction to the CSQ.
    const ei = 'if the mine shut down for the winter can i get EI while on imp+';
    const chomage = 'si je perds ma job est-ce que je peux demander le chômage avec le permis pmi+?';
    const investor = 'what is the Quebec investor program, I own a farm in Minas Gerais and want to invest';
    const typo = 'my csq has typo in my last name, how i get mifi to correct it';
    const rent = 'landlords in montreal dey ask for credit check, my imp+ approval letter go help me rent apartment?';
    const saisonniers = 'Avec le programme des travailleurs agricoles saisonniers, comment on renouvelle le permis pour l’an prochain?';
    const samedi = 'le bureau du MIFI est-tu ouvert le samedi? je dois aller porter un papier pour ma demande';
    // Having studies done abroad assessed, for an order or another program.
    const evaluation = 'J’ai besoin de l’évaluation comparative des études du MIFI pour mon diplôme, comment on la demande ?';
    const equivalence = 'L’OIIQ me demande une équivalence de diplôme d’infirmière, ça prend combien de temps ?';
    const eca = 'how long does an educational credential assessment take for my engineering degree?';
    // A raise of the rent.
    const loyer = 'Je suis à Montréal avec le PMI+, le propriétaire augmente le loyer de 15% d’un coup. Il a le droit ?';
    const rentIncrease = 'my landlord raised the rent 20% while I’m on IMP+, is that legal?';
    // A name to correct on a certificate, a city's permit, the best school.
    const misspelled = 'My son’s CSQ has a spelling mistake in his last name. How does he ask MIFI to correct it?';
    const cityPermit = 'The wife of one of our IMP+ workers wants to open a home daycare. What permits does she need from the city?';
    const bestSchool = 'MON PETIT FILS A 14 ANS IL DEMENAGE A LAVAL QUELLE ECOLE SECONDAIRE EST LA MEILLEURE';
    // A refund after a refusal.
    const refund = 'If my IMP+ application is refused, will IRCC refund the processing fees I paid?';
    const rembourser = 'ma demande de permis a été refusée, IRCC va-tu me rembourser mes frais?? c’est du vol';
    // A relative coming to visit.
    const graduation = 'my parents want to come for my graduation in May, how can they get a visitor visa from Lagos?';
    const venirMeVoir = 'ma mère veut venir me voir à Noël, le PMI+ l’aide-tu à avoir son visa de visiteur?';
    // The writer visiting someone abroad asks how to come back with the permit.
    const visitAbroad = 'I want to visit my son in France this summer, can I come back to Quebec with my IMP+ permit?';
    const recognizer = recognizerReading({
        [loyer]: confident('criteria-outside-quebec'),
        [rentIncrease]: confident('employers'),
        [misspelled]: confident('invitation-request'),
        [cityPermit]: confident('spouse-work'),
        [bestSchool]: confident('children-school'),
        [refund]: confident('pr-decision'),
        [rembourser]: confident('fees'),
        [graduation]: confident('travel-documents'),
        [venirMeVoir]: confident('travel-documents'),
        [visitAbroad]: confident('travel-documents'),
        [evaluation]: confident('how-to-apply'),
        [equivalence]: confident('processing-times'),
        [eca]: confident('processing-times'),
        [rent]: confident('travel-documents'),
        [saisonniers]: confident('permit-expiry'),
        [samedi]: confident('how-to-apply'),
        [ei]: confident('program-status'),
        [chomage]: unsure('permit-expiry', 'how-to-apply'),
        [investor]: confident('what-is-imp'),
        [typo]: confident('invitation-request'),
        [dogDaycare]: confident('start-eligibility'),
        [garderie]: confident('duration'),
        [delais]: confident('processing-times'),
        [conteste]: confident('processing-times'),
        [sinThenPermit]: confident('duration'),
        [fillIn]: confident('application-form'),
        [courFederale]: confident('start-steps'),
        [droitRp]: confident('fees'),
        [salaire]: confident('fees'),
        [mortgage]: confident('apply-before-after-pr'),
        [carLoan]: unsure('start-permit', 'duration'),
        [pretAuto]: confident('start-permit'),
        [reer]: confident('open-vs-employer-specific'),
        [retenues]: confident('open-vs-employer-specific'),
        [essai]: confident('employers'),
        [mandamus]: confident('processing-times'),
        [hygiene]: confident('police-certificates'),
        [minister]: confident('what-is-mifi'),
        [sponsor]: confident('application-form'),
        [vote]: unsure('criteria', 'start-eligibility'),
        [superVisa]: confident('criteria'),
        [b1b2]: confident('travel-documents'),
        [usVisa]: confident('travel-documents'),
        [fairness]: confident('apply-before-after-pr'),
        [vulnerable]: confident('open-vs-employer-specific'),
        [sin]: confident('start-permit'),
        [carte]: confident('permit-expiry'),
        [carteAvant]: confident('permit-expiry'),
        [carteRp]: confident('permit-expiry'),
        [impots]: confident('what-is-mifi'),
        [dog]: confident('documents-list'),
        [definition]: confident('what-is-csq'),
        [told]: confident('start-eligibility'),
    });

    it.each([
        [sin, 'en'],
        [carte, 'fr'],
        [carteAvant, 'fr'],
        [carteRp, 'fr'],
        [impots, 'fr'],
        [dog, 'en'],
        [usVisa, 'en'],
        [fairness, 'en'],
        [vulnerable, 'fr'],
        [droitRp, 'fr'],
        [salaire, 'fr'],
        [mortgage, 'en'],
        [carLoan, 'en'],
        [pretAuto, 'fr'],
        [reer, 'fr'],
        [retenues, 'fr'],
        [essai, 'fr'],
        [mandamus, 'fr'],
        [hygiene, 'en'],
        [minister, 'fr'],
        [sponsor, 'fr'],
        [vote, 'fr'],
        [superVisa, 'en'],
        [b1b2, 'en'],
        [fillIn, 'en'],
        [courFederale, 'fr'],
        [delais, 'fr'],
        [conteste, 'fr'],
        [ei, 'en'],
        [chomage, 'fr'],
        [investor, 'en'],
        [typo, 'en'],
        [rent, 'en'],
        [saisonniers, 'fr'],
        [samedi, 'fr'],
        [evaluation, 'fr'],
        [equivalence, 'fr'],
        [eca, 'en'],
        [loyer, 'fr'],
        [rentIncrease, 'en'],
        [misspelled, 'en'],
        [cityPermit, 'en'],
        [bestSchool, 'fr'],
        [refund, 'en'],
        [rembourser, 'fr'],
        [graduation, 'en'],
        [venirMeVoir, 'fr'],
    ] as const)('is refused whatever IMP+ words come with it (%s)', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('keeps a definition that compares with it, and a question beside a sentence that only names it', () => {
        expect(recognizer.understand(definition, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-csq' } });
        expect(recognizer.understand(told, 'en')).toMatchObject({ kind: 'dialog', target: 'eligibility' });
    });

    it('keeps the writer’s own trip to visit someone abroad, asked about the permit', () => {
        expect(recognizer.understand(visitAbroad, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'travel-documents' } });
    });

    it('keeps a question whose pet’s word only names a place of work', () => {
        expect(recognizer.understand(dogDaycare, 'en')).toMatchObject({ kind: 'dialog', target: 'eligibility' });
        expect(recognizer.understand(garderie, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'duration' } });
    });

    it('keeps a question after it that names its own subject', () => {
        expect(recognizer.understand(sinThenPermit, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'duration' } });
    });
});

describe('who may read what one writes here', () => {
    it('is the privacy notice, whatever the classifier reads', () => {
        const read = recognizerWithTopics({}).understand('ce que j’écris ici, qui peut le lire?', 'fr');
        expect(read).toMatchObject({ kind: 'command', command: 'privacy' });
    });
});

describe('who sees the chat, then whether someone may see "it"', () => {
    const qui = 'Qui voit ce que j’écris ici? Mon employeur peut le savoir?';
    const who = 'Who sees what I write in this chat? Can my employer see it?';
    const recognizer = recognizerReading({
        'Qui voit ce que j’écris ici?': confident('privacy'),
        'Mon employeur peut le savoir?': confident('employers'),
        'Who sees what I write in this chat?': confident('privacy'),
        'Can my employer see it?': confident('employers'),
    });

    it.each([
        [qui, 'fr'],
        [who, 'en'],
    ] as const)('is one question about privacy, "it" being the chat: %s', (text, language) => {
        const reading = recognizer.understand(text, language);
        expect(reading).toMatchObject({ kind: 'command', command: 'privacy' });
        expect(reading).not.toHaveProperty('request');
    });
});

describe('why one’s own application was refused', () => {
    const pourquoi = 'Ma demande de permis a été refusée hier, pourquoi d’après vous?';
    const why = 'IRCC rejected my work permit application. Why?';
    const stillImp = 'My PR was refused, why can’t I use IMP+ anymore?';
    const fight = 'IRCC says my file was refused for misrepresentation. can I fight that?';
    const contester = 'Ma demande a été refusée la semaine passée, je peux contester ?';
    // Two ways to fight it, offered as alternatives.
    const reconsider = 'my IMP+ application was refused po, can I appeal it or ask for reconsideration?';
    const revision = 'Ma demande de permis a été refusée hier, je peux contester ou demander une révision ?';
    const stillApply = 'My PR was refused, can I appeal or can I still apply for IMP+?';
    const recognizer = recognizerReading({
        [reconsider]: confident('pr-decision'),
        [revision]: confident('pr-decision'),
        [stillApply]: confident('pr-decision'),
        // "refused" leans to a PR decision, « pourquoi » to what IMP+ is for.
        [pourquoi]: confident('purpose'),
        [why]: confident('pr-decision'),
        [stillImp]: confident('pr-decision'),
        [fight]: confident('pr-decision'),
        [contester]: confident('pr-decision'),
    });

    it.each([
        [pourquoi, 'fr'],
        [why, 'en'],
        [fight, 'en'],
        [contester, 'fr'],
        [reconsider, 'en'],
        [revision, 'fr'],
    ] as const)('is refused as a question about one’s own file: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', ownFile: true });
    });

    it('still answers a why about IMP+ after a refusal', () => {
        expect(recognizer.understand(stillImp, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'pr-decision' } });
    });

    it('still answers an alternative that asks about IMP+', () => {
        expect(recognizer.understand(stillApply, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'pr-decision' } });
    });
});

describe('what the first answer already says of its own thing, asked again after it (ASKED_OF_THE_FIRST)', () => {
    const cases = [
        {
            asked: 'its cost, after a priced topic',
            unsaid: 'faut-tu que je redonne mes empreintes? pis si oui ça coûte combien',
            named: 'faut-tu que je redonne mes empreintes? pis combien coûte le permis',
            first: 'biometrics',
            namedFirst: 'biometrics',
            also: 'fees',
        },
        {
            asked: 'how long it is valid, after the invitation',
            unsaid: 'comment on obtient cette invitation? Je peux la demander moi-même? elle est valide combien de temps?',
            named: 'comment on obtient cette invitation? Je peux la demander moi-même? le permis est valide combien de temps?',
            first: 'invitation-request',
            namedFirst: 'invitation-request',
            also: 'duration',
        },
        {
            asked: 'what it is for, after what the CSQ is',
            unsaid: 'cest quoi un csq et ca sert a quoi exactement',
            // After what IMP+ is, what it is for is still asked: its answer does not say what IMP+ changes.
            named: 'cest quoi le pmi+ et ca sert a quoi exactement',
            first: 'what-is-csq',
            namedFirst: 'what-is-imp',
            also: 'purpose',
        },
    ] as const;
    const recognizer = recognizerReading({
        'faut-tu que je redonne mes empreintes?': confident('biometrics'),
        'pis si oui ça coûte combien': confident('fees'),
        'si oui ça coûte combien': confident('fees'),
        'pis combien coûte le permis': confident('fees'),
        'combien coûte le permis': confident('fees'),
        [cases[1].unsaid]: confident('invitation-request'),
        [cases[1].named]: confident('invitation-request'),
        'comment on obtient cette invitation?': confident('invitation-request'),
        'Je peux la demander moi-même? elle est valide combien de temps?': confident('duration'),
        'Je peux la demander moi-même? le permis est valide combien de temps?': confident('duration'),
        'cest quoi un csq': confident('what-is-csq'),
        'cest quoi le pmi+': confident('what-is-imp'),
        'ca sert a quoi exactement': confident('purpose'),
    });

    it.each(cases)('is the first answer alone when the second says only "it": $asked', ({ unsaid, first }) => {
        const read = recognizer.understand(unsaid, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: first } });
        expect(read).not.toHaveProperty('also');
    });

    it.each(cases)('answers the second too when it names another thing: $asked', ({ named, namedFirst, also }) => {
        expect(recognizer.understand(named, 'fr')).toMatchObject({ kind: 'answer', topic: { id: namedFirst }, also: { id: also } });
    });
});

describe('the end of another permit or visa than the IMP+ permit', () => {
    const etudes = 'Mon permis d’études expire bientôt, comment le prolonger ?';
    const visitor = 'My visitor visa ends soon, can I extend it to stay one more month?';
    const withImpPlus = 'My study permit expires before my IMP+ is approved, what happens then?';
    const lmia = 'my lmia permit expires in 2 months, how do i extend it with the same restaurant';
    const pvt = 'Mon PVT se termine en juin, y a moyen de le prolonger?';
    // Special measures and bridging permits are other permits too.
    const cuaet = 'maybe easier to just extend my CUAET work permit instead? mine expires next year';
    const ptot = 'Mon PTOT expire en mars, je peux le prolonger?';
    const recognizer = recognizerReading({
        [cuaet]: confident('permit-expiry'),
        [ptot]: confident('permit-expiry'),
        [etudes]: confident('permit-expiry'),
        [visitor]: confident('permit-expiry'),
        [lmia]: confident('permit-expiry'),
        [pvt]: confident('permit-expiry'),
        [withImpPlus]: confident('permit-expiry'),
    });

    it.each([
        [etudes, 'fr'],
        [visitor, 'en'],
        [lmia, 'en'],
        [pvt, 'fr'],
        [cuaet, 'en'],
        [ptot, 'fr'],
    ] as const)('is refused, not read as the IMP+ permit’s end (%s)', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('is still the IMP+ permit’s end when the message names IMP+', () => {
        expect(recognizer.understand(withImpPlus, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'permit-expiry' } });
    });
});

describe('one sentence that asks two things among sentences that tell', () => {
    const question = 'How much are the government fees and roughly how long is it taking these days?';
    const told = `Applying next week from Lagos, all papers ready. ${question}`;
    const wife = `My wife and I apply next week from Lagos. ${question}`;
    const husband = 'My husband got the CSQ, I am a nurse. Can I work there too, and can the kids go to school?';
    // The medical exam is asked of each applicant, as the fees are paid by each.
    const checks = 'How much are the government fees and would we need a medical exam as well?';
    const couple = `My husband and I have our CSQs. ${checks}`;
    const recognizer = recognizerReading({
        [told]: { kind: 'none', score: 0.4 },
        [couple]: { kind: 'none', score: 0.4 },
        [checks]: { kind: 'none', score: 0.5, offTopic: true },
        'would we need a medical exam as well?': confident('medical-exam'),
        [wife]: { kind: 'none', score: 0.4 },
        [husband]: { kind: 'none', score: 0.4 },
        // Searched for one topic, two questions read as neither.
        [question]: { kind: 'none', score: 0.5, offTopic: true },
        'How much are the government fees': confident('fees'),
        'roughly how long is it taking these days?': confident('processing-times'),
        'Can I work there too': confident('quebec-only'),
        'can the kids go to school?': confident('children-school'),
    });

    it.each([told, wife])('is read alone: both are answered, the same whoever applies (%s)', (text) => {
        expect(recognizer.understand(text, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });

    it('is read alone beside a story that names someone, when both answers are the same whoever applies', () => {
        expect(recognizer.understand(couple, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' }, also: { id: 'medical-exam' } });
    });

    it('is not when the sentences around it name someone the question may be about', () => {
        expect(recognizer.understand(husband, 'en')).not.toHaveProperty('also');
    });
});

describe('thanks or an acknowledgement for what was said about a topic', () => {
    const recognizer = recognizerReading({
        "merci pour l'info sur les frais": confident('fees'),
        'ok noted for the biometrics': confident('biometrics'),
        'merci pour les empreintes, et les frais du permis, c’est combien ?': confident('biometrics'),
        'et les frais du permis, c’est combien ?': confident('fees'),
        'thanks for the details, what does it cost for my wife?': confident('biometrics'),
        merci: confident('thanks'),
        'ok noted': confident('acknowledgement'),
        thanks: confident('thanks'),
        'connais tu un bon site': confident('acknowledgement'),
        'connais tu un bon site pour convertir mes euros': { kind: 'none', score: 0 },
    });

    it('is the thanks or the acknowledgement, in both languages', () => {
        expect(recognizer.understand("merci pour l'info sur les frais", 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'thanks' } });
        expect(recognizer.understand('ok noted for the biometrics', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'acknowledgement' },
        });
    });

    it('gives way to a clause after it that asks', () => {
        expect(recognizer.understand('merci pour les empreintes, et les frais du permis, c’est combien ?', 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
        });
    });

    it('is not, when the words before "for" are a sentence rather than thanks, or the clause after asks unclearly', () => {
        expect(recognizer.understand('connais tu un bon site pour convertir mes euros', 'fr')).toMatchObject({ kind: 'refuse' });
        expect(recognizer.understand('thanks for the details, what does it cost for my wife?', 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'biometrics' },
        });
    });
});

describe('a guided flow asked for after the people it is for', () => {
    const told = 'Me, my wife and 2 kids. go through the options for my family';
    const asked = 'can my wife and kids come? go through the options for my family';
    const recognizer = recognizerReading({
        [told]: confident('start-family'),
        [asked]: confident('start-family'),
        'Me, my wife and 2 kids.': confident('family-members'),
        'can my wife and kids come?': confident('family-members'),
        'go through the options for my family': confident('start-family'),
    });

    it('is the flow alone when they are only told', () => {
        const understood = recognizer.understand(told, 'en');
        expect(understood).toMatchObject({ kind: 'dialog', topic: 'start-family' });
    });

    it('answers the question before the flow when they are asked about', () => {
        expect(recognizer.understand(asked, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'family-members' },
            request: { dialog: 'family' },
        });
    });
});

describe('a request beside a question', () => {
    const clear = 'how much are the fees? and what do you do with my data?';
    const unclear = 'how much are the fees? and honestly I am tired of reading pages that contradict each other';
    const advisor = 'which papers must I send? and is possible to speak with one of your advisers?';
    const recognizer = recognizerReading({
        [advisor]: unsure('documents-list', 'advisor'),
        'which papers must I send?': confident('documents-list'),
        'and is possible to speak with one of your advisers?': confident('advisor', 0.6),
        [clear]: unsure('fees', 'privacy'),
        [unclear]: unsure('fees', 'privacy'),
        'how much are the fees?': confident('fees'),
        'and what do you do with my data?': confident('privacy', 0.85),
        'and honestly I am tired of reading pages that contradict each other': confident('privacy', 0.45),
    });

    it('is done after the answer when it is read clearly: here the privacy notice', () => {
        expect(recognizer.understand(clear, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            request: { command: 'privacy' },
        });
    });

    it('is clear when it says it asks for a person, however the words read', () => {
        expect(recognizer.understand(advisor, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'documents-list' },
            request: { command: 'advisor' },
        });
    });

    it('is no request when the words only lean to it', () => {
        const understood = recognizer.understand(unclear, 'en');
        expect(understood).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
        expect(understood).not.toHaveProperty('request');
    });
});

describe('words said beside the question: how the answer should be said, chat markers, not knowing', () => {
    const recognizer = recognizerReading({
        // The words said aside drown a short question: as wholes these read as nothing.
        'how do I apply,': confident('how-to-apply'),
        'if my gf can work too, we been living together like 2 yrs': confident('spouse-work'),
        'pls: does my wife need her own permit?': confident('family-members'),
        ', le PMI+ est-il encore ouvert ?': confident('program-status'),
        'le PMI+': confident('program-status'),
        'le PMI+ en résumé': confident('what-is-imp'),
    });

    it.each([
        ['how do I apply, in 2 sentences max', 'en', 'how-to-apply'],
        ['short answer pls: does my wife need her own permit?', 'en', 'family-members'],
        ['Oui ou non, le PMI+ est-il encore ouvert ?', 'fr', 'program-status'],
        ['lowkey need to know if my gf can work too, we been living together like 2 yrs', 'en', 'spouse-work'],
    ] as const)('is read past when the whole is not understood: %s', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id } });
    });

    it('is kept when the whole is understood, as "in short" may be what is asked', () => {
        expect(recognizer.understand('le PMI+ en résumé', 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it('leaves a message that says nothing else refused', () => {
        expect(recognizer.understand('short answer please', 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('what is said in brackets or between dashes', () => {
    const ottawa = 'Right now I’m in Ottawa (temporarily — my wife’s contract ends in the fall); does that affect whether I can apply?';
    const lycee = 'mon fils veut faire son année de lycée en Alberta (échange), il lui faut un permis d’études?';
    const recognizer = recognizerReading({
        'Right now I’m in Ottawa ; does that affect whether I can apply?': confident('criteria-outside-quebec'),
        'mon fils veut faire son année de lycée en Alberta , il lui faut un permis d’études?': unsure('children-school', 'quebec-only'),
        'Permis fermé lié à une EIMT pour notre employé : sa conjointe peut-elle travailler ?': confident('spouse-work'),
    });

    it('is read past when the whole is refused and the rest clearly asks one thing', () => {
        expect(recognizer.understand(ottawa, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'criteria-outside-quebec' } });
    });

    it('is kept when the rest only offers a choice, since the brackets may be what made the question someone else’s', () => {
        expect(recognizer.understand(lycee, 'fr')).toMatchObject({ kind: 'refuse' });
    });

    it('is kept when it turned IMP+ away', () => {
        const turned = 'Permis fermé lié à une EIMT (pas le PMI+) pour notre employé : sa conjointe peut-elle travailler ?';
        expect(recognizer.understand(turned, 'fr')).toMatchObject({ kind: 'refuse', otherProgram: true });
    });
});

describe('a question its own words settle', () => {
    const airport = 'couldn’t I just apply at the airport when I land in Montreal?';
    const lacolle = 'I’m driving to the Lacolle border in 2 weeks. can I just ask for the imp+ permit there at the border?';
    const aeroport = 'Est-ce que je peux simplement demander le permis à mon arrivée à l’aéroport de Montréal?';
    const asile = 'Mon frère veut faire sa demande d’asile à l’aéroport de Montréal, comment ça marche ?';
    const story = 'I applied online last month and my flight lands at the airport on Monday. How long is it taking?';
    const grok = 'Grok says I can apply for IMP+ at the airport when I land in Montreal. is that right?';
    const readings: Record<string, MatchOutcome> = {
        // "Montreal" leans to who may apply from where; the rest reads as nothing.
        [airport]: confident('criteria-outside-quebec'),
        [grok]: confident('criteria-outside-quebec'),
        [story]: confident('processing-times'),
    };
    const recognizer = recognizerWithTopics(readings);

    it.each([
        [airport, 'en'],
        [lacolle, 'en'],
        [aeroport, 'fr'],
        ['we live in Toronto, can I flagpole at the border to get the IMP+ permit?', 'en'],
        ['on habite à Toronto, je peux faire le tour du poteau pour obtenir mon permis PMI+ ?', 'fr'],
        // The claim before "is that right?" is what is asked.
        [grok, 'en'],
    ] as const)('is applying at a port of entry, answered where one applies: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'how-to-apply', language } });
    });

    it('is not when the sentence is about something else, or only tells', () => {
        expect(recognizer.understand(asile, 'fr')).toMatchObject({ kind: 'refuse' });
        expect(recognizer.understand(story, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'processing-times' } });
    });

    it.each([
        ['Would he be required to sit a language examination to obtain this permit?', 'en'],
        ['Faut-il passer le TEF ou le TCF pour le PMI+, comme pour Entrée express ?', 'fr'],
        // "this" is the permit the conversation is about.
        ['Do I need to write IELTS or TEF again for this? my IELTS from 2021 expired already', 'en'],
        ['j’aurais pas besoin de repasser le TEF pour ça? mon résultat date de 2021', 'fr'],
    ] as const)('is a language test for the permit, answered whether IMP+ needs one: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'language-test', language } });
    });

    it('is not a language test for citizenship, or for a driving licence', () => {
        expect(recognizer.understand('Do I need the TEF for citizenship once I have the IMP+ permit?', 'en')).toMatchObject({
            kind: 'refuse',
        });
        expect(recognizer.understand('Faut-il un test de français pour le permis de conduire ?', 'fr')).toMatchObject({ kind: 'refuse' });
    });
});

describe('coming back into Canada after a trip', () => {
    const grandma = 'if i get the permit can i go visit my grandma in morocco this summer and come back without problems';
    const noel = 'est ce que je peux rentrer en france pour noel et revenir au canada avec ce permis sans problème';
    const ramq = 'la RAMQ on y a droit tout de suite? et si on part en vacances on peut revenir au canada sans visa?';
    const stunt =
        'I’m a stunt performer and I travel a lot for shoots. Can I leave Canada and come back while on IMP+, and do I keep my health insurance in between?';
    const calgary = 'I already have the permit. can I go to Calgary for 6 months and work there then come back to Montreal?';
    const later = 'bye, will come back in 2 weeks when i get the letter';
    const readings: Record<string, MatchOutcome> = {
        'la RAMQ on y a droit tout de suite?': confident('health-insurance'),
        'I’m a stunt performer and I travel a lot for shoots. and do I keep my health insurance in between?': confident('health-insurance'),
        [calgary]: confident('quebec-only'),
    };
    const recognizer = recognizerWithTopics(readings);

    it.each([
        [grandma, 'en'],
        [noel, 'fr'],
    ] as const)('is answered with the documents travel takes: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'travel-documents', language } });
    });

    it.each([
        [ramq, 'fr'],
        [stunt, 'en'],
    ] as const)('keeps the other question asked beside it: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: 'travel-documents' },
            also: { id: 'health-insurance' },
        });
    });

    it('is not coming back from a trip inside Canada, or to the chat', () => {
        expect(recognizer.understand(calgary, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'quebec-only' } });
        expect(recognizer.understand(later, 'en')).not.toMatchObject({ topic: { id: 'travel-documents' } });
    });
});

describe('an IMP+ fee’s amount named in a message refused as a whole', () => {
    const paid = 'paid $155 is that right or should it be more';
    const enTout = 'Selon mon beau-frère ça coûte 255$ en tout, c’est vrai?';
    const rent = 'my rent went up by $100 is that legal';
    const flight = 'I paid 1,155 dollars for my flight, is that normal?';
    const biometrics = 'paid $85 for the fingerprints, do the kids need them too?';
    const pgwp = 'I paid $155 to extend my PGWP, is that right?';
    const readings: Record<string, MatchOutcome> = { [biometrics]: confident('biometrics') };
    const recognizer = new Recognizer(t, {
        match: (text) =>
            readings[text.trim()] ??
            (text.includes('PGWP') ? { kind: 'none', score: 0, offTopic: true, otherProgram: true } : { kind: 'none', score: 0 }),
        topic: (id, language) => kb.topic(language, id),
    });

    it.each([
        [paid, 'en'],
        [enTout, 'fr'],
    ] as const)('is about the fees: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'fees', language } });
    });

    it.each([rent, flight])('is not when nothing is paid, or the figure is another: %s', (text) => {
        expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('leaves a message understood as it is, and another program’s fee refused', () => {
        expect(recognizer.understand(biometrics, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'biometrics' } });
        expect(recognizer.understand(pgwp, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('one more question after a remark on the last answer', () => {
    const police = 'super clair pour la police. Pis l’examen médical lui ?';
    const visite = 'super, et pour la visite médicale ?';
    const poutine = 'I love poutine, and is the weather cold in Quebec?';
    const twice = 'is it still open? ok, and the fees?';
    const nationality = 'Can I get French nationality, and how long does it take?';
    const passport = 'My old mother has a French passport now, and the price?';
    const enfants = 'Impeccable pour mon mari. Et les enfants, ils peuvent être scolarisés là-bas ?';
    const weak = 'Super, merci. Et le reste, ça marche comment ?';
    const recognizer = recognizerReading({
        'Pis l’examen médical lui ?': confident('medical-exam'),
        // Said to be one more question, it may read less clearly than one alone, but not as weakly as anything.
        'Et les enfants, ils peuvent être scolarisés là-bas ?': confident('children-school', 0.63),
        'Et le reste, ça marche comment ?': confident('how-to-apply', 0.5),
        'et pour la visite médicale ?': confident('medical-exam'),
        'and the fees?': confident('fees'),
        'and how long does it take?': confident('processing-times'),
        'and the price?': confident('fees'),
    });

    it.each([
        [police, 'fr'],
        [visite, 'fr'],
    ] as const)('is what is asked when the whole is not understood: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'medical-exam' } });
    });

    it('is what is asked even when it reads a little less clearly than a question alone', () => {
        expect(recognizer.understand(enfants, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'children-school' } });
        expect(recognizer.understand(weak, 'fr')).toMatchObject({ kind: 'refuse' });
    });

    it('is not one when it reads as nothing, after more than a remark, or when the message asked before it', () => {
        expect(recognizer.understand(poutine, 'en')).toMatchObject({ kind: 'refuse' });
        expect(recognizer.understand(twice, 'en')).toMatchObject({ kind: 'refuse' });
        expect(recognizer.understand(nationality, 'en')).toMatchObject({ kind: 'refuse' });
        expect(recognizer.understand(passport, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('the fees, delays, documents or biometrics of another process', () => {
    const csq = 'how much is the fee to apply for the CSQ with MIFI?';
    const caq = 'Pour un permis d’études à l’UQAM, c’est quoi les délais pour le CAQ ?';
    const peqHolder = 'I have a PEQ CSQ, what are the fees for IMP+?';
    const compared = 'how much does PMI+ cost, same as the CAQ fee?';
    const caqLikeStudies = 'how much is the CAQ, same as for studies?';
    const visa = 'ma soeur fait une demande de visa visiteur, elle doit donner les biometries a rabat ou casablanca ?';
    const prCost = 'how much does the PR application cost? our worker is asking if we’d help pay for it';
    const rpFrais = 'C’est combien, les frais de la demande de RP pour un couple ?';
    const recognizer = recognizerReading({
        [prCost]: confident('fees'),
        [rpFrais]: confident('fees'),
        [visa]: confident('biometrics'),
        [csq]: confident('fees'),
        [caq]: confident('processing-times'),
        [peqHolder]: confident('fees'),
        [compared]: confident('fees'),
        [caqLikeStudies]: confident('fees'),
    });

    it.each([
        [csq, 'en'],
        [caq, 'fr'],
        [visa, 'fr'],
        [prCost, 'en'],
        [rpFrais, 'fr'],
    ] as const)('are not the IMP+ application’s: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('leave the IMP+ fees of someone who holds another program’s CSQ answered', () => {
        expect(recognizer.understand(peqHolder, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });

    it('leave the permit’s fees answered when another process is only compared with it', () => {
        expect(recognizer.understand(compared, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });

    it('are still refused when compared with something else than the permit', () => {
        expect(recognizer.understand(caqLikeStudies, 'en')).toMatchObject({ kind: 'refuse', offTopic: true });
    });
});

describe('a CAQ for studies, asked without the permit', () => {
    const nephew = 'Mon neveu arrive pour une formation de six mois à Québec, lui faut-il un CAQ pour études?';
    const onThePermit = 'can i take courses at a cegep while on IMP+ or do i need a CAQ?';
    const recognizer = recognizerReading({
        [nephew]: confident('study-with-permit'),
        [onThePermit]: confident('study-with-permit'),
    });

    it('is that process’s matter, not what the permit lets one study', () => {
        expect(recognizer.understand(nephew, 'fr')).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('is what the permit lets one study when the permit is named', () => {
        expect(recognizer.understand(onThePermit, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'study-with-permit' } });
    });
});

describe('a list of two questions', () => {
    const inline = '1) is IMP+ still running 2) how long does it take';
    const lines = 'a) combien de places par année\nb) ça coûte combien';
    const three = '1) how long is it valid\n2) can it be renewed\n3) what are the fees';
    const fact = 'My file:\n- CSQ issued in 2023\n- how much are the fees';
    const recognizer = recognizerReading({
        'is IMP+ still running': confident('program-status'),
        'how long does it take': confident('processing-times', 0.65),
        'combien de places par année': confident('caps'),
        'ça coûte combien': confident('fees', 0.65),
        'how long is it valid': confident('duration'),
        'can it be renewed': confident('permit-expiry'),
        'what are the fees': confident('fees'),
        'CSQ issued in 2023': confident('csq-expiry'),
        'how much are the fees': confident('fees', 0.65),
    });

    it.each([
        [inline, 'en', 'program-status', 'processing-times'],
        [lines, 'fr', 'caps', 'fees'],
    ])('answers both items, numbered on one line or one per line: %s', (text, language, first, second) => {
        expect(recognizer.understand(text, language as 'en' | 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: first },
            also: { id: second },
        });
    });

    it('leaves a list of three questions to the other readings', () => {
        expect(recognizer.understand(three, 'en')).not.toHaveProperty('also');
    });

    it('does not read a listed fact as a question', () => {
        expect(recognizer.understand(fact, 'en')).not.toMatchObject({ topic: { id: 'csq-expiry' } });
    });
});

describe('a remark, then a goodbye', () => {
    const recognizer = recognizerReading({
        'À plus': confident('goodbye'),
        'à plus!': confident('goodbye'),
        bye: confident('goodbye'),
        'Bon ben à plus': unsure('acknowledgement', 'goodbye'),
    });

    it.each([
        ['Bon ben faut que j’y retourne, la pause est finie. À plus', 'fr'],
        ['La pause est finie, je retourne sur le chantier. Bon ben à plus', 'fr'],
        ['ok I will look at the site tonight. bye', 'en'],
        ['Bon ben je retourne aux chaloupes, à plus!', 'fr'],
    ] as const)('says goodbye when the remark asks nothing: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'goodbye' } });
    });

    it.each(['can you send me the link to the form. bye', 'can you send me the link to the form, bye'])(
        'does not drop a question typed without its "?" before the goodbye: %s',
        (text) => {
            expect(recognizer.understand(text, 'en')).not.toMatchObject({ topic: { id: 'goodbye' } });
        },
    );
});

describe('a first question that hesitates between two topics, beside a second that clearly asks one of them', () => {
    const site = 'Site d’IRCC, c’est là que je fais la demande PMI+?';
    const account = 'Faut-tu se créer un compte dessus avant?';
    const again = 'Je crée mon compte où?';
    const recognizer = recognizerReading({
        [`${site} ${account}`]: confident('online-account', 0.9),
        [site]: unsure('how-to-apply', 'online-account'),
        [account]: confident('online-account', 0.9),
        [`${site} ${again}`]: confident('online-account', 0.9),
        [again]: confident('fees', 0.9),
        'How do I start on the IRCC site? Do I make an account first?': confident('online-account', 0.9),
        'How do I start on the IRCC site?': unsure('start-steps', 'online-account'),
        'Do I make an account first?': confident('online-account', 0.9),
        'no consultant for me, how do I apply? online?': confident('how-to-apply', 0.9),
        'no consultant for me, how do I apply?': unsure('advisor', 'how-to-apply'),
        'online?': confident('how-to-apply', 0.9),
    });

    it('answers the other one, then the one the second asks', () => {
        expect(recognizer.understand(`${site} ${account}`, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'how-to-apply' },
            also: { id: 'online-account' },
        });
    });

    it('does not when the second asks neither of the two', () => {
        expect(recognizer.understand(`${site} ${again}`, 'fr')).not.toMatchObject({ topic: { id: 'how-to-apply' } });
    });

    it.each([
        ['How do I start on the IRCC site? Do I make an account first?', 'start-steps'],
        ['no consultant for me, how do I apply? online?', 'advisor'],
    ])('does not offer a guided flow, nor follow a request, as the other one: %s', (text, id) => {
        expect(recognizer.understand(text, 'en')).not.toMatchObject({ topic: { id } });
    });
});

describe('what the assistant can help with, or who it is, told apart by their words', () => {
    const recognizer = recognizerReading({
        'so what can this bot even help me with': unsure('whoAreYou', 'help'),
        'are you a bot or a real person': unsure('whoAreYou', 'help'),
        'qu’est-ce que ce robot peut faire pour moi': unsure('whoAreYou', 'help'),
        'who are you and what can you help me with': unsure('whoAreYou', 'help'),
    });

    it.each([
        ['so what can this bot even help me with', 'en'],
        ['qu’est-ce que ce robot peut faire pour moi', 'fr'],
    ] as const)('says what it can do when asked so: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'command', command: 'help' });
    });

    it('says who it is when asked whether it is a person', () => {
        expect(recognizer.understand('are you a bot or a real person', 'en')).toMatchObject({ kind: 'answer', topic: { id: 'whoAreYou' } });
    });

    it('still asks which one when it says the words of both', () => {
        expect(recognizer.understand('who are you and what can you help me with', 'en')).toMatchObject({ kind: 'clarify' });
    });
});

describe('a goodbye, then why one leaves', () => {
    const recognizer = recognizerReading({
        'bon ben à plus': unsure('acknowledgement', 'goodbye'),
        'ok bye': confident('goodbye'),
        'faut que je parle à un conseiller': confident('advisor'),
        'ok c’est bon': unsure('acknowledgement', 'goodbye'),
    });

    it.each([
        ['bon ben à plus, faut que j’aille boucher des trous', 'fr'],
        ['ok bye, gotta get back to the gate', 'en'],
    ] as const)('says goodbye when the reason reads as nothing: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'goodbye' } });
    });

    it('takes « bon ben à plus » for the goodbye its words say, not an acknowledgement', () => {
        expect(recognizer.understand('bon ben à plus', 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'goodbye' } });
    });

    it('still asks which one « ok c’est bon » is, since it says no goodbye', () => {
        expect(recognizer.understand('ok c’est bon', 'fr')).toMatchObject({ kind: 'clarify' });
    });

    it('does not say goodbye over what follows when it reads as something', () => {
        expect(recognizer.understand('bon ben à plus, faut que je parle à un conseiller', 'fr')).not.toMatchObject({
            topic: { id: 'goodbye' },
        });
    });

    it('does not say goodbye over a question after it', () => {
        expect(recognizer.understand('ok bye, gotta get back to the gate?', 'en')).not.toMatchObject({ topic: { id: 'goodbye' } });
    });
});

describe('a remark after a question that reads only vaguely as a goodbye', () => {
    const question = 'Avant de m’asseoir un dimanche pour remplir ça, qu’est-ce que je devrais avoir sous la main?';
    const recognizer = recognizerReading({
        [question]: confident('what-to-prepare'),
        'C’est ma seule journée off.': confident('goodbye', 0.58),
        'Bonne journée!': confident('goodbye'),
    });

    it('is no goodbye', () => {
        const read = recognizer.understand(`${question} C’est ma seule journée off.`, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'what-to-prepare' } });
        expect(read).not.toHaveProperty('also');
    });

    it('leaves a clear goodbye after the question one', () => {
        expect(recognizer.understand(`${question} Bonne journée!`, 'fr')).toMatchObject({
            topic: { id: 'what-to-prepare' },
            also: { id: 'goodbye' },
        });
    });
});

describe('a story run on into the question by "so"', () => {
    const fees = 'how much does the IMP+ permit cost in total?';
    const money = `Money is tight with daycare and rent in Longueuil right now and so ${fees}`;
    const faque = 'J’ai mon CSQ depuis janvier pis je travaille de nuit fait que combien ça coûte le permis?';
    const sister = 'My wife is moving to Toronto and so can she apply from there?';
    const recognizer = recognizerReading({
        [fees]: confident('fees'),
        'can she apply from there?': confident('criteria-outside-quebec'),
        'combien ça coûte le permis?': confident('fees'),
    });

    it.each([
        [money, 'en'],
        [faque, 'fr'],
    ] as const)('asks what follows it: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });

    it('leaves the question someone else’s when the story names a person', () => {
        expect(recognizer.understand(sister, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a second half whose topic is read only in what the writer has not done yet', () => {
    const expiring = 'Mon CSQ expire dans 2 mois et j’ai pas encore déposé ma RP, est-ce que je peux encore faire le PMI+?';
    const asksOrder = 'Mon CSQ expire dans 2 mois et j’ai pas encore déposé ma RP, je la dépose avant ou après le PMI+?';
    const recognizer = recognizerReading({
        [expiring]: confident('csq-expiry'),
        'Mon CSQ expire dans 2 mois': confident('csq-expiry'),
        'j’ai pas encore déposé ma RP, est-ce que je peux encore faire le PMI+?': confident('apply-before-after-pr'),
        [asksOrder]: confident('csq-expiry'),
        'j’ai pas encore déposé ma RP, je la dépose avant ou après le PMI+?': confident('apply-before-after-pr'),
        'je la dépose avant ou après le PMI+?': confident('apply-before-after-pr'),
    });

    it('is the story of the first question, not a second one', () => {
        expect(recognizer.understand(expiring, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'csq-expiry' } });
        expect(recognizer.understand(expiring, 'fr')).not.toHaveProperty('also');
    });

    it('is still asked when its question alone asks it', () => {
        expect(recognizer.understand(asksOrder, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'csq-expiry' },
            also: { id: 'apply-before-after-pr' },
        });
    });
});

describe('two questions, the whole clearly about the second', () => {
    const status = 'Is PMI+ still taking applications? and is there a limit on how many permits they give out per year';
    const wife = 'le permis de travail de ma conjointe qui vient avec moi pis ses frais, c’est combien en tout?';
    const recognizer = recognizerReading({
        [status]: confident('caps', 0.75),
        'Is PMI+ still taking applications?': confident('program-status', 0.8),
        'and is there a limit on how many permits they give out per year': confident('caps', 0.55),
        'is there a limit on how many permits they give out per year': confident('caps', 0.55),
        [wife]: confident('fees', 0.75),
        'le permis de travail de ma conjointe qui vient avec moi': confident('spouse-work', 0.8),
        'ses frais, c’est combien en tout?': confident('fees', 0.55),
    });

    it('answers both when the first half is clear on its own, however weakly the second reads alone', () => {
        expect(recognizer.understand(status, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'program-status' },
            also: { id: 'caps' },
        });
    });

    it('keeps one answer when the first half only names a person (« le permis de ma conjointe »)', () => {
        const read = recognizer.understand(wife, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
        expect(read).not.toHaveProperty('also');
    });
});

describe('a request read weakly in the whole, beside a clear question', () => {
    const lawyer = 'Est-il possible de prendre rendez-vous avec un avocat ? Et au passage, combien coûte le PMI+ ?';
    const recognizer = recognizerReading({
        [lawyer]: confident('advisor', 0.55),
        'Est-il possible de prendre rendez-vous avec un avocat ?': confident('advisor', 0.6),
        'Est-il possible de prendre rendez-vous avec un avocat': confident('advisor', 0.6),
        'Et au passage, combien coûte le PMI+ ?': confident('fees', 0.75),
        'au passage, combien coûte le PMI+ ?': confident('fees', 0.75),
        'Est-il possible de prendre rendez-vous avec un avocat ? Et au passage, combien coûte le stationnement ?': confident(
            'advisor',
            0.55,
        ),
        'Et au passage, combien coûte le stationnement ?': { kind: 'none', score: 0.3 },
    });

    it('answers the question and follows the request', () => {
        expect(recognizer.understand(lawyer, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            request: { command: 'advisor' },
        });
    });

    it('stays the request when the other half asks nothing the bot answers', () => {
        const parking = 'Est-il possible de prendre rendez-vous avec un avocat ? Et au passage, combien coûte le stationnement ?';
        expect(recognizer.understand(parking, 'fr')).toMatchObject({ kind: 'command', command: 'advisor' });
    });
});

describe('good news told, asking nothing', () => {
    const approved = 'my PMI+ permit got approved yesterday!!! so happy, finally';
    const peq = 'Bon je viens d’avoir mon CSQ par le PEQ 🎉🎉 trop content';
    const asks = 'my PR got approved last week, so happy! do I still need the IMP+ permit';
    const noNews = 'so happy to find this chat, the fees for the permit please';
    const recognizer = recognizerReading({
        [approved]: confident('pr-decision'),
        [peq]: confident('pstq-peq-holders'),
        [asks]: confident('pr-decision'),
        [noNews]: confident('fees'),
    });

    it.each([
        [approved, 'en'],
        [peq, 'fr'],
    ] as const)('is refused, not answered with the topic it names (%s)', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', offTopic: true });
    });

    it('is still answered when a word of it asks', () => {
        expect(recognizer.understand(asks, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'pr-decision' } });
    });

    it('is still answered when it tells no news', () => {
        expect(recognizer.understand(noNews, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });
});

describe('whether a spouse may work, asked by someone on another program', () => {
    const ptpd = 'je vais avoir mon PTPD bientôt, mon chum peut-il avoir un permis ouvert avec ça?';
    const withCsq = 'j’ai un PTPD et mon CSQ, mon chum peut-il travailler?';
    const partner = 'mon chum peut-il travailler avec moi?';
    const mcgill = 'My husband is doing a master’s at McGill on a study permit. Can I get an open work permit as his spouse?';
    const readings: Record<string, MatchOutcome> = {
        [ptpd]: confident('spouse-work'),
        [mcgill]: confident('spouse-work'),
        // The clause that tells the writer's own program reads as that program.
        'je vais avoir mon PTPD bientôt': { kind: 'none', score: 0, offTopic: true, otherProgram: true },
        [withCsq]: confident('spouse-work'),
        [partner]: confident('spouse-work'),
    };
    const recognizer = recognizerWithTopics(readings);

    it('is refused in the words of a spouse’s permit under another program', () => {
        expect(recognizer.understand(ptpd, 'fr')).toMatchObject({ kind: 'refuse', topic: { id: 'oos-spouse-other-programs' } });
    });

    it('is refused so when the one who studies is the spouse', () => {
        expect(recognizer.understand(mcgill, 'en')).toMatchObject({ kind: 'refuse', topic: { id: 'oos-spouse-other-programs' } });
    });

    it.each([withCsq, partner])('is still IMP+’s when the message names a CSQ or no other program: %s', (text) => {
        expect(recognizer.understand(text, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });
});

describe('what becomes of what one tells the chat', () => {
    const remember = 'if I close this tab and come back tomorrow will you remember what I told you? where does all this go';
    const revendent = "mon chum dit que ces chatbots la revendent nos infos. vous faites quoi avec ce que j'ecris ici?";
    const expires = 'I told you my CSQ expires, is it safe to wait?';
    const erase = 'who can see what I told you? please delete it';
    const fees = 'how much are the fees? and is this chat private?';
    const medical = 'is this chat private? and separately do I need a medical exam for the imp+ permit';
    const recognizer = recognizerWithTopics({
        [expires]: confident('csq-expiry'),
        [erase]: confident('deleteData'),
        [fees]: confident('fees', 0.6),
        'how much are the fees?': confident('fees'),
        // The whole leans to the privacy notice; its halves read apart.
        [medical]: confident('privacy', 0.55),
        'is this chat private?': confident('privacy', 0.6),
        'and separately do I need a medical exam for the imp+ permit': confident('medical-exam', 0.75),
        'separately do I need a medical exam for the imp+ permit': confident('medical-exam', 0.75),
    });

    it.each([
        [remember, 'en'],
        [revendent, 'fr'],
        ["Ce que j'écris ici sur mon fils, qui le lit ? c'est gardé quelque part ?", 'fr'],
    ] as const)('is the privacy notice: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'command', command: 'privacy' });
    });

    it('is not a story told earlier, nor a request to erase it', () => {
        expect(recognizer.understand(expires, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'csq-expiry' } });
        expect(recognizer.understand(erase, 'en')).toMatchObject({ kind: 'command', command: 'deleteData' });
    });

    it('follows the notice beside a question that reads clearly', () => {
        expect(recognizer.understand(fees, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' }, request: { command: 'privacy' } });
    });

    it('keeps the answer when the notice is already followed beside it', () => {
        expect(recognizer.understand(medical, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'medical-exam' },
            request: { command: 'privacy' },
        });
    });
});

describe('an erasure asked beside its reason, in a short message', () => {
    const phone = 'pls delete this whole conversation, my ex checks my phone';
    const person = 'a real person maybe, my ex checks my phone';
    const recognizer = recognizerReading({
        [phone]: { kind: 'none', score: 0.5, offTopic: true },
        'pls delete this whole conversation,': confident('deleteData'),
        'pls delete this whole conversation': confident('deleteData'),
        [person]: { kind: 'none', score: 0.5, offTopic: true },
        'a real person maybe,': confident('advisor'),
        'a real person maybe': confident('advisor'),
    });

    it('is the erasure, confirmed before anything is erased', () => {
        expect(recognizer.understand(phone, 'en')).toMatchObject({ kind: 'command', command: 'deleteData', inferred: true });
    });

    it('is not another request, which a short message must ask clearly as a whole', () => {
        expect(recognizer.understand(person, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a sentence without a question mark, in a message that marks what it asks', () => {
    const skip = "Faut-il une offre d'emploi ou une EIMT pour appliquer? je livre pour Skip pis c'est pas vraiment un employeur";
    const recognizer = recognizerReading({
        [skip]: confident('job-offer-lmia', 0.78),
        "Faut-il une offre d'emploi ou une EIMT pour appliquer?": confident('job-offer-lmia'),
        "Faut-il une offre d'emploi ou une EIMT pour appliquer? je livre pour Skip": confident('job-offer-lmia', 0.76),
        "c'est pas vraiment un employeur": confident('employers', 0.74),
        'c est pas vraiment un employeur': confident('employers', 0.74),
    });

    it('tells, and is not one more question', () => {
        expect(recognizer.understand(skip, 'fr')).toEqual(
            expect.objectContaining({ kind: 'answer', topic: expect.objectContaining({ id: 'job-offer-lmia' }) }),
        );
        expect(recognizer.understand(skip, 'fr')).not.toHaveProperty('also');
    });
});

describe('a question after a heading and a colon', () => {
    const shifts = 'between 2 shifts rn, quick q: how much is the fee';
    const taxes = 'Impôts : je dois déclarer au Québec et au fédéral avec mon permis ?';
    const citizenship = 'citizenship: which form do I send this month';
    const order = 'dans quel ordre ça se passe : téléverser les docs, payer, soumettre ?';
    const recognizer = recognizerReading({
        [order]: { kind: 'none', score: 0.3 },
        'téléverser les docs, payer, soumettre ?': confident('upload'),
        [shifts]: { kind: 'none', score: 0.3, offTopic: true },
        'how much is the fee': confident('fees'),
        [taxes]: { kind: 'none', score: 0.3, offTopic: true },
        'je dois déclarer au Québec et au fédéral avec mon permis ?': confident('quebec-only'),
        [citizenship]: { kind: 'none', score: 0.3 },
        citizenship: confident('oos-citizenship'),
        'which form do I send this month': confident('application-form'),
    });

    it('is that question when the heading names nothing', () => {
        expect(recognizer.understand(shifts, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });

    it('is about what the heading names: a matter of daily life, a near miss', () => {
        expect(recognizer.understand(taxes, 'fr')).toMatchObject({ kind: 'refuse' });
        expect(recognizer.understand(citizenship, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('is not one when the words before the colon ask', () => {
        expect(recognizer.understand(order, 'fr')).toMatchObject({ kind: 'refuse' });
    });
});

describe('questions without a question mark, then a last clause that only tells about the writer', () => {
    const message = 'How much are the fees and how long is processing, I need plan my money';
    const recognizer = recognizerReading({
        [message]: { kind: 'none', score: 0.5, offTopic: true },
        'How much are the fees and how long is processing': { kind: 'none', score: 0.5 },
        'How much are the fees': confident('fees'),
        'how long is processing': confident('processing-times'),
    });

    it('answers the questions its first words ask, read without that clause', () => {
        expect(recognizer.understand(message, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });
});

describe('a long message whose question is a near miss', () => {
    const story = 'Plus tard je voudrais rejoindre mon fils au Québec';
    const question = 'il pourra me parrainer ?';
    const recognizer = recognizerReading({
        [`${story}, ${question}`]: { kind: 'none', score: 0.4 },
        [story]: confident('children-school', 0.75),
        [question]: confident('oos-sponsor-parents'),
    });

    it('refuses with the near miss’s answer, not the topic its background reads as', () => {
        expect(recognizer.understand(`${story}, ${question}`, 'fr')).toMatchObject({
            kind: 'refuse',
            topic: { id: 'oos-sponsor-parents' },
        });
    });
});

describe('a guided flow read in a clause of a long message', () => {
    const story = 'my cousin is in Ontario as a visitor';
    const vague = 'how does he switch to a work permit there';
    const clear = 'tell me everything about the imp+ work permit please';
    const recognizer = recognizerReading({
        [`${story}, ${vague}`]: { kind: 'none', score: 0.36 },
        [vague]: confident('start-permit', 0.55),
        [`${story}, ${clear}`]: { kind: 'none', score: 0.36 },
        [clear]: confident('start-permit', 0.85),
    });

    it('is not started when the clause reads as it only weakly', () => {
        expect(recognizer.understand(`${story}, ${vague}`, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('is started when the clause clearly asks for it', () => {
        expect(recognizer.understand(`${story}, ${clear}`, 'en')).toMatchObject({ kind: 'dialog', target: 'permit' });
    });
});

describe('the one question between sentences that tell', () => {
    const before = 'I have epilepsy, controlled with medicine.';
    const question = 'Medical exam is required for this permit?';
    const after = 'I am afraid they refuse me because of the illness';
    const recognizer = recognizerReading({
        [`${before} ${question} ${after}`]: { kind: 'none', score: 0.45, offTopic: true },
        [question]: confident('medical-exam'),
        [`${before} ${question} And the fees?`]: { kind: 'none', score: 0.45, offTopic: true },
    });

    it('is read alone when it clearly asks one thing', () => {
        expect(recognizer.understand(`${before} ${question} ${after}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'medical-exam' },
        });
    });

    it('is not read alone when a sentence after it asks too', () => {
        expect(recognizer.understand(`${before} ${question} And the fees?`, 'en')).not.toMatchObject({
            kind: 'answer',
            topic: { id: 'medical-exam' },
        });
    });
});

describe('what something is, asked after a story', () => {
    const story = 'Im a civil engineer from Tunisia, got my CSQ last spring under the regular skilled worker program.';
    const question = 'what exactly is this IMP+ thing?';
    const recognizer = recognizerReading({
        [`${story} ${question}`]: confident('criteria-csq', 0.75),
        [question]: confident('what-is-imp'),
        [`${story} Am I eligible? ${question}`]: confident('criteria-csq', 0.75),
    });

    it('is answered when the last sentence clearly asks it and the story asks nothing', () => {
        expect(recognizer.understand(`${story} ${question}`, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it('is not, when a sentence before it asks too', () => {
        expect(recognizer.understand(`${story} Am I eligible? ${question}`, 'en')).not.toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-imp' },
        });
    });
});

describe('whether the PEQ is open again', () => {
    const reopened = 'is the PEQ open again for graduates? I finished my DEC in 2024';
    const rouvert = 'le PEQ est-il rouvert pour les diplômés du Québec?';
    const suspended = 'Is PEQ suspended now? I wanted to get my CSQ through it this year';
    const holder = 'I have a PEQ CSQ, is IMP+ still open to me?';
    const recognizer = recognizerWithTopics({
        [reopened]: confident('pstq-peq-holders', 0.66),
        [rouvert]: unsure('pstq-peq-holders', 'oos-quebec-selection'),
        [suspended]: confident('pstq-peq-holders'),
        [holder]: confident('pstq-peq-holders'),
    });

    it.each([
        [reopened, 'en'],
        [rouvert, 'fr'],
        [suspended, 'en'],
    ] as const)('is refused in the words of getting selected by Quebec: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'refuse', topic: { id: 'oos-quebec-selection' } });
    });

    it('is not whether IMP+ is open to a PEQ CSQ holder', () => {
        expect(recognizer.understand(holder, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'pstq-peq-holders' } });
    });
});

describe('a last question that says only one of two settled topics’ words', () => {
    const story = 'Je déménage à Vancouver pour le travail de ma femme.';
    const question = 'Si j’habite en Colombie-Britannique, je peux quand même faire la demande PMI+ de là-bas?';
    const both = 'Si j’habite en Colombie-Britannique, je peux travailler en Ontario?';
    const asked = 'Ma femme a une job à Vancouver, on y va?';
    const recognizer = recognizerReading({
        [`${story} ${question}`]: confident('quebec-only', 0.65),
        [question]: confident('criteria-outside-quebec', 0.65),
        [`${story} ${both}`]: confident('quebec-only', 0.65),
        [both]: confident('criteria-outside-quebec', 0.65),
        [`${asked} ${question}`]: confident('quebec-only', 0.65),
    });

    it('is what is asked, though the story leaned the whole to the other', () => {
        expect(recognizer.understand(`${story} ${question}`, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'criteria-outside-quebec' },
        });
    });

    it('leaves the whole’s answer when the question says both topics’ words, or the story asks too', () => {
        expect(recognizer.understand(`${story} ${both}`, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'quebec-only' } });
        expect(recognizer.understand(`${asked} ${question}`, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'quebec-only' } });
    });
});

describe('the fees for a family', () => {
    const family = 'fees for a family of 4?';
    const personnes = 'Les frais, c’est combien pour toute la famille?';
    const school = 'how much are the school fees for my family?';
    const biometrics = 'les empreintes digitales c’est combien pour toute la famille?';
    const recognizer = recognizerWithTopics({
        [family]: unsure('family-members', 'fees'),
        [school]: confident('children-school'),
        [biometrics]: confident('biometrics'),
    });

    it.each([
        [family, 'en'],
        [personnes, 'fr'],
    ] as const)('are the fees, which say what each person pays: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });

    it('are not the price of anything else for a family', () => {
        const pass = 'what’s the price of a season pass at Mont Saint-Sauveur for a family of 4';
        expect(recognizer.understand(pass, 'en')).toMatchObject({ kind: 'refuse' });
    });

    it('are not the school’s, nor the biometrics’, whose answer says what a family pays', () => {
        expect(recognizer.understand(school, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'children-school' } });
        expect(recognizer.understand(biometrics, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'biometrics' } });
        // The exception said in another sentence still says what is priced.
        const before = 'On m’a dit que les empreintes digitales c’est gratuit. Combien ça coûte sinon pour une famille de 4?';
        expect(recognizer.understand(before, 'fr')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a question asked for the writer and a family member together', () => {
    const fees = 'c’est combien les frais au total ?';
    const forBoth = 'c’est pour mon mari et moi';
    const asksWork = 'et mon mari et moi, il peut travailler lui aussi?';
    const recognizer = recognizerReading({
        [fees]: confident('fees'),
        [forBoth]: confident('spouse-work'),
        [asksWork]: confident('spouse-work'),
    });

    dropsSecondAnswer(
        recognizer,
        'fr',
        'fees',
        { as: 'asks it for both, not the family member’s own topic', text: `${fees} ${forBoth}` },
        { as: 'still asks the family member’s topic in its own words', text: `${fees} ${asksWork}`, also: 'spouse-work' },
    );
});

describe('what a thing has to do with IMP+, asked beside what it is', () => {
    const mifi = 'le MIFI c’est quoi exactement, pis qu’est-ce qu’ils ont à voir dans le PMI+?';
    const both = 'c’est quoi le MIFI, pis c’est quoi le PMI+?';
    const recognizer = recognizerReading({
        'le MIFI c’est quoi exactement': confident('what-is-mifi'),
        'qu’est-ce qu’ils ont à voir dans le PMI+?': confident('what-is-imp'),
        'c’est quoi le MIFI': confident('what-is-mifi'),
        'c’est quoi le PMI+?': confident('what-is-imp'),
    });

    dropsSecondAnswer(
        recognizer,
        'fr',
        'what-is-mifi',
        { as: 'is part of what that thing is', text: mifi },
        { as: 'leaves what IMP+ is, asked in its own words, a second question', text: both, also: 'what-is-imp' },
    );
});

describe('whether one thing is a criterion, asked beside it', () => {
    const condition = 'must my IMP+ application be complete? is that a condition?';
    const others = 'must my IMP+ application be complete? and what are the other criteria?';
    const recognizer = recognizerReading({
        'must my IMP+ application be complete?': confident('criteria-complete-application'),
        'is that a condition?': confident('criteria'),
        'and what are the other criteria?': confident('criteria'),
    });

    dropsSecondAnswer(
        recognizer,
        'en',
        'criteria-complete-application',
        { as: 'is that criterion’s answer alone, not the criteria as a whole', text: condition },
        { as: 'leaves the other criteria, asked in their own words, a second question', text: others, also: 'criteria' },
    );
});

describe('a companion named by all its words in a part that reads as nothing else', () => {
    const work = 'mon mari pourra travailler?';
    const both = `${work} et nos 2 filles, l’école ça marche comment?`;
    const hockey = 'can my wife work? and our kids, which hockey school is best in Laval?';
    const recognizer = recognizerWithTopics({
        [work]: confident('spouse-work'),
        'can my wife work?': confident('spouse-work'),
        'our kids which hockey school is best in laval': { kind: 'none', score: 0.28, offTopic: true },
    });

    it('is asked beside the first question', () => {
        expect(recognizer.understand(both, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'spouse-work' },
            also: { id: 'children-school' },
        });
    });

    it('is not asked when the part reads as about something else', () => {
        expect(recognizer.understand(hockey, 'en')).not.toMatchObject({ also: { id: 'children-school' } });
    });
});

describe('the size of the files to upload', () => {
    const limits = 'Photos of my documents taken with my phone ok, or do they need to be proper scans? any file size limits?';
    const taille = 'C’est quoi la taille maximale des fichiers à téléverser?';
    const cap = 'is there a limit on how many IMP+ permits they give?';
    const recognizer = recognizerWithTopics({
        [limits]: { kind: 'none', score: 0.45 },
        'Photos of my documents taken with my phone ok, or do they need to be proper scans?': confident('what-to-prepare', 0.56),
        'any file size limits?': confident('caps', 0.54),
        [taille]: confident('caps', 0.6),
        [cap]: confident('caps'),
    });

    // Its format asked beside its size names the file as well: « …trop gros. quelle taille maximum et quel format? »
    const format = 'mon scan est trop gros, le site le prend pas. quelle grosseur max et quel format?';

    it.each([
        [limits, 'en'],
        [taille, 'fr'],
        [format, 'fr'],
    ] as const)('is asked of uploading, not of the caps on permits: %s', (text, language) => {
        const read = recognizer.understand(text, language);
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'upload' } });
        expect(read).not.toHaveProperty('also');
    });

    it('is not another form’s photo ("…le formulaire du passeport…, la bonne taille")', () => {
        const passport = 'J’essaie de téléverser ma photo sur le formulaire du passeport ivoirien, quelqu’un sait la bonne taille?';
        expect(recognizer.understand(passport, 'fr')).toMatchObject({ kind: 'refuse' });
    });

    it('leaves a limit on permits the caps', () => {
        expect(recognizer.understand(cap, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'caps' } });
    });
});

describe('a kind of thing, or what a word means, asked beside the topic that answers it', () => {
    const visa = 'sorry whats this IMP+ thing my manager keeps going on about? is it like a visa or what';
    const travel = 'sorry whats this IMP+ thing my manager keeps going on about? and do I need a visa to travel home';
    const complete = 'the application must be complete, what does complete mean, all documents and the fees paid too?';
    const priced = 'what does a complete application mean, and how much are the fees?';
    const recognizer = recognizerReading({
        'sorry whats this IMP+ thing my manager keeps going on about?': confident('what-is-imp'),
        'is it like a visa or what': confident('travel-documents'),
        'and do I need a visa to travel home': confident('travel-documents'),
        [complete]: unsure('criteria-complete-application', 'fees'),
        [priced]: unsure('criteria-complete-application', 'fees'),
        'what does a complete application mean': confident('criteria-complete-application'),
        'how much are the fees?': confident('fees'),
    });

    describe('"is it a visa" after what IMP+ is', () => {
        dropsSecondAnswer(
            recognizer,
            'en',
            'what-is-imp',
            { as: 'asks what kind of thing it is, which the answer says', text: visa },
            { as: 'leaves travel, asked in its own words, a second question', text: travel, also: 'travel-documents' },
        );
    });

    describe('the fees named in what a complete application means', () => {
        it('are part of what "complete" means', () => {
            expect(recognizer.understand(complete, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'criteria-complete-application' } });
        });
        it('are asked in their own right when their amount is', () => {
            expect(recognizer.understand(priced, 'en')).toMatchObject({
                kind: 'answer',
                topic: { id: 'criteria-complete-application' },
                also: { id: 'fees' },
            });
        });
    });
});

describe('whether a thing is required, or counts, asked beside eligibility', () => {
    const letter =
        'IRCC page says you must have an invitation letter from MIFI. what is this letter and is it really required to be eligible';
    const lettre = 'la lettre d’invitation du MIFI c’est quoi exactement, pis faut tu l’avoir pour être admissible?';
    const conditions = 'what is the invitation letter, and what are all the conditions to be eligible?';
    const peq = 'Mon CSQ a été délivré dans le cadre du PEQ volet travailleurs. Suis-je admissible au PMI+ avec ça ?';
    const recognizer = recognizerReading({
        [letter]: unsure('criteria-invitation', 'criteria'),
        [lettre]: unsure('criteria-invitation', 'criteria'),
        [conditions]: unsure('criteria-invitation', 'criteria'),
        [peq]: unsure('pstq-peq-holders', 'start-eligibility'),
        'what is the invitation letter': confident('criteria-invitation'),
        'what are all the conditions to be eligible?': confident('criteria'),
    });

    it.each([
        [letter, 'en', 'criteria-invitation'],
        [lettre, 'fr', 'criteria-invitation'],
        // Whether a CSQ's program counts is the answer about those programs, not the eligibility check as well.
        [peq, 'fr', 'pstq-peq-holders'],
    ] as const)('is that thing’s answer alone: %s', (text, language, id) => {
        const read = recognizer.understand(text, language);
        expect(read).toMatchObject({ kind: 'answer', topic: { id } });
        expect(read).not.toHaveProperty('also');
    });

    it('leaves the conditions, asked in their own words, a second question', () => {
        expect(recognizer.understand(conditions, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'criteria-invitation' },
            also: { id: 'criteria' },
        });
    });
});

describe('a second answer the words of the first one settle', () => {
    const photos = 'how do I upload my docs? are phone photos ok or do I need a scanner';
    const ready = 'how do I upload my docs? and what should I have ready before I start?';
    const unjoined = 'how do I upload my docs? what should I have ready before I start?';
    const scans = 'which docs do they want, and can I upload photos or do they need proper scans';
    const recognizer = recognizerReading({
        'how do I upload my docs?': confident('upload'),
        'are phone photos ok or do I need a scanner': confident('what-to-prepare'),
        'and what should I have ready before I start?': confident('what-to-prepare'),
        'what should I have ready before I start?': confident('what-to-prepare'),
        [scans]: confident('documents-list', 0.6),
        'which docs do they want': confident('documents-list'),
        'can I upload photos or do they need proper scans': confident('upload'),
    });

    it('is left out when the message says only the first one’s words', () => {
        const read = recognizer.understand(photos, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'upload' } });
        expect(read).not.toHaveProperty('also');
    });

    it.each([ready, unjoined])('is kept when the message says its own words: %s', (text) => {
        expect(recognizer.understand(text, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'upload' },
            also: { id: 'what-to-prepare' },
        });
    });

    it('is kept when a joining word adds it as a question of its own', () => {
        expect(recognizer.understand(scans, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'documents-list' },
            also: { id: 'upload' },
        });
    });
});

describe('a clear first question beside one that reads as nothing', () => {
    const work = 'mon mari pourra travailler?';
    const school = "et nos 2 filles, l'école ça marche comment?";
    const citizenship = 'et la citoyenneté, on la demande quand?';
    const recognizer = recognizerReading({
        [`${work} ${school}`]: { kind: 'none', score: 0.56, offTopic: true },
        [`${work} ${citizenship}`]: { kind: 'none', score: 0.56, offTopic: true },
        [work]: confident('spouse-work'),
        [school]: { kind: 'none', score: 0.6 },
        [citizenship]: confident('oos-citizenship'),
    });

    it('answers the first question', () => {
        expect(recognizer.understand(`${work} ${school}`, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });

    it('does not when the second question is a near miss', () => {
        expect(recognizer.understand(`${work} ${citizenship}`, 'fr')).not.toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });
});

describe('a second question, then a clause that only tells', () => {
    const renew = 'how long is it valid and can i renew it after, hopefully w/o paying everything again';
    const why = "the permit is only good in Quebec and not Ontario? why, it's the same country";
    const later = 'c combien les frais? et ça prend combien de temps avoir une réponse, mon PTPD expire le 2 août';
    const recognizer = recognizerReading({
        [later]: { kind: 'none', score: 0.3 },
        'c combien les frais?': confident('fees'),
        'et ça prend combien de temps avoir une réponse': confident('processing-times'),
        [renew]: { kind: 'none', score: 0.3, offTopic: true },
        'how long is it valid': confident('duration'),
        'can i renew it after': confident('permit-expiry'),
        [why]: confident('quebec-only'),
        'the permit is only good in Quebec and not Ontario?': confident('quebec-only'),
        why: confident('purpose'),
    });

    it('is read without that clause', () => {
        expect(recognizer.understand(renew, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'duration' },
            also: { id: 'permit-expiry' },
        });
    });

    it('is read without that clause when its question word comes later (« ça prend combien »)', () => {
        expect(recognizer.understand(later, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });

    it('is not a word or two left before it', () => {
        const read = recognizer.understand(why, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'quebec-only' } });
        expect(read).not.toHaveProperty('also');
    });
});

describe('a clause after a comma or a sentence that opens with "is" or « pourrais »', () => {
    const engineer = 'i am engineer, is LMIA required and what is an open permit';
    const stillGood =
        'My CSQ is dated June 2023 and I have not filed for PR yet. Is the CSQ still good, and can I apply before filing the PR?';
    const ingenieur = 'je suis ingénieur, pourrais-je avoir le permis sans EIMT et c’est quoi un permis ouvert';
    const recognizer = recognizerReading({
        [engineer]: { kind: 'none', score: 0.3 },
        'i am engineer, is LMIA required': confident('job-offer-lmia'),
        'what is an open permit': confident('open-vs-employer-specific'),
        [ingenieur]: { kind: 'none', score: 0.3 },
        'je suis ingénieur, pourrais-je avoir le permis sans EIMT': confident('job-offer-lmia'),
        'c’est quoi un permis ouvert': confident('open-vs-employer-specific'),
        [stillGood]: unsure('apply-before-after-pr', 'csq-expiry'),
        'My CSQ is dated June 2023 and I have not filed for PR yet. Is the CSQ still good': confident('csq-expiry', 0.66),
        'can I apply before filing the PR?': confident('apply-before-after-pr', 0.69),
    });

    it.each([
        [engineer, 'en'],
        [ingenieur, 'fr'],
    ] as const)('asks, even without a question mark: the first half is a question, not what the writer tells (%s)', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: 'job-offer-lmia' },
            also: { id: 'open-vs-employer-specific' },
        });
    });

    it('asks after a sentence that tells about the writer’s own CSQ', () => {
        expect(recognizer.understand(stillGood, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'csq-expiry' },
            also: { id: 'apply-before-after-pr' },
        });
    });
});

describe('a filler before the question ("hmm", « euh »)', () => {
    const recognizer = recognizerReading({
        'how much is it': confident('fees'),
        'c’est combien le permis': confident('fees'),
    });

    it.each([
        ['hmm how much is it', 'en'],
        ['euh c’est combien le permis', 'fr'],
    ] as const)('is read without it: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });
});

describe('what IMP+ is, asked in its own words', () => {
    const heard = "my friend in laval said she got an 'IMP plus' permit 2 yrs ago, what even is that thing";
    const kesse = 'kesse ça le pmi plus';
    const number = 'what is that CSQ number IMP+ asks for?';
    const point = 'Whats the point of the IMP plus permit for me, what is it actually for?';
    const difference = 'C’est quoi la différence entre un permis fermé et le permis ouvert du PMI+?';
    const possible = 'Est-ce que c’est possible de demander le PMI+ depuis Québec?';
    const recognizer = recognizerWithTopics({
        [heard]: confident('duration', 0.6),
        [number]: confident('what-is-csq'),
        [point]: confident('purpose'),
        [difference]: confident('open-vs-employer-specific'),
        [possible]: confident('criteria-outside-quebec'),
    });

    it.each([
        [heard, 'en'],
        [kesse, 'fr'],
    ] as const)('is what IMP+ is, whatever the story leans to: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });

    it.each([
        [number, 'en', 'what-is-csq'],
        [point, 'en', 'purpose'],
        [difference, 'fr', 'open-vs-employer-specific'],
        [possible, 'fr', 'criteria-outside-quebec'],
    ] as const)('is not what the same sentence asks of something else: %s', (text, language, id) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id } });
    });
});

describe('coming back from a trip home', () => {
    const recognizer = recognizerWithTopics({});

    it('is travelling with the permit, the trip said in the sentence before or in the question', () => {
        const christmas = 'going home to guatemala for christmas. can i come back in with the permit or i need visa';
        const surgery = 'going home for my dads surgery in june, can i come back in on this permit or do i need a visa too';
        for (const text of [christmas, surgery])
            expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'travel-documents' } });
    });

    it('is not a visa said beside coming back, which may be another visa’s question', () => {
        expect(recognizer.understand('my visitor visa ends in May, can I come back on a new one?', 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('the spouse working too', () => {
    const ontario = 'can my wife work in Ontario too?';
    const recognizer = recognizerWithTopics({ [ontario]: confident('quebec-only') });

    it.each([
        ['can my wife work too, she does cleaning at the motel', 'en'],
        ['ma blonde voulait savoir : elle peut travailler elle aussi?', 'fr'],
    ] as const)('is the spouse’s work: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });

    it('is not where she may work, nor a permit under another agreement', () => {
        expect(recognizer.understand(ontario, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'quebec-only' } });
        const cusma = 'My fiancee is American, could she just get a work permit under CUSMA instead';
        expect(recognizer.understand(cusma, 'en')).toMatchObject({ kind: 'refuse' });
        const sponsoring = 'my wife is a canadian citizen sponsoring me, am I allowed to work while we wait?';
        expect(recognizer.understand(sponsoring, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('what to put in a box of the form', () => {
    const occupation = "On the form there's a question about my occupation. I'm a puppeteer, what do I even put?";
    const matrimonial = 'Dans le formulaire ils demandent mon état matrimonial. Je mets conjoint de fait ou célibataire?';
    const recognizer = recognizerWithTopics({ [matrimonial]: confident('spouse-work', 0.6) });

    it.each([
        [occupation, 'en'],
        [matrimonial, 'fr'],
    ] as const)('is the form, named in the sentence before the question: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'application-form' } });
    });

    it('is not asked when no form is named, nor of another form', () => {
        expect(recognizer.understand('what do I put for my address?', 'en')).toMatchObject({ kind: 'refuse' });
        const passport = 'The passport renewal form asks my height, what do I put?';
        expect(recognizer.understand(passport, 'en')).toMatchObject({ kind: 'refuse' });
        const rental = 'le formulaire de location demande 2 références, je mets quoi si j’ai jamais loué ici';
        expect(recognizer.understand(rental, 'fr')).toMatchObject({ kind: 'refuse' });
        const files = 'j’ai rempli mon formulaire. comment on met les fichiers dans la demande?';
        expect(recognizer.understand(files, 'fr')).not.toMatchObject({ kind: 'answer', topic: { id: 'application-form' } });
    });
});

describe('a name given with a greeting', () => {
    const recognizer = recognizerReading({ 'hello it’s Maria': confident('spouse-work'), 'Maria here': confident('spouse-work') });

    it.each(['hello it’s Maria', 'Maria here'])('is a greeting, whatever a name reads as: %s', (text) => {
        expect(recognizer.understand(text, 'en')).toEqual({ kind: 'command', command: 'greeting' });
    });
});

describe('a greeting before words that ask nothing', () => {
    const recognizer = recognizerReading({
        'first time using this': confident('start-steps'),
        'hello, first time using this': confident('greeting', 0.74),
        'how do i start': confident('start-steps'),
        'hello, how do I start': confident('greeting', 0.74),
    });

    it('is the greeting when the whole reads clearly as one', () => {
        expect(recognizer.understand('hello, first time using this', 'en')).toMatchObject({ kind: 'command', command: 'greeting' });
    });

    it('leaves what follows asked when it asks, by its mark or its first word', () => {
        expect(recognizer.understand('hello, first time using this?', 'en')).toMatchObject({ kind: 'dialog' });
        expect(recognizer.understand('hello, how do I start', 'en')).toMatchObject({ kind: 'dialog' });
    });
});

describe('a message matched too weakly to answer, offered the two topics it leans to', () => {
    const csq = 'CSQ runs out in February and the PR still isn’t finished. Am I in trouble?';
    const both = 'my CSQ runs out in February and my permit expires in March. Am I in trouble?';
    const weak: MatchOutcome = { kind: 'none', score: 0.4, unsure: [topic('permit-expiry'), topic('csq-expiry')] };
    const recognizer = recognizerReading({ [csq]: weak, [both]: weak });

    it('answers the one of the two whose words it says, when a settler tells them apart', () => {
        expect(recognizer.understand(csq, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'csq-expiry' } });
    });

    it('still offers both when it says the words of both', () => {
        expect(recognizer.understand(both, 'en')).toMatchObject({ kind: 'clarify', unsure: true });
    });
});

describe('courtesy after the question', () => {
    const question = 'et sa femme, elle peut travailler elle aussi ou c’est seulement lui?';
    // Read without its courtesy, the question is its words alone; a clause of it, read alone, is another topic.
    const recognizer = recognizerReading({
        [question]: confident('spouse-work', 0.6),
        'et sa femme elle peut travailler elle aussi ou c est seulement lui': confident('spouse-work', 0.6),
        'elle peut travailler elle aussi ou c’est seulement lui?': confident('quebec-only'),
    });

    it.each([`${question} svp merci d’avance`, `${question} merci d’avance svp`])('one closer after another: %s', (text) => {
        expect(recognizer.understand(text, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'spouse-work' } });
    });
});

describe('asking whether the bot is a person', () => {
    const robot = 'suis-je en train de parler à un robot ou à quelqu’un de vrai?';
    const person = 'es-tu un robot? je veux parler à quelqu’un';
    const recognizer = recognizerReading({ [robot]: unsure('whoAreYou', 'advisor'), [person]: unsure('whoAreYou', 'advisor') });

    it('is that question, though its words "talk to" someone', () => {
        expect(recognizer.understand(robot, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'whoAreYou' } });
    });

    it('asks for an advisor when it also asks to talk to someone', () => {
        expect(recognizer.understand(person, 'fr')).toMatchObject({ kind: 'command', command: 'advisor' });
    });
});

describe('working in a province named before "there"', () => {
    readsPinned(
        'quebec-only',
        {
            as: 'is where the permit lets one work',
            cases: [
                ['there’s a cheese factory in ontario paying 4$ more an hour. could i go work there with it', 'en'],
                ['une job à Toronto paye mieux, je pourrais aller travailler là-bas avec le pmi+?', 'fr'],
                ['ma compagnie a une mine à Timmins en Ontario. s’ils me transfèrent là-bas, le PMI+ est-tu encore bon?', 'fr'],
            ],
        },
        {
            as: 'is not asked of someone else, another permit or a place in Quebec',
            cases: [
                // "There" in Quebec: where one works, not in which province; "bc" is "because", not British Columbia.
                ['there’s a cheese factory in Sherbrooke paying more, could I go work there with it', 'en'],
                ['my cousin’s restaurant in Laval is hiring, could I work there bc I need the money?', 'en'],
                // Someone else, or another permit.
                ['my daughter lives in Ontario, can she work there?', 'en'],
                ['I have a PGWP from Ontario, can I work there?', 'en'],
                ['ma fille étudie en Ontario, elle peut travailler là-bas?', 'fr'],
            ],
        },
    );
});

describe('working in a province or city outside Quebec with the permit named', () => {
    readsPinned(
        'quebec-only',
        {
            as: 'is where the permit lets one work',
            cases: [
                ['My cousin in Toronto can get me a job for a few months. Would this permit let me work in Ontario?', 'en'],
                ['theres a nursing home in Cornwall Ontario paying more, can i take that job with my IMP+ permit?', 'en'],
                ['our cook holds the imp+ permit. can he do some shifts at our other location in Hawkesbury Ontario', 'en'],
                ['with IMP+ can I accept a rotation at the Mississauga hangar?', 'en'],
                ['after shrimp season can i go work at the plant in Shippagan NB with the imp+ permit or is it quebec only', 'en'],
                ['can i use the imp+ permit to work in banff for one more ski season before heading to montreal?', 'en'],
                ['Si j’ai le permis PMI+ est-ce que je peux faire des runs en Ontario pis aux States?', 'fr'],
                ['Avec le PMI+, je peux-tu prendre une job à Whistler pour l’hiver pis revenir après?', 'fr'],
            ],
        },
        {
            as: 'is not asked when one applies, lives there, asks for someone else or names no permit',
            cases: [
                // Applying from there, living there, or someone else.
                ['I want a job in Toronto first, can I apply for the permit from there?', 'en'],
                ['I live in Ottawa and work in Ottawa, does the permit let me apply?', 'en'],
                ['can my wife work in Ontario with this permit?', 'en'],
                ['ma femme pourrait travailler en Ontario avec ce permis?', 'fr'],
                ['can I work in Ontario for a few months?', 'en'],
            ],
        },
    );
});

describe('photos against scans', () => {
    readsPinned(
        'upload',
        {
            as: 'is uploading',
            cases: [
                ['Puis-je téléverser des photos de mes diplômes prises avec mon cellulaire plutôt que des numérisations ?', 'fr'],
                ['are phone pics ok or do they need real scans?', 'en'],
            ],
        },
        {
            as: 'is not the biometrics’ photo, a passport photo, nor what to have ready',
            cases: [
                ['Pour les empreintes et la photo, je dois y aller ou je peux téléverser une photo?', 'fr'],
                ['do I upload a passport photo or a scan of the passport?', 'en'],
                ['je suis pas capable de téléverser ma photo sur le site du passeport, ça dit format invalide', 'fr'],
                ['est-ce qu’un scanner est indispensable ou une photo avec mon téléphone suffit pour préparer la demande ?', 'fr'],
            ],
        },
    );
});

describe('two bosses', () => {
    const recognizer = recognizerWithTopics({});

    it('is two employers at once', () => {
        const text = 'can i keep my cleaning job and also do weekends for another company. two bosses is that ok';
        expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'employers' } });
    });
});

describe('a pinned question asked last without its "?", after one that has it', () => {
    const recognizer = recognizerWithTopics({});

    it('is asked when it says it asks one more thing', () => {
        const text = 'is the RAMQ covered with it? also if i visit family in algeria can i come back in';
        expect(recognizer.understand(text, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'travel-documents' } });
    });

    it('is not asked when the last sentence only tells', () => {
        const text = 'What is a CSQ? every website about imp+ keeps saying it and I don’t know what it is';
        expect(recognizer.understand(text, 'en')).not.toMatchObject({ kind: 'answer', topic: { id: 'what-is-imp' } });
    });
});

describe('coming back, asked « je peux-tu revenir »', () => {
    const recognizer = recognizerWithTopics({});

    it('is the travel documents', () => {
        const text = 'si je vais voir ma mère au Sénégal à Noël, je peux-tu revenir pareil?';
        expect(recognizer.understand(text, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'travel-documents' } });
    });
});

describe('applying from a province named before "from there"', () => {
    readsPinned(
        'criteria-outside-quebec',
        {
            as: 'is who may apply from where',
            cases: [
                [
                    'I moved to New Brunswick last spring to work in a fish plant, I still have my CSQ. am I allowed to send the application from there?',
                    'en',
                ],
                [
                    'Chu parti travailler en Alberta depuis 6 mois mais j’ai mon CSQ. Je peux tu faire ma demande de pmi+ d’icitte a Fort McMurray?',
                    'fr',
                ],
            ],
        },
        {
            as: 'is not another application',
            cases: [
                ['I live in Ontario, can I apply for a passport from here?', 'en'],
                ['mon cousin est en Alberta, il peut faire une demande d’asile de là-bas?', 'fr'],
            ],
        },
    );

    it('is not wondering whether one may work there (« je me demande », « de la rivière »)', () => {
        const text =
            'j’ai trouvé une offre à Gatineau mais le bureau est de l’autre côté de la rivière à Ottawa pis je me demande si c’est légal de travailler là avec ce permis';
        const reading = recognizerWithTopics({ [text]: confident('quebec-only') });
        expect(reading.understand(text, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'quebec-only' } });
    });
});

describe('getting one’s status back, in its own words', () => {
    const recognizer = recognizerWithTopics({});

    it.each([
        [
            'Mautadit. J’ai laissé passer la date de mon permis en novembre, j’travaille pu depuis. C’est tu possible de ravoir mon statut?',
            'fr',
        ],
        ['my permit ran out in August while I waited, is there a way to restore my status?', 'en'],
    ] as const)('is the restoration of status: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'restoration' } });
    });

    it('is not the status of a permanent resident', () => {
        const text = 'je suis résident permanent mais j’ai passé trop de temps dehors, je peux ravoir mon statut?';
        expect(recognizer.understand(text, 'fr')).not.toMatchObject({ kind: 'answer', topic: { id: 'restoration' } });
    });
});

describe('two employers at once, in its own words', () => {
    readsPinned(
        'employers',
        {
            as: 'is whom the permit lets one work for',
            cases: [
                ['If I get this one could I move to the bakery in Sainte-Marie, or even keep both jobs?', 'en'],
                ['Mon mari a deux patrons différents. Avec le PMI+ il peut-tu travailler pour les deux en même temps?', 'fr'],
            ],
        },
        {
            as: 'is not asked of a student or a spouse',
            cases: [
                ['je suis étudiant, je peux-tu travailler pour deux employeurs en même temps?', 'fr'],
                ['my wife has two jobs at the same time, can she keep both on her permit?', 'en'],
            ],
        },
    );
});

describe('working on as the permit runs out', () => {
    readsPinned(
        'permit-expiry',
        {
            as: 'is the permit’s end',
            cases: [
                ['March is when my IMP+ runs out and still no PR. What then, can I keep working at the plant?', 'en'],
                ['mon permis finit en juin pis pas de RP encore, je peux-tu continuer à travailler?', 'fr'],
            ],
        },
        {
            as: 'is not asked of another permit, or when nothing ends',
            cases: [
                ['my PGWP expires in May, can I keep working?', 'en'],
                ['mon CSQ expire en mars, je peux continuer à travailler?', 'fr'],
                // Nothing ends: working on is asked of something else.
                ['can I keep working at the plant while I wait?', 'en'],
                ['sunscreen expired last summer does it still work', 'en'],
                ['mon contrat finit en mai, je peux continuer à travailler ailleurs?', 'fr'],
                // How long one may work on it is its duration.
                ['how long can i keep working in quebec with this permit before the date runs out', 'en'],
            ],
        },
    );
});

describe('IMP+ turned away in brackets', () => {
    const closed =
        'Permis fermé lié à une EIMT (pas le PMI+) pour notre employé : sa conjointe peut-elle obtenir un permis ouvert de conjoint ?';
    const fees = 'How much are the fees (for IMP+)?';
    const recognizer = recognizerReading({
        [closed]: unsure('oos-spouse-other-programs', 'open-vs-employer-specific'),
        [fees]: confident('fees'),
    });

    it('asks about another program', () => {
        expect(recognizer.understand(closed, 'fr')).toMatchObject({ kind: 'refuse' });
    });

    it('is not IMP+ named in brackets', () => {
        expect(recognizer.understand(fees, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });
});

describe('whether IMP+ is still open, in its own words', () => {
    readsPinned(
        'program-status',
        {
            as: 'is whether the program is running',
            cases: [
                ['they still taking applications for imp plus this year?', 'en'],
                ['IS IMP+ STILL OPEN OR DID THEY PAUSE IT LIKE THE PEQ', 'en'],
                ['Sur TikTok une fille disait que le PMI+ est encore ouvert et qu’il faut se dépêcher. Vrai ou pas?', 'fr'],
            ],
        },
        {
            as: 'is not whether it is open to someone, nor another program',
            cases: [
                ['I have a PEQ CSQ, is IMP+ still open to me?', 'en'],
                ['le programme des aides familiaux, c’est encore ouvert?', 'fr'],
                ['is Arrima still taking applications from people who hold a PMI+ permit?', 'en'],
                // The permit cancelled by a refusal is what a PR decision does.
                ['Say my PR gets refused, I guess the IMP+ permit gets cancelled right away?', 'en'],
            ],
        },
    );
});

describe('the cost and the wait asked together, in their own words', () => {
    const recognizer = recognizerWithTopics({});
    it.each([
        ['bruh how much is it all in and how long till i actually get it', 'en'],
        ['price and processing time? like how much is it and how long do they take', 'en'],
        ['mon pere veut savoir sa coute combien pis sa prend combien de temps avoir le permi', 'fr'],
        ['combien ça coûte en tout et ça prend combien de temps à sortir? on vise un départ en juillet', 'fr'],
    ] as const)('are the fees and the processing times: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });

    it.each([
        // How long the permit is valid, not how long it takes.
        ['how much does it cost and how long is it valid? i need it for the lease', 'en'],
        // What was paid is not asked.
        ['I paid the fees last week, how long does it take now?', 'en'],
        // Another program's cost and wait.
        ['Combien coûte le super visa pour les parents et ça prend combien de temps?', 'fr'],
    ] as const)('are not when the permit’s validity, a payment made or another program is what it is about: %s', (text, language) => {
        expect(recognizer.understand(text, language)).not.toMatchObject({ also: { id: 'processing-times' } });
    });
});

describe('another province’s permit or program', () => {
    const ontario = 'I got a job offer in Ottawa, how do I get a work permit for Ontario?';
    const eimt = 'Son employeur veut l’embaucher en Ontario avec une EIMT, comment il fait la demande?';
    const likeImp = 'is there something like IMP+ in Alberta? my friend is a nominee there';
    const commePmi = 'Est-ce que l’Ontario a un permis de travail ouvert pour ses candidats, un peu comme le PMI+ au Québec?';
    const overThere = 'how does the ontario work permit for truck drivers work over there';
    // IMP+'s own permit, where it lets one work.
    const withThePermit = 'Can I work in Ontario with the permit?';
    const withImp = 'I got a job offer in Ottawa, can I take it with my IMP+?';
    const avecLePermis = 'Je pourrais aller bosser à Ottawa avec le permis si je trouve mieux là-bas?';
    // One's own permit there, told before the question, in another sentence, or held, and "allowed".
    const current = 'What is the difference between an open and a closed permit? my current permit in Saskatchewan is tied to a care home';
    const before = 'What is the difference between an open and a closed permit? Ontario is where I had the closed one.';
    const held = 'Je travaille en Ontario avec un permis fermé, est-ce que j’ai besoin d’une EIMT pour ce programme-là?';
    const allowed = 'avec ce permis je peux changer d’usine? et si je trouve de la job en Ontario c’est permis aussi?';
    const recognizer = recognizerReading({
        [ontario]: confident('how-to-apply'),
        [eimt]: confident('job-offer-lmia'),
        [likeImp]: confident('quebec-only'),
        [commePmi]: confident('quebec-only'),
        [overThere]: confident('quebec-only'),
        [withThePermit]: confident('quebec-only'),
        [withImp]: confident('quebec-only'),
        [avecLePermis]: confident('quebec-only'),
        [current]: confident('open-vs-employer-specific'),
        [before]: confident('open-vs-employer-specific'),
        [held]: confident('job-offer-lmia'),
        [allowed]: confident('quebec-only'),
    });

    refusesOffTopic(
        recognizer,
        {
            as: 'is that province’s matter, whatever IMP+ topic its words lean to',
            cases: [
                [ontario, 'en'],
                [eimt, 'fr'],
                [likeImp, 'en'],
                [commePmi, 'fr'],
                [overThere, 'en'],
            ],
        },
        {
            as: 'is not the IMP+ permit taken there, nor one’s own permit there',
            cases: [
                [withThePermit, 'en'],
                [withImp, 'en'],
                [avecLePermis, 'fr'],
                [current, 'en'],
                [before, 'en'],
                [held, 'fr'],
                [allowed, 'fr'],
            ],
            read: { kind: 'answer' },
        },
    );
});

describe('fees named as paid beside another question', () => {
    const meaning = 'La demande doit être complète, ça veut dire quoi?';
    const paid = 'Tous les documents et les frais payés?';
    const cost = 'Pis les frais, c’est combien?';
    const recognizer = recognizerReading({
        [`${meaning} ${paid}`]: confident('criteria-complete-application', 0.6),
        [`${meaning} ${cost}`]: confident('criteria-complete-application', 0.6),
        [meaning]: confident('criteria-complete-application'),
        [paid]: confident('fees'),
        [cost]: confident('fees'),
    });

    dropsSecondAnswer(
        recognizer,
        'fr',
        'criteria-complete-application',
        { as: 'do not ask what the fees are: the other question is the answer', text: `${meaning} ${paid}` },
        { as: 'leave fees asked outright as a second answer', text: `${meaning} ${cost}`, also: 'fees' },
    );
});

describe('what a complete application means, in its own words', () => {
    readsPinned(
        'criteria-complete-application',
        {
            as: 'is the complete application criterion',
            cases: [
                ['apparently the application has to be "complete" to qualify... what does that mean in practice??', 'en'],
                ['They keep saying the PR file has to be "complete". Complete how?', 'en'],
                ['I read the complete application rule twice and still dont get it. what does it mean in normal words?', 'en'],
                // What follows the pinned clause in its sentence spells it out; it is not a second question.
                ['What does a complete application mean exactly — all documents, or just the form filled?', 'en'],
                ['Dans les critères on parle d’une demande complète. Ça veut dire quoi au juste?', 'fr'],
            ],
        },
        {
            as: 'is not the form, or a finished application’s wait',
            cases: [
                ['what does it mean to complete the forms?', 'en'],
                ['My application is complete, how long does it take?', 'en'],
                ['Que veut dire « complète » dans le formulaire IMM ?', 'fr'],
            ],
        },
    );
});

describe('what follows a pinned clause in its sentence', () => {
    const spelled = 'What does a complete application mean exactly, all documents, or just the form filled?';
    const second = 'What does a complete application mean exactly? and how do I fill out the form?';
    const recognizer = recognizerWithTopics({
        'all documents, or just the form filled?': confident('application-form'),
        'and how do I fill out the form?': confident('application-form'),
    });

    dropsSecondAnswer(
        recognizer,
        'en',
        'criteria-complete-application',
        { as: 'spells that question out: no second answer', text: spelled },
        { as: 'is a second question when it starts asking', text: second, also: 'application-form' },
    );
});

describe('changing employers on the permit, in its own words', () => {
    readsPinned(
        'employers',
        {
            as: 'is whom the permit lets one work for',
            cases: [
                [
                    'Titulaire du PMI+ ici. Je déménage de Montréal à Rimouski pour un nouveau poste chez un autre employeur, c’est correct avec mon permis actuel?',
                    'fr',
                ],
                ['On IMP+ now, I found a better job downtown. can I change employers without asking anyone?', 'en'],
                // Leaving one workplace for another, said without the word "employer".
                ['with this permit am i stuck with McGill or can i leave the university and go work for a startup', 'en'],
                ['Avec le PMI+ je pourrais quitter ma garderie pour aller dans un CPE?', 'fr'],
                ['avec le permis ouvert jpeux tu changer de shop sans rien refaire', 'fr'],
                // The verb as said after « si je ».
                ['Avec le PMI+, si je change d’employeur en cours de route, je dois avertir quelqu’un ou refaire une demande ?', 'fr'],
                // Without its article, in a French still being learnt.
                ['avec le permis pmi+ moi pouvoir changer employeur?', 'fr'],
                // Asked by the employer: may the worker leave for a competitor.
                ['si j’engage une cuisinière avec le PMI+, elle peut partir chez le concurrent quand elle veut?', 'fr'],
                ['if I hire someone on IMP+ can he leave tomorrow and work for a competitor?', 'en'],
            ],
        },
        {
            as: 'is not another permit or the difference',
            cases: [
                // Leaving Quebec is where the permit is valid, not whom one works for.
                ['Si je quitte le Québec pour l’Ontario, je peux quitter mon emploi avec mon permis?', 'fr'],
                // Another permit, tied to one employer: not IMP+'s open permit.
                ['I have a closed work permit, can I change employer?', 'en'],
                ['je suis étudiant, avec mon permis je peux changer d’employeur?', 'fr'],
                // The difference between the permits is its own topic.
                ['what’s the difference between the open permit and one where you can’t change employers?', 'en'],
            ],
        },
    );
});

describe('applying from outside Quebec, asked by someone on another program', () => {
    const pgwp = 'I’m in Toronto on a PGWP. I was told applicants have to be outside Quebec, so does Ontario count as outside?';
    const pvt = 'je suis déjà à Montréal en PVT, je peux faire la demande d’ici ou je dois sortir du Québec?';
    const ownProgram = 'How much is the PGWP application fee and can I apply from outside Canada?';
    const elsewhere = { kind: 'none', score: 0, offTopic: true, otherProgram: true } as const;
    const recognizer = recognizerWithTopics({ [pgwp]: elsewhere, [pvt]: elsewhere, [ownProgram]: elsewhere });

    it.each([
        [pgwp, 'en'],
        [pvt, 'fr'],
    ] as const)('is IMP+’s own rule on where one applies from: %s', (text, language) => {
        expect(recognizer.understand(text, language)).toMatchObject({ kind: 'answer', topic: { id: 'criteria-outside-quebec' } });
    });

    it('leaves the other program’s own application refused', () => {
        expect(recognizer.understand(ownProgram, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('working for oneself on the permit, in its own words', () => {
    readsPinned(
        'employers',
        {
            as: 'is whom the permit lets one work for (its answer says no official page settles it)',
            cases: [
                ['can i be self employed w this permit? i do freelance graphic design', 'en'],
                ['Freelance translator here. With this open permit could I keep working for my own clients as self-employed?', 'en'],
                ['Est-ce que je pourrais être travailleuse autonome avec le PMI+? je fais de la coiffure à domicile', 'fr'],
                ['Comptable de formation, j’aimerais ouvrir mon propre cabinet. Le PMI+ me permet-il de travailler à mon compte ?', 'fr'],
                ['je peux-tu ouvrir mon propre garage avec le PMI+ ou faut que je sois employé?', 'fr'],
                ['could I start my own cleaning business on the IMP+ permit?', 'en'],
                ['can i run my own trucking business self employed on that permit or i need work for somebody', 'en'],
                // Spoken forms of "can", and the future.
                ['jpeux tu me partir a mon compte avec le pmi+ ou faut absolument un patron', 'fr'],
                ['est ce que je pourrai ouvrir mon propre salon a mon compte avec le permis pmi+', 'fr'],
                // "With it", and the third person of « se mettre à son compte ».
                ['could i be self employed with it? want to buy my own van and do deliveries as contractor', 'en'],
                ['travailleur autonome ok avec le permis pmi+ ?', 'fr'],
                ['peut-on se mettre a son compte avec ce permis? je voudrais partir ma petite business entre mes rotations', 'fr'],
                // Self-employment named as such, « autorise-t-il », « c permis ».
                ['le permis pmi+ autorise-t-il le travail autonome ?', 'fr'],
                ['does the IMP+ permit allow self-employment?', 'en'],
                ['mon père veut livrer à son compte, c permis avec le pmi+?', 'fr'],
                // Relayed for someone else: "asks if he can".
                ['one of our animators on the imp+ open WP asks if he can freelance / be self employed on the side', 'en'],
            ],
        },
        {
            as: 'is not a CSQ from the self-employed program, taxes, a spouse or another province',
            cases: [
                ['I got my CSQ through the self-employed worker program, does it count for IMP+?', 'en'],
                ['as a freelancer on this permit, can I deduct my car from my taxes?', 'en'],
                ['ma conjointe pourrait-elle être travailleuse autonome avec son permis ouvert?', 'fr'],
                ['I am self-employed in Toronto, can I keep my business with an Ontario work permit?', 'en'],
                // « Son compte » is also the IRCC account one signs in to.
                ['je peux pas me connecter à son compte avec le permis', 'fr'],
            ],
        },
    );
});

describe('a second question that leaves "it" to the first', () => {
    const first = 'Comment on fait la demande?';
    const withIt = `${first} Je peux la faire à la frontière en revenant de vacances?`;
    const withoutIt = `${first} Le musée est ouvert pendant les vacances?`;
    const recognizer = recognizerReading({
        [withIt]: { kind: 'none', score: 0.3, offTopic: true },
        [withoutIt]: { kind: 'none', score: 0.3, offTopic: true },
        [first]: confident('how-to-apply'),
        'Je peux la faire à la frontière en revenant de vacances?': { kind: 'none', score: 0.2, offTopic: true },
        'Le musée est ouvert pendant les vacances?': { kind: 'none', score: 0.2, offTopic: true },
    });

    it('answers the first when the second reads as about something else', () => {
        expect(recognizer.understand(withIt, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'how-to-apply' } });
    });

    it('still refuses when the second names its own subject', () => {
        expect(recognizer.understand(withoutIt, 'fr')).toMatchObject({ kind: 'refuse' });
    });
});

describe('small talk asked, then a remark', () => {
    const remark = 'Is this a robot? Im guessing yes';
    const question = 'Is this a robot? I need help with my permit renewal';
    const recognizer = recognizerReading({
        [remark]: { kind: 'none', score: 0.05 },
        [question]: { kind: 'none', score: 0.3 },
        'Is this a robot?': confident('whoAreYou', 1),
        'I need help with my permit renewal': confident('permit-expiry'),
    });

    it('answers the small talk when the remark reads as nothing', () => {
        expect(recognizer.understand(remark, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'whoAreYou' } });
    });

    it('does not answer only the small talk when what follows asks something', () => {
        expect(recognizer.understand(question, 'en')).not.toMatchObject({ kind: 'answer', topic: { id: 'whoAreYou' } });
    });
});

describe('a clause that asks about another program', () => {
    const asylum = 'Si jamais ça marche pas avec le CSQ, on pourrait pas demander l’asile?';
    const besideImpPlus = 'Pour le PMI+ je dois refaire une AVE ou c’est automatique, mes biométries du PVT sont encore valables?';
    const recognizer = recognizerReading({
        [asylum]: { kind: 'none', score: 0.4 },
        [besideImpPlus]: { kind: 'none', score: 0.4 },
        'Si jamais ça marche pas avec le CSQ,': confident('criteria-csq'),
        'on pourrait pas demander l’asile?': { kind: 'none', score: 0, offTopic: true, otherProgram: true },
        'Pour le PMI+ je dois refaire une AVE ou c’est automatique,': confident('travel-documents'),
        'mes biométries du PVT sont encore valables?': { kind: 'none', score: 0, offTopic: true, otherProgram: true },
    });

    it('is the question, the clause before it its background', () => {
        expect(recognizer.understand(asylum, 'fr')).toMatchObject({ kind: 'refuse' });
    });

    it('is not, in a message that names IMP+', () => {
        expect(recognizer.understand(besideImpPlus, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'travel-documents' } });
    });
});

describe('a second question that hesitates between two topics its words tell apart', () => {
    const scans = 'Et les papiers je les scanne comment, avec mon téléphone c’est correct?';
    const clearFirst = `J’ai déjà donné mes empreintes en 2022, faut-il les refaire? ${scans}`;
    const tellingFirst = `Nos enfants ont 4 et 9 ans? ${scans}`;
    const recognizer = recognizerReading({
        [clearFirst]: { kind: 'none', score: 0.4 },
        [tellingFirst]: { kind: 'none', score: 0.4 },
        'J’ai déjà donné mes empreintes en 2022, faut-il les refaire?': confident('biometrics'),
        'Nos enfants ont 4 et 9 ans?': confident('children-school', 0.65),
        [scans]: unsure('upload', 'what-to-prepare'),
    });

    it('asks the one it names, beside a first that asks clearly', () => {
        expect(recognizer.understand(clearFirst, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'biometrics' },
            also: { id: 'upload' },
        });
    });

    it('is not settled beside a first read only weakly', () => {
        expect(recognizer.understand(tellingFirst, 'fr')).not.toMatchObject({ also: { id: 'upload' } });
    });

    describe('read too weakly to offer, after a first question that ends with a "?" as it does', () => {
        const petites = 'Et les petites devront-elles avoir un permis d’études pour aller à l’école ?';
        const work = 'Mon mari est comptable. Pourra-t-il travailler lui aussi au Québec ?';
        const weak: MatchOutcome = { kind: 'none', score: 0.37, unsure: [topic('children-school'), topic('study-with-permit')] };
        const recognizer = recognizerReading({
            [`${work} ${petites}`]: confident('children-school', 0.72),
            [work]: confident('spouse-work', 0.55),
            [petites]: weak,
        });

        it('asks the one it names', () => {
            expect(recognizer.understand(`${work} ${petites}`, 'fr')).toMatchObject({
                kind: 'answer',
                topic: { id: 'spouse-work' },
                also: { id: 'children-school' },
            });
        });
    });
});

describe('two topics told apart by the words of the question (settlers)', () => {
    const anywhere = 'Open permit means I can work anywhere in Canada, Ontario included, right?';
    const difference = 'What is the difference between an open permit and a closed one?';
    const whatToAsk = 'Vous sauriez pas me dire ce que je peux vous demander ici?';
    // A study permit « pour eux », the children, is the school question, not one's own studies.
    const pourEux = 'Les petits, faut-il un permis d’études pour eux ?';
    const petites = 'Et les petites, un permis d’études?';
    // Whom the permit is for, and the criteria asked for as published.
    const bf = 'can my bf get a work permit if i get imp+? hes a caster, we’ve lived together 3 yrs';
    const publiees = 'Je vous saurais gré de m’indiquer les conditions d’admissibilité au PMI+ telles qu’elles ont été publiées.';
    const recognizer = recognizerReading({
        [bf]: unsure('spouse-work', 'duration'),
        [publiees]: unsure('criteria', 'start-eligibility'),
        [pourEux]: unsure('study-with-permit', 'children-school'),
        [petites]: unsure('study-with-permit', 'children-school'),
        [anywhere]: unsure('open-vs-employer-specific', 'quebec-only'),
        [difference]: unsure('open-vs-employer-specific', 'quebec-only'),
        [whatToAsk]: unsure('help', 'start-steps'),
    });

    it.each([
        [anywhere, 'en', { kind: 'answer', topic: { id: 'quebec-only' } }],
        [difference, 'en', { kind: 'answer', topic: { id: 'open-vs-employer-specific' } }],
        [whatToAsk, 'fr', { kind: 'command', command: 'help' }],
        [pourEux, 'fr', { kind: 'answer', topic: { id: 'children-school' } }],
        [petites, 'fr', { kind: 'answer', topic: { id: 'children-school' } }],
        [bf, 'en', { kind: 'answer', topic: { id: 'spouse-work' } }],
        [publiees, 'fr', { kind: 'answer', topic: { id: 'criteria' } }],
    ] as const)('%s', (text, language, reading) => {
        expect(recognizer.understand(text, language)).toMatchObject(reading);
    });
});

describe('a sentence that asks after a condition, typed without a question mark', () => {
    const conditional = 'if my pr gets refused what happens to my imp+ permit.';
    const told = 'my pr was refused last year and my imp+ permit ended.';
    const lose = 'do i lose my job at the plant';
    const recognizer = recognizerReading({
        [`${conditional} ${lose}`]: confident('pr-decision', 0.7),
        [`${told} ${lose}`]: confident('pr-decision', 0.7),
        [conditional]: confident('pr-decision'),
        [told]: confident('pr-decision'),
        [lose]: { kind: 'none', score: 0.3, offTopic: true },
    });

    it('is a question beside the one that reads as about something else', () => {
        expect(recognizer.understand(`${conditional} ${lose}`, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'pr-decision' } });
    });

    it('leaves the question after a sentence that only tells to what it asks', () => {
        expect(recognizer.understand(`${told} ${lose}`, 'en')).toMatchObject({ kind: 'refuse' });
    });
});

describe('a statement about the writer whose "is" only tells', () => {
    const told = 'jai deja mon csq pis ma demande de residence est envoyer au federal...';
    const asked = 'a quoi ca sert le pmi+ si je peux juste attendre ma RP tranquille';
    const where = 'Je veux savoir si le permis est limité au Québec';
    const howLong = 'combien d’années il dure';
    const recognizer = recognizerReading({
        [`${told} ${asked}`]: confident('purpose', 0.7),
        [told]: confident('apply-before-after-pr'),
        [asked]: confident('purpose'),
        // Told that it asks, the message is read with a question mark.
        [`${where} et ${howLong}?`]: confident('duration', 0.7),
        [where]: confident('quebec-only'),
        [`${howLong}?`]: confident('duration'),
    });

    it('is the context of the question beside it, not a second question', () => {
        const read = recognizer.understand(`${told} ${asked}`, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'purpose' } });
        expect(read).not.toHaveProperty('also');
    });

    it('still asks after words that say it asks', () => {
        expect(recognizer.understand(`${where} et ${howLong}.`, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'quebec-only' },
            also: { id: 'duration' },
        });
    });
});

describe('a question after background sentences that says "it" of the CSQ they named', () => {
    const question = 'qu’est-ce qui arrive si il expire avant?';
    const csq = 'Mon CSQ expire en mars prochain et la RP est pas encore finie.';
    const none = 'La RP est pas encore finie.';
    const recognizer = new Recognizer(t, {
        match: (text) => {
            const said = text.trim();
            if (said === `${csq} ${question}` || said === `${none} ${question}`) return unsure('csq-expiry', 'permit-expiry');
            if (said === question) return confident('permit-expiry');
            // Read again with the subject named: the CSQ's expiry.
            if (said.startsWith(question.slice(0, -1)) && said.includes('CSQ')) return confident('csq-expiry');
            return { kind: 'none', score: 0 };
        },
    });

    it('reads "it" as the CSQ', () => {
        expect(recognizer.understand(`${csq} ${question}`, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'csq-expiry' } });
    });

    it('reads a bare "it" as the permit when the background names nothing', () => {
        expect(recognizer.understand(`${none} ${question}`, 'fr')).toMatchObject({ kind: 'answer', topic: { id: 'permit-expiry' } });
    });
});

describe('a question about a permit the writer or someone else holds', () => {
    const own = 'My closed permit is for a farm in Saskatchewan, how do I switch employers?';
    const mon = 'Mon permis de travail fermé au Manitoba, comment je change d’employeur?';
    const held = 'with a closed permit can i change employers or do i need a new one';
    const sister = 'ma soeur a un permis fermé lié à un restaurant, elle peut-tu changer d’employeur?';
    const any = 'is a closed permit tied to one employer?';
    const beside = 'my closed permit ends in May, is the IMP+ one tied to an employer too?';
    const open = 'whats the diffrence between my closed permit and an open one?';
    const compared = 'c’est quoi la différence avec mon permis fermé';
    const recognizer = recognizerReading({
        [open]: confident('open-vs-employer-specific'),
        [compared]: confident('open-vs-employer-specific'),
        [own]: confident('open-vs-employer-specific'),
        [mon]: confident('open-vs-employer-specific'),
        [held]: confident('open-vs-employer-specific'),
        [sister]: confident('open-vs-employer-specific'),
        [any]: confident('open-vs-employer-specific'),
        [beside]: confident('open-vs-employer-specific'),
    });

    refusesOffTopic(
        recognizer,
        {
            as: 'is that permit’s matter, not the difference between the permits',
            cases: [
                [own, 'en'],
                [mon, 'fr'],
                [held, 'en'],
                [sister, 'fr'],
            ],
        },
        {
            as: 'leaves a closed permit in general, or one compared with IMP+’s or an open one',
            cases: [
                [any, 'en'],
                [beside, 'en'],
                [open, 'en'],
                [compared, 'fr'],
            ],
            read: { kind: 'answer', topic: { id: 'open-vs-employer-specific' } },
        },
    );
});

describe('a half that names MIFI or the CSQ without asking what it is', () => {
    const email = 'surely i can just email MIFI';
    const invite = 'request an invite, yes?';
    const whatDoes = 'tell me what MIFI does';
    const decides = 'how do they decide who gets invited?';
    const same = 'MIFI is the same thing as IRCC right';
    const recognizer = recognizerReading({
        [`${email} and ${invite}`]: confident('invitation-request', 0.7),
        [email]: confident('what-is-mifi'),
        [invite]: confident('invitation-request'),
        [`${whatDoes} and ${decides}`]: confident('invitation-request', 0.7),
        [whatDoes]: confident('what-is-mifi'),
        [decides]: confident('invitation-request'),
        [`${same} and ${decides}`]: confident('invitation-request', 0.7),
        [same]: confident('what-is-mifi'),
    });

    it('is no question of what it is', () => {
        const read = recognizer.understand(`${email} and ${invite}`, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'invitation-request' } });
        expect(read).not.toHaveProperty('also');
    });

    it.each([`${whatDoes} and ${decides}`, `${same} and ${decides}`])('still is one when it asks what it is or compares it: %s', (text) => {
        expect(recognizer.understand(text, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-mifi' },
            also: { id: 'invitation-request' },
        });
    });
});

describe('a short last half that only names MIFI, the CSQ or IMP+ inside the same sentence', () => {
    const upload = 'my scanner is broken, can I upload phone photos of my passport';
    const whatIs = 'c koi le csq';
    const recognizer = recognizerReading({
        [`${upload} and CSQ?`]: confident('upload', 0.7),
        [upload]: confident('upload'),
        'CSQ?': confident('what-is-csq'),
        [`${whatIs} pis le mifi`]: unsure('what-is-csq', 'what-is-mifi'),
        [whatIs]: confident('what-is-csq'),
        'le mifi': confident('what-is-mifi'),
    });

    it('is what the question is about, not a question of what it is', () => {
        const read = recognizer.understand(`${upload} and CSQ?`, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'upload' } });
        expect(read).not.toHaveProperty('also');
    });

    it('still asks what it is after a question of what something else is', () => {
        expect(recognizer.understand(`${whatIs} pis le mifi`, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'what-is-csq' },
            also: { id: 'what-is-mifi' },
        });
    });
});

describe('two members of a family side by side', () => {
    const husband = 'are my husband';
    const kids = 'kids included on my permit or do they each need their own application';
    const recognizer = recognizerReading({
        [`${husband} and ${kids}`]: confident('family-members', 0.7),
        [husband]: confident('spouse-work'),
        [kids]: confident('family-members'),
    });

    it('are one list, not two questions', () => {
        const read = recognizer.understand(`${husband} and ${kids}`, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'family-members' } });
        expect(read).not.toHaveProperty('also');
    });
});

describe('a CSQ that may expire before something else comes', () => {
    readsPinned(
        'csq-expiry',
        {
            as: 'is what becomes of the CSQ, though the permit is named',
            cases: [
                ['my CSQ expires in march and im still waiting. what happens if it expire before i get the permit?', 'en'],
                ['le CSQ de ma protégée expire en mars, qu’est-ce qui arrive s’il expire avant qu’elle ait son permis', 'fr'],
                ['Mon CSQ expire dans 2 mois. Qu’est-ce qui arrive s’il expire avant que j’aie mon permis?', 'fr'],
            ],
        },
        {
            as: 'is not asked of the permit, a passport, a status or another certificate',
            cases: [
                ['I have my CSQ. What if my permit expires before the PR is decided?', 'en'],
                ['J’ai mon CSQ, mais mon passeport expire avant la fin du permis, je fais quoi?', 'fr'],
                ['my police certificate expires before i get the permit, do i need a new one?', 'en'],
            ],
        },
    );
});

describe('a family asking to be walked through its options one by one', () => {
    readsPinned(
        'start-family',
        {
            as: 'is the family guide',
            cases: [
                ['me, my husband and our 2 kids are here as tourists. can we go through what each of us could get?', 'en'],
                ['Trois générations ici. Pouvez-vous regarder avec nous, un à la fois, ce qui s’offre à notre famille?', 'fr'],
            ],
        },
        {
            as: 'is not a family that applies together or asks about forms',
            cases: [
                ['Medical exam requested. does my wife who is applying together with me also have to do one?', 'en'],
                ['can you walk me through the application forms step by step, my wife and kids are coming too', 'en'],
                ['Mon conjoint et moi on vit ensemble depuis 14 mois, il peut avoir un permis de travail lui aussi?', 'fr'],
            ],
        },
    );
});

describe('a bare why after a question', () => {
    const outside = 'il faut vraiment habiter hors du Québec quand on fait la demande PMI+?';
    const recognizer = recognizerReading({
        [`${outside} pk?`]: confident('criteria-outside-quebec', 0.6),
        [outside]: confident('criteria-outside-quebec'),
        'pk?': confident('purpose'),
        'pis combien ça coûte?': confident('fees'),
    });

    it('asks the reason for the rule just asked about, not why IMP+ exists', () => {
        const read = recognizer.understand(`${outside} pk?`, 'fr');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'criteria-outside-quebec' } });
        expect(read).not.toHaveProperty('also');
    });

    it('leaves a second question of its own answered', () => {
        expect(recognizer.understand(`${outside} pis combien ça coûte?`, 'fr')).toMatchObject({
            kind: 'answer',
            topic: { id: 'criteria-outside-quebec' },
            also: { id: 'fees' },
        });
    });
});

describe('a message without a question mark whose first sentence asks', () => {
    const costAndTime = 'how much does it cost and how long does it take';
    const told = 'we are 2 adults + 1 toddler';
    const paid = 'I paid the fees and I know how long it takes';
    const school = 'my wife wants to know about school for the kids';
    // Read as a whole, the message is about something else: only the pinned words can say what it asks.
    const recognizer = recognizerWithTopics({
        [`${costAndTime}. ${told}`]: { kind: 'none', score: 0.37, offTopic: true },
        [told]: { kind: 'none', score: 0.3, offTopic: true },
        [`${paid}. ${school}`]: { kind: 'none', score: 0.37, offTopic: true },
    });

    it('asks it, though its last sentence only tells', () => {
        expect(recognizer.understand(`${costAndTime}. ${told}`, 'en')).toMatchObject({
            kind: 'answer',
            topic: { id: 'fees' },
            also: { id: 'processing-times' },
        });
    });

    it('asks nothing when it only tells, before a last sentence that asks', () => {
        expect(recognizer.understand(`${paid}. ${school}`, 'en')).not.toMatchObject({ kind: 'answer', topic: { id: 'fees' } });
    });
});

describe('"can she work?" after a spouse named in a sentence before', () => {
    readsPinned(
        'spouse-work',
        {
            as: 'is whether the spouse may work',
            cases: [
                ['my wife is here with me on a visitor visa. can she work too', 'en'],
                ['Ma future employée arrive avec son mari. Le mari pourrait-il travailler à la scierie lui aussi?', 'fr'],
            ],
        },
        {
            as: 'is not asked of a parent, a sibling or a friend',
            cases: [
                ['my wife and my mom are coming with me. can she work?', 'en'],
                ['Mon mari a son CSQ. Ma sœur vient avec nous, elle peut travailler?', 'fr'],
            ],
        },
    );
});

describe('"what is it exactly?" after IMP+ named in a sentence before', () => {
    readsPinned(
        'what-is-imp',
        {
            as: 'asks what IMP+ is',
            cases: [
                ['my coworker at front desk keeps saying i should apply for imp+ ... what even is it lol', 'en'],
                ['Tout le monde parle du PMI+ à la shop. C’est quoi exactement?', 'fr'],
                // Named in the same breath.
                ['wait what even is imp+? my dad keeps saying it at dinner and i just nod lol', 'en'],
                [
                    'Our caregiver Maria mentioned PMI plus last week. As her employers we would like to understand what this program is.',
                    'en',
                ],
            ],
        },
        {
            as: 'asks of something else the message names, or a term quoted',
            cases: [
                ['MIFI mentioned IMP+ in the letter. what is it exactly?', 'en'],
                ['"maintained status" was in your previous answer, what’s that? my imp+ ends in june', 'en'],
                ['J’ai reçu une lettre du MIFI pour le PMI+. C’est quoi exactement?', 'fr'],
                ['what exactly is required for IMP+', 'en'],
                ['what exactly is the duration of the IMP+ permit', 'en'],
            ],
        },
    );
});

describe('a question its words settle, in a message read as the permit’s tour', () => {
    const there = 'theres a job in Ottawa I like more. would the permit let me work there';
    const tour = 'tell me about the permit';
    const recognizer = recognizerWithTopics({ [there]: confident('start-permit'), [tour]: confident('start-permit') });

    it('is what the words settle', () => {
        expect(recognizer.understand(there, 'en')).toMatchObject({ kind: 'answer', topic: { id: 'quebec-only' } });
    });

    it('leaves the tour asked for as it is', () => {
        expect(recognizer.understand(tour, 'en')).toMatchObject({ kind: 'dialog', topic: 'start-permit' });
    });
});

describe('working for anyone, or for two at the same time, with the permit', () => {
    readsPinned(
        'employers',
        {
            as: 'is whom the permit lets one work for',
            cases: [
                ['With IMP+ can I work for the CIUSSS and a private nursing agency at the same time?', 'en'],
                ['jfais du uber eats le soir pis du doordash la fds, avec le PMI+ je peux travailler pour les 2 apps en meme temps?', 'fr'],
            ],
        },
        {
            as: 'is not asked of a spouse, a student or another province',
            cases: [
                ['my wife is on a study permit, can she work for two companies at the same time with the permit?', 'en'],
                ['Avec le PMI+ je peux travailler pour n’importe quel garage en Ontario?', 'fr'],
            ],
        },
    );
});

describe('a family member added to or included in one’s own application', () => {
    readsPinned(
        'family-members',
        {
            as: 'is what the family gets with IMP+',
            cases: [
                ['on vient de se marier, mon chum peut-il être ajouté à ma demande ?', 'fr'],
                ['just married. can my wife be added to my application?', 'en'],
            ],
        },
        {
            as: 'is not the permanent residence file',
            cases: [
                ['can my wife be added to my PR application?', 'en'],
                ['mon fils peut-il être ajouté à ma demande de résidence permanente?', 'fr'],
            ],
        },
    );
});

describe('a question of a few words after the sentence that names its matter', () => {
    const restore = 'my permit expired when i was working in manitoba last year and i lost my status. can i restore it';
    const recognizer = recognizerWithTopics({ [restore]: confident('restoration') });

    it('is that sentence’s pinned topic only when the message reads as nothing else', () => {
        const read = recognizer.understand(restore, 'en');
        expect(read).toMatchObject({ kind: 'answer', topic: { id: 'restoration' } });
        expect(read).not.toHaveProperty('also');
    });
});

describe('trouble signing in to one’s IRCC account', () => {
    readsPinned(
        'online-account',
        {
            as: 'is the online account, whose answer points to the official sign-in help',
            cases: [
                ['cant sign in to my IRCC account, keeps saying my password is wrong, how do I get in', 'en'],
                [
                    'cannot enter in my IRCC account since yesterday, it say password wrong and i forget the answers of the security questions',
                    'en',
                ],
                ['je suis pas capable de me connecter à mon compte IRCC, mot de passe invalide, je fais quoi?', 'fr'],
                // A question of a few words that names nothing asks about what the sentence before said.
                ['my son cannot log in his IRCC account, it says password wrong even after he reset it 3 times. how to fix', 'en'],
            ],
        },
        {
            as: 'is not another account: a phone, Quebec’s Arrima portal, a utility or a bank',
            cases: [
                ['locked out of my iphone, how do I reset the password', 'en'],
                ['how do I log in to Arrima, my account is locked', 'en'],
                // The bot asked to sign in and look at one's file.
                ['Log into my IRCC account and tell me why my biometric instruction letter hasnt arrived', 'en'],
                ['je peux pas me connecter à mon compte Arrima du MIFI, mot de passe oublié, je fais quoi?', 'fr'],
                // Any other online account, named by its own service.
                ['mon compte en ligne hydro quebec est bloqué jai trop essayé le mot de passe, je fais quoi?', 'fr'],
                ['locked out of my account on the bank app, wrong password three times, how do I get back in?', 'en'],
            ],
        },
    );
});
