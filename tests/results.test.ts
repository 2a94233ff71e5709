import { Writable } from 'node:stream';
import { type Activity, MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/configuration/config';
import { type CriterionId, WALKTHROUGH_STEPS } from '../src/content/catalog';
import { FACTS, formatDate, formatFact, SOURCES } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import type { Language } from '../src/content/languages';
import { createConversation } from '../src/conversation/conversation';
import type { CodeLookups } from '../src/conversation/resume';
import { createApp } from '../src/hosting/app';
import { listen } from '../src/hosting/server';
import { createLogger } from '../src/observability/logger';
import { redact, redactPath } from '../src/observability/redact';
import { AttemptWindow } from '../src/storage/attempts';
import { CODE_ALPHABET, newCode, ResultCodeStore } from '../src/storage/resultCodes';
import { StorageStore } from '../src/storage/store';
import { TurnStorage } from '../src/storage/turnStorage';
import type { KeptResult } from '../src/turn/state';
import { formatCode, readResultCode } from '../src/understanding/resultCode';
import { buttonsOf, Chat, messages, quietLogger, textOf } from './helpers/chat';
import { answerLabel, ELIGIBLE_ANSWERS } from './helpers/eligibility';
import { realMatcher } from './helpers/matcher';

const t = createTranslator();
const DAY = 24 * 60 * 60 * 1000;
const BASE = 'https://bot.example-firm.ca';

/** A bot of its own over one storage, with a clock the test moves and a lookup window it can see close. */
function bot(options: { storage?: MemoryStorage; clock?: { now: number }; lookups?: CodeLookups } = {}) {
    const storage = options.storage ?? new MemoryStorage();
    const clock = options.clock ?? { now: Date.parse('2026-11-30T12:00:00Z') };
    const conversation = createConversation({
        storage,
        logger: quietLogger,
        maxMessageLength: 1000,
        createMatcher: realMatcher,
        results: {
            publicBaseUrl: () => BASE,
            codes: new ResultCodeStore<KeptResult>(storage, 60, () => clock.now),
            ...(options.lookups ? { lookups: options.lookups } : {}),
        },
    });
    return { storage, clock, conversation };
}

const label = (language: Language, criterion: CriterionId, answer: string) => answerLabel(t, language, criterion, answer);

/** Runs a whole check by tapping the buttons; returns the replies to the last answer. */
async function check(
    chat: Chat,
    language: Language,
    answers: readonly [CriterionId, string][] = ELIGIBLE_ANSWERS,
): Promise<Partial<Activity>[]> {
    await chat.say(t.t(language, 'common:menu.choices.eligibility'));
    let replies: Partial<Activity>[] = [];
    for (const [criterion, answer] of answers) replies = await chat.say(label(language, criterion, answer));
    return replies;
}

const CODE = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\b/;
function codeIn(replies: Partial<Activity>[]): string {
    const code = CODE.exec(textOf(replies))?.[0];
    if (!code) throw new Error(`no code in: ${textOf(replies)}`);
    return code;
}

interface CardBody {
    body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
    actions: { type: string; title: string; url: string }[];
    version: string;
}
function checklistCard(replies: Partial<Activity>[]): CardBody {
    const card = messages(replies)
        .flatMap((m) => m.attachments ?? [])
        .map((a) => a.content as CardBody)
        .find((c) => c.actions?.some((a) => a.type === 'Action.OpenUrl' && a.url.includes('/result/')));
    if (!card) throw new Error('no checklist card');
    return card;
}

describe('result codes', () => {
    it('are 16 characters of Crockford base32 (80 bits), never the same twice', () => {
        const codes = Array.from({ length: 2000 }, newCode);
        expect(new Set(codes).size).toBe(codes.length);
        for (const code of codes) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{16}$`));
        expect(CODE_ALPHABET).toHaveLength(32);
        expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
        // Every character turns up: the bits are spread over the whole alphabet.
        expect(new Set(codes.join('')).size).toBe(32);
        expect(formatCode('K7QM2X4A9P3RTT8V')).toBe('K7QM-2X4A-9P3R-TT8V');
    });

    it('are read however they are typed, alone or with "resume" / « reprendre », and nothing else is', () => {
        for (const text of [
            'K7QM-2X4A-9P3R-TT8V',
            'resume K7QM-2X4A-9P3R-TT8V',
            'reprendre k7qm-2x4a-9p3r-tt8v',
            'my code is k7qm2x4a9p3rtt8v',
            'Reprendre K7QM 2X4A 9P3R TT8V',
            'my code k7qm 2x4a 9p3r tt8v',
            'K7QM–2X4A–9P3R–TT8V',
        ]) {
            expect(readResultCode(text), text).toBe('K7QM2X4A9P3RTT8V');
        }
        // O reads as 0, I and L as 1 (Crockford): a code copied by hand still works.
        expect(readResultCode('resume 1OIL-2X4A-9P3R-TT8V')).toBe('1011' + '2X4A9P3RTT8V');
        for (const text of [
            'what does this code mean',
            'this code will make sense',
            'How much are the fees?',
            'K7QM-2X4A-9P3R',
            'resume',
        ]) {
            expect(readResultCode(text), text).toBeUndefined();
        }
        // A code inside a long sentence is a question about it, not a request to come back.
        expect(readResultCode('I wrote down K7QM-2X4A-9P3R-TT8V yesterday but what do I do with it now')).toBeUndefined();
    });
});

describe.each(['en', 'fr'] as const)('the checklist in %s', (language) => {
    const locale = language === 'fr' ? 'fr-CA' : 'en-CA';

    it('after an eligible verdict: every criterion with the answer and ✓, next steps, documents, fees with their sources, the code and the page', async () => {
        const { conversation } = bot();
        const chat = new Chat({ conversation, locale });
        await chat.open();
        const replies = await check(chat, language);
        expect(textOf(replies)).toContain(t.t(language, 'result:ready'));
        const card = checklistCard(replies);
        expect(card.version).toBe('1.5');
        const text = JSON.stringify(card);
        const [criteria, fees] = card.body.filter((b) => b.type === 'FactSet');
        expect(criteria?.facts).toEqual(
            ELIGIBLE_ANSWERS.map(([criterion, answer]) => ({
                title: t.t(language, `eligibility:criteria.${criterion}.short`),
                value: t.t(language, 'result:answerStatus', {
                    answer: label(language, criterion, answer),
                    status: t.t(language, 'eligibility:verdict.met'),
                }),
            })),
        );
        expect(fees?.facts?.map((f) => f.value)).toEqual(
            (['fees.workPermit', 'fees.openWorkPermitHolder', 'fees.biometrics', 'fees.biometricsFamily'] as const).map((id) =>
                formatFact(FACTS[id], language),
            ),
        );
        for (const document of t.list(language, 'result:documents')) expect(text).toContain(JSON.stringify(document).slice(1, -1));
        expect(text).toContain(JSON.stringify(t.t(language, 'eligibility:verdict.eligibleNext')).slice(1, -1));
        // Each fact's source, with the day it was checked.
        const checked = formatDate(SOURCES['ircc-fees'].checked, language);
        expect(text).toContain(
            JSON.stringify(t.t(language, 'common:answer.source', { title: t.t(language, 'sources:ircc-fees.title'), checked })).slice(
                1,
                -1,
            ),
        );
        const code = codeIn(replies);
        expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: t.t(language, 'result:openPage'), url: `${BASE}/result/${code}` }]);
        expect(textOf(replies)).toContain(
            t.t(language, 'result:code', {
                code,
                days: 60,
                date: formatDate(new Date(Date.parse('2026-11-30T12:00:00Z') + 60 * DAY).toISOString().slice(0, 10), language),
            }),
        );
        // Then the one question about the conversation, whose answer (or skip) brings the menu back.
        expect(buttonsOf(replies)).toContain(t.t(language, 'feedback:satisfaction.good'));
        expect(buttonsOf(await chat.say(t.t(language, 'feedback:skip')))).toContain(t.t(language, 'common:menu.choices.steps'));
    });

    it('after an unmet criterion: the answer marked ✗ and why, no documents or fees to prepare', async () => {
        const { conversation } = bot();
        const chat = new Chat({ conversation, locale });
        const replies = await check(chat, language, [['residence', 'quebec']]);
        const card = checklistCard(replies);
        const text = JSON.stringify(card);
        expect(card.body.filter((b) => b.type === 'FactSet')).toHaveLength(1);
        expect(text).toContain(JSON.stringify(t.t(language, 'eligibility:verdict.notMet')).slice(1, -1));
        expect(text).toContain(JSON.stringify(t.t(language, 'eligibility:criteria.residence.unmet.quebec')).slice(1, -1));
        expect(text).not.toContain(JSON.stringify(t.t(language, 'result:sections.fees')));
        expect(text).not.toContain(JSON.stringify(t.t(language, 'result:sections.documents')));
    });

    it('on Messenger: the same checklist as text, the page as a link, every message within 2,000 characters', async () => {
        const { conversation } = bot();
        const chat = new Chat({ conversation, locale, channelId: 'facebook' });
        const replies = await check(chat, language);
        const text = textOf(replies);
        const code = codeIn(replies);
        expect(text).toContain(t.t(language, 'result:pageLink', { url: `${BASE}/result/${code}` }));
        expect(text).toContain(formatFact(FACTS['fees.workPermit'], language));
        expect(text).toContain(t.t(language, 'result:documents.0'));
        for (const message of messages(replies)) {
            expect(message.attachments ?? []).toEqual([]);
            expect((message.text ?? '').length).toBeLessThanOrEqual(2000);
        }
    });
});

describe('the checklist at the end of the walkthrough', () => {
    async function walkThrough(chat: Chat): Promise<Partial<Activity>[]> {
        await chat.say(t.t('en', 'common:menu.choices.steps'));
        for (let step = 1; step < WALKTHROUGH_STEPS.length; step += 1) await chat.say(t.t('en', 'steps:choices.next'));
        return chat.say(t.t('en', 'steps:choices.done'));
    }

    it('without a check: the application checklist (documents, fees, sources) under a new code', async () => {
        const chat = new Chat({ conversation: bot().conversation, locale: 'en-CA' });
        const replies = await walkThrough(chat);
        expect(textOf(replies)).toContain(t.t('en', 'steps:finished'));
        // No check, so no "result": the checklist is called what it is.
        expect(textOf(replies)).toContain(t.t('en', 'result:readyChecklist'));
        expect(textOf(replies)).not.toContain(t.t('en', 'result:ready'));
        const card = checklistCard(replies);
        const text = JSON.stringify(card);
        expect(card.body[0]?.text).toBe(t.t('en', 'result:walkthroughTitle'));
        expect(text).toContain(t.t('en', 'result:walkthrough.done'));
        expect(text).toContain(t.t('en', 'result:documents.0'));
        expect(card.body.filter((b) => b.type === 'FactSet').map((f) => f.facts?.length)).toEqual([4]);
        codeIn(replies);
    });

    it('after a check: the same code, now with the walkthrough done; each step on the way was saved under it', async () => {
        const { conversation } = bot();
        const chat = new Chat({ conversation, locale: 'en-CA' });
        const code = codeIn(await check(chat, 'en'));
        await chat.say(t.t('en', 'common:menu.choices.steps'));
        await chat.say(t.t('en', 'steps:choices.next'));
        // Midway, another channel sees the step reached.
        const midway = textOf(await new Chat({ conversation, channelId: 'facebook', locale: 'en-US' }).say(`resume ${code}`));
        expect(midway).toContain(t.t('en', 'result:walkthrough.inProgress', { n: 2, total: WALKTHROUGH_STEPS.length }));
        for (let step = 2; step < WALKTHROUGH_STEPS.length; step += 1) await chat.say(t.t('en', 'steps:choices.next'));
        const replies = await chat.say(t.t('en', 'steps:choices.done'));
        expect(codeIn(replies)).toBe(code);
        const text = JSON.stringify(checklistCard(replies));
        expect(text).toContain(t.t('en', 'result:walkthrough.done'));
        expect(text).toContain(t.t('en', 'eligibility:verdict.eligible'));
    });
});

describe('coming back with the code', () => {
    it('suggests "How to apply" only when the kept check did not turn the person away', async () => {
        const { conversation } = bot();
        const eligible = codeIn(await check(new Chat({ conversation, locale: 'en-CA' }), 'en'));
        const unmet = codeIn(await check(new Chat({ conversation, locale: 'en-CA' }), 'en', [['residence', 'quebec']]));
        const back = (code: string) => new Chat({ conversation, channelId: 'facebook', locale: 'en-US' }).say(`resume ${code}`);
        expect(textOf(await back(eligible))).toContain(t.t('en', 'result:resume.next'));
        const turnedAway = textOf(await back(unmet));
        expect(turnedAway).toContain(t.t('en', 'result:resume.nextNotEligible'));
        expect(turnedAway).not.toContain(t.t('en', 'result:resume.next'));
    });

    it('on Messenger, in French, after a check on the web: the result, then the walkthrough where it was left', async () => {
        const { conversation } = bot();
        const web = new Chat({ conversation, locale: 'fr-CA' });
        await web.open();
        const code = codeIn(await check(web, 'fr'));
        // On the web, the visitor starts the walkthrough and stops at step 3.
        await web.say(t.t('fr', 'common:menu.choices.steps'));
        await web.say(t.t('fr', 'steps:choices.next'));
        expect(textOf(await web.say(t.t('fr', 'steps:choices.next')))).toContain(
            t.t('fr', 'steps:progress', { n: 3, total: WALKTHROUGH_STEPS.length }),
        );

        // Messenger sends no locale, and this person never wrote to the bot there: the code brings French back.
        const messenger = new Chat({ conversation, locale: undefined, channelId: 'facebook' });
        const back = await messenger.say(`reprendre ${code.toLowerCase().replaceAll('-', '')}`);
        const text = textOf(back);
        expect(text).toContain(t.t('fr', 'result:resume.welcomeBack'));
        expect(text).toContain(t.t('fr', 'common:welcome.disclaimer'));
        expect(text).toContain(t.t('fr', 'result:walkthrough.inProgress', { n: 3, total: WALKTHROUGH_STEPS.length }));
        expect(text).toContain(t.t('fr', 'steps:progress', { n: 3, total: WALKTHROUGH_STEPS.length }));
        expect(text).not.toContain(t.t('en', 'common:welcome.chooseLanguage'));
        // …and goes on from there, in French.
        expect(textOf(await messenger.say(t.t('fr', 'steps:choices.next')))).toContain(
            t.t('fr', 'steps:progress', { n: 4, total: WALKTHROUGH_STEPS.length }),
        );
    });

    it('after the check alone: the result and the menu, to go on with "How to apply"', async () => {
        const { conversation } = bot();
        const web = new Chat({ conversation, locale: 'en-CA' });
        const code = codeIn(await check(web, 'en'));
        const teams = new Chat({ conversation, channelId: 'msteams', locale: 'en-US' });
        const back = await teams.say(`resume ${code}`);
        expect(textOf(back)).toContain(t.t('en', 'result:resume.welcomeBack'));
        expect(checklistCard(back).actions[0]?.url).toBe(`${BASE}/result/${code}`);
        expect(textOf(back)).toContain(t.t('en', 'result:resume.next'));
        expect(textOf(await teams.say(t.t('en', 'common:menu.choices.steps')))).toContain(
            t.t('en', 'steps:progress', { n: 1, total: WALKTHROUGH_STEPS.length }),
        );
    });

    it('works until the code expires, then says so like for an unknown code (the clock moves, no waiting)', async () => {
        const { conversation, clock } = bot();
        const code = codeIn(await check(new Chat({ conversation, locale: 'en-CA' }), 'en'));
        const created = clock.now;
        clock.now = created + 60 * DAY - 1;
        expect(textOf(await new Chat({ conversation, channelId: 'facebook', locale: 'en-US' }).say(`resume ${code}`))).toContain(
            t.t('en', 'result:resume.welcomeBack'),
        );
        clock.now = created + 60 * DAY;
        const expired = textOf(await new Chat({ conversation, channelId: 'facebook', locale: 'en-US' }).say(`resume ${code}`));
        const unknown = textOf(await new Chat({ conversation, channelId: 'facebook', locale: 'en-US' }).say(`resume ${newCode()}`));
        expect(expired).toContain(t.t('en', 'result:resume.unknown', { days: 60 }));
        expect(expired).toBe(unknown);
    });

    it('is refused after five tries in ten minutes per user, the right code included, then works again', async () => {
        const clock = { now: Date.parse('2026-11-30T12:00:00Z') };
        const { conversation } = bot({
            clock,
            lookups: {
                perUser: new AttemptWindow(5, 10 * 60_000, () => clock.now),
                overall: new AttemptWindow(1000, 60_000, () => clock.now),
            },
        });
        const code = codeIn(await check(new Chat({ conversation, locale: 'en-CA' }), 'en'));
        const guesser = new Chat({ conversation, channelId: 'facebook', locale: 'en-US' });
        for (let i = 0; i < 5; i += 1)
            expect(textOf(await guesser.say(newCode()))).toContain(t.t('en', 'result:resume.unknown', { days: 60 }));
        expect(textOf(await guesser.say(`resume ${code}`))).toBe(t.t('en', 'result:resume.tooMany'));
        // Another user is not held back by this one.
        expect(textOf(await new Chat({ conversation, channelId: 'facebook', locale: 'en-US' }).say(`resume ${code}`))).toContain(
            t.t('en', 'result:resume.welcomeBack'),
        );
        clock.now += 10 * 60_000 + 1;
        expect(textOf(await guesser.say(`resume ${code}`))).toContain(t.t('en', 'result:resume.welcomeBack'));
    });

    it('is refused to everyone once all users together tried too many (a guesser may change user ids)', async () => {
        const clock = { now: Date.parse('2026-11-30T12:00:00Z') };
        const { conversation } = bot({
            clock,
            lookups: {
                perUser: new AttemptWindow(5, 10 * 60_000, () => clock.now),
                overall: new AttemptWindow(3, 60_000, () => clock.now),
            },
        });
        for (let i = 0; i < 3; i += 1) {
            const fresh = new Chat({ conversation, channelId: 'directline', locale: 'en-US' });
            expect(textOf(await fresh.say(newCode()))).toContain(t.t('en', 'result:resume.unknown', { days: 60 }));
        }
        expect(textOf(await new Chat({ conversation, channelId: 'directline', locale: 'en-US' }).say(newCode()))).toBe(
            t.t('en', 'result:resume.tooMany'),
        );
        clock.now += 60_001;
        expect(textOf(await new Chat({ conversation, channelId: 'directline', locale: 'en-US' }).say(newCode()))).toContain(
            t.t('en', 'result:resume.unknown', { days: 60 }),
        );
    });

    it('is erased by "delete my data", on the channel that made it and on one that came back with it', async () => {
        const { conversation, storage } = bot();
        const web = new Chat({ conversation, locale: 'en-CA' });
        const first = codeIn(await check(web, 'en'));
        const key = `results/${first.replaceAll('-', '')}`;
        expect(Object.keys(await storage.read([key]))).toEqual([key]);
        expect(textOf(await web.say('delete my data'))).toContain(t.t('en', 'common:privacy.deleted'));
        expect(await storage.read([key])).toEqual({});
        expect(textOf(await new Chat({ conversation, channelId: 'facebook', locale: 'en-US' }).say(`resume ${first}`))).toContain(
            t.t('en', 'result:resume.unknown', { days: 60 }),
        );

        const second = codeIn(await check(new Chat({ conversation, locale: 'en-CA' }), 'en'));
        const messenger = new Chat({ conversation, channelId: 'facebook', locale: 'en-US' });
        await messenger.say(`resume ${second}`);
        await messenger.say('delete my data');
        expect(await storage.read([`results/${second.replaceAll('-', '')}`])).toEqual({});
    });

    it('is named in the privacy notice, with how long it keeps the answers', async () => {
        const chat = new Chat({ conversation: bot().conversation, locale: 'fr-CA' });
        expect(textOf(await chat.say('confidentialité'))).toContain(t.t('fr', 'common:privacy.notice', { days: 30, codeDays: 60 }));
        expect(t.t('fr', 'common:privacy.notice', { days: 30, codeDays: 60 })).toMatch(/code de résultat.*60 jours/);
        expect(t.t('en', 'common:privacy.notice', { days: 30, codeDays: 60 })).toMatch(/result code keeps your answers for 60 days/);
    });
});

describe('result codes in the logs', () => {
    it('are redacted from logged questions and from the request log of /result/<code>', async () => {
        expect(redact('I lost K7QM-2X4A-9P3R-TT8V, can you help')).toBe('I lost [code], can you help');
        expect(redact('code k7qm 2x4a 9p3r tt8v')).toBe('code [code]');
        expect(redact('what does this code mean for me')).toBe('what does this code mean for me');
        expect(redactPath('/result/K7QM-2X4A-9P3R-TT8V')).toBe('/result/[code]');
        expect(redactPath('/chat')).toBe('/chat');

        const lines: string[] = [];
        const sink = new Writable({
            write(chunk, _encoding, done) {
                lines.push(String(chunk));
                done();
            },
        });
        const app = createApp(loadConfig({ PORT: '0' }), { logger: createLogger('info', sink) });
        const port = await listen(app.server, 0, '127.0.0.1');
        try {
            const code = formatCode(newCode());
            expect((await fetch(`http://127.0.0.1:${port}/result/${code}`)).status).toBe(404);
            expect(lines.join('')).toContain('"path":"/result/[code]"');
            expect(lines.join('')).not.toContain(code);
        } finally {
            await new Promise<void>((done) => app.server.close(() => done()));
        }
    });
});

