import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { PERSONAL_DETAILS } from '../observability/redact';
import { words } from './text';

/** A date written with slashes ("né le 30/05/1985", "dob 14/07/1988"); with dashes it is already a long number. */
const SLASHED_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/gu;
const DETAILS: readonly RegExp[] = [...PERSONAL_DETAILS, SLASHED_DATE];

/** Where a message is cut into the pieces a detail is given in: sentences, clauses, dashes. */
const PIECE_END = /((?<=[.!?])\s+|[,:;]\s*|\s[—–-]\s|\n+)/u;
/** What is left of a cut after the last piece was left out. */
const TRAILING_CUT = /[\s,:;—–-]+$/u;
/** A detail given in passing: "(uci 5530-2217)", « (je suis né le 08/02/1990, dossier 7731-0042) ». */
const ASIDE = /\s*\(([^()]*)\)/gu;

/**
 * The personal details people paste into a question without being asked ("UCI 1109-4472, DOB 1990-02-01. what docs go
 * into the application?", « Courriel b.diop@exemple.sn, CSQ qui expire dans 4 mois : … »): the pieces that only give a
 * detail (an e-mail, a phone, a file, UCI or passport number, a date of birth) say nothing about what is asked, and
 * their numbers and labels ("my UCI is", « numéro de demande ») would otherwise read as a question about one's file.
 */
export class PersonalDetails {
    /** The words that may stand beside a detail in a piece that only gives it: its label and the words around it. */
    private readonly labels: ReadonlySet<string>;

    constructor(translator: Translator) {
        this.labels = new Set(
            LANGUAGES.flatMap(
                (language) => translator.bundle<{ detailLabels?: string[] }>(language, 'context')?.detailLabels ?? [],
            ).flatMap((label) => words(label)),
        );
    }

    /** The message without the pieces that only give a personal detail; undefined when it has none, or nothing else. */
    without(text: string): string | undefined {
        const unasided = text.replace(ASIDE, (aside, inside: string) => (this.onlyGives(inside) ? '' : aside));
        // Pieces at even places, what cut them at odd ones: a piece left out takes the cut after it.
        const parts = unasided.split(PIECE_END);
        let rest = '';
        for (let at = 0; at < parts.length; at += 2) {
            const piece = parts[at] ?? '';
            if (!this.onlyGives(piece)) rest += piece + (parts[at + 1] ?? '');
        }
        // Trimmed at both ends: an aside cut from the start leaves a space that would make the same message look new.
        rest = rest.replace(TRAILING_CUT, '').trim();
        return rest !== text.trim() && words(rest).length > 0 ? rest : undefined;
    }

    /** A piece with a detail in it, and around it only the detail's label: "my UCI is 1109-4472", « tél 438-555-0123 ». */
    private onlyGives(piece: string): boolean {
        if (piece.includes('?')) return false;
        let rest = piece;
        for (const pattern of DETAILS) rest = rest.replace(pattern, ' ');
        return rest !== piece && words(rest).every((word) => this.labels.has(word));
    }
}
