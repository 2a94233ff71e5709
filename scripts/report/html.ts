/**
 * The report as one self-contained HTML page: charts drawn by Vega-Lite as inline SVG (rendered here, in
 * Node, with no canvas and no browser), inline CSS, no script and no request of any kind, so that it opens
 * offline, prints, and can be mailed as a file. Every word comes from locales/<lang>/report.json.
 */
import type { Translator } from '../../src/content/i18n';
import type { Language } from '../../src/content/languages';
import type { Summary } from '../../src/observability/summary';

/** A Vega-Lite specification (its full type lives in vega-lite; what we build is plain data). */
type ChartSpec = Record<string, unknown>;

const PALETTE = ['#0b3d5c', '#2f7ea8', '#8cc0de', '#d9822b', '#b5452f', '#6b8e23', '#7a6c9d', '#9aa5ad'];
/** The reasons in the order of the question, and "none given" last, each with its colour. */
const REASON_COLOURS: Readonly<Record<string, string>> = {
    wrong: '#b5452f',
    unclear: '#d9822b',
    outdated: '#7a6c9d',
    notMyQuestion: '#2f7ea8',
    none: '#9aa5ad',
};
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

const CONFIG = {
    font: FONT,
    view: { stroke: null },
    axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6eaee', domainColor: '#9aa5ad' },
    legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', labelLimit: 360 },
    range: { category: PALETTE },
};

/** Renders Vega-Lite specifications to SVG strings, offline (vega and vega-lite are ES modules: loaded once, on demand). */
async function svgRenderer(): Promise<(spec: ChartSpec) => Promise<string>> {
    const vega = await import('vega');
    const vegaLite = await import('vega-lite');
    return async (spec) => {
        const compiled = vegaLite.compile({ ...spec, config: CONFIG } as Parameters<typeof vegaLite.compile>[0]).spec;
        // No loader is needed: every chart carries its data inline, and no URL is ever fetched.
        const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
        return view.toSVG();
    };
}

const escapeHtml = (text: string) =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface HtmlReportOptions {
    language: Language;
    translator: Translator;
    /** Shown in the footer: where the numbers come from. */
    source: string;
    /** When the report is built (injected so that tests are reproducible). */
    now?: Date;
}

