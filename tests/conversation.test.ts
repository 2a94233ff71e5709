import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { WALKTHROUGH_STEPS } from '../src/content/catalog';
import { formatDate, SOURCES } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import { buttonsOf, Chat, messages, textOf, trace } from './helpers/chat';

const t = createTranslator();
const MENU_EN = ['Am I eligible?', 'Open work permit', 'Family options', 'How to apply', 'Ask a question', 'Talk to an advisor'];
const MENU_FR = ['Suis-je admissible?', 'Permis de travail', 'Ma famille', 'Faire la demande', 'Poser une question', 'Voir un conseiller'];

describe('welcome', () => {
    it('greets in the channel’s language with the disclaimer and the menu', async () => {
        const replies = await new Chat({ locale: 'fr-CA' }).open();
        expect(textOf(replies)).toContain(t.t('fr', 'common:welcome.greeting'));
        expect(textOf(replies)).toContain(t.t('fr', 'common:welcome.disclaimer'));
        expect(buttonsOf(replies)).toEqual(MENU_FR);
    });

    it('greets once, even when members are added in several updates', async () => {
        const chat = new Chat();
        const first = await chat.open();
        const second = await chat.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user2', name: 'Other' }] });
        expect(messages(first).length).toBeGreaterThan(0);
        expect(messages(second)).toEqual([]);
    });

    it('does not greet when only the bot joins', async () => {
        const replies = await new Chat().send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'Bot' }] });
        expect(messages(replies)).toEqual([]);
    });

    it('on Web Chat without a locale, waits for the page’s webchat/join and greets in its language', async () => {
        const chat = new Chat({ locale: undefined });
        expect(messages(await chat.open())).toEqual([]);
        const joined = await chat.send({ type: ActivityTypes.Event, name: 'webchat/join', value: { language: 'fr-CA' } });
        expect(textOf(joined)).toContain(t.t('fr', 'common:welcome.greeting'));
        expect(buttonsOf(joined)).toEqual(MENU_FR);
        const again = await chat.send({ type: ActivityTypes.Event, name: 'webchat/join', value: { language: 'fr-CA' } });
        expect(messages(again)).toEqual([]);
    });

    it('asks for the language in both when it is unknown, and remembers the choice', async () => {
        const chat = new Chat({ channelId: 'emulator', locale: undefined });
        const opened = await chat.open();
        expect(textOf(opened)).toContain('Hello! Bonjour!');
        expect(buttonsOf(opened)).toEqual(['English', 'Français']);
        const chosen = await chat.say('Français');
        expect(textOf(chosen)).toContain(t.t('fr', 'common:welcome.greeting'));
        expect(textOf(chosen)).toContain(t.t('fr', 'common:welcome.disclaimer'));
        expect(buttonsOf(chosen)).toEqual(MENU_FR);
        const next = await chat.say('1');
        expect(textOf(next)).toContain(t.t('fr', 'common:fallback.unknown'));
    });

    it('uses the language of the text when the channel sends no locale (Messenger)', async () => {
        const chat = new Chat({ channelId: 'facebook', locale: undefined });
        const replies = await chat.say('Bonjour, est-ce que je suis admissible au PMI?');
        expect(textOf(replies)).toContain(t.t('fr', 'common:welcome.disclaimer'));
        expect(trace(replies, 'Recognizer')).toMatchObject({ locale: 'fr' });
    });

    it('asks in both languages when neither the channel nor the text tells', async () => {
        const chat = new Chat({ channelId: 'facebook', locale: undefined });
        const replies = await chat.say('CSQ?');
        expect(buttonsOf(replies)).toEqual(['English', 'Français']);
    });

    it('shows the disclaimer exactly once in a whole conversation', async () => {
        const chat = new Chat();
        const all = [...(await chat.open())];
        for (const text of ['Am I eligible?', 'yes', 'Regular (PRTQ)', 'In process', 'yes', 'yes', 'hello', 'menu', 'help'])
            all.push(...(await chat.say(text)));
        const disclaimer = t.t('en', 'common:welcome.disclaimer');
        expect(messages(all).filter((a) => (a.text ?? '').includes(disclaimer))).toHaveLength(1);
    });
});

