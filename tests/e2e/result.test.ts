import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/configuration/paths';
import { type CriterionId, WALKTHROUGH_STEPS } from '../../src/content/catalog';
import { FACTS, formatFact } from '../../src/content/facts';
import { createTranslator } from '../../src/content/i18n';
import type { Language } from '../../src/content/languages';
import { newCode } from '../../src/storage/resultCodes';
import { CONDITION_TIMEOUT, chat, choose, launchChromium, type OpenedPage, openPage } from '../helpers/browser';
import { Chat, textOf } from '../helpers/chat';
import { answerLabel, ELIGIBLE_ANSWERS } from '../helpers/eligibility';
import { activity, post, type RunningBot, startBot } from '../helpers/server';

/**
 * The kept result's page over HTTP and in a real headless Chromium, and the whole journey of a new visitor:
 * a check in French on the web page, the printable result, then back on Messenger with the code.
 * Screenshots go to RESULT_SCREENSHOTS (e.g. `RESULT_SCREENSHOTS=docs npx vitest run tests/e2e/result.test.ts`).
 */
const t = createTranslator();
const SCREENSHOTS = process.env.RESULT_SCREENSHOTS ? join(projectRoot, process.env.RESULT_SCREENSHOTS) : tmpdir();

let bot: RunningBot;
let browser: Browser;
const opened: OpenedPage[] = [];

beforeAll(async () => {
    bot = await startBot({ RATE_LIMIT_PER_MINUTE: '1000' });
    browser = await launchChromium();
});
afterAll(async () => {
    await browser?.close();
    await bot?.close();
});
afterEach(async () => {
    // No console errors, script errors or CSP violations on any page.
    const problems = opened.flatMap((o) => o.problems);
    while (opened.length > 0) await opened.pop()?.context.close();
    expect(problems).toEqual([]);
});

const label = (language: Language, criterion: CriterionId, answer: string) => answerLabel(t, language, criterion, answer);
const CODE = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\b/;

/** A whole check over HTTP (expectReplies); returns the code of the result. */
async function checkOverHttp(language: Language, user: string): Promise<string> {
    const fields = { from: { id: user }, conversation: { id: `conv-${user}` }, locale: language === 'fr' ? 'fr-CA' : 'en-CA' };
    await post(bot.url, activity({ ...fields, text: t.t(language, 'common:menu.choices.eligibility') }));
    let body = '';
    for (const [criterion, answer] of ELIGIBLE_ANSWERS)
        body = await (await post(bot.url, activity({ ...fields, text: label(language, criterion, answer) }))).text();
    const code = CODE.exec(body)?.[0];
    if (!code) throw new Error(`no code in ${body.slice(0, 500)}`);
    return code;
}