describe('result settings', () => {
    it('read PUBLIC_BASE_URL and RESULT_CODE_DAYS, with App Service’s host name and 60 days by default', () => {
        expect(loadConfig({}).results).toEqual({ publicBaseUrl: '', codeDays: 60 });
        expect(loadConfig({ WEBSITE_HOSTNAME: 'impplus-bot.azurewebsites.net' }).results.publicBaseUrl).toBe(
            'https://impplus-bot.azurewebsites.net',
        );
        expect(
            loadConfig({ PUBLIC_BASE_URL: 'https://bot.example-firm.ca/assistant/', WEBSITE_HOSTNAME: 'x.azurewebsites.net' }).results
                .publicBaseUrl,
        ).toBe('https://bot.example-firm.ca/assistant');
        expect(loadConfig({ RESULT_CODE_DAYS: '7' }).results.codeDays).toBe(7);
        expect(() => loadConfig({ RESULT_CODE_DAYS: '0' })).toThrow(/RESULT_CODE_DAYS must be a whole number from 1 to 365/);
        expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://example.com' })).toThrow(/PUBLIC_BASE_URL must be an address/);
        expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://example.com/?a=1' })).toThrow(/PUBLIC_BASE_URL/);
    });
});

describe('result codes in the state storage', () => {
    it('outlive the state retention when they are made to, and read as absent (and are deleted) once expired', async () => {
        const clock = { now: Date.parse('2026-11-30T12:00:00Z') };
        const store = new StorageStore('memory', new MemoryStorage());
        const storage = new TurnStorage(store, { retentionDays: 30, logger: quietLogger, now: () => clock.now });
        const codes = new ResultCodeStore<KeptResult>(storage, 60, () => clock.now);
        const { code } = await codes.create({ language: 'fr', eligibility: { residence: 'abroad' } });
        clock.now += 45 * DAY; // past the 30 days of retention, within the code's 60
        expect((await codes.find(code))?.data).toEqual({ language: 'fr', eligibility: { residence: 'abroad' } });
        clock.now += 16 * DAY;
        expect(await codes.find(code)).toBeUndefined();
        expect(await store.read(`results/${code}`)).toBeUndefined();
    });
});
