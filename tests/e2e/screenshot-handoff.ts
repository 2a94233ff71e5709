// Takes docs/screenshot-teams-handoff.png: the handoff card as the Microsoft 365 Agents Playground (a Teams-like
// client) shows it in a team channel. `npx tsx tests/e2e/screenshot-handoff.ts`. Not a test.
import { join } from 'node:path';
import { projectRoot } from '../../src/configuration/paths';
import { launchChromium } from '../helpers/browser';
import { Playground } from '../helpers/playground';
import { startBot } from '../helpers/server';
import { eventually, Visitor } from '../helpers/visitor';

async function main(): Promise<void> {
    const bot = await startBot({ FIRM_NAME: 'Cabinet Tremblay', FIRM_EMAIL: 'info@tremblay.example' });
    const playground = await Playground.start(`${bot.url}/api/messages`);
    const browser = await launchChromium();
    try {
        const config = await playground.config();
        const general = config.teams[0]?.channels[0];
        if (!general) throw new Error('no team channel');
        // The web UI starts its session when it opens: open it first, in the channel, then let the visitor ask.
        const page = await browser.newPage({ viewport: { width: 1280, height: 1250 }, locale: 'en-US' });
        await page.goto(playground.url);
        await page.getByText('General', { exact: true }).first().click();
        await playground.install(general.id);
        await page.getByText('visitors’ requests for an advisor will be posted in this channel', { exact: false }).first().waitFor();
        const visitor = await Visitor.start(bot.url, 'fr-CA');
        await visitor.hears('Bonjour');
        await visitor.poll();
        for (const text of [
            'combien coûte le permis de travail ouvert?',
            'Suis-je admissible?',
            'À l’extérieur du Canada',
            'parler à un conseiller',
            'oui',
            'marie.gagnon@exemple.ca',
        ]) {
            await visitor.say(text);
            await visitor.hearsAnswer();
        }
        await eventually(
            () => [...playground.messages.values()].some((m) => m.attachments.length > 0),
            (posted) => posted,
            'the card',
        );
        await page.getByText('Request for an advisor', { exact: true }).first().waitFor();
        await page.getByText('Request for an advisor', { exact: true }).first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(projectRoot, 'docs', 'screenshot-teams-handoff.png') });
        if (process.argv[2] === 'claim') {
            await page.getByText('I’ll take it', { exact: true }).first().click();
            await page.getByText('Taken by', { exact: false }).first().waitFor();
            await page.screenshot({ path: join(projectRoot, 'docs', 'screenshot-teams-handoff-claimed.png') });
        }
    } finally {
        await browser.close();
        await playground.stop();
        await bot.close();
    }
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
