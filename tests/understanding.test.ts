import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import type { Language } from '../src/content/languages';
import { buttonsOf, Chat, textOf, trace } from './helpers/chat';

/**
 * What people actually type (the newcomer review's cases M4, M5, M7, M8 and minors 1, 7, 8, 10, 19): requests
 * that matter to the firm in any wording, small talk, two questions in one, and the person's language.
 */
const t = createTranslator();
const kb = new KnowledgeBase(t);

async function say(text: string, locale = 'en-CA', channelId = 'webchat') {
    const chat = new Chat({ locale, channelId });
    await chat.open();
    const replies = await chat.say(text);
    return { chat, replies, text: textOf(replies), recognized: trace(replies, 'Recognizer') };
}

describe('requests that matter to the firm, in any wording', () => {
    it.each([
        ['I want to book an appointment', 'en-CA'],
        ['I need a lawyer', 'en-CA'],
        ['can I talk to someone', 'en-CA'],
        ['live agent', 'en-CA'],
        ['what is your phone number', 'en-CA'],
        ['je veux un rendez-vous', 'fr-CA'],
        ['appelez-moi', 'fr-CA'],
        ['je veux parler a quelqu’un', 'fr-CA'],
        ['comment vous joindre', 'fr-CA'],
        // « parler » was once a stop word (for « j'ai entendu parler »): only « humain » was left, as in « es-tu humain ».
        ['je veux parler à un humain', 'fr-CA'],
        ['can I speak to a human', 'en-CA'],
        // What the firm charges is the firm's to say, not the IMP+ fees.
        ['how much does a lawyer cost?', 'en-CA'],
        ['quels sont vos honoraires?', 'fr-CA'],
        // Inside a longer question, "IMP+ file" would otherwise read as the government's fees.
        ['how much do you charge for an IMP+ file?', 'en-CA'],
        ['I live in Lyon, what are your fees to handle an imp+ application', 'en-CA'],
        ['vous prenez combien pour faire ma demande de PMI+?', 'fr-CA'],
        // A call back at a given time: the time words alone read as a greeting.
        ['can someone call me back tomorrow morning? I work nights', 'en-CA'],
        ['pouvez-vous me faire rappeler demain matin? je travaille de nuit', 'fr-CA'],
    ])('%j reaches an advisor', async (message, locale) => {
        const { recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'command', command: 'advisor' });
    });

    it.each([
        ['what do you do with my data', 'en-CA'],
        ['do you store my info', 'en-CA'],
        ['que faites-vous de mes données', 'fr-CA'],
        // "Info" alone is a stop word ("info about the fees"): one's own info is one's data, not "what do you do".
        ['what do you do with my info', 'en-CA'],
        ['qu’est-ce que vous faites avec mes infos', 'fr-CA'],
    ])('%j gets the privacy notice', async (message, locale) => {
        const { recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'command', command: 'privacy' });
    });

    it.each([
        ['please delete my data', 'en-CA', 'en'],
        ['effacez mes données', 'fr-CA', 'fr'],
    ] as const)('%j is confirmed before anything is erased, then erased', async (message, locale, language) => {
        const { chat, text } = await say(message, locale);
        expect(text).toContain(t.t(language, 'common:privacy.confirmErase'));
        const erased = await chat.say(t.t(language, 'common:privacy.eraseYes'));
        expect(textOf(erased)).toContain(t.t(language, 'common:privacy.deleted'));
    });

    it.each([
        [
            'My husband got his CSQ last year and we are in Bogota with our two daughters, it is all very confusing for us, can I book an appointment with one of your advisors?',
            'en-CA',
        ],
        [
            "Mon mari a eu son CSQ l'an passé et on est à Bogota avec nos deux filles, c'est bien mélangeant pour nous autres, est-ce que je peux prendre rendez-vous avec un de vos conseillers?",
            'fr-CA',
        ],
    ])('reaches an advisor asked for in one clause of a long message: %s', async (message, locale) => {
        const { recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'command', command: 'advisor' });
    });

    it.each([
        [
            'Actually we are not applying anymore, so please delete everything I entered about my wife and children, thank you',
            'en-CA',
            'en',
        ],
        ["Bon finalement, svp effacez tout ce que j'ai écrit sur ma femme pis mes enfants, j'ai changé d'idée", 'fr-CA', 'fr'],
    ] as const)('%j, a deletion request inside a long message, is confirmed first', async (message, locale, language) => {
        const { text, recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'command', command: 'deleteData' });
        expect(text).toContain(t.t(language, 'common:privacy.confirmErase'));
        expect(text).not.toContain(t.t(language, 'common:privacy.deleted'));
    });

    it('keeps everything when the person answers no', async () => {
        const { chat } = await say('can you erase the info you have on me');
        const kept = await chat.say('no');
        expect(textOf(kept)).toContain(t.t('en', 'common:privacy.kept'));
        expect(textOf(kept)).not.toContain(t.t('en', 'common:privacy.deleted'));
    });

    it('erases at once on the exact words the privacy notice gives', async () => {
        const { text } = await say('delete my data');
        expect(text).toContain(t.t('en', 'common:privacy.deleted'));
    });
});

