import { type Activity, ActivityTypes, CardFactory } from 'botbuilder';
import type { Checklist } from './checklist';
import { channelProfile, splitText } from './render';

/** The words around the checklist that are not part of it: the section titles and the link's. */
export interface ChecklistWords {
    sections: Record<'criteria' | 'next' | 'documents' | 'fees' | 'sources', string>;
    /** "Your code: K7QM-…. It works for 60 days…" */
    codeSentence: string;
    /** The link's title on cards ("Printable result"). */
    openPage: string;
    /** "Printable result: https://…", for channels without cards. */
    pageLink: string;
    /** "{{answer}}: {{status}}" filled in. */
    answerStatus: (answer: string, status: string) => string;
}

const colon = (language: string) => (language === 'fr' ? '\u00a0: ' : ': ');

/** An Adaptive Card (1.5, which Web Chat and Teams render) with the checklist and a button to the printable page. */
function card(checklist: Checklist, words: ChecklistWords, version: string) {
    const heading = (text: string) => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
    const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: checklist.title, size: 'Large', weight: 'Bolder', wrap: true }];
    if (checklist.verdict) body.push({ type: 'TextBlock', text: checklist.verdict, wrap: true });
    if (checklist.criteria.length > 0) {
        body.push(heading(words.sections.criteria), {
            type: 'FactSet',
            // A criterion not met stands out (bold), as in the verdict's own card.
            facts: checklist.criteria.map((c) => {
                const value = words.answerStatus(c.answer, c.statusText);
                return { title: c.label, value: c.status === 'notMet' ? `**${value}**` : value };
            }),
        });
    }
    body.push(heading(words.sections.next), ...checklist.next.map((text) => ({ type: 'TextBlock', text, wrap: true })));
    if (checklist.documents.length > 0) {
        body.push(heading(words.sections.documents), {
            type: 'TextBlock',
            text: checklist.documents.map((d) => `- ${d}`).join('\r'),
            wrap: true,
        });
    }
    if (checklist.fees.length > 0) {
        body.push(heading(words.sections.fees), {
            type: 'FactSet',
            facts: checklist.fees.map((f) => ({ title: f.label, value: f.amount })),
        });
    }
    body.push(heading(words.sections.sources));
    for (const source of checklist.sources)
        body.push({ type: 'TextBlock', text: source.caption, wrap: true, size: 'Small', isSubtle: true });
    body.push({ type: 'TextBlock', text: words.codeSentence, wrap: true, weight: 'Bolder', spacing: 'Medium' });
    return CardFactory.adaptiveCard({
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version,
        body,
        actions: [{ type: 'Action.OpenUrl', title: words.openPage, url: checklist.url }],
    });
}

/** The checklist as plain text (Messenger): one line per item, the link written out (Messenger makes it tappable). */
function plainText(checklist: Checklist, words: ChecklistWords): string {
    const c = colon(checklist.language);
    const list = (items: string[]) => items.map((item) => `• ${item}`).join('\n');
    const parts = [checklist.title, ...(checklist.verdict ? [checklist.verdict] : [])];
    if (checklist.criteria.length > 0) {
        parts.push(
            `${words.sections.criteria}${c.trimEnd()}\n${list(checklist.criteria.map((x) => `${x.label}${c}${words.answerStatus(x.answer, x.statusText)}`))}`,
        );
    }
    parts.push(`${words.sections.next}${c.trimEnd()}\n${list(checklist.next)}`);
    if (checklist.documents.length > 0) parts.push(`${words.sections.documents}${c.trimEnd()}\n${list(checklist.documents)}`);
    if (checklist.fees.length > 0) {
        parts.push(`${words.sections.fees}${c.trimEnd()}\n${list(checklist.fees.map((f) => `${f.label}${c}${f.amount} (${f.source})`))}`);
    }
    parts.push(`${words.sections.sources}${c.trimEnd()}\n${list(checklist.sources.map((s) => `${s.caption}${c}${s.url}`))}`);
    parts.push(words.codeSentence, words.pageLink);
    return parts.join('\n\n');
}

/** The checklist for one channel: an Adaptive Card with a link button where cards render, plain text elsewhere. */
export function renderChecklist(channelId: string | undefined, checklist: Checklist, words: ChecklistWords): Partial<Activity>[] {
    const profile = channelProfile(channelId);
    // Version 1.5 at most: what Teams renders (Web Chat renders it too).
    if (profile.adaptiveCardVersion) return [{ type: ActivityTypes.Message, attachments: [card(checklist, words, '1.5')] }];
    return splitText(plainText(checklist, words), profile.maxTextLength).map((text) => ({ type: ActivityTypes.Message, text }));
}
