import type { ConversationState, StatePropertyAccessor, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { CriterionId } from '../content/catalog';
import type { Language } from '../content/languages';
import type { LastAnswer } from '../understanding/context';
import type { EligibilityAnswers } from './eligibility';

/** Kept per user across conversations. */
export interface UserProfile {
    /** Set only when the user chose a language explicitly (button or "français"/"english"). */
    language?: Language;
    /** Walkthrough step the user left at (0-based), so that coming back resumes there. */
    walkthroughStep?: number;
    /** An eligibility check left before its verdict, so that coming back can resume it. */
    eligibility?: EligibilityProgress;
    /** The code of the result this user keeps now: later progress (walkthrough steps) is saved under it. */
    resultCode?: string;
    /** Every result code this user made or came back with, so that "delete my data" erases them too. */
    resultCodes?: string[];
}

/** What a result code keeps: enough to draw the checklist again and to pick up where the person was. */
export interface KeptResult {
    language: Language;
    /** The answers of a finished eligibility check. */
    eligibility?: EligibilityAnswers;
    /** The walkthrough step reached (0-based), while it is under way. */
    walkthroughStep?: number;
    walkthroughDone?: boolean;
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

/** An eligibility check that reached its verdict, kept for an advisor the person may ask for. */
interface EligibilityOutcome {
    answers: Partial<Record<CriterionId, string>>;
    eligible: boolean;
    unmet: string[];
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
    /** The last verdict of the eligibility check in this conversation. */
    lastEligibility?: EligibilityOutcome;
    /** The last free-text question the visitor asked (answered or not), for an advisor they may ask for. */
    lastQuestion?: string;
    /** The knowledge-base answer last given: it may settle what the next question means ("can I renew it?"). */
    lastAnswer?: LastAnswer;
    /** Requests for an advisor posted to the firm's channel (their records are erased with the conversation). */
    handoffIds?: string[];
    /** Answers sent on channels that rate a message by its id (Teams' feedback loop): the last few, newest last. */
    ratedAnswers?: RatedAnswer[];
    /** After a thumbs down, the bot asked why and waits for a reason (or anything else, which drops the question). */
    reasonFor?: Omit<RatedAnswer, 'id'>;
    /** The end-of-conversation question was asked (at most once per conversation). */
    satisfactionAsked?: boolean;
    /** …and waits for its answer. */
    satisfactionPending?: boolean;
    /** The visitor was told, once, that the personal details they typed are not needed. */
    detailsNoted?: boolean;
}

/** A knowledge-base answer the person may rate: the message's id on the channel, the topic and its language. */
export interface RatedAnswer {
    id: string;
    topic: string;
    language: Language;
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