describe('GET /result/<code>', () => {
    it('serves the result in its language with a strict policy, no caching and no referrer', async () => {
        const code = await checkOverHttp('fr', 'page-headers');
        const response = await fetch(`${bot.url}/result/${code.toLowerCase()}`, { headers: { 'accept-language': 'en-US' } });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
        expect(response.headers.get('content-language')).toBe('fr');
        const policy = response.headers.get('content-security-policy') ?? '';
        expect(policy).toContain("default-src 'none'");
        expect(policy).toMatch(/script-src 'sha256-[\w+/=]+'(;|$)/);
        expect(policy).toMatch(/style-src 'sha256-[\w+/=]+'(;|$)/);
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).not.toContain('unsafe');
        const html = await response.text();
        // The result was made in French: the page is in French whatever the browser says, unless ?lang= asks.
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain(t.t('fr', 'result:title'));
        expect(html).toContain(code);
        expect(html).toContain(formatFact(FACTS['fees.workPermit'], 'fr').replace('\u00a0', '\u00a0'));
        const english = await (await fetch(`${bot.url}/result/${code}?lang=en`)).text();
        expect(english).toContain('<html lang="en">');
        expect(english).toContain(t.t('en', 'result:sections.documents'));
        // Source links leave no trace of the code behind them.
        expect(html).toMatch(/<a href="https:\/\/[^"]+" rel="noreferrer noopener">/);
        expect((await fetch(`${bot.url}/result/${code}`, { method: 'HEAD' })).status).toBe(200);
    });

    it('answers an unknown, malformed or expired code with a 404 page in the visitor’s language, without details', async () => {
        for (const path of [`/result/${newCode()}`, '/result/not-a-code', `/result/${'A'.repeat(500)}`, '/result/a/b']) {
            const response = await fetch(`${bot.url}${path}`, { headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
            expect(response.status, path).toBe(404);
            expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
            expect(response.headers.get('cache-control')).toBe('no-store');
            const html = await response.text();
            expect(html).toContain('<html lang="fr">');
            expect(html).toContain(t.t('fr', 'result:notFound.title'));
            expect(html).not.toMatch(/Error|stack|at \w+ \(/);
        }
        const english = await fetch(`${bot.url}/result/${newCode()}`, { headers: { 'accept-language': 'en' } });
        expect(await english.text()).toContain(t.t('en', 'result:notFound.text', { days: 60 }));
    });

    it('limits lookups per client: guessing gets a 429 after twenty a minute, other clients are unaffected', async () => {
        const guesser = { 'x-forwarded-for': '203.0.113.7' };
        const statuses: number[] = [];
        for (let i = 0; i < 21; i += 1) statuses.push((await fetch(`${bot.url}/result/${newCode()}`, { headers: guesser })).status);
        expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
        const refused = await fetch(`${bot.url}/result/${newCode()}`, { headers: guesser });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('60');
        expect((await fetch(`${bot.url}/result/${newCode()}`, { headers: { 'x-forwarded-for': '198.51.100.2' } })).status).toBe(404);
    });
});

type Violation = { id: string; impact: string | null; help: string; nodes: string[] };
async function accessibilityProblems(page: Page): Promise<Violation[]> {
    await page.evaluate(readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = (await page.evaluate(
        `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`,
    )) as Violation[];
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.each(['en', 'fr'] as const)('the printable page in Chromium (%s)', (language) => {
    it('shows the checklist, a print button that works under its policy, and prints without it', async () => {
        const code = await checkOverHttp(language, `browser-${language}`);
        const result = await openPage(browser, `${bot.url}/result/${code}`, {
            locale: language === 'fr' ? 'fr-CA' : 'en-US',
            viewport: { width: 900, height: 1400 },
        });
        opened.push(result);
        const { page } = result;
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(t.t(language, 'result:title'));
        for (const section of ['criteria', 'next', 'documents', 'fees', 'sources']) {
            await expect(
                page.getByRole('heading', { level: 2, name: t.t(language, `result:sections.${section}`) }).isVisible(),
            ).resolves.toBe(true);
        }
        expect(await page.locator('tbody tr').count()).toBe(ELIGIBLE_ANSWERS.length + 4);
        // The inline script ran (its hash is in the policy): the print button shows.
        const print = page.getByRole('button', { name: t.t(language, 'result:print') });
        expect(await print.isVisible()).toBe(true);
        expect(await accessibilityProblems(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `screenshot-result-${language}.png`), fullPage: true });

        await page.emulateMedia({ media: 'print' });
        expect(await print.isVisible()).toBe(false);
        expect(await page.getByText(code).isVisible()).toBe(true);
        await page.screenshot({ path: join(SCREENSHOTS, `screenshot-result-print-${language}.png`), fullPage: true });
        // Chromium's own print to PDF lays it out on paper.
        expect((await page.pdf({ format: 'Letter' })).length).toBeGreaterThan(10_000);
    });
});

describe('a new visitor, as they would do it', () => {
    it('checks in French on the web page, opens and prints the result, then continues on Messenger with the code', async () => {
        const visit = await openPage(browser, `${bot.url}/`, { locale: 'fr-CA' });
        opened.push(visit);
        const { page, context } = visit;
        await page.locator('#chat-launcher').click();
        await chat(page).waitForText('Que voulez-vous faire?');
        await choose(
            page,
            t.t('fr', 'common:menu.choices.eligibility'),
            t.t('fr', 'eligibility:criteria.residence.question', { n: 1 }).slice(0, 12),
        );
        for (const [criterion, answer] of ELIGIBLE_ANSWERS) {
            const button = chat(page).suggestedAction(label('fr', criterion, answer));
            await button.waitFor({ state: 'visible', timeout: CONDITION_TIMEOUT });
            await button.click();
        }
        await chat(page).waitForText(t.t('fr', 'result:ready'));
        // The card with the code comes in the next message: wait for it rather than for its announcement.
        await expect.poll(async () => CODE.test(await chat(page).text()), { timeout: CONDITION_TIMEOUT }).toBe(true);
        const code = CODE.exec(await chat(page).text())?.[0];
        expect(code).toBeDefined();

        // The card's button opens the printable page in a new tab.
        const [tab] = await Promise.all([
            context.waitForEvent('page', { timeout: CONDITION_TIMEOUT }),
            chat(page)
                .transcript.getByRole('button', { name: t.t('fr', 'result:openPage') })
                .last()
                .click(),
        ]);
        await tab.waitForLoadState('load');
        expect(tab.url()).toContain(`/result/${code}`);
        expect(await tab.getAttribute('html', 'lang')).toBe('fr');
        await tab.emulateMedia({ media: 'print' });
        expect(await tab.getByRole('heading', { level: 1 }).innerText()).toBe(t.t('fr', 'result:title'));

        // The next day, on Messenger (no locale, a new user there), with the code as written on paper.
        const messenger = new Chat({ conversation: bot.app.conversation, channelId: 'facebook', locale: undefined });
        const back = textOf(await messenger.say(`reprendre ${code?.toLowerCase()}`));
        expect(back).toContain(t.t('fr', 'result:resume.welcomeBack'));
        expect(back).toContain(t.t('fr', 'result:resume.next'));
        const steps = textOf(await messenger.say(t.t('fr', 'common:menu.choices.steps')));
        expect(steps).toContain(t.t('fr', 'steps:progress', { n: 1, total: WALKTHROUGH_STEPS.length }));
    });
});
