import { ActionTypes } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { CHANNEL_PROFILES, renderReply, splitText } from '../src/channels/render';

const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Choice ${i + 1}`, value: `Choice ${i + 1}` }));

describe('renderReply', () => {
    it('uses suggested actions on Web Chat, with imBack values', () => {
        const [message] = renderReply('webchat', { text: 'Pick one', buttons: buttons(5) });
        expect(message?.text).toBe('Pick one');
        expect(message?.suggestedActions?.actions).toHaveLength(5);
        expect(message?.suggestedActions?.actions.every((a) => a.type === ActionTypes.ImBack && a.value === a.title)).toBe(true);
    });

    it('uses a hero card on Teams, with the question inside the card', () => {
        const [message] = renderReply('msteams', { text: 'Pick one', buttons: buttons(5) });
        expect(message?.suggestedActions).toBeUndefined();
        const card = message?.attachments?.[0];
        expect(card?.contentType).toBe('application/vnd.microsoft.card.hero');
        expect((card?.content as { text: string; buttons: unknown[] } | undefined)?.text).toBe('Pick one');
        expect((card?.content as { buttons: unknown[] } | undefined)?.buttons).toHaveLength(5);
    });

    it('uses quick replies on Messenger up to 13, then a text list', () => {
        expect(renderReply('facebook', { text: 'q', buttons: buttons(13) })[0]?.suggestedActions?.actions).toHaveLength(13);
        const [many] = renderReply('facebook', { text: 'q', buttons: buttons(14) });
        expect(many?.suggestedActions).toBeUndefined();
        expect(many?.text).toContain('14. Choice 14');
    });

    it('falls back to a numbered list when a title is too long for buttons', () => {
        const [message] = renderReply('webchat', { text: 'q', buttons: [{ title: 'x'.repeat(21), value: 'x' }] });
        expect(message?.suggestedActions).toBeUndefined();
        expect(message?.text).toContain(`1. ${'x'.repeat(21)}`);
    });

    it('splits long Messenger texts at sentence ends and keeps the buttons on the last piece', () => {
        const sentence = 'This is one sentence of a long answer. ';
        const pieces = renderReply('facebook', { text: sentence.repeat(120).trim(), buttons: buttons(2) });
        expect(pieces.length).toBeGreaterThan(1);
        for (const piece of pieces) {
            expect((piece.text ?? '').length).toBeLessThanOrEqual(CHANNEL_PROFILES.facebook!.maxTextLength);
            expect(piece.text).toMatch(/\.$/);
        }
        expect(pieces.at(-1)?.suggestedActions?.actions).toHaveLength(2);
        expect(pieces.slice(0, -1).every((p) => !p.suggestedActions)).toBe(true);
    });

    it('gives unknown channels conservative cards', () => {
        const [message] = renderReply('somechannel', { text: 'q', buttons: buttons(3) });
        expect(message?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    });
});

describe('splitText', () => {
    it('keeps short texts whole', () => {
        expect(splitText('Short.', 100)).toEqual(['Short.']);
    });

    it('never loses or exceeds, even without spaces', () => {
        const text = 'x'.repeat(250);
        const pieces = splitText(text, 100);
        expect(pieces.join('')).toBe(text);
        expect(pieces.every((p) => p.length <= 100)).toBe(true);
    });
});
