import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRITERIA, type CriterionId } from '../src/content/catalog';
import { createTranslator } from '../src/content/i18n';
import { BlobStateStore } from '../src/storage/blobStore';
import { type Azurite, type BotProcess, startAzurite, startBotProcess } from './helpers/azurite';
import { activity, post } from './helpers/server';

/** Result codes in Azure Blob Storage (Azurite): made by one bot process, used after it was killed by the next one. */
const t = createTranslator();
const CONTAINER = 'bot-results';
const label = (criterion: CriterionId, answer: string) =>
    t.t('fr', CRITERIA.find((c) => c.id === criterion)?.choices.find((c) => c.id === answer)?.labelKey ?? '');

describe('result codes on Blob storage across a restart', () => {
    let azurite: Azurite;
    const bots: BotProcess[] = [];
    let env: Record<string, string>;

    beforeAll(async () => {
        azurite = await startAzurite();
        env = {
            STORAGE: 'blob',
            BLOB_CONNECTION_STRING: azurite.connectionString,
            BLOB_CONTAINER: CONTAINER,
            RATE_LIMIT_PER_MINUTE: '1000',
            PUBLIC_BASE_URL: 'https://bot.example-firm.ca',
        };
    });
    afterAll(async () => {
        await Promise.all(bots.splice(0).map((b) => b.kill('SIGKILL')));
        await azurite?.stop();
    });

    it('a code made on the web resumes on Messenger in a new process, and its page is served there', async () => {
        const first = await startBotProcess(env);
        bots.push(first);
        const web = { channelId: 'webchat', locale: 'fr-CA', from: { id: 'web-visitor' }, conversation: { id: 'web-conversation' } };
        await post(first.url, activity({ ...web, text: t.t('fr', 'common:menu.choices.eligibility') }));
        let body = '';
        for (const [criterion, answer] of [
            ['residence', 'province'],
            ['csq', 'pilot'],
            ['pr', 'inProcess'],
            ['invitation', 'yes'],
            ['application', 'yes'],
        ] as [CriterionId, string][]) {
            body = await (await post(first.url, activity({ ...web, text: label(criterion, answer) }))).text();
        }
        const code = /\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\b/.exec(body)?.[0];
        expect(code).toBeDefined();
        expect(body).toContain(`https://bot.example-firm.ca/result/${code}`);
        // On Blob Storage the codes have a container of their own (the state container's lifecycle rule is shorter).
        expect(await new BlobStateStore(azurite.connectionString, CONTAINER).read(`results/${code?.replaceAll('-', '')}`)).toBeUndefined();
        const stored = await new BlobStateStore(azurite.connectionString, `${CONTAINER}-results`).read(
            `results/${code?.replaceAll('-', '')}`,
        );
        expect(stored?.value).toMatchObject({ data: { language: 'fr', eligibility: { residence: 'province', csq: 'pilot' } } });
        await first.kill('SIGKILL');

        const second = await startBotProcess(env);
        bots.push(second);
        const messenger = { channelId: 'facebook', from: { id: 'psid-1234' }, conversation: { id: 'psid-1234-page' }, locale: undefined };
        const back = await (await post(second.url, activity({ ...messenger, text: `reprendre ${code}` }))).text();
        expect(back).toContain(JSON.stringify(t.t('fr', 'result:resume.welcomeBack')).slice(1, -1));
        expect(back).toContain(label('residence', 'province'));
        const page = await fetch(`${second.url}/result/${code}`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<html lang="fr">');

        // "effacer mes données" on Messenger erases the code made on the web.
        await post(second.url, activity({ ...messenger, text: 'effacer mes données' }));
        expect(
            await new BlobStateStore(azurite.connectionString, `${CONTAINER}-results`).read(`results/${code?.replaceAll('-', '')}`),
        ).toBeUndefined();
        expect((await fetch(`${second.url}/result/${code}`)).status).toBe(404);
    });
});
