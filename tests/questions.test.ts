import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import type { Language } from '../src/content/languages';
import { createLogger } from '../src/observability/logger';
import { redact } from '../src/observability/redact';
import { buttonsOf, Chat, textOf, trace } from './helpers/chat';
import { unsureMatcher } from './helpers/matcher';

const t = createTranslator();
const MENU_EN = ['Am I eligible?', 'Open work permit', 'Family options', 'How to apply', 'Ask a question', 'Talk to an advisor'];

function topic(lang: 'en' | 'fr', id: string): { answer: string; label: string } {
    return t.object<{ answer: string; label: string }>(lang, `faq:topics.${id}`) as { answer: string; label: string };
}

async function opened(locale = 'en-CA'): Promise<Chat> {
    const chat = new Chat({ locale });
    await chat.open();
    return chat;
}

describe('free-text questions at the top level', () => {
    it('answers with the source, its date and follow-up buttons', async () => {
        const chat = await opened();
        const replies = await chat.say('what is MIFI exactly?');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'what-is-mifi', locale: 'en' });
        const text = textOf(replies);
        expect(text).toContain(topic('en', 'what-is-mifi').answer);
        expect(text).toMatch(/checked on [A-Z][a-z]+ \d{1,2}, \d{4}/);
        expect(text).toContain('https://');
        expect(buttonsOf(replies).length).toBeGreaterThan(0);
        // A follow-up button leads to its answer.
        const follow = await chat.say(buttonsOf(replies)[0] as string);
        expect(trace(follow, 'Recognizer')?.action).toMatch(/answer|dialog/);
    });

    it('answers a French question in French in an English conversation', async () => {
        const chat = await opened('en-CA');
        const replies = await chat.say('c’est quoi le certificat de sélection du Québec?');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'what-is-csq', locale: 'fr' });
        expect(textOf(replies)).toContain(topic('fr', 'what-is-csq').answer);
        expect(textOf(replies)).toContain('vérifiée le');
    });

    it('routes "am I eligible?" phrasings into the check', async () => {
        const chat = await opened('fr-CA');
        const replies = await chat.say('est-ce que je suis admissible au pmi+');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'dialog', target: 'eligibility' });
        expect(textOf(replies)).toContain('Question 1\u00a0:');
    });

    it('refuses near misses honestly instead of answering them as IMP+', async () => {
        const chat = await opened();
        const replies = await chat.say('How does Express Entry work?');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'fallback', topic: 'oos-express-entry' });
        expect(textOf(replies)).toContain(topic('en', 'oos-express-entry').answer);
        expect(buttonsOf(replies)).toEqual(MENU_EN);
    });

    it.each<[string, Language, string]>([
        ['en-CA', 'en', 'I applied in March, can you check the status of my application? My application number is W30xxxxxx'],
        ['fr-CA', 'fr', 'J’ai soumis ma demande en mars. Pouvez-vous vérifier où en est mon dossier? Mon numéro de demande est W30xxxxxx'],
    ])('says it cannot look at the writer’s own file, then where to see processing times (%s)', async (locale, language, text) => {
        const chat = await opened(locale);
        const replies = await chat.say(text);
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'fallback', topic: 'processing-times' });
        const said = textOf(replies);
        expect(said).toContain(t.t(language, 'common:fallback.ownFile'));
        expect(said).toContain(topic(language, 'processing-times').answer);
        expect(said.indexOf(t.t(language, 'common:fallback.ownFile'))).toBeLessThan(
            said.indexOf(topic(language, 'processing-times').answer),
        );
    });

    it.each<[string, Language, string, string]>([
        ['en-CA', 'en', 'what are the fees?', 'thanks for the info on the fees'],
        ['fr-CA', 'fr', 'c’est combien les frais?', 'merci pour l’info sur les frais'],
    ])(
        'thanks back for thanks that names the topic just answered, instead of answering it again (%s)',
        async (locale, language, asked, thanks) => {
            const chat = await opened(locale);
            await chat.say(asked);
            const replies = await chat.say(thanks);
            expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'thanks' });
            expect(textOf(replies)).not.toContain(topic(language, 'fees').answer);
        },
    );

    it.each<[string, Language, string, string]>([
        [
            'en-CA',
            'en',
            'my wife is a canadian citizen sponsoring me, am I allowed to work while we wait?',
            'can my wife work in Quebec with my IMP+ permit?',
        ],
        [
            'fr-CA',
            'fr',
            'ma blonde me parraine, est-ce que je peux travailler en attendant?',
            'ma conjointe peut-elle travailler avec mon PMI+?',
        ],
    ])(
        'tells a spouse in another program (%s) that it only covers IMP+, and still answers an IMP+ spouse',
        async (locale, language, other, imp) => {
            const chat = await opened(locale);
            const refused = await chat.say(other);
            expect(trace(refused, 'Recognizer')).toMatchObject({ action: 'fallback', topic: 'oos-spouse-other-programs' });
            expect(textOf(refused)).toContain(topic(language, 'oos-spouse-other-programs').answer);
            const answered = await chat.say(imp);
            expect(trace(answered, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'spouse-work' });
        },
    );

    it('offers both candidates when two are close, as buttons that answer', async () => {
        const chat = new Chat({
            locale: 'en-CA',
            createMatcher: unsureMatcher({ 'the form or the documents': ['application-form', 'upload'] }),
        });
        await chat.open();
        const replies = await chat.say('the form or the documents');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'fallback', candidates: ['application-form', 'upload'] });
        expect(textOf(replies)).toContain('Did you mean one of these?');
        const labels = buttonsOf(replies);
        expect(labels).toEqual([topic('en', 'application-form').label, topic('en', 'upload').label]);
        const picked = await chat.say(labels[0] as string);
        expect(trace(picked, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'application-form' });
        expect(textOf(picked)).toContain(topic('en', 'application-form').answer);
    });

    it('says so when it does not know, offers the menu, and logs the question without personal data', async () => {
        const lines: string[] = [];
        const sink = new Writable({
            write(chunk, _encoding, done) {
                lines.push(String(chunk));
                done();
            },
        });
        const chat = new Chat({ locale: 'en-CA', logger: createLogger('info', sink) });
        await chat.open();
        const replies = await chat.say('what is the weather in paris? write me at jane.doe@example.com or 514-555-0199');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'fallback' });
        expect(textOf(replies)).toContain(t.t('en', 'common:fallback.unknown'));
        expect(buttonsOf(replies)).toEqual(MENU_EN);
        const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.event === 'unanswered');
        expect(logged).toMatchObject({ event: 'unanswered', locale: 'en' });
        expect(String(logged?.question)).toContain('weather in paris');
        expect(JSON.stringify(logged)).not.toContain('jane.doe');
        expect(JSON.stringify(logged)).not.toContain('555-0199');
    });
});

