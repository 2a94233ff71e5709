import type { TurnContext } from 'botbuilder';
import type { DialogTarget } from '../content/knowledgeBase';
import type { Language } from '../content/languages';
import type { Decision } from '../turn/turn';

/** The Recognizer trace's value: part of the bot's contract (the Emulator shows it). */
interface RecognizerTrace {
    text: string;
    locale: Language;
    action: 'answer' | 'dialog' | 'command' | 'fallback';
    target?: DialogTarget;
    topic?: string;
    score?: number;
    command?: string;
    candidates?: string[];
    /** Offered although the message was matched too weakly to answer. */
    unsure?: true;
    /** The second question's topic, when a message asked two. */
    also?: string;
    /** The request made beside the question, done after the answer: a command, or a guided flow to start. */
    request?: string;
}

function recognizerTrace(text: string, locale: Language, decision: Decision): RecognizerTrace {
    const base = { text, locale };
    switch (decision.kind) {
        case 'prompt':
            return { ...base, action: 'dialog', target: decision.target };
        case 'command':
            return { ...base, action: 'command', command: decision.command };
        case 'dialog':
            return {
                ...base,
                action: 'dialog',
                target: decision.target,
                ...(decision.topic ? { topic: decision.topic, score: decision.score } : {}),
            };
        case 'answer':
            return {
                ...base,
                action: 'answer',
                topic: decision.topic.id,
                score: decision.score,
                ...(decision.also ? { also: decision.also.id } : {}),
                ...(decision.request ? { request: 'dialog' in decision.request ? decision.request.dialog : decision.request.command } : {}),
            };
        case 'clarify':
            return {
                ...base,
                action: 'fallback',
                candidates: decision.topics.map((t) => t.id),
                score: decision.score,
                ...(decision.unsure ? { unsure: true as const } : {}),
            };
        case 'refuse':
            return { ...base, action: 'fallback', score: decision.score, ...(decision.topic ? { topic: decision.topic.id } : {}) };
    }
}

export async function sendRecognizerTrace(context: TurnContext, text: string, locale: Language, decision: Decision): Promise<void> {
    await context.sendTraceActivity(
        'Recognizer',
        recognizerTrace(text, locale, decision),
        'https://impplus.local/schemas/recognizer',
        'Recognizer result',
    );
}
