import type { Language } from './i18n';
import { words } from './text';

/**
 * Function words and IMP+ vocabulary that tell English from French. Kept small and unambiguous:
 * a word that is common in both languages ("a", "on", "pour"… in franglais) is left out.
 */
const MARKERS: Record<Language, ReadonlySet<string>> = {
    en: new Set(
        ('the is are am do does did what how who when where why which can could should would will my your i me we you it ' +
            'of to for with and or not have has get need want work permit family spouse wife husband children kids apply ' +
            'application fees fee cost yes no yeah yep nope sure thanks thank hello hi hey please step next back eligible ' +
            'invitation letter live living outside quebec\'s province other english').split(' '),
    ),
    fr: new Set(
        ('le la les un une des du de est sont suis ai as avez ont quoi que qui quel quelle quels quelles comment combien ' +
            'pourquoi quand ou je tu il elle nous vous ils mon ma mes votre vos ton ta et pas ne oui non ouais nan merci ' +
            'bonjour salut allo svp permis travail famille conjoint conjointe enfants epouse mari demande frais cout etape ' +
            'suivant suivante retour admissible lettre habite vis hors dehors autre francais aide peux puis dois faire avec ' +
            'sans mais aussi tres etre avoir ca cest quest').split(' '),
    ),
};

/** Characters that only French text carries. */
const FRENCH_LETTERS = /[éèêëàâîïôûùüç]/i;

export interface LanguageGuess {
    language: Language | undefined;
    /** 0 (no evidence) to 1 (only one language's markers). */
    confidence: number;
}

/** Guesses the language of a message from its words; undefined when there is no evidence either way. */
export function detectLanguage(text: string): LanguageGuess {
    const tokens = words(text.replace(/['’]/g, ''));
    let en = 0;
    let fr = FRENCH_LETTERS.test(text) ? 1.5 : 0;
    for (const token of tokens) {
        if (MARKERS.en.has(token)) en += 1;
        if (MARKERS.fr.has(token)) fr += 1;
    }
    if (en === fr) return { language: undefined, confidence: 0 };
    const language: Language = en > fr ? 'en' : 'fr';
    return { language, confidence: Math.abs(en - fr) / (en + fr) };
}