describe('small talk ends a conversation well', () => {
    it.each([
        ['thanks', 'en-CA', 'thanks'],
        ['thank you so much!', 'en-CA', 'thanks'],
        ['merci beaucoup!', 'fr-CA', 'thanks'],
        ['ok got it', 'en-CA', 'acknowledgement'],
        ['bye', 'en-CA', 'goodbye'],
        ['bonne journée', 'fr-CA', 'goodbye'],
        ['who are you', 'en-CA', 'whoAreYou'],
        ['are you a robot', 'en-CA', 'whoAreYou'],
        ['are you human', 'en-CA', 'whoAreYou'],
        ['es-tu une vraie personne?', 'fr-CA', 'whoAreYou'],
        ['Suis-je en train de discuter avec une vraie personne ou avec un robot ?', 'fr-CA', 'whoAreYou'],
    ])('%j gets a short reply of its own, not an apology', async (message, locale, topic) => {
        const { text, recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
        expect(text).not.toContain(t.t(locale.startsWith('fr') ? 'fr' : 'en', 'common:fallback.unknown'));
    });

    it('answers “?” with the help', async () => {
        const { text } = await say('?');
        expect(text).toContain(t.t('en', 'common:help.general'));
    });

    it.each([
        ['I don’t understand', 'en-CA', 'en'],
        ['that’s not clear', 'en-CA', 'en'],
        ['je comprends pas', 'fr-CA', 'fr'],
        ['c’est pas clair', 'fr-CA', 'fr'],
        ['je comprends pas ce que ça veut dire', 'fr-CA', 'fr'],
        ['tu fais quoi?', 'fr-CA', 'fr'],
        ['what are you for', 'en-CA', 'en'],
        // Not an "OK": the person does not know what to do next, and the help shows the guides.
        ['what now?', 'en-CA', 'en'],
        ['pis là?', 'fr-CA', 'fr'],
        ['what should I do?', 'en-CA', 'en'],
        ['je dois faire quoi?', 'fr-CA', 'fr'],
        ['i dont get what you mean', 'en-CA', 'en'],
        ['je comprends rien à ta réponse', 'fr-CA', 'fr'],
        // Asking what the bot can do, in words no sample has in that order.
        ['what kind of things can u help with', 'en-CA', 'en'],
        ['tu sais faire quoi toi', 'fr-CA', 'fr'],
    ] as const)('%j is a request for help, not an “OK”', async (message, locale, language) => {
        const { text, recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'command', command: 'help' });
        expect(text).toContain(t.t(language, 'common:help.general'));
    });

    it.each([
        ['speak french', 'en-CA', 'french'],
        ['parle anglais', 'fr-CA', 'english'],
        // A texting "please" after the one word that asks it.
        ['english pls', 'fr-CA', 'english'],
        ['french plz', 'en-CA', 'french'],
    ] as const)('%j switches the language', async (message, locale, command) => {
        const { recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'command', command });
    });

    it.each([
        ['salam, le pmi+ c’est quoi exactement?', 'fr-CA', 'what-is-imp'],
        ['kuya magkano po ang fees for the open work permit', 'en-CA', 'fees'],
    ])('answers the question around words of another language: %j', async (message, locale, topic) => {
        const { recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
    });

    it.each([
        ['stop this', 'en-CA', 'cancel'],
        ['i have another question', 'en-CA', 'ask'],
        ['on recommence à zéro', 'fr-CA', 'restart'],
        ['laisse tomber', 'fr-CA', 'cancel'],
        // Letters held down for emphasis.
        ['helpppp 😵', 'en-CA', 'help'],
        ['stoppp', 'en-CA', 'cancel'],
    ] as const)('%j is the %s command', async (message, locale, command) => {
        const { recognized } = await say(message, locale);
        expect(recognized).toMatchObject({ action: 'command', command });
    });
});

