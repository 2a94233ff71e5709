// Takes the screenshots in docs/ with the real widget: `npx tsx tests/e2e/screenshot.ts`.
// Not a test (vitest runs *.test.ts only); it drives the same page the end-to-end tests use, at 1280×800 and
// 390×844, in English and in French.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/configuration/paths';
import { chat, choose, launchChromium, openPage } from '../helpers/browser';
import { startBot } from '../helpers/server';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

type Step = [button: string, reply: string];

const WORDS = {
    en: {
        menu: 'What would you like to do?',
        eligible: 'Am I eligible?',
        question1: 'Question 1:',
        // A criterion not met: the verdict's first sentence, its card and the menu.
        verdict: [
            ['Outside Canada', 'Question 2:'],
            ['Regular (PRTQ)', 'Question 3:'],
            ['In process', 'Question 4:'],
            ['Yes', 'Question 5:'],
            ['No', 'Based on your answers'],
        ] as Step[],
        permit: ['Open work permit', 'Duration'] as Step,
    },
    fr: {
        menu: 'Que voulez-vous faire?',
        eligible: 'Suis-je admissible?',
        question1: 'Question 1\u00a0:',
        verdict: [
            ['Hors du Canada', 'Question 2\u00a0:'],
            ['Régulier (PRTQ)', 'Question 3\u00a0:'],
            ['En traitement', 'Question 4\u00a0:'],
            ['Oui', 'Question 5\u00a0:'],
            ['Non', 'D’après vos réponses'],
        ] as Step[],
        permit: ['Permis de travail', 'Durée'] as Step,
    },
};

async function open(browser: Browser, url: string, lang: 'en' | 'fr', viewport: { width: number; height: number }) {
    const opened = await openPage(browser, url, { locale: lang === 'fr' ? 'fr-CA' : 'en-US', viewport, touch: viewport === PHONE });
    await opened.page.locator('#chat-launcher').click();
    await chat(opened.page).waitForText(WORDS[lang].menu);
    return opened;
}

async function shoot(page: Page, file: string): Promise<void> {
    // Web Chat scrolls smoothly: wait until the transcript stops moving before the picture.
    await page.evaluate(
        `new Promise((resolve) => {
            const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
            const before = scroller ? scroller.scrollTop : 0;
            requestAnimationFrame(() => requestAnimationFrame(() => resolve((scroller ? scroller.scrollTop : 0) === before)));
        })`,
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(projectRoot, 'docs', file) });
}

async function main(): Promise<void> {
    const bot = await startBot();
    const browser = await launchChromium();
    const problems: string[] = [];
    try {
        const shots: [
            lang: 'en' | 'fr',
            viewport: { width: number; height: number },
            what: 'check' | 'verdict' | 'permit',
            file: string,
        ][] = [
            ['en', DESKTOP, 'check', 'screenshot-webchat.png'],
            ['en', DESKTOP, 'verdict', 'screenshot-webchat-verdict.png'],
            ['fr', DESKTOP, 'permit', 'screenshot-webchat-fr.png'],
            ['fr', DESKTOP, 'verdict', 'screenshot-webchat-fr-verdict.png'],
            ['en', PHONE, 'verdict', 'screenshot-webchat-phone.png'],
            ['en', PHONE, 'permit', 'screenshot-webchat-phone-permit.png'],
            ['fr', PHONE, 'check', 'screenshot-webchat-phone-fr.png'],
            ['fr', PHONE, 'verdict', 'screenshot-webchat-phone-fr-verdict.png'],
        ];
        for (const [lang, viewport, what, file] of shots) {
            const words = WORDS[lang];
            const opened = await open(browser, `${bot.url}/?lang=${lang}`, lang, viewport);
            const page = opened.page;
            if (what === 'permit') await choose(page, ...words.permit);
            else {
                await choose(page, words.eligible, words.question1);
                if (what === 'verdict') for (const step of words.verdict) await choose(page, ...step);
            }
            await shoot(page, file);
            problems.push(...opened.problems);
            await opened.context.close();
        }
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
