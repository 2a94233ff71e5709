import type { Translator } from '../content/i18n';
import { LANGUAGES, type Language } from '../content/languages';
import { STAFF_COMMANDS, type StaffCommand } from '../content/staff';
import { PhraseBook } from './phrases';

const isStaffCommand = (id: string | undefined): id is StaffCommand => (STAFF_COMMANDS as readonly string[]).includes(id ?? '');

/**
 * The staff commands ("facts", « vérification client », "stats 30"), whole messages in either language.
 * Asked only for staff: for everyone else these words are ordinary messages.
 */
export class StaffCommands {
    private readonly phrases: PhraseBook;

    constructor(private readonly translator: Translator) {
        const entries: [string, string[]][] = [];
        for (const language of LANGUAGES) {
            const samples = translator.object<Record<string, string[]>>(language, 'staff:samples') ?? {};
            for (const id of STAFF_COMMANDS) entries.push([id, samples[id] ?? []]);
        }
        this.phrases = new PhraseBook(entries);
    }

    match(text: string): StaffCommand | undefined {
        const id = this.phrases.matchWhole(text);
        return isStaffCommand(id) ? id : undefined;
    }

    /** The message that runs a command, in a language (what a card button sends). */
    phrase(language: Language, command: StaffCommand): string {
        return this.translator.object<Record<string, string[]>>(language, 'staff:samples')?.[command]?.[0] ?? command;
    }
}
