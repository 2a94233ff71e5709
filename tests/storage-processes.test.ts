import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlobStateStore } from '../src/storage/blobStore';
import { type Azurite, type BotProcess, startAzurite, startBotProcess } from './helpers/azurite';
import { activity, post, type ReplyActivity, replies } from './helpers/server';

/**
 * The real bot as separate processes sharing one Azurite container: killed mid-conversation and restarted,
 * two instances taking turns, and bursts of concurrent messages across both.
 */

const CONTAINER = 'bot-state';

function texts(sent: ReplyActivity[]): string {
    return sent
        .filter((a) => a.type === 'message')
        .map((a) => a.text ?? '')
        .join('\n');
}

describe('state in blob storage across bot processes', () => {
    let azurite: Azurite;
    const bots: BotProcess[] = [];
    let env: Record<string, string>;

    async function bot(): Promise<BotProcess> {
        const started = await startBotProcess(env);
        bots.push(started);
        return started;
    }

    /** One user message to one instance, in a conversation of its own; the texts of the replies. */
    function chat(conversationId: string, locale = 'en-US') {
        return async (to: BotProcess, text: string): Promise<string> => {
            const response = await post(
                to.url,
                activity({ text, locale, conversation: { id: conversationId }, from: { id: `user-${conversationId}` } }),
            );
            expect(response.status).toBe(200);
            return texts(await replies(response));
        };
    }

    beforeAll(async () => {
        azurite = await startAzurite();
        env = {
            STORAGE: 'blob',
            BLOB_CONNECTION_STRING: azurite.connectionString,
            BLOB_CONTAINER: CONTAINER,
            RATE_LIMIT_PER_MINUTE: '1000',
        };
    });
    afterEach(async () => {
        await Promise.all(bots.splice(0).map((b) => b.kill('SIGKILL')));
    });
    afterAll(async () => {
        await Promise.all(bots.splice(0).map((b) => b.kill('SIGKILL')));
        await azurite?.stop();
    });

    it('survives a hard kill in the middle of the eligibility check and of the walkthrough (in French)', async () => {
        const eligibility = chat('killed-eligibility', 'fr-CA');
        const walkthrough = chat('killed-walkthrough', 'fr-CA');
        const first = await bot();
        expect(await eligibility(first, 'Suis-je admissible?')).toContain('Question 1\u00a0:');
        expect(await eligibility(first, 'oui')).toContain('Question 2\u00a0:');
        expect(await walkthrough(first, 'Faire la demande')).toContain('Étape 1 sur ');
        expect(await walkthrough(first, 'suivant')).toContain('Étape 2 sur ');
        expect(await walkthrough(first, 'suivant')).toContain('Étape 3 sur ');
        await first.kill('SIGKILL');

        const second = await bot();
        expect(await eligibility(second, 'programme régulier')).toContain('Question 3\u00a0:');
        expect(await eligibility(second, 'en traitement')).toContain('Question 4\u00a0:');
        expect(await eligibility(second, 'oui')).toContain('Question 5\u00a0:');
        expect(await eligibility(second, 'oui')).toContain('vous semblez répondre aux critères publiés du PMI+');
        expect(await walkthrough(second, 'suivant')).toContain('Étape 4 sur ');
        // Leaving and coming back resumes at the step kept in the user state.
        await walkthrough(second, 'menu');
        expect(await walkthrough(second, 'Faire la demande')).toContain('Étape 4 sur ');
    });

    it('lets two instances serve one conversation alternately, to a verdict', async () => {
        const [a, b] = await Promise.all([bot(), bot()]);
        const say = chat('alternating');
        expect(await say(a, 'Am I eligible?')).toContain('Question 1:');
        expect(await say(b, 'yes')).toContain('Question 2:');
        expect(await say(a, 'regular program')).toContain('Question 3:');
        expect(await say(b, 'in process')).toContain('Question 4:');
        const response = await post(a.url, activity({ text: 'no', conversation: { id: 'alternating' }, from: { id: 'user-alternating' } }));
        const sent = await replies(response);
        expect(sent.find((r) => r.name === 'Eligibility')?.value).toMatchObject({ eligible: false, unmet: ['invitation'] });
        expect(texts(sent)).toContain('invitation');
    });

    it('loses no update when messages of one conversation arrive at once at two instances', async () => {
        const [a, b] = await Promise.all([bot(), bot()]);
        const say = chat('burst');
        expect(await say(a, 'How to apply')).toContain('Step 1 of ');
        const burst = async (text: string): Promise<string[]> => {
            const answers = await Promise.all([a, b, a, b, a].map((to) => say(to, text)));
            return answers.map((reply) => /Step (\d) of \d+/.exec(reply)?.[1] ?? reply).sort();
        };
        // Each message moves one step: a lost update would show a step twice and miss one.
        expect(await burst('next')).toEqual(['2', '3', '4', '5', '6']);
        expect(await burst('back')).toEqual(['1', '2', '3', '4', '5']);
        const store = new BlobStateStore(azurite.connectionString, CONTAINER);
        expect((await store.read('emulator/users/user-burst'))?.value).toMatchObject({ profile: { walkthroughStep: 0 } });
        expect(await say(b, 'next')).toContain('Step 2 of ');
    });
});
