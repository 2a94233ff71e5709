import type { DialogTarget } from './knowledgeBase';

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
export type Line = { key: string; params?: Record<string, string | number>; bullet?: boolean } | { source: string };

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
    /** Answers a typed reply can give besides the buttons ("back", or "outside" for a bare "yes"). */
    answers?: readonly string[];
    /** What a plain yes or no means here ("yes" to "do you live outside Quebec?" → outside). */
    yesNo?: Readonly<{ yes?: string; no?: string }>;
    /** Place names answer it (a city or a country tells where the person lives). */
    places?: boolean;
    /** A general answer and the precise ones that say the same thing ("outside" → abroad, province). */
    refinements?: Readonly<Record<string, readonly string[]>>;
    /** Answers worked out from a sentence are confirmed before they count (they decide a verdict). */
    confirm?: boolean;
}

const choice = (namespace: string, id: string): ChoiceSpec => ({ id, labelKey: `${namespace}:choices.${id}` });

export type CriterionId = 'residence' | 'csq' | 'pr' | 'csqValid' | 'invitation' | 'application';

export interface Criterion {
    id: CriterionId;
    choices: ChoiceSpec[];
    /** Answers that meet the criterion. */
    met: readonly string[];
    /** Asked only when an earlier answer is one of these. */
    askIf?: { criterion: CriterionId; answers: readonly string[] };
    /** Hidden answers, yes/no meaning, places and refinements, as in Question. */
    reading?: Pick<Question, 'answers' | 'yesNo' | 'places' | 'refinements'>;
    /** Unmet explanation per answer (`…unmet.<answer>`) rather than one for the criterion. */
    unmetByAnswer?: boolean;
    /** A note sent right after these answers. */
    notes?: Readonly<Record<string, string>>;
    /** Sources the verdict cites for an unmet answer, besides those of the facts its text quotes. */
    unmetSources?: Readonly<Record<string, readonly string[]>>;
}

const yesNoUnsure = ['yes', 'no', 'unsure'].map((id) => choice('eligibility', id));

/**
 * The published IMP+ criteria, in the order they are asked (quebec.ca and IRCC's instructions; the
 * sources are cited by the texts in locales/<lang>/eligibility.json).
 */
export const CRITERIA: readonly Criterion[] = [
    {
        id: 'residence',
        choices: ['abroad', 'province', 'quebec', 'unsure'].map((id) => choice('eligibility', id)),
        met: ['abroad', 'province', 'outside'],
        reading: {
            answers: ['outside'],
            yesNo: { yes: 'outside', no: 'quebec' },
            places: true,
            refinements: { outside: ['abroad', 'province'] },
        },
        unmetByAnswer: true,
        notes: { province: 'eligibility:criteria.residence.provinceNote' },
        unmetSources: { quebec: ['quebec-csq-in-quebec', 'ircc-a75', 'ircc-tpp-quebec-pr'] },
    },
    {
        id: 'csq',
        // Six buttons, as many as a Teams card holds; "not sure" is still understood when typed.
        choices: ['regular', 'pilot', 'pstq', 'peq', 'other', 'none'].map((id) => choice('eligibility', id)),
        met: ['regular', 'pilot'],
        reading: { yesNo: { no: 'none' } },
        unmetByAnswer: true,
    },
    {
        id: 'pr',
        choices: ['notYet', 'inProcess', 'approved', 'refused', 'unsure'].map((id) => choice('eligibility', id)),
        met: ['notYet', 'inProcess'],
        reading: { yesNo: { no: 'notYet' } },
        unmetByAnswer: true,
    },
    {
        id: 'csqValid',
        choices: yesNoUnsure,
        met: ['yes'],
        askIf: { criterion: 'pr', answers: ['notYet'] },
    },
    { id: 'invitation', choices: yesNoUnsure, met: ['yes'] },
    { id: 'application', choices: yesNoUnsure, met: ['yes'] },
];

/** The question for a criterion; `number` counts the questions asked so far, "back" returns to the previous one. */
export function criterionQuestion(criterion: Criterion, number: number, canGoBack: boolean): Question {
    const reading = criterion.reading ?? {};
    const yesNo = reading.yesNo ?? (criterion.choices.some((c) => c.id === 'yes') ? { yes: 'yes', no: 'no' } : undefined);
    return {
        id: criterion.id,
        lines: [{ key: `eligibility:criteria.${criterion.id}.question`, params: { n: number } }],
        choices: criterion.choices,
        explainKey: `eligibility:criteria.${criterion.id}.explain`,
        answers: [...(reading.answers ?? []), ...(canGoBack ? [BACK] : [])],
        ...(yesNo ? { yesNo } : {}),
        ...(reading.places ? { places: true } : {}),
        ...(reading.refinements ? { refinements: reading.refinements } : {}),
        confirm: true,
    };
}