describe('free-text questions in the middle of a dialog', () => {
    it('answers, then asks the pending question again', async () => {
        const chat = await opened();
        await chat.say('Am I eligible?');
        await chat.say('yes');
        const replies = await chat.say('what is MIFI?');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'answer', topic: 'what-is-mifi' });
        expect(textOf(replies)).toContain(topic('en', 'what-is-mifi').answer);
        expect(textOf(replies)).toContain('Question 2:');
        expect(buttonsOf(replies)).toContain('Regular (PRTQ)');
        // The check carries on where it was.
        const next = await chat.say('regular');
        expect(textOf(next)).toContain('Question 3:');
    });

    it('follows a clearly French question on an English device: answer and pending question in French, said once', async () => {
        const chat = await opened();
        await chat.say('How to apply');
        const replies = await chat.say('combien coûtent les frais?');
        // The answer's first paragraph, as written (its list is drawn as a markdown list).
        expect(textOf(replies)).toContain(topic('fr', 'fees').answer?.split('\n')[0]);
        expect(textOf(replies)).toContain(t.t('fr', 'common:language.followed'));
        expect(textOf(replies)).toContain('Étape 1 sur ');
        const next = await chat.say('ok');
        expect(textOf(next)).not.toContain(t.t('fr', 'common:language.followed'));
    });

    it('keeps an explicit choice: a French question gets a French answer, the pending question stays in English', async () => {
        const chat = await opened('fr-CA');
        await chat.say('english');
        await chat.say('How to apply');
        const replies = await chat.say('combien coûtent les frais?');
        expect(textOf(replies)).toContain(topic('fr', 'fees').answer?.split('\n')[0]);
        expect(textOf(replies)).toContain('Step 1 of ');
    });

    it('refuses a near miss and asks the pending question again', async () => {
        const chat = await opened('fr-CA');
        await chat.say('Suis-je admissible?');
        const replies = await chat.say('combien de temps pour obtenir la citoyenneté?');
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'fallback', topic: 'oos-citizenship' });
        expect(textOf(replies)).toContain('Question 1\u00a0:');
    });
});

describe('redact', () => {
    it.each([
        ['mail me at jean.tremblay@exemple.qc.ca', 'mail me at [email]'],
        ['call 1 (514) 555-0199 now', 'call [number] now'],
        ['my UCI is 1234-5678', 'my UCI is [number]'],
        ['passport AB1234567', 'passport [number]'],
        // Its letter too: a long digit run found first would leave "W" behind.
        ['application W301122334', 'application [number]'],
        ['see https://example.com/a?b=c', 'see [link]'],
        ['what are the fees for 2 kids?', 'what are the fees for 2 kids?'],
    ])('%s', (input, expected) => {
        expect(redact(input)).toBe(expected);
    });
});