describe('two questions in one', () => {
    it.each([
        'how much does it cost and how long does it take to process',
        // Texted "n" for "and", held-down letters, an emoji.
        'HEYY how much does it cost n how long to process 🙏',
    ])('answers both: %s', async (text) => {
        const { recognized } = await say(text);
        expect(recognized).toMatchObject({ action: 'answer' });
        expect([recognized?.topic, recognized?.also].sort()).toEqual(['fees', 'processing-times']);
    });

    it.each([
        [
            "Ma cliente n'a pas encore d'employeur au Québec. Lui faut-il une offre d'emploi ou une EIMT pour faire sa demande PMI+ ? Et une fois sur place, pourra-t-elle switcher d'employeur librement ?",
            'job-offer-lmia',
            'employers',
        ],
        [
            'On arrive de Dakar en août. pis quand y’est fini le permis on fait quoi? pis le temps icitte ça compte-tu pour la citoyenneté?',
            'permit-expiry',
            'citizenship-time',
        ],
    ])('answers a second question that says it is one (« Et… ? », « pis… ? »), a little less clear: %s', async (text, topic, also) => {
        const { recognized } = await say(text, 'fr-CA');
        expect(recognized).toMatchObject({ action: 'answer', topic, also });
    });

    it('does not take a question that goes on about the first, read weakly, for another one', async () => {
        const { recognized } = await say(
            'We need police certificates from Colombia for the work permit? And both of us or only the one with the CSQ?',
        );
        expect(recognized).toMatchObject({ action: 'answer', topic: 'police-certificates' });
        expect(recognized?.also).toBeUndefined();
    });

    it.each([
        [
            'How much are the government fees for an IMP+ work permit? Do I also pay for biometrics? I am trying to plan our budget for the move.',
            'en-CA',
        ],
        [
            "Combien coûtent les frais gouvernementaux pour le permis PMI+ ? Est-ce que je paie aussi la biométrie ? J'essaie de prévoir notre budget pour le déménagement.",
            'fr-CA',
        ],
    ])('answers a second question followed by context: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'fees', also: 'biometrics' });
    });

    it.each([
        [
            'I’m a pharmacist in Lyon and I just got my MIFI invitation. My husband is an electrician. Do I need a medical exam for the IMP+ permit? My brother did one last year for his visa. Do I also need a police certificate from France?',
            'en-CA',
        ],
        [
            'Je suis pharmacienne à Lyon et je viens de recevoir l’invitation du MIFI. Mon mari est électricien. Est-ce que je dois passer un examen médical pour le permis PMI+? Mon frère en a fait un l’an passé pour son visa. Faut-il aussi un certificat de police de la France?',
            'fr-CA',
        ],
    ])('answers two questions between sentences that tell: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'medical-exam', also: 'police-certificates' });
    });

    it.each([
        ['can my wife work and how much does the permit cost', 'en-CA'],
        ['est-ce que ma femme peut travailler et combien coûte le permis', 'fr-CA'],
    ])('answers both even when the whole message reads clearly as one of them: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer' });
        expect([recognized?.topic, recognized?.also].sort()).toEqual(['fees', 'spouse-work']);
    });

    it.each([
        ['can I study with the permit and can my spouse work', 'en-CA'],
        ['est-ce que je peux suivre des cours avec le permis et est-ce que ma femme peut travailler', 'fr-CA'],
    ])('answers both when the whole would ask "Did you mean…?" between them: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer' });
        expect([recognized?.topic, recognized?.also].sort()).toEqual(['spouse-work', 'study-with-permit']);
    });

    it.each([
        ['fees and timelines?', 'en-CA'],
        ['frais et délais?', 'fr-CA'],
        ['frais? délais?', 'fr-CA'],
    ])('answers two questions of a word each: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect([recognized?.topic, recognized?.also].sort()).toEqual(['fees', 'processing-times']);
    });

    it.each([
        ['my wife and I are applying, what documents do we each need', 'en-CA'],
        ['ma femme et moi on applique, quels documents chacun doit fournir', 'fr-CA'],
    ])('does not read a short subject beside a question as a second question: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'documents-list' });
        expect(recognized?.also).toBeUndefined();
    });

    it.each([
        ['I got my CSQ last year and my wife is a nurse, can she work in quebec too', 'en-CA', 'spouse-work'],
        [
            'jai un csq valide et rien envoyé a ircc encore, le permis je le demande avant ou apres le dossier de residence',
            'fr-CA',
            'apply-before-after-pr',
        ],
    ])('does not answer the writer’s own story as a second question: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
        expect(recognized?.also).toBeUndefined();
    });

    it.each([
        ['do I need an LMIA, btw how much are the fees', 'en-CA'],
        ['faut-il une EIMT, en passant combien coûtent les frais', 'fr-CA'],
    ])('hears "btw" / « en passant » as a second question: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect([recognized?.topic, recognized?.also].sort()).toEqual(['fees', 'job-offer-lmia']);
    });

    it.each([
        ['how much does it cost? thanks bye', 'en-CA'],
        ['combien ça coûte? merci bye', 'fr-CA'],
    ])('answers the question, then says goodbye: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'fees', also: 'goodbye' });
    });

    it.each([
        ['what is the CSQ and MIFI', 'en-CA'],
        ['c koi le csq pis le mifi', 'fr-CA'],
    ])('answers a second subject named after the first question: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect([recognized?.topic, recognized?.also].sort()).toEqual(['what-is-csq', 'what-is-mifi']);
    });

    it.each([
        ['how long is the permit valid for? thank you so much', 'en-CA', 'duration'],
        ['c’est quoi un CSQ? merci d’avance', 'fr-CA', 'what-is-csq'],
    ])('answers the question and takes the thanks after it as courtesy, not a second question: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
        expect(recognized?.also).toBeUndefined();
    });

    it.each([
        ['thank you so much. bye', 'en-CA', 'en'],
        ['thank u so much, bye!!', 'en-CA', 'en'],
        ['merci pour tout! bonne journée', 'fr-CA', 'fr'],
        ['merci bcp, a+', 'fr-CA', 'fr'],
    ] as const)('thanks back in short, then says goodbye once: %s', async (text, locale, language) => {
        const { recognized, text: replies } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'thanks', also: 'goodbye' });
        const welcome = replies.indexOf(t.t(language, 'feedback:satisfaction.welcome'));
        const goodbye = kb.topic(language, 'goodbye')?.answer ?? '';
        expect(welcome).toBeGreaterThanOrEqual(0);
        expect(replies.indexOf(goodbye)).toBeGreaterThan(welcome);
        expect(replies.split(goodbye)).toHaveLength(2);
        // Not the thanks answer's "anything else?" just before the goodbye.
        expect(replies).not.toContain(kb.topic(language, 'thanks')?.answer ?? '');
    });

    it.each([
        ['no thanks, bye', 'en-CA'],
        ['non merci, bonne journée', 'fr-CA'],
    ])('only says goodbye when the thanks is turned down: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'goodbye' });
        expect(recognized?.also).toBeUndefined();
    });

    it.each([
        ['how much does it cost and can I talk to someone', 'en-CA', 'en', 'fees'],
        ['can I book an appointment and how long does it take', 'en-CA', 'en', 'processing-times'],
        ['combien ça coûte? je veux parler à un conseiller', 'fr-CA', 'fr', 'fees'],
        ['c’est quoi les délais pis je veux un rendez-vous', 'fr-CA', 'fr', 'processing-times'],
        // A question of one word beside the request.
        ['fees, also can i talk to someone', 'en-CA', 'en', 'fees'],
    ] as const)('answers the question and reaches an advisor, in either order: %s', async (text, locale, language, topic) => {
        const { recognized, text: replies } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic, request: 'advisor' });
        const answer = replies.indexOf((kb.topic(language, topic)?.answer ?? '').split('\n')[0] as string);
        const advisor = replies.indexOf(t.t(language, 'handoff:notConfigured'));
        expect(answer).toBeGreaterThanOrEqual(0);
        expect(advisor).toBeGreaterThan(answer);
    });

    // What each request shows first once the fees are answered: the check's first question, or the privacy notice.
    const shownFirst = {
        eligibility: (language: Language) => t.t(language, 'eligibility:criteria.residence.question', { n: 1 }),
        privacy: (language: Language) => t.t(language, 'common:privacy.notice', { days: 30 }).slice(0, 20),
    };

    it.each([
        ['how much does it cost and am I eligible?', 'en-CA', 'en', 'eligibility'],
        ['combien ça coûte pis suis-je admissible?', 'fr-CA', 'fr', 'eligibility'],
        // The check named first, less clearly than alone, and a question of two words.
        ['check my eligibility, and what are the fees', 'en-CA', 'en', 'eligibility'],
        ['vérifier mon admissibilité et les frais', 'fr-CA', 'fr', 'eligibility'],
        ['how much are the fees? and what do you do with my data?', 'en-CA', 'en', 'privacy'],
        ['c’est combien les frais? pis vous faites quoi avec mes données?', 'fr-CA', 'fr', 'privacy'],
    ] as const)(
        'answers the question, then does what it asks for (the check, the privacy notice): %s',
        async (text, locale, language, request) => {
            const { recognized, text: replies } = await say(text, locale);
            expect(recognized).toMatchObject({ action: 'answer', topic: 'fees', request });
            const answer = replies.indexOf((kb.topic(language, 'fees')?.answer ?? '').split('\n')[0] as string);
            const next = replies.indexOf(shownFirst[request](language));
            expect(answer).toBeGreaterThanOrEqual(0);
            expect(next).toBeGreaterThan(answer);
        },
    );

    it.each([
        ['what is IMP+ and am I eligible?', 'en-CA'],
        ['c quoi le pmi+ et est ce que je suis admissible', 'fr-CA'],
    ])('answers what IMP+ is, then starts the check, though that answer offers the check: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'what-is-imp', request: 'eligibility' });
    });

    it('does not take the subject of a flow for a second request', async () => {
        const { recognized } = await say('can you take me through the family options? I have a husband and 2 kids');
        expect(recognized).toMatchObject({ action: 'dialog', target: 'family' });
    });

    it('does not cut « PMI plus » in two at its "plus"', async () => {
        const { recognized } = await say('quels documents pour le pmi plus demande en ligne', 'fr-CA');
        expect(recognized).toMatchObject({ action: 'answer', topic: 'documents-list' });
        expect(recognized?.also).toBeUndefined();
    });

    it.each([
        ['I have my CSQ and I want to know how much it costs', 'en-CA'],
        ["j'ai mon CSQ et je veux savoir combien ça coûte", 'fr-CA'],
    ])('does not answer a context clause as a question: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'fees' });
        expect(recognized?.also).toBeUndefined();
    });
    it.each([
        ['We are a family of four from Lagos. My wife is a pharmacist. Do we need a job offer to apply for IMP+?', 'en-CA'],
        ["On est une famille de quatre à Dakar. Ma femme est pharmacienne. Faut-il une offre d'emploi pour le PMI+?", 'fr-CA'],
    ])('reads the sentences that only tell, beside a question, as its background: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'job-offer-lmia' });
        expect(recognized?.also).toBeUndefined();
    });
});

