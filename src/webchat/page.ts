import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { projectRoot } from '../configuration/paths';
import type { WebChatConfig } from '../configuration/webChat';
import { queryParam } from './directline/localDirectLine';

const PAGE_LANGUAGES = ['en', 'fr'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];
/** The page's own UI strings, both languages with the same keys (public/i18n.json). */
export type PageStrings = Record<PageLanguage, Record<string, string>>;

const publicDir = join(projectRoot, 'public');

/** Web Chat's browser bundle, served from node_modules: the page works offline and trusts no CDN. */
function webChatBundlePath(): string {
    // The package exports only its entry points, so the bundle is found next to the resolved entry (lib/index.js).
    return join(dirname(dirname(require.resolve('botframework-webchat'))), 'dist', 'webchat.js');
}

export interface PageOptions {
    config: WebChatConfig;
    /** Extra connect-src origins: the Direct Line service in production (https and wss). */
    connectSources: string[];
}

interface Asset {
    body: Buffer;
    /** Served gzipped to clients that accept it; compressed on first request, not at start-up. */
    compress: boolean;
    gzipped?: Buffer;
    contentType: string;
    etag: string;
    cacheControl: string;
}

function asset(path: string, contentType: string, cacheControl: string, gzip = false): Asset {
    const body = readFileSync(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, contentType, etag, cacheControl, compress: gzip };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

/** The page's language: ?lang= first (the toggle keeps it in the URL), then the browser's preference. */
export function pageLanguage(query: unknown, acceptLanguage: string | undefined): PageLanguage {
    const asked = typeof query === 'string' ? query.toLowerCase() : '';
    if ((PAGE_LANGUAGES as readonly string[]).includes(asked)) return asked as PageLanguage;
    const ranked = (acceptLanguage ?? '')
        .split(',')
        .map((part, index) => {
            const [tag = '', ...params] = part.trim().split(';');
            const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
            return { language: tag.trim().slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q), index };
        })
        .filter((entry) => entry.q > 0)
        .sort((a, b) => b.q - a.q || a.index - b.index);
    const known = ranked.find((entry) => (PAGE_LANGUAGES as readonly string[]).includes(entry.language));
    return (known?.language as PageLanguage | undefined) ?? 'en';
}

/** Fills {{firmName}}, {{lang}}, {{nonce}}, {{view}} and {{t:key}} placeholders; every value is HTML-escaped. */
export function renderPage(
    template: string,
    strings: PageStrings,
    values: { firmName: string; lang: PageLanguage; nonce: string; view: 'site' | 'chat' },
): string {
    return template.replace(/\{\{(t:)?([\w.]+)\}\}/g, (placeholder, isText: string | undefined, key: string) => {
        if (isText) {
            const text = strings[values.lang][key];
            if (text === undefined) throw new Error(`public/i18n.json has no "${key}" in "${values.lang}"`);
            return escapeHtml(text.replaceAll('{firmName}', values.firmName));
        }
        const value = (values as unknown as Record<string, string | undefined>)[key];
        if (value === undefined) throw new Error(`Unknown placeholder ${placeholder} in public/index.html`);
        return escapeHtml(value);
    });
}

/** SHA-256 of the empty string, in CSP's hash-source form. */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/** Headers for every response of the page and its files. */
export function setCommonHeaders(res: Response): void {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Cross-Origin-Opener-Policy', 'same-origin');
    res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}

/**
 * The policy allows only what the page needs: its own scripts and styles, Web Chat's runtime style tags
 * (by nonce, not 'unsafe-inline'), images it draws as data:/blob: URLs, and the Direct Line connection.
 */
function contentSecurityPolicy(nonce: string, connectSources: string[], frameAncestors: string): string {
    return [
        "default-src 'none'",
        "script-src 'self'",
        // Web Chat also writes empty style="" attributes; 'unsafe-hashes' with the hash of "" allows exactly those.
        `style-src 'self' 'nonce-${nonce}' 'unsafe-hashes' '${EMPTY_STYLE_HASH}'`,
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' blob:",
        ['connect-src', "'self'", ...connectSources].join(' '),
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
        `frame-ancestors ${frameAncestors}`,
    ].join('; ');
}

export function loadPageStrings(): PageStrings {
    return JSON.parse(readFileSync(join(publicDir, 'i18n.json'), 'utf8')) as PageStrings;
}

/** GET / (the firm's page with the chat launcher), GET /chat (the chat alone, for iframes) and their files. */
export function registerPage(server: Server, { config, connectSources }: PageOptions): void {
    const template = readFileSync(join(publicDir, 'index.html'), 'utf8');
    const strings = loadPageStrings();
    const assets: Record<string, Asset> = {
        // The page's own files are gzipped too: they are all a visitor loads before opening the chat.
        'app.js': asset(join(publicDir, 'app.js'), 'text/javascript; charset=utf-8', 'no-cache', true),
        'app.css': asset(join(publicDir, 'app.css'), 'text/css; charset=utf-8', 'no-cache', true),
        'i18n.json': asset(join(publicDir, 'i18n.json'), 'application/json; charset=utf-8', 'no-cache', true),
        'favicon.svg': asset(join(publicDir, 'favicon.svg'), 'image/svg+xml', 'public, max-age=86400'),
        'embed.js': asset(join(publicDir, 'embed.js'), 'text/javascript; charset=utf-8', 'public, max-age=3600'),
        // 3.9 MB: compressed once at start-up, cached by browsers for a day (revalidated by ETag after that).
        'webchat.js': asset(webChatBundlePath(), 'text/javascript; charset=utf-8', 'public, max-age=86400', true),
    };

    const sendPage = (view: 'site' | 'chat') => async (req: Request, res: Response) => {
        const nonce = randomBytes(16).toString('base64');
        const lang = pageLanguage(queryParam(req, 'lang'), req.headers['accept-language']);
        const html = renderPage(template, strings, { firmName: config.firmName, lang, nonce, view });
        setCommonHeaders(res);
        res.header('Content-Security-Policy', contentSecurityPolicy(nonce, connectSources, config.frameAncestors));
        res.header('Cache-Control', 'no-store');
        res.header('Vary', 'Accept-Language');
        res.header('Content-Type', 'text/html; charset=utf-8');
        res.writeHead(200);
        res.end(html);
    };
    // HEAD too: uptime checkers and link previewers ask with it (Node sends the headers without the body).
    for (const [path, view] of [
        ['/', 'site'],
        ['/chat', 'chat'],
    ] as const) {
        server.get(path, sendPage(view));
        server.head(path, sendPage(view));
    }

    server.get('/webchat/:file', async (req: Request, res: Response) => {
        const file = assets[String(req.params.file)];
        if (!file) {
            res.send(404, { error: 'NotFound', message: 'No such file.' });
            return;
        }
        setCommonHeaders(res);
        res.header('Content-Type', file.contentType);
        res.header('Cache-Control', file.cacheControl);
        res.header('ETag', file.etag);
        if (file.contentType.startsWith('text/javascript')) res.header('Cross-Origin-Resource-Policy', 'cross-origin');
        if (req.headers['if-none-match'] === file.etag) {
            res.writeHead(304);
            res.end();
            return;
        }
        const gzip = file.compress && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        if (file.compress) res.header('Vary', 'Accept-Encoding');
        if (gzip) res.header('Content-Encoding', 'gzip');
        if (gzip) file.gzipped ??= gzipSync(file.body);
        const body = gzip ? (file.gzipped as Buffer) : file.body;
        res.header('Content-Length', body.length);
        res.writeHead(200);
        res.end(body);
    });
}
