import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { buildChecklist, type Checklist } from '../channels/checklist';
import { resultUrl } from '../channels/results';
import type { Translator } from '../content/i18n';
import { isLanguage, type Language } from '../content/languages';
import type { AttemptWindow } from '../storage/attempts';
import type { ResultCodeStore } from '../storage/resultCodes';
import type { KeptResult } from '../turn/state';
import { parseCode } from '../understanding/resultCode';
import { queryParam } from './directline/localDirectLine';
import { escapeHtml, pageLanguage, setCommonHeaders } from './page';

/** The page's whole stylesheet, inline and allowed by its hash: one request, and nothing else may style the page. */
const STYLE = `
:root { --brand: #0b3d5c; --text: #1d232a; --muted: #4a5560; --met: #1b5e20; --unmet: #b3261e; --line: #c9d1d9;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; line-height: 1.5; }
header { border-bottom: 3px solid var(--brand); margin-bottom: 1rem; }
.firm { color: var(--brand); font-weight: 700; margin: 0; }
h1 { color: var(--brand); font-size: 1.8rem; margin: 0.25rem 0 0.75rem; }
h2 { color: var(--brand); font-size: 1.2rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid var(--line); }
.verdict { font-size: 1.1rem; font-weight: 600; }
.code { display: inline-block; font: 700 1.3rem/1.4 ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; letter-spacing: 0.08em;
  border: 2px solid var(--brand); border-radius: 6px; padding: 0.1rem 0.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
thead th { color: var(--muted); font-weight: 600; }
.met { color: var(--met); font-weight: 600; }
.notMet { color: var(--unmet); font-weight: 600; }
.unknown { color: var(--muted); font-weight: 600; }
.amount { white-space: nowrap; font-weight: 600; }
ul.check { list-style: none; padding-left: 0; }
ul.check li { padding-left: 1.8rem; position: relative; margin: 0.3rem 0; }
ul.check li::before { content: ""; position: absolute; left: 0.2rem; top: 0.3rem; width: 0.9rem; height: 0.9rem; border: 2px solid var(--brand); border-radius: 2px; }
.source, .note { color: var(--muted); font-size: 0.9rem; font-weight: 400; }
a { color: var(--brand); }
a:focus-visible, button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
button { font: inherit; font-weight: 600; color: #fff; background: var(--brand); border: 0; border-radius: 6px; padding: 0.5rem 1rem; cursor: pointer; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); }
@media print {
  :root { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  button, .no-print { display: none !important; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .source a::after { content: " (" attr(href) ")"; word-break: break-all; }
}
`;

/** Shows the print button (hidden without scripts, where it could do nothing) and prints on a click. */
const SCRIPT = `var b=document.getElementById('print');b.hidden=false;b.addEventListener('click',function(){window.print();});`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Nothing but the inline style and script above, the icon, and no framing, forms or base. */
const POLICY = [
    "default-src 'none'",
    `style-src ${hash(STYLE)}`,
    `script-src ${hash(SCRIPT)}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
].join('; ');

function layout(lang: Language, title: string, firmName: string, main: string, withScript: boolean): string {
    return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} – ${escapeHtml(firmName)}</title>
<link rel="icon" href="/webchat/favicon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head>
<body data-ready="true">
<header><p class="firm">${escapeHtml(firmName)}</p></header>
<main id="main">
${main}
</main>
${withScript ? `<script>${SCRIPT}</script>` : ''}
</body>
</html>
`;
}