/** The answer that goes back to the previous question. */
export const BACK = 'back';

/** Reads "back" in any of its wordings, as a message of its own (the same as at a question of the check). */
export const GO_BACK: Question = { id: 'goBack', lines: [], choices: [], answers: [BACK] };

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

/** "Do you want me to erase everything?", asked when a deletion request was worded loosely. */
export const ERASE_QUESTION: Question = {
    id: 'erase',
    lines: [{ key: 'common:privacy.confirmErase' }],
    choices: [
        { id: 'yes', labelKey: 'common:privacy.eraseYes' },
        { id: 'no', labelKey: 'common:privacy.eraseNo' },
    ],
    yesNo: { yes: 'yes', no: 'no' },
};

/** The language buttons offered when we don't know the user's language. */
export const LANGUAGE_CHOICES: readonly ChoiceSpec[] = [
    { id: 'english', labelKey: 'common:language.english' },
    { id: 'french', labelKey: 'common:language.french' },
];

/** A source of src/facts.ts that a guided dialog's text cites. */
type SourceId = import('./facts').SourceId;

/** The application walkthrough ("Step n of N"), in the order IRCC's online application goes. */
export const WALKTHROUGH_STEPS = ['account', 'checklist', 'form', 'upload', 'fees', 'submit', 'biometrics', 'medical', 'decision'] as const;
export type WalkthroughStep = (typeof WALKTHROUGH_STEPS)[number];
/**
 * Sources each step cites besides those of the facts its text quotes (src/facts.ts ids). Steps without an
 * entry say nothing a source has to back (how to fill in a form, keeping a receipt).
 */
export const WALKTHROUGH_SOURCES: Readonly<Partial<Record<WalkthroughStep, readonly SourceId[]>>> = {
    account: ['ircc-imp-plus-copy', 'ircc-a76'],
    upload: ['ircc-imp-plus-copy'],
    fees: ['ircc-fees'],
    biometrics: ['ircc-biometrics', 'ircc-biometrics-pdi'],
    medical: ['ircc-medical', 'ircc-medical-conditions'],
    decision: ['ircc-processing-times', 'ircc-eta-with-permit'],
};

/** The open work permit dialog: an overview (with these facts), then the sections on demand. */
export const PERMIT_FACTS: readonly FactSpec[] = ['duration', 'employers', 'where', 'family'].map((id) => ({
    labelKey: `permit:facts.${id}.label`,
    valueKey: `permit:facts.${id}.value`,
}));
export const PERMIT_SECTIONS = ['why', 'caps', 'family'] as const;
/** Sources of the overview and of each section, besides those of the facts their texts quote. */
export const PERMIT_SOURCES: Readonly<Record<'overview' | (typeof PERMIT_SECTIONS)[number], readonly SourceId[]>> = {
    overview: ['quebec-imp-plus', 'ircc-a76'],
    why: ['quebec-imp-plus', 'ircc-a76'],
    caps: [],
    family: ['ircc-imp-plus-copy', 'news-family-pathway', 'news-minor-children', 'quebec-caq-children'],
};

/** The family dialog: who comes, and which option texts each answer shows. */
export const FAMILY_CHOICES: readonly ChoiceSpec[] = ['spouse', 'children', 'both', 'unsure'].map((id) => choice('family', id));
/** "ma blonde pis les enfants" names both choices: it means "both". */
export const FAMILY_COMBINATIONS: Readonly<Record<string, readonly string[]>> = { both: ['spouse', 'children'] };
export const FAMILY_OPTIONS: Readonly<Record<string, readonly FamilyMember[]>> = {
    spouse: ['spouse'],
    children: ['children'],
    both: ['spouse', 'children'],
};
export type FamilyMember = 'spouse' | 'children';
/** Sources of each option text, besides those of the facts it quotes. */
export const FAMILY_SOURCES: Readonly<Record<FamilyMember, readonly SourceId[]>> = {
    spouse: ['ircc-imp-plus-copy', 'news-family-pathway'],
    children: ['news-minor-children', 'quebec-caq-children', 'laws-irpa-s30', 'news-family-pathway'],
};

/** What people can ask for at any time, in any dialog (phrases in locales/<lang>/commands.json). */
export const COMMANDS = [
    'help',
    'cancel',
    'menu',
    'restart',
    'english',
    'french',
    'greeting',
    'ask',
    'privacy',
    'deleteData',
    'advisor',
] as const;
export type Command = (typeof COMMANDS)[number];

