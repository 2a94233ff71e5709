import type { ChoiceSpec, Question } from './catalog';

/** Why an answer was not helpful: the reasons a person can pick after a thumbs down. */
export const FEEDBACK_REASONS = ['wrong', 'unclear', 'outdated', 'notMyQuestion'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** "What was wrong with it?": the reasons, and a way out. */
const REASON_CHOICES: readonly ChoiceSpec[] = [
    ...FEEDBACK_REASONS.map((id) => ({ id, labelKey: `feedback:reasons.${id}` })),
    { id: 'skip', labelKey: 'feedback:skip' },
];

/** Asked only after a thumbs down, on channels whose own means have no reasons (ratings.ts). */
export const REASON_QUESTION: Question = {
    id: 'feedbackReason',
    lines: [{ key: 'feedback:reasonQuestion' }],
    choices: [...REASON_CHOICES],
};

/** How the whole conversation went, asked once at its end. */
const SATISFACTION_RATINGS = ['good', 'fair', 'poor'] as const;

export const SATISFACTION_CHOICES: readonly ChoiceSpec[] = [
    ...SATISFACTION_RATINGS.map((id) => ({ id, labelKey: `feedback:satisfaction.${id}` })),
    { id: 'skip', labelKey: 'feedback:skip' },
];

export const SATISFACTION_QUESTION: Question = {
    id: 'satisfaction',
    lines: [{ key: 'feedback:satisfaction.question' }],
    choices: [...SATISFACTION_CHOICES],
};

/**
 * Where a conversation comes to an end, so the satisfaction question fits: after these dialogs and these
 * small-talk topics. A topic whose answer asks a question of its own ("anything else?") gets a short reply
 * instead, so that the person is asked one thing at a time.
 */
export const SATISFACTION_MOMENTS = {
    dialogs: ['eligibility', 'steps'] as readonly string[],
    topics: { thanks: 'feedback:satisfaction.welcome', goodbye: undefined } as Readonly<Record<string, string | undefined>>,
};
