import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { Asides } from '../src/understanding/asides';

const asides = new Asides(createTranslator());

describe('words said beside the question', () => {
    it.each([
        ['how do I apply, in 2 sentences max', 'how do I apply,'],
        ['SHORT ANSWER pls: does my wife need her own permit?', 'pls: does my wife need her own permit?'],
        ['tl;dr what is IMP+', 'what is IMP+'],
        ['explain like I’m 5 what a CSQ is', 'what a CSQ is'],
        ["explain it like I'm 12 please: what is a CSQ", 'explain it please: what is a CSQ'],
        ['Le PMI+ EN RÉSUMÉ, c’est quoi ?', 'Le PMI+ , c’est quoi ?'],
        ['en resume le pmi+', 'le pmi+'],
        ['Faut-il un test de français? juste oui ou non', 'Faut-il un test de français?'],
        [
            'deux affaires seulement: combien ca coute pis combien de temps ca prend. pas besoin du reste merci',
            ': combien ca coute pis combien de temps ca prend. merci',
        ],
        // Chat markers and not knowing.
        ['ngl i have no clue what imp plus even is', 'what imp plus even is'],
        ['lowkey need to know if my gf can work too', 'if my gf can work too'],
        ['I don’t know what MIFI is tbh', 'what MIFI is'],
        ['tsé, je sais pas c’est quoi le CSQ', ', c’est quoi le CSQ'],
        ['J’ai aucune idée si ma blonde peut travailler', 'si ma blonde peut travailler'],
        // Hedging what one believes.
        ['aucun test de français à faire je pense ?', 'aucun test de français à faire ?'],
        ['no LMIA needed I guess?', 'no LMIA needed ?'],
    ])('are left out: %s', (text, rest) => {
        expect(asides.without(text)).toBe(rest);
    });

    it('leave inside words and other wording as they are', () => {
        expect(asides.without('my brother in law is simply putting it off')).toBeUndefined();
        expect(asides.without('je veux faire ma demande en grosse panique')).toBeUndefined();
        expect(asides.without('my idea is to apply in March, then lowkeyed friends told me to wait')).toBeUndefined();
        // Laughter tells chat from a question: « …chu pas sûr d’être prêt pour ça lol » is about the cold, not what to prepare.
        expect(asides.without('il fait tu vraiment -30 en février à Québec? lol')).toBeUndefined();
    });

    it('leave nothing to read when the message says nothing else', () => {
        expect(asides.without('short answer please')).toBeUndefined();
        expect(asides.without('en deux mots')).toBeUndefined();
    });
});

describe('what is said in brackets or between dashes', () => {
    it.each([
        [
            'Right now I’m in Ottawa (temporarily — my wife’s contract there ends in the fall); does that affect whether I can apply?',
            'Right now I’m in Ottawa ; does that affect whether I can apply?',
        ],
        [
            'Le permis ouvert — celui pour les gens qui ont un CSQ — est valide pour combien de temps?',
            'Le permis ouvert est valide pour combien de temps?',
        ],
        ['(UCI 1109-4472) how much are the fees?', 'how much are the fees?'],
    ])('is left out: %s', (text, rest) => {
        expect(asides.unbracketed(text)).toBe(rest);
    });

    it('leaves brackets that close a word, a lone dash and the hyphens of a list as they are', () => {
        expect(asides.unbracketed('refused under R200(1)(b), should I reapply?')).toBeUndefined();
        expect(asides.unbracketed('Vous êtes invité(e) à présenter une demande')).toBeUndefined();
        expect(asides.unbracketed('Walk me through the permit — the whole thing, start to finish?')).toBeUndefined();
        expect(asides.unbracketed('Quick list:\n- which CSQ programs qualify\n- do I need a job offer')).toBeUndefined();
    });

    it('leaves nothing to read when the message says nothing else', () => {
        expect(asides.unbracketed('(sorry)')).toBeUndefined();
    });

    it('is given back as clauses of their own, to be read alone', () => {
        expect(asides.inBrackets('Permis fermé lié à une EIMT (pas le PMI+) pour notre employé')).toEqual(['pas le PMI+']);
        expect(asides.inBrackets('Le permis — celui du PMI+ — dure combien de temps?')).toEqual(['celui du PMI+']);
        expect(asides.inBrackets('refused under R200(1)(b), should I reapply?')).toEqual([]);
    });
});
