import { seededRandom } from '../../src/understanding/faq/seededRandom';
import { activity } from './server';

const ODD_STRINGS = [
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\u202Eevil\u202C',
    '\u200B\u200B\u200B',
    '🙂'.repeat(500),
    'é'.repeat(3000),
    'A'.repeat(60_000),
    '<script>alert(1)</script>',
    "'; DROP TABLE users; --",
    '{{common:welcome.greeting}}',
    '$' + '{process.exit()}',
    '%s%s%s%n',
    '../../etc/passwd',
    'oui',
    'menu',
    'Am I eligible?',
    'français',
    '1',
    '99999999999999999999',
    'null',
    '__proto__',
    'constructor',
];
const TYPES = [
    'message',
    'conversationUpdate',
    'event',
    'invoke',
    'installationUpdate',
    'messageReaction',
    'typing',
    'endOfConversation',
    'trace',
    'handoff',
    'MESSAGE',
    'nonsense',
    '',
];

export function generator(seed: number, selfUrl: string) {
    const next = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const junk = (depth = 0): unknown => {
        const roll = next();
        if (depth > 4 || roll < 0.3) return pick(ODD_STRINGS);
        if (roll < 0.4) return Math.floor(next() * 1e9) * (next() < 0.5 ? -1 : 1);
        if (roll < 0.45) return next() < 0.5;
        if (roll < 0.5) return null;
        if (roll < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => junk(depth + 1));
        const object: Record<string, unknown> = {};
        for (let i = 0; i < Math.floor(next() * 4); i++)
            object[pick(['id', 'text', 'type', 'value', '__proto__', 'constructor', 'x'])] = junk(depth + 1);
        return object;
    };
    return (index: number): unknown => {
        const roll = next();
        if (roll < 0.05) return pick(['{', '[]', 'null', '"text"', '{"type":', '\u0000', `{"a":${'['.repeat(500)}`]);
        const base: Record<string, unknown> = activity({
            type: pick(TYPES),
            conversation: { id: `fuzz-${index % 40}` },
            text: pick(ODD_STRINGS),
            locale: pick(['en-CA', 'fr-CA', 'xx', '', 'fr', 'EN_us']),
        });
        // Mostly replies in the body; sometimes to our own connector, never anywhere else.
        if (next() < 0.1) {
            delete base.deliveryMode;
            base.serviceUrl = selfUrl;
        }
        for (const field of [
            'from',
            'recipient',
            'conversation',
            'channelId',
            'value',
            'channelData',
            'entities',
            'attachments',
            'membersAdded',
            'name',
            'serviceUrl',
            'id',
            'replyToId',
            'suggestedActions',
        ]) {
            const change = next();
            if (change < 0.04) delete base[field];
            else if (change < 0.12) base[field] = junk();
        }
        if (next() < 0.15) base.membersAdded = [{ id: 'bot-1' }, { id: pick(ODD_STRINGS) || 'u' }];
        if (next() < 0.1) base.channelData = { postback: { payload: pick(ODD_STRINGS) }, tenant: { id: junk() } };
        if (next() < 0.1) base.channelId = pick(['msteams', 'facebook', 'webchat', 'directline', 'emulator', 'slack']);
        return base;
    };
}
