import type { Language } from '../content/languages';
import { fold, words } from './text';

/**
 * Words that tell English from French. Kept unambiguous: a word common in both languages
 * ("a", "on", "six", "province", "documents", "application"…) or in franglais ("pour", "job") is left out,
 * and so are the program acronyms, which users type in both languages.
 */
const MARKERS: Record<Language, ReadonlySet<string>> = {
    en: new Set(
        (
            'the is are am was were be been do does did what whats how who when where why which can could should would will ' +
            'my your i im me we you it its they their our this that these those there of to for with and or not have has had ' +
            'get got need want work working permit family spouse wife husband partner children child kids kid son daughter ' +
            'apply applying application fees fee cost costs much many long yes no yeah yep nope sure thanks thank hello hi hey ' +
            'please step steps next back eligible eligibility invitation letter live living outside abroad from about any ' +
            'anywhere only also just if then than into after before dont doesnt cant isnt wont ive id ill english study ' +
            'school pay paying account log sign form upload status fingerprints requirements criteria other another ' +
            'employer employers company job jobs good still already yet because something anything very really helpful'
        ).split(' '),
    ),
    fr: new Set(
        (
            'le la les un une des du de est sont suis es ai as avez ont quoi que qui quel quelle quels quelles comment combien ' +
            'pourquoi quand ou je tu il elle nous vous ils elles mon ma mes votre vos ton ta tes son sa ses leur leurs et pas ' +
            'ne oui non ouais nan merci bonjour salut allo svp stp permis travail travailler famille conjoint conjointe ' +
            'enfant enfants epouse epoux mari femme blonde chum demande demander frais cout coute etape etapes suivant ' +
            'suivante retour admissible admissibilite lettre habite habiter vis vivre reside hors dehors autre autres ' +
            'francais aide peux peut peuvent puis dois doit faut faire fait avec sans mais aussi tres etre avoir ca cest ' +
            'quest au aux en dans sur chez deja seulement ailleurs etudes etudier ecole payer compte formulaire ' +
            'televerser statut empreintes exigences criteres employeur employeurs emploi compagnie ' +
            'pis chu tse faque icitte ben pantoute jpeux jsuis ya ' +
            'veux voudrais aimerais besoin bonsoir coucou parfait tjrs toujours encore obligatoire delai traitement ' +
            'renouveler liste beaucoup bcp journee soiree'
        ).split(' '),
    ),
};

/** Characters that only French text carries. */
const FRENCH_LETTERS = /[éèêëàâîïôûùüç]/giu;
/** French elisions: l'…, j'…, qu'…, c'… */
const FRENCH_ELISION = /(?:^|[^\p{L}])(?:[cdjlmnst]|qu)['’]\p{L}/giu;
/** English contractions: what's, I'm, don't, we're, I'll, I've, I'd. */
const ENGLISH_CONTRACTION = /\p{L}['’](?:s|t|m|re|ll|ve|d)(?![\p{L}])/giu;

export interface LanguageGuess {
    language: Language | undefined;
    /** 0 (no evidence) to 1 (only one language's markers). */
    confidence: number;
    /** Evidence points per language (marker words, accents, elisions, contractions). */
    scores: Record<Language, number>;
}

/** Guesses the language of a message from its words; undefined when there is no evidence either way. */
export function detectLanguage(text: string): LanguageGuess {
    const folded = fold(text);
    // Several accented letters are strong evidence, but one accent must not outweigh a whole English sentence.
    const accents = text.match(FRENCH_LETTERS)?.length ?? 0;
    let fr = Math.min(accents, 3) * 0.75 + (folded.match(FRENCH_ELISION)?.length ?? 0);
    let en = folded.match(ENGLISH_CONTRACTION)?.length ?? 0;
    const plain = words(text);
    // The same text glued at its apostrophes too, so that "whats" / "cest" count like "whats" typed without one.
    const glued = words(text.replace(/['’]/g, '')).filter((token) => !plain.includes(token));
    for (const token of [...plain, ...glued]) {
        if (MARKERS.en.has(token)) en += 1;
        if (MARKERS.fr.has(token)) fr += 1;
    }
    const scores = { en, fr };
    if (en === fr) return { language: undefined, confidence: 0, scores };
    const language: Language = en > fr ? 'en' : 'fr';
    return { language, confidence: Math.abs(en - fr) / (en + fr), scores };
}

/**
 * The language a reply should use: the text's own language when it clearly is the other one
 * (enough evidence and a clear lead), otherwise the conversation's language.
 * One marker word ("fees?", "frais?") is not enough to switch a conversation.
 */
export function replyLanguage(text: string, conversationLanguage: Language): Language {
    const guess = detectLanguage(text);
    if (guess.language === undefined || guess.language === conversationLanguage) return conversationLanguage;
    const lead = guess.scores[guess.language] - guess.scores[conversationLanguage];
    return lead >= 1.5 && guess.confidence >= 0.5 ? guess.language : conversationLanguage;
}
