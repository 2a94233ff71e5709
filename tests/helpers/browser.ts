import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/**
 * How long a wait for a condition (a message on screen, a button) may take before the test fails: a safety net
 * for a busy machine, not a pace. Every wait returns as soon as its condition holds.
 */
export const CONDITION_TIMEOUT = 60_000;

/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere if needed. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium, or fails with how to install it: the end-to-end tests must never pass by
 * skipping on a machine (or CI runner) where the browser is missing.
 */
export async function launchChromium(): Promise<Browser> {
    if (!existsSync(CHROMIUM_PATH)) {
        throw new Error(
            `Chromium was not found at ${CHROMIUM_PATH}: the end-to-end tests need a real browser. ` +
                'Install it once with "apt-get update && apt-get install -y chromium", or set CHROMIUM_PATH.',
        );
    }
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--no-first-run',
            '--disable-quic',
            '--disable-component-update',
            '--disable-sync',
        ],
    });
}

export interface OpenedPage {
    context: BrowserContext;
    page: Page;
    /** Console errors, uncaught page errors and CSP violations: a working page has none. */
    problems: string[];
}

/** A fresh context (own cookies, storage and language) with the page loaded. */
export async function openPage(
    browser: Browser,
    url: string,
    options: { locale?: string; viewport?: { width: number; height: number }; touch?: boolean } = {},
): Promise<OpenedPage> {
    const context = await browser.newContext({
        locale: options.locale ?? 'en-US',
        viewport: options.viewport ?? { width: 1280, height: 800 },
        // A phone: a touch screen without hover, as (hover: hover) media queries see it.
        ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('body[data-ready="true"]').waitFor({ timeout: CONDITION_TIMEOUT });
    return { context, page, problems };
}

/** Web Chat's transcript and its parts, as a user sees them. */
export function chat(page: Page) {
    const transcript = page.locator('#webchat');
    return {
        transcript,
        sendBox: transcript.locator('input[type="text"], textarea').first(),
        /** The buttons under the last message (Web Chat removes them once one is used). */
        suggestedAction(title: string): Locator {
            return transcript.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true });
        },
        /** Waits until a bot or user message containing the text is on screen. */
        async waitForText(text: string, timeout = CONDITION_TIMEOUT): Promise<void> {
            await transcript.getByText(text, { exact: false }).last().waitFor({ state: 'visible', timeout });
        },
        /** Everything written in the transcript so far (messages and cards). */
        async text(): Promise<string> {
            return (await transcript.locator('.webchat__basic-transcript__transcript').innerText()).replace(/\s+/g, ' ');
        },
    };
}

/** Clicks a suggested action once it is drawn, then waits for the bot's answer. */
export async function choose(page: Page, title: string, expectedReply: string): Promise<void> {
    const button = chat(page).suggestedAction(title);
    await button.waitFor({ state: 'visible', timeout: CONDITION_TIMEOUT });
    await button.click();
    await chat(page).waitForText(expectedReply);
}

/** What has the keyboard focus (evaluated as a string: this Node project compiles without the DOM types). */
export async function focused(page: Page): Promise<{ id: string; dataId: string; text: string }> {
    return (await page.evaluate(
        `(() => { const e = document.activeElement; return { id: e?.id ?? '', dataId: e?.getAttribute('data-id') ?? '', text: (e?.textContent ?? '').trim() }; })()`,
    )) as { id: string; dataId: string; text: string };
}
