import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/configuration/paths';
import { CONDITION_TIMEOUT, chat, choose, focused, launchChromium, type OpenedPage, openPage } from '../helpers/browser';
import { type RunningBot, startBot } from '../helpers/server';

// The whole widget in a real headless Chromium: page, Web Chat bundle, local Direct Line, bot.
let bot: RunningBot;
let browser: Browser;
const opened: OpenedPage[] = [];

beforeAll(async () => {
    bot = await startBot();
    browser = await launchChromium();
});
afterAll(async () => {
    await browser?.close();
    await bot?.close();
});
afterEach(async () => {
    // Every scenario must run clean: no console errors, script errors or CSP violations.
    const problems = opened.flatMap((o) => o.problems);
    while (opened.length > 0) await opened.pop()?.context.close();
    expect(problems).toEqual([]);
});

async function visit(locale: string, viewport?: { width: number; height: number }): Promise<Page> {
    const result = await openPage(browser, `${bot.url}/`, { locale, ...(viewport ? { viewport } : {}) });
    opened.push(result);
    return result.page;
}

async function openChat(page: Page, menuPrompt: string): Promise<void> {
    await page.locator('#chat-launcher').click();
    await chat(page).waitForText(menuPrompt);
}

const common = (lang: 'en' | 'fr') =>
    JSON.parse(readFileSync(join(projectRoot, 'locales', lang, 'common.json'), 'utf8')) as { fallback: { unknown: string } };