/**
 * What each command does, in one place for both situations: with no guided dialog running, and inside one.
 * Top level: "menu" offers the menu, "menuAgain" the menu with "anything else?", "greet" the welcome, "wait"
 * nothing more (the next message is the question). Inside a dialog: "askAgain" the pending question,
 * "explain" it with its explanation first, "cancel" / "menu" leave the dialog, "restart" begins it again.
 * "Delete my data" is not here: the bot erases before anything else runs.
 */
export interface CommandAction {
    /** A locales key. */
    say?: string;
    /** Said only at the top level ("There's nothing to cancel"). */
    sayAtTopLevel?: string;
    atTopLevel: 'menu' | 'menuAgain' | 'greet' | 'wait' | 'handoff';
    inDialog: 'askAgain' | 'explain' | 'cancel' | 'menu' | 'restart' | 'wait' | 'handoff';
    /** A conversation not yet welcomed gets the welcome instead (a first "français" chooses the language). */
    welcomeFirst?: boolean;
    /** Forgets the progress kept for a later visit (eligibility check, walkthrough). */
    forgetsProgress?: boolean;
}

export const COMMAND_ACTIONS: Readonly<Record<Exclude<Command, 'deleteData'>, CommandAction>> = {
    help: { say: 'common:help.general', atTopLevel: 'menu', inDialog: 'explain' },
    cancel: { sayAtTopLevel: 'common:nothingToCancel', atTopLevel: 'menu', inDialog: 'cancel' },
    menu: { atTopLevel: 'menu', inDialog: 'menu' },
    restart: { say: 'common:startOver', atTopLevel: 'menu', inDialog: 'restart', forgetsProgress: true },
    english: { say: 'common:language.switched', atTopLevel: 'menu', inDialog: 'askAgain', welcomeFirst: true },
    french: { say: 'common:language.switched', atTopLevel: 'menu', inDialog: 'askAgain', welcomeFirst: true },
    greeting: { atTopLevel: 'greet', inDialog: 'askAgain' },
    ask: { say: 'common:ask.prompt', atTopLevel: 'wait', inDialog: 'wait' },
    privacy: { say: 'common:privacy.notice', atTopLevel: 'menu', inDialog: 'askAgain' },
    // The consent dialog and the firm's inbox (visitors), or the firm's contact (staff in Teams): see Handoff.
    advisor: { atTopLevel: 'handoff', inDialog: 'handoff' },
};

/**
 * What the knowledge base's topics are about, where a follow-up may leave it unsaid: "and when does it expire?"
 * after the permit's duration asks about the permit, after the CSQ about the CSQ (words in locales/<lang>/context.json).
 */
export const TOPIC_SUBJECTS = {
    permit: ['duration', 'permit-expiry', 'open-vs-employer-specific', 'quebec-only', 'employers', 'study-with-permit'],
    csq: ['what-is-csq', 'csq-expiry', 'criteria-csq', 'oos-quebec-selection'],
    invitation: ['criteria-invitation', 'invitation-request'],
} as const satisfies Readonly<Record<string, readonly string[]>>;
export type Subject = keyof typeof TOPIC_SUBJECTS;

/**
 * What a bare name of a person reads as ("my wife", « mes enfants »): before a question, such a half is who the
 * question is about ("my wife and I are applying, what documents?"), not a question of its own.
 */
export const PERSON_TOPICS: readonly string[] = ['family-members', 'spouse-work', 'children-school', 'start-family'];

/**
 * Topics whose answer is the same whoever the story says is applying: the fees are per person, the processing times
 * IRCC's, and the medical exam, the police certificates and the biometrics asked of each applicant, so "…for me and
 * my wife. How much are the fees and how long does it take?" asks them as they are.
 */
export const ANYONE_TOPICS: readonly string[] = ['fees', 'processing-times', 'medical-exam', 'police-certificates', 'biometrics'];

/**
 * Topics whose answer says what they cost (the biometrics fee, the restoration fee): "do I have to give my fingerprints
 * again? and how much is it" asks that cost, not the whole list of fees.
 */
const PRICED_TOPICS: readonly string[] = ['biometrics', 'restoration'];

/**
 * Priced topics whose cost is all that the fees asked beside them can mean: "how does restoration work and how much are
 * the fees?" asks nothing the general fees topic would add (the biometrics are asked beside the permit's own fees).
 */
export const OWN_COST_TOPICS: readonly string[] = ['restoration'];

/** Topics that say what something is: "is it a visa?" after one asks what it is again ("what is IMP+? is it a visa or what"). */
export const DEFINITION_TOPICS: readonly string[] = ['what-is-imp', 'what-is-csq', 'what-is-mifi'];

