// Takes docs/screenshot-report.png: the HTML report of the scripted conversations, as the firm sees it:
// `npx tsx tests/e2e/screenshot-report.ts`. Not a test (vitest runs *.test.ts only).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize } from '../../scripts/report';
import { renderHtmlReport } from '../../scripts/report/html';
import { projectRoot } from '../../src/configuration/paths';
import { createTranslator } from '../../src/content/i18n';
import { launchChromium } from '../helpers/browser';
import { writeScriptedLog } from '../helpers/scriptedLog';

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

reportScreenshot().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
});