describe('a long message with its context first', () => {
    it.each([
        [
            'My wife and I live in Casablanca with our two kids, I received my CSQ from the regular program last spring, how long does it take to get the permit?',
            'en-CA',
            'processing-times',
        ],
        [
            'Bonjour, je suis en France avec mon conjoint et nos enfants, on a reçu le CSQ en mars dernier, combien coûte le permis?',
            'fr-CA',
            'fees',
        ],
    ])('answers the question its last clause asks: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
    });

    it.each([
        [
            'I got my IMP+ permit and my spouse has an open work permit too, we arrived in Quebec City in May. Which bank gives the best account to newcomers, and can we transfer our savings from Brazil?',
            'en-CA',
        ],
        [
            "Ma femme et moi avons nos permis PMI+ et on habite à Gatineau avec les enfants. Comment on fait nos déclarations d'impôts au Québec, c'est deux déclarations séparées?",
            'fr-CA',
        ],
        // Long enough that its unknown words (hockey, league) no longer keep the whole from the off-topic class.
        [
            'We finally settled in Trois-Rivières after the whole IMP+ process, the CSQ, the biometrics and the waiting. Now a simple question for fun: how much does a hockey league for adults cost here, and do they have beginner teams?',
            'en-CA',
        ],
        [
            "On est enfin installés à Trois-Rivières après tout le processus du PMI+, le CSQ, la biométrie pis l'attente. Petite question pour le fun : combien coûte une ligue de hockey pour adultes ici, pis y a-tu des équipes pour débutants?",
            'fr-CA',
        ],
    ])('refuses an IMP+ story whose question is about something else: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
        expect(recognized).not.toHaveProperty('topic');
    });

    it.each([
        [
            "I'm a welder from Manila and my cousin lives in Sherbrooke. When I arrive I may start at a small garage, but later I want to move to a bigger company. Am I allowed to change employers whenever I want with this permit?",
            'en-CA',
        ],
        [
            "Je suis soudeur à Douala et mon cousin habite à Sherbrooke. En arrivant je vais peut-être commencer dans un petit garage, puis aller dans une grosse compagnie. Est-ce que j'ai le droit de changer d'employeur quand je veux avec ce permis de travail?",
            'fr-CA',
        ],
    ])('answers the question after a story that reads as about something else, when it names what it asks: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'employers' });
    });

    it.each([
        [
            'My lawyer in Bogotá keeps mentioning the Quebec certificate in every email he sends me. What is this document exactly and how do I know if I have one?',
            'en-CA',
            ['what-is-csq'],
        ],
        [
            "Tout le monde autour de moi parle du certificat du Québec qu'il faut avoir avant tout. C'est quoi ce document-là, et ça finit-tu par expirer?",
            'fr-CA',
            ['what-is-csq', 'csq-expiry'],
        ],
    ])('reads a question that says “this” about what the story named as the story’s: %s', async (text, locale, topics) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: topics[0] });
        expect(recognized?.also).toBe(topics[1]);
    });

    it.each([
        [
            'First year in Quebec, and my wife and I both work in Laval. Do we have to file two tax returns, one for Quebec and one federal? What documents do I need?',
            'en-CA',
        ],
        [
            "Première année au Québec, ma femme et moi on travaille à Laval. Faut-il faire deux déclarations d'impôts, une au Québec et une au fédéral? Quels documents est-ce que je dois fournir?",
            'fr-CA',
        ],
    ])('leaves a short question to the story about something else before it: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
        expect(recognized).not.toHaveProperty('topic');
    });

    it('reads the question of a long message before a sentence that only tells, wherever it stands', async () => {
        const { recognized } = await say(
            'Quels sont les frais gouvernementaux exigibles pour une demande de permis PMI+? Je prépare une estimation des coûts pour un client.',
            'fr-CA',
        );
        expect(recognized).toMatchObject({ action: 'answer', topic: 'fees' });
    });

    it.each([
        ["hi there, my name is Priya, I'm a nurse in Mumbai and Quebec sent me an invitation last week. what do I do now?", 'en-CA'],
        [
            'Bonjour, je suis infirmière à Casablanca et Québec m’a envoyé une invitation la semaine passée. ok c’est noté, je fais quoi maintenant?',
            'fr-CA',
        ],
    ])('never answers a long message with small talk from one of its clauses: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(['acknowledgement', 'thanks', 'goodbye', 'whoAreYou']).not.toContain(recognized?.topic);
    });

    it.each([
        ['I live in Toronto, how much is the fee?', 'en-CA', 'fees'],
        ['i am french, how much is the fee', 'en-CA', 'fees'],
        ['je suis à Paris, combien ça coûte?', 'fr-CA', 'fees'],
    ])('answers a short message whose first clause tells about the writer: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
    });

    it.each([
        ['i live in winnipeg since 2020 can my kids study in quebec', 'en-CA', 'children-school'],
        ['je reside a toronto depuis 3 ans quels documents je dois fournir', 'fr-CA', 'documents-list'],
    ])('finds the question after context typed without punctuation: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
    });

    it.each([
        [
            'how long is the permit valid because we need to sign a three year lease in Sherbrooke and my wife wants to buy a car before winter',
            'en-CA',
        ],
        [
            'combien de temps est valide le permis parce que je dois signer un bail de 3 ans à Sherbrooke pis ma blonde veut acheter un char',
            'fr-CA',
        ],
    ])('answers the question before the reason given for it: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'duration' });
    });

    it.each([
        ['stupid bot, put me through to a real person', 'en-CA'],
        ['Votre robot sert à rien. Rendez-vous avec un conseiller MAINTENANT.', 'fr-CA'],
    ])('reaches an advisor asked for after a complaint about the bot: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'command', command: 'advisor' });
    });

    it.each([
        ['are you a bot? i want to talk to a real person', 'en-CA'],
        ['es-tu un robot? je veux parler à une vraie personne', 'fr-CA'],
        ['can i talk to a human instead of a bot', 'en-CA'],
        ['je veux parler à un humain, pas à un robot', 'fr-CA'],
        ['i want a real human not a bot', 'en-CA'],
        ['je veux un humain, pas un robot', 'fr-CA'],
    ])('reaches an advisor asked for beside a word about the bot: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'command', command: 'advisor' });
    });

    it.each([
        ['are you a real person', 'en-CA'],
        ['es-tu une vraie personne?', 'fr-CA'],
    ])('answers who it is when asked whether it is a person: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'whoAreYou' });
    });

    it.each([
        ['Do I need a permit from the city to redo my balcony in Laval, and how long do they take to give it?', 'en-CA'],
        ['My daughter studies at a college in Toronto. Her study permit ends in June, how does she extend it?', 'en-CA'],
    ])('does not answer a question whose context is about something else: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
    });

    it('does not take a question about someone else’s lawyer for the firm’s advisor', async () => {
        const { recognized } = await say('landlord kept my deposit, do i need a lawyer or just go to the tribunal');
        expect(recognized).toMatchObject({ action: 'fallback' });
    });

    it.each([
        ['how much is the fee for a pgwp', 'en-CA'],
        ['how long is a working holiday permit valid', 'en-CA'],
    ])('does not answer about IMP+ what is asked about another program: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
    });

    it.each([
        ['how long does it take to renew a canadian passport these days? i need mine before the holidays', 'en-CA'],
        ["Je pars en PVT en Australie l'an prochain après mes études. Le tirage, c'est quand pis ça coûte combien?", 'fr-CA'],
    ])('does not answer a clause of a long message that is about something else: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
    });

    it('still answers a question about another program’s permit that is also about a CSQ', async () => {
        const { recognized } = await say("I'm on a PGWP in Ontario and I have my CSQ, can I apply from here?");
        expect(recognized).toMatchObject({ action: 'answer', topic: 'criteria-outside-quebec' });
    });

    it.each([
        [
            'We have two kids at primary school and my husband is an electrician. If I get the IMP+ permit, will he be allowed to work in Quebec too?',
            'en-CA',
            'spouse-work',
        ],
        [
            "My wife will probably look for a job in Sherbrooke, but my main worry is our son who's 8. Can he go to school in Quebec while I'm on IMP+?",
            'en-CA',
            'children-school',
        ],
        [
            "Mon mari est soudeur et on a deux enfants. Si j'obtiens le PMI+, est-ce qu'il pourra travailler au Québec lui aussi?",
            'fr-CA',
            'spouse-work',
        ],
        [
            "Ma femme cherche du travail à Laval, mais ce qui m'inquiète c'est notre fils de 9 ans. Est-ce qu'il pourra aller à l'école au Québec?",
            'fr-CA',
            'children-school',
        ],
    ])('reads "he" or "she" as the one person of that kind the story named: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
    });

    it.each([
        ["C'est quoi un CSQ au juste? Je le vois partout dans les conditions du permis.", 'fr-CA', 'what-is-csq'],
        ["what is MIFI? it's mentioned in all the permit conditions.", 'en-CA', 'what-is-mifi'],
    ])('answers a clear question that a sentence of context follows: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
    });

    it.each([
        ['the permit for the community garden, how much is the fee?', 'en-CA'],
        ['mon cousin a un permis en Ontario, combien ça coûte?', 'fr-CA'],
    ])('does not answer the question of a short message whose first clause is about something else: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
    });

    it('still refuses when no clause asks an IMP+ question', async () => {
        const { recognized } = await say(
            'I have been thinking about moving for years and my cousin already lives in Laval, my question is about the weather in winter.',
        );
        expect(recognized).toMatchObject({ action: 'fallback' });
        expect(recognized?.topic).toBeUndefined();
    });
});

