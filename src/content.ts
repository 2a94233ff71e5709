import type { DialogTarget } from './faq/knowledgeBase';

/**
 * The conversation's capabilities as data: the dialogs read these tables instead of branching on ids.
 * Every id here has its words in locales/<lang>/*.json.
 */

/** A button: the answer id it stands for and the i18n key of its label (20 characters at most). */
export interface ChoiceSpec {
    id: string;
    labelKey: string;
}

/** One paragraph of a message: a locales key (with its values), or the citation of a source. */
export type Line = { key: string; params?: Record<string, string | number> } | { source: string };

/** A fact of a fact list: the locales keys of its label and value. */
export interface FactSpec {
    labelKey: string;
    valueKey: string;
}

/** A question asked by AskDialog, rendered in the turn's language every time it is (re)asked. */
export interface Question {
    /** Names the question in analytics (the funnel's steps). */
    id: string;
    lines: Line[];
    facts?: FactSpec[];
    choices: ChoiceSpec[];
    /** Sent when the user is not sure or asks for help, before the question is asked again. */
    explainKey?: string;
    /** Answers that name several choices at once and mean another one ("my wife and the kids" → both). */
    combinations?: Readonly<Record<string, readonly string[]>>;
}

const choice = (namespace: string, id: string): ChoiceSpec => ({ id, labelKey: `${namespace}:choices.${id}` });

export type CriterionId = 'residence' | 'csq' | 'invitation' | 'application';

export interface Criterion {
    id: CriterionId;
    choices: ChoiceSpec[];
    /** Answers that meet the criterion. */
    met: readonly string[];
    /** Unmet explanation per answer (`…unmet.<answer>`) rather than one for the criterion. */
    unmetByAnswer?: boolean;
    /** A note sent right after these answers. */
    notes?: Readonly<Record<string, string>>;
}

const yesNoUnsure = ['yes', 'no', 'unsure'].map((id) => choice('eligibility', id));

/** The four IMP+ criteria, in the order they are asked. */
export const CRITERIA: readonly Criterion[] = [
    { id: 'residence', choices: yesNoUnsure, met: ['yes'] },
    {
        id: 'csq',
        choices: ['regular', 'pilot', 'other', 'none', 'unsure'].map((id) => choice('eligibility', id)),
        met: ['regular', 'pilot'],
        unmetByAnswer: true,
        notes: { other: 'eligibility:criteria.csq.otherNote' },
    },
    { id: 'invitation', choices: yesNoUnsure, met: ['yes'] },
    { id: 'application', choices: yesNoUnsure, met: ['yes'] },
];

export function criterionQuestion(criterion: Criterion, index: number): Question {
    return {
        id: criterion.id,
        lines: [{ key: `eligibility:criteria.${criterion.id}.question`, params: { n: index + 1, total: CRITERIA.length } }],
        choices: criterion.choices,
        explainKey: `eligibility:criteria.${criterion.id}.explain`,
    };
}

export function unmetKey(criterion: Criterion, answer: string): string {
    const base = `eligibility:criteria.${criterion.id}.unmet`;
    return criterion.unmetByAnswer ? `${base}.${answer}` : base;
}

/** The main menu: each button starts a dialog or runs a command. */
export type MenuAction = { dialog: DialogTarget } | { command: 'ask' | 'advisor' };
export const MENU: readonly { id: string; labelKey: string; action: MenuAction }[] = [
    { id: 'eligibility', labelKey: 'common:menu.choices.eligibility', action: { dialog: 'eligibility' } },
    { id: 'permit', labelKey: 'common:menu.choices.permit', action: { dialog: 'permit' } },
    { id: 'family', labelKey: 'common:menu.choices.family', action: { dialog: 'family' } },
    { id: 'steps', labelKey: 'common:menu.choices.steps', action: { dialog: 'steps' } },
    { id: 'question', labelKey: 'common:menu.choices.question', action: { command: 'ask' } },
    { id: 'advisor', labelKey: 'common:menu.choices.advisor', action: { command: 'advisor' } },
];

/** The language buttons offered when we don't know the user's language. */
export const LANGUAGE_CHOICES: readonly ChoiceSpec[] = [
    { id: 'english', labelKey: 'common:language.english' },
    { id: 'french', labelKey: 'common:language.french' },
];

/** The application walkthrough: "Step n of 6". */
export const WALKTHROUGH_STEPS = ['online', 'fees', 'account', 'documents', 'form', 'upload'] as const;
/** Steps whose text quotes an official figure, and the source to show with it. */
export const WALKTHROUGH_SOURCES: Readonly<Partial<Record<(typeof WALKTHROUGH_STEPS)[number], string>>> = {
    fees: 'fees',
};

/** The open work permit dialog: an overview (with these facts), then the sections on demand. */
export const PERMIT_FACTS: readonly FactSpec[] = ['duration', 'employers', 'where', 'family'].map((id) => ({
    labelKey: `permit:facts.${id}.label`,
    valueKey: `permit:facts.${id}.value`,
}));
export const PERMIT_SECTIONS = ['why', 'caps', 'family'] as const;

/** The family dialog: who comes, and which option texts each answer shows. */
export const FAMILY_CHOICES: readonly ChoiceSpec[] = ['spouse', 'children', 'both', 'unsure'].map((id) =>
    choice('family', id),
);
/** "ma blonde pis les enfants" names both choices: it means "both". */
export const FAMILY_COMBINATIONS: Readonly<Record<string, readonly string[]>> = { both: ['spouse', 'children'] };
export const FAMILY_OPTIONS: Readonly<Record<string, readonly string[]>> = {
    spouse: ['spouse'],
    children: ['children'],
    both: ['spouse', 'children'],
};