describe('website widget in Chromium', () => {
    it('takes an English visitor through the eligibility check to a verdict by clicking the buttons', async () => {
        const page = await visit('en-US');
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        await openChat(page, 'What would you like to do?');
        await chat(page).waitForText('This is general information, not legal advice.');

        await choose(page, 'Am I eligible?', 'Question 1: where do you live right now');
        await choose(page, 'Outside Canada', 'Question 2: which program is your Quebec Selection Certificate (CSQ) from?');
        await choose(page, 'Regular (PRTQ)', 'Question 3:');
        await choose(page, 'In process', 'Question 4:');
        await choose(page, 'Yes', 'Question 5:');
        await choose(page, 'Yes', 'you appear to meet the published IMP+ criteria');
        expect(await chat(page).text()).toContain('Based on your answers, you appear to meet the published IMP+ criteria.');
        // Markdown joins single line breaks: each paragraph of the verdict must stay its own paragraph, and
        // the fee sentence must not run into the next one.
        const paragraphs = await page.locator('.webchat__bubble__content p').allInnerTexts();
        expect(paragraphs.some((p) => p.startsWith('Based on your answers, you appear to meet the published IMP+ criteria.'))).toBe(true);
        expect(paragraphs.some((p) => p.startsWith('Please note: these criteria were published in 2022'))).toBe(true);
        expect(paragraphs.some((p) => p.startsWith('Next steps:'))).toBe(true);
    });

    it('welcomes a French browser in French, page and bot alike', async () => {
        const page = await visit('fr-CA');
        expect(await page.locator('html').getAttribute('lang')).toBe('fr');
        expect(await page.locator('#chat-launcher').innerText()).toContain('Clavarder avec nous');
        await openChat(page, 'Que voulez-vous faire?');
        await chat(page).waitForText('Bonjour! Je suis l’assistant PMI+');
        expect(await chat(page).sendBox.getAttribute('placeholder')).toBe('Tapez votre message');
        await choose(page, 'Suis-je admissible?', 'Question 1\u00a0:');
    });

    it('switches the page, Web Chat and the bot to French with the toggle mid-conversation', async () => {
        const page = await visit('en-US');
        await openChat(page, 'What would you like to do?');
        await choose(page, 'Am I eligible?', 'Question 1:');

        await page.locator('#chat-panel [data-action="toggle-language"]').click();
        expect(await page.locator('html').getAttribute('lang')).toBe('fr');
        expect(await page.locator('#chat-title').innerText()).toBe('Assistant PMI+');
        expect(await page.locator('#chat-panel [data-action="toggle-language"]').innerText()).toBe('English');
        expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
        // The page tells the bot with the word the bot reads as a language switch.
        await chat(page).waitForText('Parfait, on continue en français.');
        await chat(page).sendBox.waitFor();
        expect(await chat(page).sendBox.getAttribute('placeholder')).toBe('Tapez votre message');

        await page.locator('#chat-panel [data-action="toggle-language"]').click();
        await chat(page).waitForText('All right, let’s continue in English.');
        expect(await page.locator('#chat-launcher span').innerText()).toBe('Chat with us');
    });

    it('answers a typed question', async () => {
        const page = await visit('en-US');
        await openChat(page, 'What would you like to do?');
        // The FAQ topic about MIFI gives the expected answer; the words come from the knowledge base itself.
        const faq = JSON.parse(readFileSync(join(projectRoot, 'locales', 'en', 'faq.json'), 'utf8')) as {
            topics: Record<string, { answer: string; samples: string[] }>;
        };
        const topic = Object.values(faq.topics).find((t) => t.samples.some((s) => /\bMIFI\b/.test(s)) && /^MIFI is/.test(t.answer));
        expect(topic, 'locales/en/faq.json should have a topic answering "What is MIFI?"').toBeDefined();
        const sendBox = chat(page).sendBox;
        await sendBox.fill('What is MIFI?');
        await sendBox.press('Enter');
        await chat(page).waitForText((topic as { answer: string }).answer.slice(0, 40));
        expect(await chat(page).text()).not.toContain(common('en').fallback.unknown);
    });

    it('can be used with the keyboard alone', async () => {
        const page = await visit('en-US');
        // Tab through the page to the launcher.
        let onLauncher = false;
        for (let presses = 0; presses < 10 && !onLauncher; presses++) {
            await page.keyboard.press('Tab');
            onLauncher = (await focused(page)).id === 'chat-launcher';
        }
        expect(onLauncher).toBe(true);
        await page.keyboard.press('Enter');
        await chat(page).waitForText('What would you like to do?');
        // Opening the chat puts the cursor in the send box.
        // Polled through the DevTools protocol: the page's CSP forbids the eval that waitForFunction needs to poll.
        await expect.poll(async () => (await focused(page)).dataId, { timeout: CONDITION_TIMEOUT }).toBe('webchat-sendbox-input');
        await page.keyboard.type('Am I eligible?');
        await page.keyboard.press('Enter');
        await chat(page).waitForText('Question 1:');
        await chat(page).suggestedAction('Outside Canada').waitFor();

        // From the send box, the suggested actions are one Shift+Tab away.
        let onYes = false;
        for (let presses = 0; presses < 8 && !onYes; presses++) {
            await page.keyboard.press('Shift+Tab');
            onYes = (await focused(page)).text === 'Outside Canada';
        }
        expect(onYes).toBe(true);
        await page.keyboard.press('Enter');
        await chat(page).waitForText('Question 2:');

        // Escape closes the panel and returns to the launcher.
        await page.keyboard.press('Escape');
        expect(await page.locator('#chat-panel').isHidden()).toBe(true);
        expect((await focused(page)).id).toBe('chat-launcher');
    });

    it('has no serious or critical accessibility violations (axe-core), closed and mid-conversation, on a phone too', async () => {
        const axeSource = readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
        type Violation = { id: string; impact: string | null; help: string; nodes: string[] };
        const scan = async (page: Page): Promise<Violation[]> => {
            // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force.
            await page.evaluate(axeSource);
            const violations = (await page.evaluate(
                `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`,
            )) as Violation[];
            return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        };

        const page = await visit('en-US');
        expect(await scan(page)).toEqual([]);
        await openChat(page, 'What would you like to do?');
        await choose(page, 'Am I eligible?', 'Question 1:');
        expect(await scan(page)).toEqual([]);

        const phone = await visit('fr-CA', { width: 390, height: 844 });
        await openChat(phone, 'Que voulez-vous faire?');
        // On a phone the open panel takes the whole screen.
        const box = await phone.locator('#chat-panel').boundingBox();
        expect(box).toMatchObject({ x: 0, width: 390 });
        expect(await scan(phone)).toEqual([]);
    });

    it('embeds on a firm website from another origin with one script tag (launcher, iframe panel, Escape)', async () => {
        // The firm's website: another origin, whose page includes the embed script and nothing else of ours.
        const site = createHttpServer((_req, res) => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(`<!doctype html><html lang="fr"><head><title>Firm</title></head><body><h1>Firm</h1>
                <script src="${assistant.url}/webchat/embed.js" defer></script></body></html>`);
        });
        let assistant: RunningBot = bot;
        await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
        const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
        assistant = await startBot({ WEBCHAT_FRAME_ANCESTORS: `'self' ${siteUrl}` });
        try {
            const context = await browser.newContext({ locale: 'en-US' });
            const page = await context.newPage();
            const problems: string[] = [];
            page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
            opened.push({ context, page, problems });
            await page.goto(siteUrl);
            // The host page's <html lang="fr"> chooses French.
            const launcher = page.locator('#impplus-assistant-launcher');
            expect(await launcher.innerText()).toBe('Clavarder avec nous');
            await launcher.click();
            const frame = page.frameLocator('iframe[title="Assistant PMI+"]');
            await frame.getByText('Que voulez-vous faire?').last().waitFor({ timeout: CONDITION_TIMEOUT });
            // The focus is in the chat (inside the iframe): Escape there closes the host's panel.
            await frame.locator('[data-id="webchat-sendbox-input"]').focus();
            await page.keyboard.press('Escape');
            await page.locator('#impplus-assistant-panel').waitFor({ state: 'hidden', timeout: CONDITION_TIMEOUT });
            expect(await launcher.isVisible()).toBe(true);
        } finally {
            await assistant.close();
            await new Promise<void>((resolve) => {
                site.close(() => resolve());
                site.closeAllConnections();
            });
        }
    });
});