/** The checklist as a printable page: every value HTML-escaped, source links without a referrer (the code is in the URL). */
function renderResultPage(checklist: Checklist, t: (key: string, params?: Record<string, unknown>) => string, days: number): string {
    const e = escapeHtml;
    const link = (url: string, text: string) => `<a href="${e(url)}" rel="noreferrer noopener">${e(text)}</a>`;
    const parts: string[] = [`<h1>${e(checklist.title)}</h1>`];
    if (checklist.verdict) parts.push(`<p class="verdict">${e(checklist.verdict)}</p>`);
    parts.push(
        `<p>${e(t('result:codeLabel'))}${checklist.language === 'fr' ? '&nbsp;: ' : ': '}<span class="code">${e(checklist.code)}</span> <span class="note">${e(t('result:validUntil', { date: checklist.validUntil }))}</span></p>`,
        `<p><button id="print" type="button" hidden>${e(t('result:print'))}</button></p>`,
    );
    if (checklist.criteria.length > 0) {
        const rows = checklist.criteria
            .map((c) => `<tr><th scope="row">${e(c.label)}</th><td>${e(c.answer)}</td><td class="${c.status}">${e(c.statusText)}</td></tr>`)
            .join('\n');
        parts.push(
            `<h2>${e(t('result:sections.criteria'))}</h2>`,
            `<table><thead><tr><th scope="col">${e(t('result:columns.criterion'))}</th><th scope="col">${e(t('result:columns.answer'))}</th><th scope="col">${e(t('result:columns.status'))}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
        );
    }
    parts.push(`<h2>${e(t('result:sections.next'))}</h2>`, ...checklist.next.map((text) => `<p>${e(text)}</p>`));
    if (checklist.documents.length > 0) {
        parts.push(
            `<h2>${e(t('result:sections.documents'))}</h2>`,
            `<ul class="check">${checklist.documents.map((d) => `<li>${e(d)}</li>`).join('')}</ul>`,
        );
    }
    if (checklist.fees.length > 0) {
        const rows = checklist.fees
            .map(
                (f) =>
                    `<tr><th scope="row">${e(f.label)}<br><span class="source">${link(f.url, f.source)}</span></th><td class="amount">${e(f.amount)}</td></tr>`,
            )
            .join('\n');
        parts.push(`<h2>${e(t('result:sections.fees'))}</h2>`, `<table><tbody>\n${rows}\n</tbody></table>`);
    }
    parts.push(
        `<h2>${e(t('result:sections.sources'))}</h2>`,
        `<ul>${checklist.sources.map((s) => `<li class="source">${link(s.url, s.caption)}</li>`).join('')}</ul>`,
        `<footer><p class="note">${e(t('result:made', { date: checklist.made }))}</p><p class="note">${e(t('result:privacy', { date: checklist.validUntil, days }))}</p></footer>`,
    );
    return parts.join('\n');
}

export interface ResultPageOptions {
    codes: ResultCodeStore<KeptResult>;
    translator: Translator;
    firmName: string;
    publicBaseUrl: () => string;
    /** Lookups per client address, and for all clients together: guessing codes gets nowhere. */
    perClient: AttemptWindow;
    overall: AttemptWindow;
}

/** The client's address: the one the nearest proxy saw (App Service's front end appends it last), else the socket's. */
function clientAddress(req: Request): string {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .at(-1);
    // "203.0.113.5:51234" → "203.0.113.5" (IPv6 addresses keep their colons).
    const address = forwarded?.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1') ?? req.socket.remoteAddress ?? '';
    return address;
}

/** GET /result/<code>: the kept result as a printable page in its language; 404 for unknown or expired codes. */
export function registerResultPage(server: Server, options: ResultPageOptions): void {
    const { codes, translator, firmName } = options;
    const send = (res: Response, status: number, lang: Language, title: string, main: string, withScript = false) => {
        setCommonHeaders(res);
        res.header('Content-Security-Policy', POLICY);
        // The page shows a person's answers: never kept by a browser cache or a proxy, never indexed.
        res.header('Cache-Control', 'no-store');
        res.header('X-Robots-Tag', 'noindex, nofollow');
        res.header('Vary', 'Accept-Language');
        res.header('Content-Type', 'text/html; charset=utf-8');
        res.header('Content-Language', lang);
        res.writeHead(status);
        res.end(layout(lang, title, firmName, main, withScript));
    };
    const handler = async (req: Request, res: Response) => {
        const asked = queryParam(req, 'lang');
        const preferred = pageLanguage(asked, req.headers['accept-language']);
        const t = (lang: Language) => (key: string, params?: Record<string, unknown>) => translator.t(lang, key, params);
        if (!options.perClient.allow(clientAddress(req)) || !options.overall.allow('all')) {
            res.header('Retry-After', '60');
            const text = t(preferred)('result:resume.tooMany');
            send(res, 429, preferred, text, `<h1>${escapeHtml(text)}</h1>`);
            return;
        }
        const code = parseCode(String(req.params['*'] ?? ''));
        let record: Awaited<ReturnType<typeof codes.find>>;
        try {
            record = code ? await codes.find(code) : undefined;
        } catch {
            // The storage is down: say so plainly, without details (the readiness probe reports it).
            const text = t(preferred)('result:unavailable');
            send(res, 503, preferred, text, `<h1>${escapeHtml(text)}</h1>`);
            return;
        }
        if (!code || !record) {
            const title = t(preferred)('result:notFound.title');
            send(
                res,
                404,
                preferred,
                title,
                `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(t(preferred)('result:notFound.text', { days: codes.days }))}</p>`,
            );
            return;
        }
        const lang = typeof asked === 'string' && isLanguage(asked) ? asked : record.data.language;
        const url = resultUrl(options.publicBaseUrl(), code);
        const checklist = buildChecklist(
            translator,
            record.data,
            { code, createdAt: record.createdAt, expiresAt: record.expiresAt, url },
            lang,
        );
        send(res, 200, lang, checklist.title, renderResultPage(checklist, t(lang), codes.days), true);
    };
    // A wildcard, not a :code parameter: the router refuses long parameters with its own JSON 404.
    server.get('/result/*', handler);
    server.head('/result/*', handler);
}
