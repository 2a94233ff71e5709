import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../scripts/report';
import { projectRoot } from '../../src/configuration/paths';
import { launchChromium } from '../helpers/browser';
import { SCRIPTS, writeScriptedLog } from '../helpers/scriptedLog';

// The report built from the log of real conversations (scripted, through the whole bot, on three channels
// and in both languages), then its HTML page opened in Chromium: charts drawn, no error, no request.
const run = promisify(execFile);
let dir: string;
let log: string;
let browser: Browser;

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'impplus-report-'));
    log = join(dir, 'bot.log');
    await writeScriptedLog(log);
    browser = await launchChromium();
});
afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run report -- <log> --html <file> [--lang]` as a person would (tsx, the script, its arguments). */
async function report(html: string, language?: string): Promise<string> {
    const args = [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/report.ts', log, '--html', html];
    if (language) args.push('--lang', language);
    const { stdout } = await run(process.execPath, args, { cwd: projectRoot });
    return stdout;
}

/** Opens a file in a fresh page, recording every request and every console error. */
async function open(file: string): Promise<{ page: Page; requests: string[]; problems: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, requests, problems, close: () => context.close() };
}

describe('the report of scripted conversations', () => {
    it('counts conversations per day and channel, the funnel, ratings with reasons, satisfaction and unanswered questions', () => {
        const summary = summarize(readFileSync(log, 'utf8').split('\n'));
        expect(summary.conversations.reduce((sum, c) => sum + c.count, 0)).toBe(SCRIPTS.length);
        expect(summary.conversations).toContainEqual({ day: '2026-11-23', channel: 'webchat', count: 2 });
        expect(summary.conversations).toContainEqual({ day: '2026-11-24', channel: 'msteams', count: 1 });
        expect(summary.period).toEqual({ from: '2026-11-23', to: '2026-11-26' });
        expect(summary.verdicts).toMatchObject({ total: 4, eligible: 2, unmet: { residence: 1, csq: 1 } });
        expect(summary.funnel[0]).toEqual({ step: 'residence', reached: 6, droppedAfter: 0 });
        // One check left at the CSQ question ("cancel"), one at the PR question ("menu").
        expect(summary.funnel[1]).toEqual({ step: 'csq', reached: 5, droppedAfter: 1 });
        expect(summary.funnel[2]).toEqual({ step: 'pr', reached: 3, droppedAfter: 1 });
        expect(summary.ratings.find((r) => r.topic === 'fees')).toEqual({
            topic: 'fees',
            helpful: 0,
            notHelpful: 1,
            reasons: { outdated: 1 },
        });
        expect(summary.ratings.reduce((sum, r) => sum + r.helpful, 0)).toBe(2);
        expect(summary.ratings.reduce((sum, r) => sum + r.notHelpful, 0)).toBe(3);
        expect(summary.satisfaction).toEqual({ good: 2, fair: 1, poor: 1, skipped: 2 });
        expect(summary.unanswered[0]).toMatchObject({ count: 2 });
    });

    it('writes a self-contained English page that Chromium shows with its charts, no error and no request', async () => {
        const file = join(dir, 'report.html');
        const stdout = await report(file);
        // The console summary stays.
        expect(stdout).toContain('Funnel');
        expect(stdout).toContain('Answers rated');
        const html = readFileSync(file, 'utf8');
        expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org)/i);

        const { page, requests, problems, close } = await open(file);
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        expect(await page.locator('h1').innerText()).toBe('IMP+ assistant: conversation report');
        // Five charts; the handoffs section says "Nothing yet" until the log has handoff events.
        expect(await page.locator('figure svg').count()).toBe(5);
        expect(await page.locator('h2').allInnerTexts()).toContain('Answers rated not helpful');
        expect(await page.locator('.kpi .value').first().innerText()).toBe(String(SCRIPTS.length));
        expect(requests).toEqual([`file://${file}`]);
        expect(problems).toEqual([]);
        await close();
    });

    it('writes it in French with --lang fr', async () => {
        const file = join(dir, 'rapport.html');
        await report(file, 'fr');
        const { page, requests, problems, close } = await open(file);
        expect(await page.locator('html').getAttribute('lang')).toBe('fr');
        expect(await page.locator('h1').innerText()).toBe('Assistant PMI+\u00a0: rapport des conversations');
        const titles = await page.locator('h2').allInnerTexts();
        expect(titles).toContain('Réponses jugées pas utiles');
        expect(titles).not.toContain('Answers rated not helpful');
        expect(await page.locator('figure svg text').allTextContents()).toContain('Clavardage Web');
        expect(requests).toEqual([`file://${file}`]);
        expect(problems).toEqual([]);
        await close();
    });
});