describe('a question that says "it" at the start of a conversation', () => {
    it('reads "it" as the IMP+ permit: "can I study with it" (the issue’s own wording)', async () => {
        const { recognized } = await say('can I study with it');
        expect(recognized).toMatchObject({ action: 'answer', topic: 'study-with-permit' });
    });
});

describe('a question read too weakly to answer', () => {
    it.each([
        ['never heard of it b4, impplus = ?', 'en-CA', 'en', 'what-is-imp'],
        ['le pmi+ c tu encore bon?', 'fr-CA', 'fr', 'program-status'],
    ] as const)(
        'offers the topics it leans to, saying the bot is not sure, rather than refusing: %s',
        async (text, locale, language, topic) => {
            const { recognized, replies, text: reply } = await say(text, locale);
            expect(recognized).toMatchObject({ action: 'fallback', unsure: true });
            expect(recognized?.candidates).toContain(topic);
            expect(reply).toContain(t.t(language, 'common:fallback.unsure'));
            expect(reply).not.toContain(t.t(language, 'common:fallback.unknown'));
            expect(buttonsOf(replies)).toContain(kb.topic(language, topic)?.label);
        },
    );

    it.each([
        ['il fait quel temps à Montréal demain', 'fr-CA', 'fr'],
        ['what’s the weather in Montreal tomorrow', 'en-CA', 'en'],
        // As weakly matched as the two above, but the classifier gives it some chance of being about something else.
        ['la CSQ c quel syndicat au juste? chu prof au primaire pis on m’a dit de m’inscrire', 'fr-CA', 'fr'],
        // « n'importe quoi » calls something nonsense: it names no employer.
        ['Vous en pensez quoi? C’est pas un peu n’importe quoi ?', 'fr-CA', 'fr'],
        // A refugee claim is its own process, whatever IMP+ words come with it ("work", "Quebec").
        ['je suis au Québec depuis l’été, je veux demander l’asile pour pouvoir travailler, comment faire?', 'fr-CA', 'fr'],
        ['I’m in Montreal since March and I want to ask for asylum, where do I go to apply?', 'en-CA', 'en'],
    ] as const)('still refuses a message about something else: %s', async (text, locale, language) => {
        const { recognized, text: reply } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
        expect(recognized?.candidates).toBeUndefined();
        expect(reply).toContain(t.t(language, 'common:fallback.unknown'));
    });

    it('refuses in the words of the near miss it leans to, rather than offering two other programs', async () => {
        const { recognized, text: reply } = await say('entrée express en alberta, délai de traitement de la résidence permanente', 'fr-CA');
        expect(recognized).toMatchObject({ action: 'fallback', topic: 'oos-express-entry' });
        expect(recognized?.candidates).toBeUndefined();
        expect(reply).toContain(kb.topic('fr', 'oos-express-entry')?.answer);
    });

    // Looking for a job shares its words with "do I need a job offer?", which IMP+ answers.
    it.each([
        ['I’m a welder with ten years of experience, can you find me a job in Sherbrooke?', 'en-CA', 'en', 'fallback', 'oos-job-search'],
        ['Je suis soudeur, vous avez des jobs à m’offrir à Sherbrooke?', 'fr-CA', 'fr', 'fallback', 'oos-job-search'],
        ['do I need a job offer to get the IMP+ permit?', 'en-CA', 'en', 'answer', 'job-offer-lmia'],
        ['faut-il une offre d’emploi pour le PMI+?', 'fr-CA', 'fr', 'answer', 'job-offer-lmia'],
    ] as const)('tells a job search from the job-offer question: %s', async (text, locale, language, action, topic) => {
        const { recognized, text: reply } = await say(text, locale);
        expect(recognized).toMatchObject({ action, topic });
        expect(reply).toContain(kb.topic(language, topic)?.answer?.split('\n')[0]);
    });
});