describe('commands at the top level', () => {
    it.each([
        ['help', 'common:help.general', 'en-CA'],
        ['aide', 'common:help.general', 'fr-CA'],
        ['cancel', 'common:nothingToCancel', 'en-CA'],
        ['annuler', 'common:nothingToCancel', 'fr-CA'],
        ['Ask a question', 'common:ask.prompt', 'en-CA'],
    ])('%s', async (text, key, locale) => {
        const chat = new Chat({ locale });
        await chat.open();
        const replies = await chat.say(text);
        const language = locale.startsWith('fr') ? 'fr' : 'en';
        expect(textOf(replies)).toContain(t.t(language, key));
        expect(trace(replies, 'Recognizer')).toMatchObject({ action: 'command' });
    });

    it('switches language at the menu and keeps it for the user', async () => {
        const chat = new Chat({ locale: 'en-US' });
        await chat.open();
        const replies = await chat.say('FR');
        expect(textOf(replies)).toContain('Parfait, on continue en français.');
        expect(buttonsOf(replies)).toEqual(MENU_FR);
        const menu = await chat.say('menu');
        expect(buttonsOf(menu)).toEqual(MENU_FR);
    });

    it('answers very long messages politely without interpreting them', async () => {
        const chat = new Chat();
        await chat.open();
        const replies = await chat.say('a'.repeat(5000));
        expect(textOf(replies)).toContain('under 1000 characters');
        expect(trace(replies, 'Recognizer')).toBeUndefined();
    });

    it('asks for text when a message has none', async () => {
        const chat = new Chat();
        await chat.open();
        const replies = await chat.send({
            type: ActivityTypes.Message,
            attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }],
        });
        expect(textOf(replies)).toContain(t.t('en', 'common:unsupported'));
    });

    it('ignores activity types it does not handle', async () => {
        const chat = new Chat();
        const replies = await chat.send({ type: 'somethingNew' });
        expect(replies).toEqual([]);
    });
});

describe('application walkthrough', () => {
    it('goes forward and back one step at a time, in French, citing the sources of the figures it gives', async () => {
        const chat = new Chat({ locale: 'fr-CA' });
        await chat.open();
        const total = WALKTHROUGH_STEPS.length;
        const progress = (n: number) => t.t('fr', 'steps:progress', { n, total });
        let replies = await chat.say('Faire la demande');
        expect(textOf(replies)).toContain(progress(1));
        expect(buttonsOf(replies)).toEqual(['Suivant', 'Menu']);
        replies = await chat.say('suivant');
        expect(textOf(replies)).toContain(progress(2));
        expect(buttonsOf(replies)).toEqual(['Suivant', 'Précédent', 'Menu']);
        replies = await chat.say('Précédent');
        expect(textOf(replies)).toContain(progress(1));
        for (let n = 2; n <= total; n++) {
            replies = await chat.say('Suivant');
            const id = WALKTHROUGH_STEPS[n - 1] as string;
            expect(textOf(replies)).toContain(progress(n));
            // A step that quotes a fee shows where the amount comes from, dated in French.
            if (t.template('fr', `steps:steps.${id}`)?.includes('{{fees.')) {
                expect(textOf(replies)).toContain(SOURCES['ircc-fees'].url.fr);
                expect(textOf(replies)).toContain(`vérifiée le ${formatDate(SOURCES['ircc-fees'].checked, 'fr')}`);
                expect(textOf(replies)).toContain('155\u00a0$');
            }
        }
        expect(buttonsOf(replies)).toEqual(['Terminé', 'Précédent', 'Menu']);
        replies = await chat.say('Terminé');
        expect(textOf(replies)).toContain(t.t('fr', 'steps:finished'));
        // Finished: the next walkthrough starts at step 1 again.
        replies = await chat.say('Faire la demande');
        expect(textOf(replies)).toContain(progress(1));
    });

    it('resumes at the same step after leaving, even in a new conversation', async () => {
        const storage = new MemoryStorage();
        const first = new Chat({ storage, userId: 'same-user', conversationId: 'first' });
        await first.open();
        await first.say('How to apply');
        await first.say('Next');
        await first.say('Next');
        const left = await first.say('Menu');
        expect(buttonsOf(left)).toEqual(MENU_EN);

        const second = new Chat({ storage, userId: 'same-user', conversationId: 'second' });
        await second.open();
        const resumed = await second.say('How to apply');
        expect(textOf(resumed)).toContain('Welcome back! You were at step 3.');
        expect(textOf(resumed)).toContain('Step 3 of ');
    });

    it('answers "back" at the first step by staying there', async () => {
        const chat = new Chat();
        await chat.open();
        await chat.say('How to apply');
        const replies = await chat.say('back');
        expect(textOf(replies)).toContain('Step 1 of ');
    });

    it.each([
        ['en', 'back'],
        ['fr', 'retour'],
    ] as const)(
        '(%s) reads “%s” with nothing to go back to as nothing to do, never as a request for an advisor',
        async (language, text) => {
            const chat = new Chat({ locale: language === 'fr' ? 'fr-CA' : 'en-US' });
            await chat.open();
            const replies = await chat.say(text);
            expect(trace(replies, 'Recognizer')).not.toMatchObject({ action: 'command' });
            expect(textOf(replies)).toContain(t.t(language, 'common:fallback.unknown'));
        },
    );
});

