import { type Attachment, CardFactory } from 'botbuilder';
import { type Button, type Fact, submitAction } from './render';

/** One part of a document card: a title, a heading, a paragraph, a fact list or an image. */
export type Block =
    | { kind: 'title'; text: string }
    | { kind: 'heading'; text: string }
    /** `note`: small and subtle, right under what it qualifies (a source, a date). */
    | { kind: 'text'; text: string; note?: boolean; monospace?: boolean }
    | { kind: 'facts'; facts: Fact[] }
    | { kind: 'image'; url: string; alt: string };

function element(block: Block): Record<string, unknown> {
    switch (block.kind) {
        case 'title':
            return { type: 'TextBlock', text: block.text, wrap: true, size: 'Large', weight: 'Bolder' };
        case 'heading':
            return {
                type: 'TextBlock',
                text: block.text,
                wrap: true,
                size: 'Medium',
                weight: 'Bolder',
                separator: true,
                spacing: 'Medium',
            };
        case 'text':
            return {
                type: 'TextBlock',
                text: block.text,
                wrap: true,
                ...(block.note ? { size: 'Small', isSubtle: true, spacing: 'None' } : {}),
                ...(block.monospace ? { fontType: 'Monospace' } : {}),
            };
        case 'facts':
            return { type: 'FactSet', facts: block.facts.map((fact) => ({ title: fact.label, value: fact.value })) };
        case 'image':
            return { type: 'Image', url: block.url, altText: block.alt, size: 'Stretch' };
    }
}

/**
 * A Teams Adaptive Card (1.5) for staff: a document to read and paste (facts, a client summary, the stats),
 * with buttons that send their text like typing would.
 */
export function documentCard(blocks: readonly Block[], buttons: readonly Button[] = []): Attachment {
    return CardFactory.adaptiveCard({
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.5',
        body: blocks.map(element),
        ...(buttons.length > 0 ? { actions: buttons.map((button) => submitAction(button)) } : {}),
    });
}