describe('questions that name a guided flow get a direct answer first', () => {
    it('answers whether a spouse can work, and offers the family options', async () => {
        const { replies, recognized } = await say('can my spouse work too?');
        expect(recognized).toMatchObject({ action: 'answer', topic: 'spouse-work' });
        expect(buttonsOf(replies)).toContain(t.t('en', 'common:menu.choices.family'));
    });
});

describe('words people use around what they ask', () => {
    it.each([
        ['I want to try a working holiday in New Zealand next year, could you help me get that visa?', 'en-CA'],
        ['ma soeur veut me rendre visite à Laval cet été, quel visa il lui faut pour voyager?', 'fr-CA'],
    ])('does not take a visa for another trip, or for a visitor, for the IMP+ travel documents: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
    });

    it.each([
        [
            'My sister is coming to stay with us in Montreal for two weeks this summer, she has never flown before. She has a Moroccan passport, does she need a visitor visa to enter Canada?',
            'en-CA',
        ],
        [
            'Ma cousine veut venir nous voir à Gatineau trois semaines en juillet, elle a jamais voyagé. Elle a un passeport tunisien, il lui faut un visa visiteur?',
            'fr-CA',
        ],
    ])('leaves the question of the story’s person to the story when the story is about something else: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
    });

    it.each([
        ['yes or no, is it still open?', 'en-CA', 'program-status'],
        ['my scans are to big to uplode, whats the max file size', 'en-CA', 'upload'],
        ['mes scans sont trop lourds le site les refuse, c quoi la taille max', 'fr-CA', 'upload'],
        ['what is i am p plus exactly', 'en-CA', 'what-is-imp'],
    ])('reads "still open", a file’s size limit and the program’s name as voice typing writes it: %s', async (text, locale, topic) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic });
    });

    it('reads what is typed here as the person’s data', async () => {
        const { recognized } = await say('what do you do with the info I type here?');
        expect(recognized).toMatchObject({ action: 'command', command: 'privacy' });
    });

    it.each([
        ['can our two girls go to school there?', 'en-CA'],
        ['mes garçons pourront étudier au Québec?', 'fr-CA'],
    ])('reads boys and girls as the children: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'children-school' });
    });

    it.each([
        ['IMP+ what it is?', 'en-CA'],
        ['kossé ça, le PMI+?', 'fr-CA'],
    ])('reads "what it is" and « kossé ça » as asking what it is: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'what-is-imp' });
    });

    it.each([
        ['can I do a certificate at UQAM at night on this permit?', 'en-CA'],
        ["est-ce que je peux faire un certificat à l'UdeM le soir avec le permis?", 'fr-CA'],
    ])('reads a Quebec university named as studying: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'study-with-permit' });
    });

    it('reads a texted "til" as "until": how long until the permit comes', async () => {
        const { recognized } = await say('how long til i get it?');
        expect(recognized).toMatchObject({ action: 'answer', topic: 'processing-times' });
    });

    it.each([
        ['give me the short version of what IMP+ is', 'en-CA'],
        ["c'est quoi le PMI+ en deux phrases?", 'fr-CA'],
    ])('reads a summary asked for, as the firm’s staff ask for a client: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'answer', topic: 'what-is-imp' });
    });

    it('does not read « complètement perdu » as a complete application', async () => {
        const { recognized } = await say('chu complètement perdu, comment je fais pour appliquer?', 'fr-CA');
        expect(JSON.stringify(recognized)).not.toContain('criteria-complete-application');
        expect(JSON.stringify(recognized)).toContain('how-to-apply');
    });
});

