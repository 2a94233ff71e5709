import type { Activity, CardAction } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/content/i18n';
import type { Language } from '../src/content/languages';
import { detectLanguage } from '../src/understanding/languageDetection';
import { buttonsOf, Chat, messages, textOf } from './helpers/chat';

/**
 * Walks every path of every dialog by tapping the buttons the bot offers, on each channel and in each
 * language, and checks every message against the channel's documented limits. The limits are written
 * here from the channels' documentation, not read from the renderer, so a renderer bug cannot hide.
 */
interface Limits {
    adaptiveCards: boolean;
    maxAdaptiveCardVersion: number;
    suggestedActions: boolean;
    maxSuggestedActions: number;
    maxCardButtons: number;
    maxTextLength: number;
}

const LIMITS: Record<string, Limits> = {
    webchat: {
        adaptiveCards: true,
        maxAdaptiveCardVersion: 1.6,
        suggestedActions: true,
        maxSuggestedActions: 100,
        maxCardButtons: 100,
        maxTextLength: 20_000,
    },
    msteams: {
        adaptiveCards: true,
        maxAdaptiveCardVersion: 1.5,
        suggestedActions: false,
        maxSuggestedActions: 0,
        maxCardButtons: 6,
        maxTextLength: 20_000,
    },
    facebook: {
        adaptiveCards: false,
        maxAdaptiveCardVersion: 0,
        suggestedActions: true,
        maxSuggestedActions: 13,
        maxCardButtons: 3,
        maxTextLength: 2_000,
    },
};
const MAX_TITLE = 20;
const MAX_DEPTH = 14;
const t = createTranslator();

interface AdaptiveCardContent {
    version: string;
    actions?: { type: string; title?: string; data?: { msteams?: { type?: string; text?: string } } }[];
}

function checkMessage(channel: string, language: Language, message: Partial<Activity>, where: string): void {
    const limits = LIMITS[channel] as Limits;
    const attachments = message.attachments ?? [];
    expect(Boolean(message.text?.trim()) || attachments.length > 0, `${where}: empty message`).toBe(true);
    expect((message.text ?? '').length, `${where}: text too long`).toBeLessThanOrEqual(limits.maxTextLength);

    const suggested = message.suggestedActions?.actions ?? [];
    if (!limits.suggestedActions) expect(suggested, `${where}: suggested actions on ${channel}`).toEqual([]);
    expect(suggested.length).toBeLessThanOrEqual(limits.maxSuggestedActions);

    const buttons: CardAction[] = [...suggested];
    for (const attachment of attachments) {
        if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
            expect(limits.adaptiveCards, `${where}: Adaptive Card on ${channel}`).toBe(true);
            const card = attachment.content as AdaptiveCardContent;
            expect(Number(card.version), `${where}: card version`).toBeLessThanOrEqual(limits.maxAdaptiveCardVersion);
            const actions = card.actions ?? [];
            expect(actions.length).toBeLessThanOrEqual(limits.maxCardButtons);
            for (const action of actions) {
                expect(['Action.OpenUrl', 'Action.Submit']).toContain(action.type);
                // A submit must send text (messageBack) so that typed and tapped answers read the same.
                if (action.type === 'Action.Submit') {
                    expect(action.data?.msteams?.type).toBe('messageBack');
                    expect(action.data?.msteams?.text?.length).toBeGreaterThan(0);
                }
                expect((action.title ?? '').length, `${where}: "${action.title}"`).toBeLessThanOrEqual(MAX_TITLE);
            }
        } else {
            expect(attachment.contentType).toBe('application/vnd.microsoft.card.hero');
            const cardButtons = (attachment.content as { buttons?: CardAction[] }).buttons ?? [];
            expect(cardButtons.length, `${where}: too many card buttons`).toBeLessThanOrEqual(limits.maxCardButtons);
            buttons.push(...cardButtons);
        }
    }
    for (const button of buttons) {
        expect(['imBack', 'messageBack']).toContain(button.type);
        expect(button.title.length, `${where}: "${button.title}"`).toBeGreaterThan(0);
        expect(button.title.length, `${where}: "${button.title}"`).toBeLessThanOrEqual(MAX_TITLE);
    }

    // No text in the wrong language (links aside).
    const readable = textOf([message]).replace(/https?:\/\/\S+/g, '');
    const guess = detectLanguage(readable);
    if (guess.language && guess.language !== language) {
        expect(guess.confidence, `${where}: reads as ${guess.language}: ${readable.slice(0, 120)}`).toBeLessThan(0.5);
    }
}

/** Replays a path of taps from a fresh conversation and returns the replies to the last one. */
async function replay(
    channel: string,
    language: Language,
    path: string[],
): Promise<{ replies: Partial<Activity>[]; all: Partial<Activity>[] }> {
    const chat = new Chat({ channelId: channel, locale: channel === 'facebook' ? undefined : `${language}-CA` });
    let replies = await chat.open();
    const all = [...replies];
    if (channel === 'facebook') {
        replies = await chat.say(language === 'fr' ? 'Français' : 'English');
        all.push(...replies);
    }
    for (const tap of path) {
        replies = await chat.say(tap);
        all.push(...replies);
    }
    return { replies, all };
}

function signature(replies: Partial<Activity>[]): string {
    return `${textOf(replies)}|${buttonsOf(replies).join('|')}`;
}

describe.each(['webchat', 'msteams', 'facebook'])('every path on %s', (channel) => {
    it.each(['en', 'fr'] as const)('in %s', async (language) => {
        const menu = ['eligibility', 'permit', 'family', 'steps', 'question', 'advisor'].map((id) =>
            t.t(language, `common:menu.choices.${id}`),
        );
        const notUnderstood = [
            t.t(language, 'common:retry.choose', { options: '' }).split(':')[0] as string,
            t.t(language, 'common:fallback.unknown'),
        ];
        const unsure = [t.t(language, 'eligibility:choices.unsure'), t.t(language, 'family:choices.unsure')];
        let paths = 0;
        let messagesChecked = 0;

        const explore = async (path: string[], seen: string[]): Promise<void> => {
            const { replies } = await replay(channel, language, path);
            const where = `${channel}/${language} [${path.join(' > ')}]`;
            for (const message of messages(replies)) {
                checkMessage(channel, language, message, where);
                messagesChecked += 1;
            }
            if (path.length > 0) {
                for (const phrase of notUnderstood) expect(textOf(replies), `${where}: tap not understood`).not.toContain(phrase);
            }
            const buttons = buttonsOf(replies);
            const state = signature(replies);
            const backAtMenu = path.length > 0 && buttons.join('|') === menu.join('|');
            if (buttons.length === 0 || backAtMenu || seen.includes(state) || path.length >= MAX_DEPTH) {
                paths += 1;
                return;
            }
            for (const button of buttons) {
                // "Not sure" is explored once per path: every later question handles it the same way, and
                // each one more multiplies the paths by the number of questions left.
                if (unsure.includes(button) && path.some((tap) => unsure.includes(tap))) continue;
                await explore([...path, button], [...seen, state]);
            }
        };

        await explore([], []);
        // Eligibility alone has more than 50 distinct verdict paths.
        expect(paths).toBeGreaterThan(60);
        expect(messagesChecked).toBeGreaterThan(200);
    });
});
