/**
 * The scripted conversations the load driver plays, with what a correct reply must contain.
 * Bot conversations: welcome, the eligibility check to its verdict, free-text questions, then the walkthrough.
 * Echo conversations: the same activities (so the same number of turns), checked against the echo.
 */

export type Lang = 'en' | 'fr';

export interface ScriptTurn {
    /** A conversationUpdate (the user joins) when absent; otherwise a typed message. */
    text?: string;
    /** Some message reply must contain this text. */
    expect: string;
}

export interface ConversationScript {
    name: string;
    locale: 'en-CA' | 'fr-CA';
    turns: readonly ScriptTurn[];
}

export const BOT_SCRIPTS: Record<Lang, ConversationScript> = {
    en: {
        name: 'en',
        locale: 'en-CA',
        turns: [
            { expect: 'I’m the IMP+ assistant' },
            { text: 'Am I eligible?', expect: 'Question 1:' },
            { text: 'yes', expect: 'Question 2:' },
            { text: 'Regular (PRTQ)', expect: 'Question 3:' },
            { text: 'In process', expect: 'Question 4:' },
            { text: 'yes', expect: 'Question 5:' },
            { text: 'yes', expect: 'you appear to meet the published IMP+ criteria' },
            { text: 'What is MIFI?', expect: 'Ministère de l’Immigration' },
            { text: 'how much are the fees', expect: 'CAN$155' },
            { text: 'How to apply', expect: 'Step 1 of' },
            { text: 'Next', expect: 'Step 2 of' },
            { text: 'Next', expect: 'Step 3 of' },
        ],
    },
    fr: {
        name: 'fr',
        locale: 'fr-CA',
        turns: [
            { expect: 'Je suis l’assistant PMI+' },
            { text: 'Suis-je admissible?', expect: 'Question 1\u00a0:' },
            { text: 'oui', expect: 'Question 2\u00a0:' },
            { text: 'Régulier (PRTQ)', expect: 'Question 3\u00a0:' },
            { text: 'En traitement', expect: 'Question 4\u00a0:' },
            { text: 'oui', expect: 'Question 5\u00a0:' },
            { text: 'oui', expect: 'vous semblez répondre aux critères publiés du PMI+' },
            { text: 'c’est quoi le CSQ?', expect: 'certificat de sélection du Québec' },
            { text: 'combien coûtent les frais?', expect: '155\u00a0$' },
            { text: 'Faire la demande', expect: 'Étape 1 sur' },
            { text: 'Suivant', expect: 'Étape 2 sur' },
            { text: 'Suivant', expect: 'Étape 3 sur' },
        ],
    },
};

/** The welcome and the eligibility check to its verdict: the "short conversation" of the memory measurement. */
export function shortScript(lang: Lang): ConversationScript {
    const full = BOT_SCRIPTS[lang];
    return { ...full, name: `${lang}-short`, turns: full.turns.slice(0, 7) };
}

/** A conversation that ends with "delete my data": its stored state must be gone afterwards. */
export function erasingScript(lang: Lang): ConversationScript {
    const full = BOT_SCRIPTS[lang];
    const erase: ScriptTurn =
        lang === 'en' ? { text: 'delete my data', expect: 'I’ve erased everything' } : { text: 'effacer mes données', expect: 'effacé' };
    return { ...full, name: `${lang}-erasing`, turns: [...full.turns, erase] };
}

/** The echo bot's version of a script: same activities, the echo as the expected reply. */
export function echoScript(script: ConversationScript): ConversationScript {
    return {
        name: `echo-${script.name}`,
        locale: script.locale,
        turns: script.turns.map((turn) => ({ ...turn, expect: turn.text === undefined ? 'Hello and welcome!' : `Echo: ${turn.text}` })),
    };
}

/** The JSON body of one turn of a conversation. */
export function activityBody(
    script: ConversationScript,
    turn: ScriptTurn,
    conversationId: string,
    userId: string,
    sequence: number,
): string {
    const common = {
        id: `${conversationId}-${sequence}`,
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9',
        from: { id: userId, name: 'Bench user' },
        recipient: { id: 'bench-bot', name: 'Bot' },
        conversation: { id: conversationId },
        locale: script.locale,
        deliveryMode: 'expectReplies',
        timestamp: new Date().toISOString(),
    };
    return JSON.stringify(
        turn.text === undefined
            ? { ...common, type: 'conversationUpdate', membersAdded: [{ id: userId }] }
            : { ...common, type: 'message', text: turn.text },
    );
}
