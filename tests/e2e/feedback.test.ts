import { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger';
import { CONDITION_TIMEOUT, chat, launchChromium, openPage } from '../helpers/browser';
import { type RunningBot, startBot } from '../helpers/server';

// Web Chat 4.18 draws a message's schema.org Like/Dislike actions as thumbs in its status line, and posts
// the vote as an event: the whole loop in a real Chromium, through the local Direct Line to the bot.
const events: Record<string, unknown>[] = [];
const sink = new Writable({
    write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
            const entry = JSON.parse(line) as Record<string, unknown>;
            if (typeof entry.event === 'string') events.push(entry);
        }
        done();
    },
});
let bot: RunningBot;
let browser: Browser;

beforeAll(async () => {
    bot = await startBot({}, {}, { logger: createLogger('info', sink) });
    browser = await launchChromium();
});
afterAll(async () => {
    await browser?.close();
    await bot?.close();
});

describe('rating an answer in the website widget', () => {
    it('shows thumbs under an answer; a thumbs down reaches the bot, which asks why, and the reason is tracked', async () => {
        const { page, problems, context } = await openPage(browser, `${bot.url}/`, { locale: 'en-US' });
        await page.locator('#chat-launcher').click();
        await chat(page).waitForText('What would you like to do?');
        await chat(page).sendBox.fill('how much are the fees');
        await chat(page).sendBox.press('Enter');
        await chat(page).waitForText('Source:');

        const dislike = page.locator('#webchat button.webchat__thumb-button').last();
        await dislike.waitFor({ state: 'visible', timeout: CONDITION_TIMEOUT });
        expect(await page.locator('#webchat button.webchat__thumb-button').count()).toBe(2);
        await dislike.click();
        await chat(page).waitForText('What was wrong with that answer?');
        expect(events.find((e) => e.event === 'answer.rated')).toMatchObject({ helpful: false, channel: 'webchat', locale: 'en' });

        await chat(page).suggestedAction('It’s outdated').click();
        await chat(page).waitForText('Thank you for your feedback!');
        const reason = events.find((e) => e.event === 'answer.reason');
        expect(reason).toMatchObject({ reason: 'outdated', channel: 'webchat' });
        expect(reason?.topic).toBe(events.find((e) => e.event === 'answer.rated')?.topic);
        expect(problems).toEqual([]);
        await context.close();
    });

    it('keeps the thumbs of an answer given mid-question, and a vote there leaves the question in place', async () => {
        const { page, problems, context } = await openPage(browser, `${bot.url}/`, { locale: 'fr-CA' });
        await page.locator('#chat-launcher').click();
        await chat(page).waitForText('Que voulez-vous faire?');
        await chat(page).suggestedAction('Suis-je admissible?').click();
        await chat(page).waitForText('Question 1');
        await chat(page).sendBox.fill('combien coûte le permis');
        await chat(page).sendBox.press('Enter');
        await chat(page).waitForText('Source :');
        // The answer is followed by the question asked again; Web Chat would show a status line only under the last.
        const like = page.locator('#webchat button.webchat__thumb-button').first();
        await like.waitFor({ state: 'visible', timeout: CONDITION_TIMEOUT });
        const rated = events.filter((e) => e.event === 'answer.rated').length;
        await like.click();
        await expect.poll(() => events.filter((e) => e.event === 'answer.rated').length, { timeout: CONDITION_TIMEOUT }).toBe(rated + 1);
        expect(events.filter((e) => e.event === 'answer.rated').at(-1)).toMatchObject({ helpful: true, locale: 'fr' });
        // No reason question over the pending one: its buttons are still the last thing on screen.
        await chat(page).suggestedAction('Au Québec').waitFor({ state: 'visible', timeout: CONDITION_TIMEOUT });
        expect(await chat(page).text()).not.toContain('Qu’est-ce qui n’allait pas');
        expect(problems).toEqual([]);
        await context.close();
    });
});
