import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FIRM_NAME } from '../src/configuration/config';
import { loadWebChatConfig } from '../src/configuration/webChat';
import { escapeHtml, loadPageStrings, pageLanguage, renderPage } from '../src/webchat/page';
import { type RunningBot, startBot } from './helpers/server';

describe('page strings and rendering', () => {
    it('has the same keys, all non-empty, in English and French', () => {
        const strings = loadPageStrings();
        expect(Object.keys(strings.fr).sort()).toEqual(Object.keys(strings.en).sort());
        for (const lang of ['en', 'fr'] as const) {
            for (const [key, text] of Object.entries(strings[lang])) expect(text.trim(), `${lang}.${key}`).not.toBe('');
        }
    });

    it('picks the language from ?lang=, then Accept-Language by preference, else English', () => {
        expect(pageLanguage('fr', 'en-US')).toBe('fr');
        expect(pageLanguage(undefined, 'fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
        expect(pageLanguage(undefined, 'de-DE,en;q=0.5,fr;q=0.7')).toBe('fr');
        expect(pageLanguage(undefined, 'fr;q=0,en')).toBe('en');
        expect(pageLanguage('es', 'es-ES')).toBe('en');
        expect(pageLanguage(undefined, undefined)).toBe('en');
    });

    it('escapes every value it puts in the page, and refuses unknown placeholders', () => {
        const strings = loadPageStrings();
        const html = renderPage('<title>{{t:pageTitle}}</title><p data-x="{{firmName}}">{{nonce}}</p>', strings, {
            firmName: '<script>alert("x")</script> & Co',
            lang: 'en',
            nonce: 'abc',
            view: 'site',
        });
        expect(html).not.toContain('<script>');
        expect(html).toContain(escapeHtml('<script>alert("x")</script> & Co'));
        expect(() => renderPage('{{unknown}}', strings, { firmName: 'F', lang: 'en', nonce: 'n', view: 'site' })).toThrow(
            /Unknown placeholder/,
        );
    });
});

describe('web chat configuration', () => {
    it('has working defaults for a fresh clone', () => {
        expect(loadWebChatConfig({}, DEFAULT_FIRM_NAME)).toEqual({
            firmName: 'Cabinet Exemple Immigration',
            directLineSecret: '',
            directLineEndpoint: 'https://directline.botframework.com',
            frameAncestors: "'self'",
            maxConversations: 500,
            maxActivitiesPerConversation: 200,
            conversationIdleMinutes: 30,
        });
    });

    it('refuses values that would break the CSP header or leak the secret over plain http', () => {
        expect(loadWebChatConfig({ WEBCHAT_FRAME_ANCESTORS: "'self' https://www.example-firm.ca" }, DEFAULT_FIRM_NAME).frameAncestors).toBe(
            "'self' https://www.example-firm.ca",
        );
        expect(() => loadWebChatConfig({ WEBCHAT_FRAME_ANCESTORS: "https://a.ca; script-src 'unsafe-inline'" }, DEFAULT_FIRM_NAME)).toThrow(
            /WEBCHAT_FRAME_ANCESTORS/,
        );
        // .env parsers strip quotes: self and none are understood without them.
        expect(loadWebChatConfig({ WEBCHAT_FRAME_ANCESTORS: 'self https://www.example-firm.ca' }, DEFAULT_FIRM_NAME).frameAncestors).toBe(
            "'self' https://www.example-firm.ca",
        );
        expect(() => loadWebChatConfig({ DIRECT_LINE_ENDPOINT: 'http://directline.example.com' }, DEFAULT_FIRM_NAME)).toThrow(/https/);
        expect(() =>
            loadWebChatConfig({ DIRECT_LINE_ENDPOINT: 'https://directline.botframework.com/v3/directline' }, DEFAULT_FIRM_NAME),
        ).toThrow(/origin only/);
        expect(
            loadWebChatConfig({ DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/' }, DEFAULT_FIRM_NAME)
                .directLineEndpoint,
        ).toBe('https://europe.directline.botframework.com');
        expect(() => loadWebChatConfig({ DIRECT_LINE_MAX_CONVERSATIONS: '0' }, DEFAULT_FIRM_NAME)).toThrow(/DIRECT_LINE_MAX_CONVERSATIONS/);
    });
});

describe('page over HTTP', () => {
    let bot: RunningBot;
    beforeAll(async () => {
        bot = await startBot({
            FIRM_NAME: 'Dupont & Tremblay Avocats',
            WEBCHAT_FRAME_ANCESTORS: "'self' https://www.dupont-tremblay.example",
        });
    });
    afterAll(() => bot.close());

    it('serves the firm page with security headers, a fresh nonce per response and no inline script', async () => {
        const first = await fetch(`${bot.url}/`, { headers: { 'accept-language': 'fr-CA' } });
        expect(first.status).toBe(200);
        expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(first.headers.get('x-content-type-options')).toBe('nosniff');
        expect(first.headers.get('referrer-policy')).toBe('no-referrer');
        const csp = first.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self';");
        expect(csp).toContain("connect-src 'self';");
        expect(csp).toContain("frame-ancestors 'self' https://www.dupont-tremblay.example");
        const html = await first.text();
        expect(html).toContain('<html lang="fr">');
        expect(html).toContain('Dupont &amp; Tremblay Avocats');
        // Every script is an external file from this origin.
        expect(html.match(/<script[^>]*>/g)?.every((tag) => /src="\/webchat\//.test(tag))).toBe(true);
        expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);

        const second = await fetch(`${bot.url}/chat`);
        const nonce = (value: string | null) => /'nonce-([^']+)'/.exec(value ?? '')?.[1];
        expect(nonce(second.headers.get('content-security-policy'))).not.toBe(nonce(csp));
        expect(await second.text()).toContain('data-view="chat"');
    });

    it('serves Web Chat from node_modules, compressed and cacheable, and nothing outside its list', async () => {
        const bundle = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
        expect(bundle.status).toBe(200);
        expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
        expect(bundle.headers.get('cache-control')).toContain('max-age=');
        const etag = bundle.headers.get('etag') ?? '';
        expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
        const revalidated = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'if-none-match': etag } });
        expect(revalidated.status).toBe(304);

        // fetch decompresses on its own; the raw bytes show what actually crossed the wire.
        const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
            get(`${bot.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
            }).on('error', reject);
        });
        expect(raw.encoding).toBe('gzip');
        expect(raw.body.length).toBeLessThan(1_500_000);
        expect(gunzipSync(raw.body).length).toBeGreaterThan(1_000_000);

        expect((await fetch(`${bot.url}/webchat/..%2Fpackage.json`)).status).toBe(404);
        expect((await fetch(`${bot.url}/webchat/index.html`)).status).toBe(404);
    });

    it('issues local tokens that are never cached', async () => {
        const response = await fetch(`${bot.url}/api/directline/token`);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.json()).toMatchObject({ domain: '/v3/directline', webSocket: false, expiresIn: 3600 });
    });
});