export async function renderHtmlReport(summary: Summary, options: HtmlReportOptions): Promise<string> {
    const { language, translator } = options;
    const t = (key: string, params?: Record<string, unknown>) => translator.t(language, `report:${key}`, params);
    const locale = language === 'fr' ? 'fr-CA' : 'en-CA';
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const share = (part: number, whole: number) => (whole === 0 ? '–' : percent.format(part / whole));
    const channelName = (id: string) => translator.template(language, `report:channels.${id}`) ?? id;
    const topicLabel = (id: string) => translator.template(language, `faq:topics.${id}.label`) ?? id;
    const criterionName = (id: string) => translator.template(language, `eligibility:criteria.${id}.short`) ?? id;
    const render = await svgRenderer();

    const sections: string[] = [];
    const section = async (titleKey: string, spec: ChartSpec | undefined, extra = '') => {
        const body = spec ? `<figure>${await render(spec)}</figure>` : `<p class="none">${escapeHtml(t('none'))}</p>`;
        sections.push(`<section><h2>${escapeHtml(t(titleKey))}</h2>${body}${extra}</section>`);
    };
    const axis = (key: string) => t(`axes.${key}`);

    // Conversations per day and channel.
    const conversations = summary.conversations.map((c) => ({ day: c.day, channel: channelName(c.channel), count: c.count }));
    // The same colour for a channel (verdict, reason…) in both languages: domains in a fixed order, not alphabetical.
    const channels = [...new Set(['webchat', 'msteams', 'facebook', ...summary.conversations.map((c) => c.channel)].map(channelName))];
    await section(
        'sections.conversations',
        conversations.length === 0
            ? undefined
            : {
                  width: 400,
                  height: 220,
                  data: { values: conversations },
                  mark: { type: 'bar', tooltip: false },
                  encoding: {
                      x: { field: 'day', type: 'ordinal', title: axis('day'), axis: { labelAngle: -40 } },
                      y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: axis('conversations'), axis: { tickMinStep: 1 } },
                      color: { field: 'channel', type: 'nominal', title: axis('channel'), scale: { domain: channels, range: PALETTE } },
                  },
              },
    );

    // The funnel: how many reached each question, split into answered and left there.
    const funnelRows = summary.funnel
        .filter((step) => step.reached > 0 || step.step !== 'csqValid')
        .flatMap((step, index) => {
            const name = `${index + 1}. ${step.step === 'verdict' ? t('funnel.verdict') : criterionName(step.step)}`;
            return [
                { question: name, order: index, part: t('funnel.answered'), partOrder: 0, count: step.reached - step.droppedAfter },
                { question: name, order: index, part: t('funnel.leftHere'), partOrder: 1, count: step.droppedAfter },
            ];
        });
    await section(
        'sections.funnel',
        summary.started === 0
            ? undefined
            : {
                  width: 260,
                  height: { step: 28 },
                  data: { values: funnelRows },
                  mark: 'bar',
                  encoding: {
                      y: { field: 'question', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelLimit: 400 } },
                      x: { field: 'count', type: 'quantitative', title: axis('checks'), axis: { tickMinStep: 1 } },
                      color: {
                          field: 'part',
                          type: 'nominal',
                          title: null,
                          scale: { domain: [t('funnel.answered'), t('funnel.leftHere')], range: ['#2f7ea8', '#d9822b'] },
                      },
                      order: { field: 'partOrder', sort: 'ascending' },
                  },
              },
    );

    // Verdict shares.
    const { verdicts } = summary;
    const stepIndex = (criterion: string) => summary.funnel.findIndex((step) => step.step === criterion);
    const verdictRows = [
        { outcome: t('verdict.eligible'), count: verdicts.eligible },
        ...Object.entries(verdicts.unmet)
            .sort(([a], [b]) => stepIndex(a) - stepIndex(b))
            .map(([criterion, count]) => ({
                outcome: t('verdict.unmet', { criterion: criterionName(criterion) }),
                count,
            })),
        { outcome: t('verdict.unchecked'), count: verdicts.unchecked },
    ].filter((row) => row.count > 0);
    await section(
        'sections.verdicts',
        verdicts.total === 0
            ? undefined
            : {
                  width: 260,
                  height: 220,
                  data: { values: verdictRows },
                  mark: { type: 'arc', innerRadius: 60, stroke: '#fff' },
                  encoding: {
                      theta: { field: 'count', type: 'quantitative', stack: true },
                      color: {
                          field: 'outcome',
                          type: 'nominal',
                          title: axis('outcome'),
                          scale: { domain: verdictRows.map((row) => row.outcome), range: PALETTE },
                          legend: { orient: 'right', direction: 'vertical', labelLimit: 600 },
                      },
                  },
              },
    );

    // Answers rated not helpful, by topic and reason.
    const notHelpful = summary.ratings
        .filter((r) => r.notHelpful > 0)
        .flatMap((r) => {
            const given = Object.values(r.reasons).reduce((a, b) => a + b, 0);
            const rows = Object.entries(r.reasons).map(([reason, count]) => ({
                answer: topicLabel(r.topic),
                reason: translator.template(language, `report:reasons.${reason}`) ?? reason,
                count,
            }));
            if (r.notHelpful > given) rows.push({ answer: topicLabel(r.topic), reason: t('reasons.none'), count: r.notHelpful - given });
            return rows;
        });
    const shownReasons = Object.keys(REASON_COLOURS).filter((reason) =>
        notHelpful.some((row) => row.reason === (translator.template(language, `report:reasons.${reason}`) ?? reason)),
    );
    await section(
        'sections.notHelpful',
        notHelpful.length === 0
            ? undefined
            : {
                  width: 280,
                  height: { step: 26 },
                  data: { values: notHelpful },
                  mark: 'bar',
                  encoding: {
                      y: { field: 'answer', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 400 } },
                      x: { field: 'count', type: 'quantitative', aggregate: 'sum', title: axis('ratings'), axis: { tickMinStep: 1 } },
                      color: {
                          field: 'reason',
                          type: 'nominal',
                          title: axis('reason'),
                          scale: {
                              domain: shownReasons.map((reason) => t(`reasons.${reason}`)),
                              range: shownReasons.map((reason) => REASON_COLOURS[reason] as string),
                          },
                      },
                  },
              },
    );

    // Satisfaction.
    const satisfactionRows = ['good', 'fair', 'poor', 'skipped']
        .map((rating) => ({ rating: t(`satisfaction.${rating}`), order: rating, count: summary.satisfaction[rating] ?? 0 }))
        .filter((row) => row.count > 0);
    await section(
        'sections.satisfaction',
        satisfactionRows.length === 0
            ? undefined
            : {
                  width: 320,
                  height: { step: 28 },
                  data: { values: satisfactionRows },
                  mark: 'bar',
                  encoding: {
                      y: { field: 'rating', type: 'nominal', sort: null, title: null },
                      x: { field: 'count', type: 'quantitative', title: axis('people'), axis: { tickMinStep: 1 } },
                      color: {
                          field: 'rating',
                          type: 'nominal',
                          legend: null,
                          scale: {
                              domain: ['good', 'fair', 'poor', 'skipped'].map((r) => t(`satisfaction.${r}`)),
                              range: ['#2f7ea8', '#8cc0de', '#b5452f', '#9aa5ad'],
                          },
                      },
                  },
              },
    );

    // Handoffs.
    const { handoffs } = summary;
    await section(
        'sections.handoffs',
        handoffs.requested + handoffs.claimed === 0
            ? undefined
            : {
                  width: 320,
                  height: { step: 28 },
                  data: {
                      values: [
                          { what: t('handoffs.requested'), count: handoffs.requested },
                          { what: t('handoffs.claimed'), count: handoffs.claimed },
                      ],
                  },
                  mark: { type: 'bar', color: '#0b3d5c' },
                  encoding: {
                      y: { field: 'what', type: 'nominal', sort: null, title: null },
                      x: { field: 'count', type: 'quantitative', title: axis('count'), axis: { tickMinStep: 1 } },
                  },
              },
    );

    // Top unanswered questions: a table (the questions are long), each with a bar of its own.
    const most = Math.max(1, ...summary.unanswered.map((u) => u.count));
    const unansweredTable =
        summary.unanswered.length === 0
            ? `<p class="none">${escapeHtml(t('none'))}</p>`
            : `<table><thead><tr><th>${escapeHtml(t('table.question'))}</th><th class="n">${escapeHtml(t('table.times'))}</th></tr></thead><tbody>${summary.unanswered
                  .map(
                      (u) =>
                          `<tr><td>${escapeHtml(u.question)}</td><td class="n"><span class="bar" style="width:${Math.round((60 * u.count) / most)}px"></span>${number.format(u.count)}</td></tr>`,
                  )
                  .join('')}</tbody></table>`;
    sections.push(`<section><h2>${escapeHtml(t('sections.unanswered'))}</h2>${unansweredTable}</section>`);

    // Guided dialogs, as a small table.
    const dialogRows = Object.entries(summary.dialogs)
        .map(
            ([id, d]) =>
                `<tr><td>${escapeHtml(translator.template(language, `report:dialogNames.${id}`) ?? id)}</td><td class="n">${number.format(d.started)}</td><td class="n">${number.format(d.completed)}</td><td class="n">${number.format(d.abandoned)}</td></tr>`,
        )
        .join('');
    sections.push(
        `<section><h2>${escapeHtml(t('sections.dialogs'))}</h2>${
            dialogRows
                ? `<table><thead><tr><th>${escapeHtml(t('dialogs.dialog'))}</th><th class="n">${escapeHtml(t('dialogs.started'))}</th><th class="n">${escapeHtml(t('dialogs.completed'))}</th><th class="n">${escapeHtml(t('dialogs.abandoned'))}</th></tr></thead><tbody>${dialogRows}</tbody></table>`
                : `<p class="none">${escapeHtml(t('none'))}</p>`
        }</section>`,
    );

    // Key figures at the top.
    const conversationCount = summary.conversations.reduce((sum, c) => sum + c.count, 0);
    const ratedHelpful = summary.ratings.reduce((sum, r) => sum + r.helpful, 0);
    const ratedTotal = ratedHelpful + summary.ratings.reduce((sum, r) => sum + r.notHelpful, 0);
    const satisfied = (summary.satisfaction.good ?? 0) + (summary.satisfaction.fair ?? 0);
    const answeredSatisfaction = satisfied + (summary.satisfaction.poor ?? 0);
    const kpis: [string, string][] = [
        ['conversations', number.format(conversationCount)],
        ['checks', number.format(summary.started)],
        ['verdicts', number.format(verdicts.total)],
        ['helpful', share(ratedHelpful, ratedTotal)],
        ['satisfied', share(satisfied, answeredSatisfaction)],
        ['handoffs', number.format(handoffs.requested)],
    ];
    const kpiHtml = kpis
        .map(
            ([key, value]) =>
                `<div class="kpi"><div class="value">${escapeHtml(value)}</div><div class="label">${escapeHtml(t(`kpi.${key}`))}</div></div>`,
        )
        .join('');

    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const day = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
    const period = summary.period ? t('period', { from: day(summary.period.from), to: day(summary.period.to) }) : t('noPeriod');
    const footer = t('generated', { file: options.source, date: dateFormat.format(options.now ?? new Date()) });

    return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(t('title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(t('title'))}</h1><p class="period">${escapeHtml(period)}</p></header>
<main>
<div class="kpis">${kpiHtml}</div>
${sections.join('\n')}
</main>
<footer>${escapeHtml(footer)}</footer>
</body>
</html>
`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 ${FONT}; color: #1c2a33; background: #f4f6f8; }
header { background: #0b3d5c; color: #fff; padding: 24px 32px; }
h1 { margin: 0; font-size: 24px; font-weight: 600; }
.period { margin: 4px 0 0; opacity: .85; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 20px; padding: 24px 32px; max-width: 1500px; }
.kpis { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.kpi { background: #fff; border-radius: 10px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.kpi .value { font-size: 28px; font-weight: 600; color: #0b3d5c; }
.kpi .label { color: #52626d; font-size: 13px; }
section { background: #fff; border-radius: 10px; padding: 16px 20px; box-shadow: 0 1px 2px rgba(0,0,0,.08); overflow-x: auto; }
h2 { margin: 0 0 12px; font-size: 17px; font-weight: 600; }
figure { margin: 0; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e6eaee; vertical-align: top; }
th { font-weight: 600; color: #52626d; }
.n { text-align: right; white-space: nowrap; }
.bar { display: inline-block; height: 10px; margin-right: 8px; background: #2f7ea8; border-radius: 2px; vertical-align: middle; }
.none { color: #52626d; font-style: italic; }
footer { padding: 0 32px 32px; color: #52626d; font-size: 13px; }
@media print {
  body { background: #fff; }
  header { background: none; color: #000; padding: 0 0 8px; }
  main { display: block; padding: 0; }
  section, .kpi { box-shadow: none; border: 1px solid #ccc; break-inside: avoid; margin-bottom: 12px; }
  .kpis { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 12px; }
}
`;
