// Measures what the widget costs a visitor on a phone: `npx tsx tests/e2e/measure-load.ts [runs]`.
// Not a test (vitest runs *.test.ts only). Headless Chromium, 390×844, Lighthouse's "Slow 4G" mobile profile
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and 4× CPU slowdown, each run with an empty cache. It
// prints the bytes transferred before the launcher is clicked and the time from the click to the first bot
// message on screen (the median of the runs). The figures are in docs/benchmarks.md.

import { CONDITION_TIMEOUT, launchChromium } from '../helpers/browser';
import { startBot } from '../helpers/server';

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

interface Run {
    bytesBeforeClick: number;
    largestBeforeClick: { url: string; bytes: number };
    requestsBeforeClick: number;
    clickToFirstBotMessageMs: number;
    bytesAfterClick: number;
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
            const page = await context.newPage();
            const cdp = await context.newCDPSession(page);
            await cdp.send('Network.enable');
            await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
            await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
            const urls = new Map<string, string>();
            const transferred: { url: string; bytes: number }[] = [];
            cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
            cdp.on('Network.loadingFinished', (event) =>
                transferred.push({ url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength }),
            );

            await page.goto(`${bot.url}/`, { waitUntil: 'networkidle' });
            await page.locator('body[data-ready="true"]').waitFor({ timeout: CONDITION_TIMEOUT });
            const before = [...transferred];
            const clickedAt = Date.now();
            await page.locator('#chat-launcher').click();
            await page
                .locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user)')
                .first()
                .waitFor({ state: 'visible', timeout: CONDITION_TIMEOUT });
            const clickToFirstBotMessageMs = Date.now() - clickedAt;
            const after = transferred.slice(before.length);
            const largest = before.reduce((a, b) => (b.bytes > a.bytes ? b : a), { url: '', bytes: 0 });
            results.push({
                bytesBeforeClick: before.reduce((sum, r) => sum + r.bytes, 0),
                largestBeforeClick: { url: new URL(largest.url || bot.url).pathname, bytes: largest.bytes },
                requestsBeforeClick: before.length,
                clickToFirstBotMessageMs,
                bytesAfterClick: after.reduce((sum, r) => sum + r.bytes, 0),
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
            medianClickToFirstBotMessageMs: median(results.map((r) => r.clickToFirstBotMessageMs)),
        }),
    );
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