describe('travelling once the permit is granted', () => {
    it('answers coming back after a trip with what it takes', async () => {
        const { recognized, text } = await say(
            'si je voyage à l’étranger, est-ce que je peux revenir au Canada avec mon permis PMI+?',
            'fr-CA',
        );
        expect(recognized).toMatchObject({ action: 'answer', topic: 'travel-documents' });
        // The answer says the permit is not a travel document, which the person needs to hear before leaving.
        expect(text).toContain(kb.topic('fr', 'travel-documents')?.answer);
    });

    it('answers an English re-entry question told as a family visit', async () => {
        const { recognized } = await say(
            'if i get the permit can i go visit my grandma in morocco this summer and come back without problems',
            'en-CA',
        );
        expect(recognized).toMatchObject({ action: 'answer', topic: 'travel-documents' });
    });
});

describe('questions, then a last clause that only tells about the writer', () => {
    it('answers both questions read without it', async () => {
        const { recognized } = await say(
            'how much $$ total for the permit?? and how long till i get it, im broke since i lost my job',
            'en-CA',
        );
        expect(recognized).toMatchObject({ action: 'answer', topic: 'fees' });
        expect(JSON.stringify(recognized)).toContain('processing-times');
    });
});

describe('what becomes of what one tells the chat', () => {
    it('reads asking whether the chat remembers as the privacy notice', async () => {
        const { recognized } = await say(
            'if I close this tab and come back tomorrow will you remember what I told you? where does all this go',
            'en-CA',
        );
        expect(recognized).toMatchObject({ action: 'command', command: 'privacy' });
    });

    it('reads an erasure asked beside its reason as the erasure', async () => {
        const { recognized } = await say('pls delete this whole conversation, my ex checks my phone', 'en-CA');
        expect(recognized).toMatchObject({ action: 'command', command: 'deleteData' });
    });
});

describe('what is not an IMP+ question although it names its topics', () => {
    it.each([
        ['my PMI+ permit got approved yesterday!!! so happy', 'en-CA'],
        ['je viens d’avoir mon CSQ par le PEQ 🎉 trop contente', 'fr-CA'],
    ] as const)('does not answer good news with the topic it names: %s', async (text, locale) => {
        const { recognized } = await say(text, locale);
        expect(recognized).toMatchObject({ action: 'fallback' });
        expect(recognized).not.toHaveProperty('topic');
    });
});
