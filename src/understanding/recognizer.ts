import { COMMANDS, type Command, MENU, type MenuAction } from '../content/catalog';
import type { Translator } from '../content/i18n';
import type { DialogTarget, Topic } from '../content/knowledgeBase';
import { LANGUAGES, type Language } from '../content/languages';
import type { TopicMatcher } from './faq/matcher';
import { PhraseBook } from './phrases';
import { words } from './text';

const isCommand = (id: string | undefined): id is Command => (COMMANDS as readonly string[]).includes(id ?? '');

/** What a free-text message asks for, before any dialog decides what to do with it. */
export type Recognition =
    /** `inferred`: the knowledge base read a request in the wording ("please erase what you know about me"). */
    | { kind: 'command'; command: Command; inferred?: boolean }
    | { kind: 'dialog'; target: DialogTarget; topic?: string; score?: number }
    | { kind: 'answer'; topic: Topic; score: number }
    | { kind: 'clarify'; topics: [Topic, Topic]; score: number }
    | { kind: 'refuse'; topic?: Topic; score: number };

/**
 * Whole-message commands and menu buttons first (exact, both languages), then the knowledge base.
 * The knowledge base matcher is injected so that it can be measured and replaced on its own.
 */
export class Recognizer {
    private readonly commands: PhraseBook;
    private readonly menuLabels = new Map<string, MenuAction>();

    constructor(
        translator: Translator,
        private readonly matcher: TopicMatcher,
    ) {
        this.commands = PhraseBook.fromNamespace(translator, 'commands');
        for (const language of LANGUAGES) {
            for (const item of MENU) this.menuLabels.set(words(translator.t(language, item.labelKey)).join(' '), item.action);
        }
    }

    recognize(text: string, language: Language): Recognition {
        return this.shortcut(text) ?? this.search(text, language);
    }

    /** Everything a message asks, at the top level: one recognition, or two for two questions in one. */
    understand(text: string, language: Language): Recognition[] {
        return [this.recognize(text, language)];
    }

    /** Whole-message commands and menu buttons: exact and cheap, checked before anything else. */
    shortcut(text: string): Recognition | undefined {
        const command = this.commands.matchWhole(text);
        if (isCommand(command)) return { kind: 'command', command };
        const menu = this.menuLabels.get(words(text).join(' '));
        if (menu) return 'dialog' in menu ? { kind: 'dialog', target: menu.dialog } : { kind: 'command', command: menu.command };
        return undefined;
    }

    /** The knowledge base: a question to answer, a dialog to start, or nothing good enough. */
    search(text: string, language: Language): Recognition {
        const outcome = this.matcher.match(text, language);
        switch (outcome.kind) {
            case 'confident': {
                const { topic, score } = outcome;
                if (topic.outOfScope) return { kind: 'refuse', topic, score };
                if (topic.command) return { kind: 'command', command: topic.command, inferred: true };
                if (topic.dialog) return { kind: 'dialog', target: topic.dialog, topic: topic.id, score };
                return { kind: 'answer', topic, score };
            }
            case 'ambiguous':
                return { kind: 'clarify', topics: outcome.topics, score: outcome.score };
            case 'none':
                return { kind: 'refuse', score: outcome.score };
        }
    }
}
