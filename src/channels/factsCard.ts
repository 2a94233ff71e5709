import type { Attachment } from 'botbuilder';
import { CRITERIA } from '../content/catalog';
import { FACTS, formatDate, formatFact, recheckDueSince, SOURCES, type SourceId } from '../content/facts';
import type { Language } from '../content/languages';
import { CRITERIA_SOURCES, FACTS_CARD_SECTIONS } from '../content/staff';
import { type Block, documentCard } from './documentCard';

/** The words of one language: a translator bound to it. */
export interface Wording {
    language: Language;
    t(key: string, params?: Record<string, unknown>): string;
}

/** "Source: [IRCC fee list](https://…), checked on November 30, 2026" (a link on the card). */
export function sourceNote(words: Wording, id: SourceId, checked: string = SOURCES[id].checked): Block {
    const record = SOURCES[id];
    const key = record.official ? 'staff:facts.source' : 'staff:facts.secondarySource';
    const params = { title: words.t(`sources:${id}.title`), url: record.url[words.language], checked: formatDate(checked, words.language) };
    return { kind: 'text', text: words.t(key, params), note: true };
}

/**
 * The current IMP+ facts for staff: the criteria with the answers that meet them, then every figure of
 * src/content/facts.ts by section, each with its source and the date it was checked, and a warning on a
 * figure its publisher was due to revise since (staff quote these cards to clients).
 */
export function factsCard(words: Wording, today: Date = new Date()): Attachment {
    const blocks: Block[] = [
        { kind: 'title', text: words.t('staff:facts.title') },
        { kind: 'text', text: words.t('staff:facts.intro') },
        { kind: 'heading', text: words.t('staff:facts.sections.criteria') },
    ];
    for (const criterion of CRITERIA) {
        const answers = criterion.met.map((id) => words.t(`eligibility:choices.${id}`)).join(', ');
        blocks.push({
            kind: 'text',
            text: words.t('staff:facts.accepted', { label: words.t(`eligibility:criteria.${criterion.id}.short`), answers }),
        });
    }
    for (const id of CRITERIA_SOURCES) blocks.push(sourceNote(words, id));
    for (const section of FACTS_CARD_SECTIONS) {
        blocks.push({ kind: 'heading', text: words.t(`staff:facts.sections.${section.id}`) });
        for (const id of section.facts) {
            const fact = FACTS[id];
            const value = formatFact(fact, words.language);
            blocks.push({ kind: 'text', text: words.t('staff:facts.row', { label: words.t(`staff:facts.labels.${id}`), value }) });
            blocks.push(sourceNote(words, fact.source, fact.checked));
            const due = recheckDueSince(fact, today);
            if (due) blocks.push({ kind: 'text', text: words.t('staff:facts.dueForRecheck', { date: formatDate(due, words.language) }) });
        }
    }
    return documentCard(blocks);
}
