import { chromium } from 'playwright-core';
import { startBot } from '../tests/helpers/server';

async function main() {
    const bot = await startBot();
    const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
    p.on('response', async (r) => {
        if (r.url().includes('/activities') && r.request().method() === 'GET') {
            const body = await r.text();
            if (body.includes('schema.org'))
                console.log('ENTITIES', body.slice(body.indexOf('entities') - 20, body.indexOf('entities') + 500));
        }
    });
    await p.goto(`${bot.url}/`);
    await p.locator('body[data-ready="true"]').waitFor();
    await p.locator('#chat-launcher').click();
    await p.getByText('What would you like to do?').first().waitFor();
    const box = p.locator('#webchat input[type="text"], #webchat textarea').first();
    await box.fill('how much are the fees');
    await box.press('Enter');
    await p.getByText('Source:').first().waitFor();
    await p.waitForTimeout(2000);
    console.log(await p.locator('.webchat__activity-status').count(), await p.locator('.webchat__activity-status').allInnerTexts());
    await p.screenshot({ path: '/tmp/wt14b/wc.png' });
    await b.close();
    await bot.close();
}
main();
