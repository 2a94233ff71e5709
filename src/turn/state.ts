import type { ConversationState, StatePropertyAccessor, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { CriterionId } from '../content/catalog';
import type { Language } from '../content/languages';

/** Kept per user across conversations. */
export interface UserProfile {
    /** Set only when the user chose a language explicitly (button or "français"/"english"). */
    language?: Language;
    /** Walkthrough step the user left at (0-based), so that coming back resumes there. */
    walkthroughStep?: number;
    /** An eligibility check left before its verdict, so that coming back can resume it. */
    eligibility?: EligibilityProgress;
}

/** The answers of an unfinished eligibility check, and the order they were given in (for "back"). */
export interface EligibilityProgress {
    answers: Partial<Record<CriterionId, string>>;
    history: CriterionId[];
    /** Staff answering for a client (the "client check"): never kept in the staff member's profile. */
    forClient?: boolean;
}

/** One line of the short transcript kept for a handoff to an advisor. */
export interface TranscriptLine {
    role: 'user' | 'bot';
    text: string;
}

/** Kept per conversation. */
export interface ConversationData {
    /** The last few messages, for an advisor who picks up the conversation. */
    transcript?: TranscriptLine[];
    /** The conversation's language when the user never chose one: from the channel or page, then from the text. */
    language?: Language;
    /** `language` comes from what the user wrote, not only from the channel's or the page's locale. */
    languageFromText?: boolean;
    /** The welcome (with the disclaimer) has been shown. */
    welcomed?: boolean;
    /** The bot asked "Do you want me to erase your data?" and waits for the answer. */
    confirmingErase?: boolean;
}

/** The state accessors every dialog may need, created once and passed in through constructors. */
export interface StateAccessors {
    profile: StatePropertyAccessor<UserProfile>;
    conversation: StatePropertyAccessor<ConversationData>;
    dialogState: StatePropertyAccessor<DialogState>;
}

export function createAccessors(conversationState: ConversationState, userState: UserState): StateAccessors {
    return {
        profile: userState.createProperty<UserProfile>('profile'),
        conversation: conversationState.createProperty<ConversationData>('conversation'),
        dialogState: conversationState.createProperty<DialogState>('dialogState'),
    };
}