describe('open work permit and family options', () => {
    it('explains the permit, then the sections the user picks, then the menu', async () => {
        const chat = new Chat();
        await chat.open();
        let replies = await chat.say('Open work permit');
        for (const fact of ['duration', 'employers', 'where']) expect(textOf(replies)).toContain(t.t('en', `permit:facts.${fact}.value`));
        expect(textOf(replies)).toContain('up to 3 years');
        expect(buttonsOf(replies)).toEqual(['Why IMP+?', 'Yearly caps', 'My family', 'That’s all']);
        replies = await chat.say('Yearly caps');
        expect(textOf(replies)).toContain('14,700');
        expect(textOf(replies)).toContain('7,000');
        expect(buttonsOf(replies)).toEqual(['Why IMP+?', 'My family', 'That’s all']);
        replies = await chat.say('why imp+?');
        expect(textOf(replies)).toContain(t.t('en', 'permit:sections.why'));
        replies = await chat.say("that's all");
        expect(buttonsOf(replies)).toEqual(MENU_EN);
    });

    it.each([
        ['Spouse or partner', ['family:options.spouse'], ['family:options.children']],
        ['the kids', ['family:options.children'], ['family:options.spouse']],
        ['Both', ['family:options.spouse', 'family:options.children'], []],
    ])('family: %s', async (answer, shown, hidden) => {
        const chat = new Chat();
        await chat.open();
        const question = await chat.say('Family options');
        expect(buttonsOf(question)).toEqual(['Spouse or partner', 'Children', 'Both', 'Not sure']);
        const replies = await chat.say(answer);
        for (const key of shown) expect(textOf(replies)).toContain(t.t('en', key));
        for (const key of hidden) expect(textOf(replies)).not.toContain(t.t('en', key));
        expect(textOf(replies)).toContain(t.t('en', 'family:individual'));
    });

    it('family in French, with Quebec words', async () => {
        const chat = new Chat({ locale: 'fr-CA' });
        await chat.open();
        await chat.say('Ma famille');
        const replies = await chat.say('ma blonde pis les enfants');
        expect(textOf(replies)).toContain(t.t('fr', 'family:options.spouse'));
        expect(textOf(replies)).toContain(t.t('fr', 'family:options.children'));
    });
});

describe('failures', () => {
    it('apologizes in the user’s language, clears the conversation and recovers', async () => {
        let fail = true;
        const chat = new Chat({
            locale: 'fr-CA',
            createMatcher: () => ({
                match: () => {
                    if (fail) throw new Error('boom');
                    return { kind: 'none', score: 0 };
                },
            }),
        });
        await chat.open();
        await chat.say('Suis-je admissible?');
        const replies = await chat.say('une question qui plante');
        expect(textOf(replies)).toContain(t.t('fr', 'common:error.apology'));
        expect(buttonsOf(replies)).toEqual(MENU_FR);
        fail = false;
        const after = await chat.say('oui');
        // The broken check was cleared: "oui" is no longer an answer to question 1.
        expect(textOf(after)).not.toContain('Question 2\u00a0:');
    });
});

describe('the person’s language (never chosen explicitly)', () => {
    it('greets a “bonjour” in French on an English browser, then runs the check in French', async () => {
        const chat = new Chat({ locale: 'en-US' });
        await chat.open();
        const hello = await chat.say('bonjour');
        expect(textOf(hello)).toContain(t.t('fr', 'common:welcome.greeting'));
        expect(textOf(hello)).toContain(t.t('fr', 'common:language.followed'));
        const check = await chat.say('suis-je admissible?');
        expect(textOf(check)).toContain(t.t('fr', 'eligibility:criteria.residence.question', { n: 1 }));
    });

    it('on Messenger (no locale), a one-word or mixed message does not flip the language', async () => {
        const chat = new Chat({ channelId: 'facebook', locale: undefined });
        await chat.say('hello, am I eligible?');
        const first = await chat.say('oui');
        expect(textOf(first)).toContain(t.t('en', 'eligibility:criteria.csq.question', { n: 2 }));
        const mixed = await chat.say('PRTQ ok merci');
        expect(textOf(mixed)).toContain(t.t('en', 'eligibility:criteria.pr.question', { n: 3 }));
        // A clearly French sentence switches it.
        const french = await chat.say('je ne comprends pas la question, pouvez-vous expliquer?');
        expect(textOf(french)).toContain(t.t('fr', 'eligibility:criteria.pr.explain'));
    });

    it('switches an English speaker on a French device to English', async () => {
        const chat = new Chat({ locale: 'fr-CA' });
        await chat.open();
        const replies = await chat.say('how much are the fees for the work permit?');
        expect(textOf(replies)).toContain(t.t('en', 'common:language.followed'));
        expect(trace(replies, 'Recognizer')).toMatchObject({ locale: 'en' });
    });
});
