// Measures what the widget costs a visitor on a phone: `npx tsx tests/e2e/measure-load.ts [runs]`.
// Not a test (vitest runs *.test.ts only). Headless Chromium, 390×844 touch, Lighthouse's "Slow 4G" mobile
// profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU slowdown. Each run starts with an
// empty cache and measures: the bytes transferred before the launcher is clicked, the time from navigation to
// the page's load event, and the time from the click to the first bot message on screen; then, in a second tab
// of the same browser (the HTTP cache warm, a new conversation), the click-to-message time again. Medians of
// the runs are printed; the figures are in docs/benchmarks.md.

import type { Page } from 'playwright-core';
import { CONDITION_TIMEOUT, launchChromium } from '../helpers/browser';
import { startBot } from '../helpers/server';

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

interface Run {
    bytesBeforeClick: number;
    largestBeforeClick: { url: string; bytes: number };
    requestsBeforeClick: number;
    loadEventMs: number;
    clickToFirstBotMessageMs: number;
    bytesAfterClick: number;
    repeatVisitClickToFirstBotMessageMs: number;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function main(): Promise<void> {
    const runs = Number(process.argv[2] ?? 3);
    const bot = await startBot();
    const browser = await launchChromium();
    const results: Run[] = [];
    try {
        for (let run = 0; run < runs; run++) {
            const context = await browser.newContext({
                locale: 'en-US',
                viewport: { width: 390, height: 844 },
                deviceScaleFactor: 3,
                isMobile: true,
                hasTouch: true,
            });
            const transferred: { url: string; bytes: number }[] = [];
            const throttled = async (page: Page) => {
                const cdp = await context.newCDPSession(page);
                await cdp.send('Network.enable');
                await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
                await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
                const urls = new Map<string, string>();
                cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
                cdp.on('Network.loadingFinished', (event) =>
                    transferred.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength }),
                );
            };
            const clickToFirstBotMessage = async (page: Page) => {
                const clickedAt = Date.now();
                await page.locator('#chat-launcher').click();
                await page
                    .locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user)')
                    .first()
                    .waitFor({ state: 'visible', timeout: CONDITION_TIMEOUT });
                return Date.now() - clickedAt;
            };

            const page = await context.newPage();
            await throttled(page);
            const startedAt = Date.now();
            await page.goto(`${bot.url}/`, { waitUntil: 'load' });
            const loadEventMs = Date.now() - startedAt;
            await page.waitForLoadState('networkidle');
            await page.locator('body[data-ready="true"]').waitFor({ timeout: CONDITION_TIMEOUT });
            const before = [...transferred];
            const clickToFirstBotMessageMs = await clickToFirstBotMessage(page);
            const after = transferred.slice(before.length);
            const largest = before.reduce((a, b) => (b.bytes > a.bytes ? b : a), { url: '', bytes: 0 });

            // A repeat visit: another tab (its own sessionStorage, so a new conversation), the cache warm.
            const again = await context.newPage();
            await throttled(again);
            await again.goto(`${bot.url}/`, { waitUntil: 'networkidle' });
            await again.locator('body[data-ready="true"]').waitFor({ timeout: CONDITION_TIMEOUT });
            const repeatVisitClickToFirstBotMessageMs = await clickToFirstBotMessage(again);

            results.push({
                bytesBeforeClick: before.reduce((sum, r) => sum + r.bytes, 0),
                largestBeforeClick: { url: new URL(largest.url || bot.url).pathname, bytes: largest.bytes },
                requestsBeforeClick: before.length,
                loadEventMs,
                clickToFirstBotMessageMs,
                bytesAfterClick: after.reduce((sum, r) => sum + r.bytes, 0),
                repeatVisitClickToFirstBotMessageMs,
            });
            await context.close();
        }
    } finally {
        await browser.close();
        await bot.close();
    }
    for (const [index, r] of results.entries()) console.log(`run ${index + 1}: ${JSON.stringify(r)}`);
    console.log(
        JSON.stringify({
            runs: results.length,
            medianBytesBeforeClick: median(results.map((r) => r.bytesBeforeClick)),
            medianLoadEventMs: median(results.map((r) => r.loadEventMs)),
            medianClickToFirstBotMessageMs: median(results.map((r) => r.clickToFirstBotMessageMs)),
            medianRepeatVisitClickToFirstBotMessageMs: median(results.map((r) => r.repeatVisitClickToFirstBotMessageMs)),
        }),
    );
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
