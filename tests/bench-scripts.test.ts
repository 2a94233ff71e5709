import { describe, expect, it } from 'vitest';
import { BOT_SCRIPTS, erasingScript, shortScript } from '../scripts/bench/conversations';
import { Chat, textOf } from './helpers/chat';

/** The benchmark checks every reply it gets: its scripts must stay in step with the bot, or it measures errors. */
describe('benchmark conversations', () => {
    const scripts = [...Object.values(BOT_SCRIPTS), shortScript('en'), shortScript('fr'), erasingScript('en'), erasingScript('fr')];
    it.each(scripts.map((script) => [script.name, script] as const))(
        '%s gets the reply it expects at every turn',
        async (_name, script) => {
            const chat = new Chat({ locale: script.locale });
            for (const turn of script.turns) {
                const replies = turn.text === undefined ? await chat.open() : await chat.say(turn.text);
                expect(textOf(replies), `after ${JSON.stringify(turn.text ?? '(join)')}`).toContain(turn.expect);
            }
        },
    );

    it('ends the short conversation on the verdict', () => {
        expect(shortScript('en').turns.at(-1)?.expect).toContain('criteria');
    });
});
