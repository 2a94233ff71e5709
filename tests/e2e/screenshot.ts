// Takes the screenshots in docs/ with the real widget: `npx tsx tests/e2e/screenshot.ts`.
// Not a test (vitest runs *.test.ts only); it drives the same page the end-to-end tests use.
import { join } from 'node:path';
import { projectRoot } from '../../src/configuration/paths';
import { chat, choose, launchChromium, openPage } from '../helpers/browser';
import { startBot } from '../helpers/server';

async function main(): Promise<void> {
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
