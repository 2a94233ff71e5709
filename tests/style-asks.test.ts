import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import { StyleAsks } from '../src/understanding/styleAsks';

const styleAsks = new StyleAsks(createTranslator());

describe('words that ask how the answer should be said', () => {
    it.each([
        ['how do I apply, in 2 sentences max', 'how do I apply,'],
        ['SHORT ANSWER pls: does my wife need her own permit?', 'pls: does my wife need her own permit?'],
        ['tl;dr what is IMP+', 'what is IMP+'],
        ['explain like I’m 5 what a CSQ is', 'what a CSQ is'],
        ["explain it like I'm 12 please: what is a CSQ", 'explain it please: what is a CSQ'],
        ['Le PMI+ EN RÉSUMÉ, c’est quoi ?', 'Le PMI+ , c’est quoi ?'],
        ['en resume le pmi+', 'le pmi+'],
        ['Faut-il un test de français? juste oui ou non', 'Faut-il un test de français?'],
    ])('are left out: %s', (text, rest) => {
        expect(styleAsks.without(text)).toBe(rest);
    });

    it('leave inside words and other wording as they are', () => {
        expect(styleAsks.without('my brother in law is simply putting it off')).toBeUndefined();
        expect(styleAsks.without('je veux faire ma demande en grosse panique')).toBeUndefined();
    });

    it('leave nothing to read when the message says nothing else', () => {
        expect(styleAsks.without('short answer please')).toBeUndefined();
        expect(styleAsks.without('en deux mots')).toBeUndefined();
    });
});