/** The criteria as a whole: what one criterion is part of. */
export const CRITERIA_TOPIC = 'criteria';

/** Topics that each answer one criterion: whether it is one is theirs to answer. */
export const ONE_CRITERION_TOPICS: readonly string[] = [
    'criteria-outside-quebec',
    'criteria-csq',
    'pstq-peq-holders',
    'criteria-invitation',
    'criteria-complete-application',
];

/** What IMP+ and its permit are, as a whole: what another thing has to do with IMP+ is asked of that thing. */
export const IMP_PLUS_OVERVIEW_TOPICS: readonly string[] = ['what-is-imp', 'start-permit'];

/**
 * Topics that another province's permit or program, named in their words, is read as ("how do I get a work permit for
 * Ontario": how to apply; « une EIMT en Ontario »: the LMIA; "something like IMP+ in Alberta": where one may work).
 */
export const ELSEWHERE_READ_TOPICS: readonly string[] = [
    'quebec-only',
    'job-offer-lmia',
    'how-to-apply',
    'criteria',
    'open-vs-employer-specific',
];

/** The topic of the government's fees, which a question about the cost of an own-cost topic does not need. */
export const FEES_TOPIC = 'fees';

/**
 * What the first of two questions' answer already says of its own thing, which a second question that leaves its
 * subject unsaid asks again: `asked` read after one of `answeredBy` adds nothing. Its cost: « faut-tu les redonner? pis
 * si oui ça coûte combien » (the biometrics' answer gives their fee). How long it is valid: « comment on obtient cette
 * invitation? … elle est valide combien de temps? » (the invitation's answer says so, not the permit's duration). What
 * it is for: « cest quoi un csq et ca sert a quoi » (the CSQ's answer says so, not what IMP+ changes).
 */
export const ASKED_OF_THE_FIRST: readonly { asked: readonly string[]; answeredBy: readonly string[] }[] = [
    { asked: [FEES_TOPIC], answeredBy: PRICED_TOPICS },
    { asked: ['duration', 'permit-expiry'], answeredBy: ['invitation-request', 'criteria-invitation', 'what-is-csq', 'csq-expiry'] },
    { asked: ['purpose'], answeredBy: ['what-is-csq', 'what-is-mifi'] },
];

/** The topic that points to IRCC's processing times and says the bot sees no one's application. */
export const PROCESSING_TIMES_TOPIC = 'processing-times';

/**
 * Topics about the IMP+ application's own fees, delays, documents and biometrics, which another process's (a CAQ, a
 * CSQ, a visitor visa) are not.
 */
export const APPLICATION_PROCESS_TOPICS: readonly string[] = [FEES_TOPIC, PROCESSING_TIMES_TOPIC, 'documents-list', 'biometrics'];

/**
 * Topics about what the IMP+ permit lets one do, asked with the permit named: another process named without it (« mon
 * frère veut venir étudier, il faut quoi pour le CAQ études ? ») is that process's matter.
 */
export const PERMIT_USE_TOPICS: readonly string[] = ['study-with-permit'];

/** Topics about the end of the IMP+ permit, which another permit's or visa's end (a study permit, a visitor visa) is not. */
export const PERMIT_END_TOPICS: readonly string[] = ['permit-expiry'];

/** The difference between open and employer-specific permits, which a question about one's own other permit is not. */
export const OPEN_VS_CLOSED_TOPIC = 'open-vs-employer-specific';

/** Whether a spouse may work beside IMP+, and the near miss of a spouse's permit under another program (a PGWP, a study permit). */
export const SPOUSE_WORK_TOPIC = 'spouse-work';
export const SPOUSE_OTHER_PROGRAMS_TOPIC = 'oos-spouse-other-programs';

/** Small talk that ends a conversation: after a question in the same message ("… thanks, bye"), it is answered too. */
export const CLOSING_TOPICS = ['goodbye'] as const;

/** Requests that may come beside a question in the same message: the question is answered, then the request done. */
export const FOLLOWING_COMMANDS = ['advisor', 'privacy'] as const satisfies readonly Command[];
export type FollowingCommand = (typeof FOLLOWING_COMMANDS)[number];
/**
 * Requests heard in one clause of a long message that reads as nothing as a whole ("…it's all so confusing, can I book
 * an appointment with one of your advisors?"): reaching a person, and erasing one's data (confirmed first).
 */
export const CLAUSE_COMMANDS = ['advisor', 'deleteData'] as const satisfies readonly Command[];
/** What a message asks to do after its question is answered: a guided flow, or one of FOLLOWING_COMMANDS. */
export type FollowingRequest = { dialog: DialogTarget } | { command: FollowingCommand };
