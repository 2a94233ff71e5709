// Takes the screenshots in docs/ with the real widget: `npx tsx tests/e2e/screenshot.ts`; the report's alone
// with `npx tsx tests/e2e/screenshot.ts report`.
// Not a test (vitest runs *.test.ts only); it drives the same page the end-to-end tests use.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize } from '../../scripts/report';
import { renderHtmlReport } from '../../scripts/report/html';
import { projectRoot } from '../../src/configuration/paths';
import { createTranslator } from '../../src/content/i18n';
import { chat, choose, launchChromium, openPage } from '../helpers/browser';
import { writeScriptedLog } from '../helpers/scriptedLog';
import { startBot } from '../helpers/server';

/** The HTML report of the scripted conversations (tests/helpers/scriptedLog.ts), as the firm sees it. */
async function reportScreenshot(): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'impplus-report-'));
    const browser = await launchChromium();
    try {
        const log = join(dir, 'bot.log');
        await writeScriptedLog(log);
        const summary = summarize(readFileSync(log, 'utf8').split('\n'));
        const html = await renderHtmlReport(summary, {
            language: 'en',
            translator: createTranslator(),
            source: 'bot.log',
            now: new Date('2026-11-27T09:00:00Z'),
        });
        const file = join(dir, 'report.html');
        writeFileSync(file, html);
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`file://${file}`);
        await page.screenshot({ path: join(projectRoot, 'docs', 'screenshot-report.png'), fullPage: true });
    } finally {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
    }
}

async function main(): Promise<void> {
    if (process.argv[2] === 'report') return reportScreenshot();
    const bot = await startBot();
    const browser = await launchChromium();
    try {
        const desktop = await openPage(browser, `${bot.url}/`, { locale: 'en-US', viewport: { width: 1280, height: 800 } });
        await desktop.page.locator('#chat-launcher').click();
        await chat(desktop.page).waitForText('What would you like to do?');
        await choose(desktop.page, 'Am I eligible?', 'Question 1:');
        await choose(desktop.page, 'Outside Canada', 'Question 2:');
        await desktop.page.waitForTimeout(400);
        await desktop.page.screenshot({ path: join(projectRoot, 'docs', 'screenshot-webchat.png') });

        const phone = await openPage(browser, `${bot.url}/`, { locale: 'fr-CA', viewport: { width: 390, height: 844 } });
        await phone.page.locator('#chat-launcher').click();
        await chat(phone.page).waitForText('Que voulez-vous faire?');
        await choose(phone.page, 'Suis-je admissible?', 'Question 1\u00a0:');
        await phone.page.waitForTimeout(400);
        await phone.page.screenshot({ path: join(projectRoot, 'docs', 'screenshot-webchat-phone-fr.png') });
        const problems = [...desktop.problems, ...phone.problems];
        if (problems.length > 0) throw new Error(`The page reported problems:\n${problems.join('\n')}`);
    } finally {
        await browser.close();
        await bot.close();
    }
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
