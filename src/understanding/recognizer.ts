import {
    ANYONE_TOPICS,
    APPLICATION_PROCESS_TOPICS,
    ASKED_OF_THE_FIRST,
    CLAUSE_COMMANDS,
    CLOSING_TOPICS,
    COMMANDS,
    type Command,
    CRITERIA_TOPIC,
    DEFINITION_TOPICS,
    ELSEWHERE_READ_TOPICS,
    FEES_TOPIC,
    FOLLOWING_COMMANDS,
    type FollowingCommand,
    type FollowingRequest,
    IMP_PLUS_OVERVIEW_TOPICS,
    MENU,
    type MenuAction,
    ONE_CRITERION_TOPICS,
    OPEN_VS_CLOSED_TOPIC,
    OWN_COST_TOPICS,
    PERMIT_END_TOPICS,
    PERMIT_USE_TOPICS,
    PERSON_TOPICS,
    PROCESSING_TIMES_TOPIC,
    SPOUSE_OTHER_PROGRAMS_TOPIC,
    SPOUSE_WORK_TOPIC,
} from '../content/catalog';
import type { Translator } from '../content/i18n';
import type { DialogTarget, Topic } from '../content/knowledgeBase';
import { LANGUAGES, type Language } from '../content/languages';
import { Asides } from './asides';
import type { TopicMatcher } from './faq/matcher';
import { FeeAmounts } from './feeAmounts';
import { SelfIntroductions } from './introductions';
import { PersonalDetails } from './personalDetails';
import { StoryPersons } from './persons';
import { PhraseBook } from './phrases';
import { type Subject, SubjectWords, subjectOf } from './subjects';
import { phrasePattern, words } from './text';

const isCommand = (id: string | undefined): id is Command => (COMMANDS as readonly string[]).includes(id ?? '');
const isFollowing = (command: Command): command is FollowingCommand => (FOLLOWING_COMMANDS as readonly string[]).includes(command);
const isClosing = (topic: Topic): boolean => (CLOSING_TOPICS as readonly string[]).includes(topic.id);

/** A whole message matched this well asks one question, even if it has an "and" in it. */
const SINGLE_QUESTION_SCORE = 0.7;

/**
 * Half a message asks for a guided flow beside a question only when it reads this clearly ("am I eligible?",
 * "walk me through the application"): "what do they do in the IMP+ process?" is not a request for the guide.
 */
const CLEAR_REQUEST_SCORE = 0.8;

/**
 * Where a message may join two questions: a question mark in the middle, "and also", texted "n", "et", "pis"… ("plus",
 * but not in the program's name: "IMP plus", "International Mobility Program Plus", nor French "more": « plus d'impôts
 * qu'en Ontario », « le plus proche »). "Also" and « aussi » join after a comma or before what asks ("also do i
 * need…", « aussi comment… »), not inside a sentence ("work also when we arrive", « travailler lui aussi si… »).
 */
const JOINS =
    /\?\s+|[.!;]\s+|\s+[+&]\s+|,?(?<!\b(?:imp|pmi))\s+(?:and also|and|n|(?<=,\s*)also|also(?=\s+(?:do|does|can|could|is|are|will|would|should|what|how|need|i|my)\b)|(?<!\b(?:program|programme|internationale|le|la|les|au)\s+)plus(?!\s+(?:de|des|du|d['’]|que|qu['’]))|btw|by the way|oh and|another question|one more thing|et aussi|et|pis|pi|puis|(?<=,\s*)aussi|aussi(?=\s+(?:est|combien|comment|quand|quel|quelle|quels|quelles|pourquoi|ou|qu|que|faut|dois|doit|je|j|mon|ma|mes|on|il|elle|peut|peux|pourrait|y)\b)|ainsi que|en passant|autre question|sinon|ah pis|et puis)[,:]?\s+/giu;

/** A run-on message may hold many joins; two searches per cut are tried for the first few only. */
const MAX_CUTS = 3;

/** A message this long that matches nothing as a whole may carry its question in one of its sentences. */
const LONG_MESSAGE_WORDS = 12;
/** A question sentence of a long message is read alone only from this many words: "Any exclusions?" needs its story. */
const ASKED_ALONE_WORDS = 5;
/** From this many words, a question names what it asks about even with a pronoun in it (« Comment il fait sa demande d'asile? »). */
const SELF_CONTAINED_WORDS = 10;
/**
 * Below this many words, a question that says "it" and names nothing leaves its subject to the story before it
 * (« …Ça marche comment et ça coûte combien dans mon cas ? »); a longer one tells enough to be read alone.
 */
const STORY_QUESTION_WORDS = 15;
/**
 * Shorter, a message is read through its last clause when the clauses before it tell about the writer ("I live in
 * Toronto, how much is it?", « je suis à Paris, combien ça coûte ») and that clause clearly asks one thing.
 */
const SHORT_CONTEXT_WORDS = 6;
/** A clause that asks how to answer someone says little else: "What do I tell her in simple words?". */
const RELAY_EXTRA_WORDS = 4;
/** A clause that only asks whether what was said is true, or why, says at most this much else: "so is that true??". */
const TRUTH_CHECK_EXTRA_WORDS = 2;
/** A clause that only turns a topic away says at most this much besides: "not the fees", « oubliez les enfants ». */
const REJECTION_EXTRA_WORDS = 6;
/** The name of the writer's own program follows "my" within this many words: "my post-graduation work permit". */
const OWN_PROGRAM_WORDS = 4;
/** What is left of a relayed message must tell the question, not only what it is about ("a job interview, how do I reply"). */
const RELAYED_WORDS = 8;
/** A letter's sign-off, with the name and titles after it, is at most this long: "With thanks, their grandmother, Evelyn Parker". */
const SIGN_OFF_WORDS = 12;
/** What a signed message says before its sign-off: at least this many words, or the sign-off may be all it says. */
const SIGNED_MESSAGE_WORDS = 6;
/** Where a sign-off may start: after a sentence, a comma or a line ("…en septembre? Je vous prie d'agréer…"). */
const SIGN_OFF_START = /(?<=[.,;:!?\n])\s*/u;
/** A last sentence this short that tells ("My granddaughter is in Manila.") is an aside; a longer one may ask ("Notre
 * client souhaiterait savoir s'il peut refuser…"). */
const ASIDE_WORDS = 8;
/** Words beside a bare why that still ask only why (« pourquoi d'après vous ? »). */
const WHY_EXTRA_WORDS = 3;
/** Context typed without punctuation before a question: at least this many words ("I live in Laval can I…"). */
const MIN_CONTEXT_WORDS = 3;
/** A heading before a colon ("quick q: …"), the question after it; not a time ("10:30") nor a link. */
const HEADING = /^([^:?\n]+?)\s*:\s+([\s\S]+)$/u;
/** The most words a heading has: a longer start is a sentence of its own. */
const HEADING_WORDS = 8;
const CLAUSE_END = /(?<=[.!?;,])\s+|\n+/u;
/** Where a sentence is cut into clauses: "not the fees, I already paid", « oubliez les enfants, c'est ma conjointe : … ». */
const CLAUSE_MARK = /[,:;]\s*/u;
/** A clause's or a sentence's end, for a question that may open after either. */
const CLAUSE_OR_SENTENCE_MARK = /[,:;]\s*|[.!]\s+/u;
/** How a sentence that tells, rather than asks, ends. */
const STATEMENT_END = /[.!]$/u;

/** The clauses of a message (of `minWords` or more), last first: after the context, the question usually comes last. */
function clausesLastFirst(text: string, minWords = 4): string[] {
    const clauses: string[] = [];
    for (const piece of text.split(CLAUSE_END).map((clause) => clause.trim())) {
        const last = clauses.length - 1;
        // "How long is it valid, the permit?": a few words after a comma are the clause's own.
        if (words(piece).length < minWords && last >= 0 && /,$/u.test(clauses[last] ?? '')) clauses[last] = `${clauses[last]} ${piece}`;
        else clauses.push(piece);
    }
    const long = clauses.filter((clause) => words(clause).length >= minWords);
    return long.length > 1 ? long.reverse() : [];
}

/** Whether the words of `phrase` are the message's words from `start` on. */
const phraseAt = (tokens: readonly string[], phrase: readonly string[], start: number): boolean =>
    phrase.every((token, i) => tokens[start + i] === token);

/** Whether the message's words end with those of `phrase`. */
const phraseAtEnd = (tokens: readonly string[], phrase: readonly string[]): boolean =>
    phraseAt(tokens, phrase, tokens.length - phrase.length);

/** Where each of the phrases stands in the tokens, as [start, end) spans. */
const phraseSpans = (tokens: readonly string[], phrases: readonly (readonly string[])[]): (readonly [number, number])[] =>
    tokens.flatMap((_, start) =>
        phrases.filter((phrase) => phraseAt(tokens, phrase, start)).map((phrase) => [start, start + phrase.length] as const),
    );

/** The words that start one more question ("And once there, can he change employers?", « Pis l'examen médical ? »). */
const ANOTHER_QUESTION_WORDS = '(?:and|also|plus|btw|et|pis|puis|aussi)\\b';
/** A sentence that says it asks one more thing. */
const ANOTHER_QUESTION = new RegExp(`^${ANOTHER_QUESTION_WORDS}`, 'iu');
/** The last clause of a message when it asks one more thing, after a remark (« super, et pour la visite médicale ? »). */
const LAST_CLAUSE_ASKING_MORE = new RegExp(`(?:^|[.,;:!]\\s+)(${ANOTHER_QUESTION_WORDS}[^?]*\\?)[\\s?]*$`, 'iu');
/** …which may read less clearly than a question alone, down to this ("…? Et à quel moment?" still leans on the first). */
const MARKED_QUESTION_SCORE = 0.6;

/** Whether a refused whole leans both to `asked`'s topic and to a near miss (`nearMiss`, or an `unsure` pair with one). */
function leansToNearMissBeside(whole: Extract<Recognition, { kind: 'refuse' }>, asked: Recognition): boolean {
    const leaning = whole.nearMiss ?? whole.unsure;
    if (asked.kind !== 'answer' || leaning === undefined || !leaning.some((topic) => topic.outOfScope)) return false;
    return leaning.some((topic) => topic.id === asked.topic.id);
}

/** Fewer words than this are not a question of their own ("and me?") unless they clearly name one ("fees?"). */
const QUESTION_WORDS = 3;
/** Thanks or an acknowledgement before what it is for is at most this long: « merci beaucoup madame pour… ». */
const THANKS_WORDS = 3;
/** A goodbye in its own sentence after a remark is at most this long: "see you later then", « bon, à plus ». */
const GOODBYE_WORDS = 4;
/** Where a message's first clause or sentence ends: « bon ben à plus, faut que j'y aille ». */
const FIRST_CLAUSE_END = /[,:;]\s*|(?<=[.!])\s+/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
/** Emoji, their skin tones and joiners, and the spaces between them, at the end of a message. */
const TRAILING_EMOJI = /(?:\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+$/u;
const isShort = (text: string): boolean => words(text).length < QUESTION_WORDS;
/** A clause that starts or ends with one of `phrases`, with at most `extra` words beside it ("so is that true??"). */
const asksOnly = (clause: string, phrases: readonly string[][], extra: number): boolean => {
    const tokens = words(clause);
    return phrases.some((phrase) => tokens.length <= phrase.length + extra && (phraseAt(tokens, phrase, 0) || phraseAtEnd(tokens, phrase)));
};
/** Where a clause offers another way to ask the same ("can I appeal it or ask for reconsideration?"). */
const ALTERNATIVE = /\s+(?:or|ou)\s+/iu;
/** Whether every alternative a clause offers asks only one of `phrases`, as `asksOnly` reads it. */
const asksOnlyAlternatives = (clause: string, phrases: readonly string[][], extra: number): boolean =>
    clause.split(ALTERNATIVE).every((part) => asksOnly(part, phrases, extra));
const isSmallTalk = (recognition: Recognition): boolean => recognition.kind === 'answer' && recognition.topic.smallTalk === true;
/**
 * Whether a whole reading leaves room for questions found in its sentences or list items: not a command, a guided
 * flow, a near miss's refusal, a message about another program ("PGWP questions:\n- can I extend it"), small talk,
 * or an answer that already carries a second question or a request.
 */
const mayAskMore = (reading: Recognition): boolean =>
    !(reading.kind === 'command' || reading.kind === 'dialog' || (reading.kind === 'refuse' && (reading.topic || reading.otherProgram))) &&
    !(reading.kind === 'answer' && (reading.also || reading.request || reading.topic.smallTalk));
const isClearAnswer = (recognition: Recognition): boolean =>
    recognition.kind === 'answer' && !recognition.topic.smallTalk && recognition.score >= SINGLE_QUESTION_SCORE;
/** An answer to two questions, or a clear one: what a part of a message read alone must be to stand for it. */
const answersClearly = (recognition: Recognition): boolean =>
    recognition.kind === 'answer' && !recognition.topic.smallTalk && (recognition.also !== undefined || isClearAnswer(recognition));

/** A half that starts like this asks the question before it the other way round ("…for free? Or must we pay?"). */
const OFFERS_ANOTHER_WAY = /^(?:or|ou)\b/iu;
/** A half that starts like this asks what "it" is: after what something is, the same question ("…? is it a visa or what"). */
const ASKS_WHAT_IT_IS =
    /^(?:so\s+|and\s+|et\s+|pis\s+|donc\s+)?(?:is it|is this|is that|it is|c['’]est|c|est-ce|est ce|c['’]est-tu)\s+(?:a|an|un|une)\b/iu;
const asksWhatItIsAgain = (first: Recognition, second: string): boolean =>
    first.kind === 'answer' && DEFINITION_TOPICS.includes(first.topic.id) && ASKS_WHAT_IT_IS.test(second.trim());

/**
 * The ways to cut a message in two at a join: a question first, then another one or a goodbye ("… thanks bye"). Past
 * the first few, only the cut before a last question that adds itself to the story ("…for the permit? And will she
 * need a police certificate too?"): a last question of its own is more often the same one again, said differently.
 */
function twoQuestions(text: string): [string, string][] {
    const cuts: [string, string][] = [];
    let lastAdded: [string, string] | undefined;
    for (const join of text.matchAll(JOINS)) {
        // The first half keeps the mark that ends it: "?" says it asks, "." or "!" that it may only tell.
        const endsSentence = /^[?.!]/u.test(join[0]);
        const first = text.slice(0, (join.index ?? 0) + (endsSentence ? 1 : 0)).trim();
        const second = text.slice((join.index ?? 0) + join[0].length).trim();
        if (words(first).length === 0 || words(second).length === 0) continue;
        if (cuts.length < MAX_CUTS) cuts.push([first, second]);
        else lastAdded = endsSentence && ANOTHER_QUESTION.test(second) && second.endsWith('?') ? [first, second] : undefined;
    }
    return lastAdded ? [...cuts, lastAdded] : cuts;
}

// A sentence may end inside a quote: "…it says: 'Vous devez transmettre les documents.' Can you translate it?"
const SENTENCE_END = /(?<=[.!?]["'’”»)]?)\s+/u;
/** "1) ", "2. ", "1 - ", "b) ", "- ", "• ": the mark of a list item. */
const LIST_ITEM = /^(?:\d{1,2}[.)]|\d{1,2}\s+[-–]|[a-e]\)|[-–•*])\s+/u;
/** A message that starts like a list ("1) is IMP+ still running 2) how long…") may number its items on one line. */
const LIST_START = /^\s*(?:1[.)]|1\s+[-–]|a\))\s+/u;
/** Where an item numbered on the same line as the one before it starts: " 2) ", " b) ". */
const INLINE_ITEM = /\s+(?=(?:[2-9][.)]|[2-9]\s+[-–]|[b-e]\))\s)/gu;
const lastSentence = (text: string): string => text.split(SENTENCE_END).at(-1) ?? text;
const firstSentence = (text: string): string => text.split(SENTENCE_END)[0] ?? text;
/** The clauses of every sentence of a message ("I'm on a PGWP, can my wife work?" → two). */
const clausesOf = (text: string): string[] =>
    text
        .trim()
        .split(SENTENCE_END)
        .flatMap((sentence) => sentence.split(CLAUSE_MARK));

/** Words that join two questions in one sentence ("can my wife work and can our son go to school"). */
const JOINING_WORDS = new Set(['and', 'but', 'also', 'et', 'mais', 'pis', 'puis']);
/** How many words may stand between a place and the permit or program it is the place of ("an EIMT for a job in Ontario"). */
const ELSEWHERE_GAP = 3;
/** Words that join two things asked about at once (« faut un test de langue ou une promesse d'embauche ? »). */
const CHOICE_WORDS = new Set(['or', 'nor', 'ou', 'ni']);
/** How many words into a companion's part its question word may stand ("quick one: what is IMP+ and…"). */
const ASKED_AFTER_PREAMBLE = 4;
/** Words that join two things both asked about ("a medical and police certificates", « la visite médicale et le casier »). */
const BOTH_WORDS = new Set(['and', 'et', 'pis', 'nor', 'ni']);
/** How many words may stand between two things named together ("medical exam and police certificate"). */
const NAMED_TOGETHER_GAP = 2;
/** "tell me if I need both", « les deux »: a sentence without a question mark that asks about two things. */
const BOTH_SAID = new Set(['both', 'deux']);
/** Words before which a French subject pronoun or « tu » asks (« peut-il », « pourra-t-elle », « va tu »). */
const NOT_A_VERB = new Set(['et', 'mais', 'pis', 'ou', 'que', 'qu', 'si', 'quand', 'parce', 'car', 'comme']);
const ASKING_PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'tu']);

/**
 * The part of a sentence that says one word of each group (`marks`), cut at the joining words around it ("mon mari
 * peut il travailler lui aussi" out of « …lui aussi et nos enfants iront-ils à l'école ? »), when it asks: it starts
 * with a question word, inverts its subject (« peut-il », « va tu »), or ends the sentence's question. Undefined
 * otherwise ("my wife will work too, but can the kids go to school?" asks only about the kids).
 */
function companionPart(
    tokens: readonly string[],
    marks: readonly Set<string>[],
    endsWithQuestion: boolean,
    questionStarts: ReadonlySet<string>,
    ownMarks: readonly Set<string>[] = [],
    askingWords: ReadonlySet<string> = new Set(),
): string | undefined {
    const at = marks.map((group) => tokens.findIndex((token) => group.has(token)));
    if (at.some((index) => index < 0)) return undefined;
    const [first, last] = [Math.min(...at), Math.max(...at)];
    const cutAt = (joins: (token: string) => boolean): [number, number] => {
        const start = tokens.slice(0, first).findLastIndex(joins) + 1;
        const joinAfter = tokens.slice(last + 1).findIndex(joins);
        return [start, joinAfter < 0 ? tokens.length : last + 1 + joinAfter];
    };
    // "or" joins two things asked only when the rest of the sentence names the other ("a language test or a job
    // offer?"), not two ways of doing one ("by internet or I send papers to the embassy?").
    const [choiceStart, choiceEnd] = cutAt((token) => JOINING_WORDS.has(token) || CHOICE_WORDS.has(token));
    const rest = [...tokens.slice(0, choiceStart), ...tokens.slice(choiceEnd)];
    const namesOwn = ownMarks.length > 0 && ownMarks.every((group) => rest.some((token) => group.has(token)));
    const [start, end] = namesOwn ? [choiceStart, choiceEnd] : cutAt((token) => JOINING_WORDS.has(token));
    const part = tokens.slice(start, end);
    const inverted = part.some((token, i) => i > 0 && ASKING_PRONOUNS.has(token) && !NOT_A_VERB.has(part[i - 1] ?? ''));
    // "in simple words what is IMP+ and how long…": a few words of preamble may come before a word that only asks
    // (`askingWords`; not "when", which also tells: "back when my cousin came, his employer…").
    const asks =
        questionStarts.has(part[0] ?? '') ||
        part.slice(1, ASKED_AFTER_PREAMBLE).some((token) => askingWords.has(token)) ||
        inverted ||
        (endsWithQuestion && end === tokens.length);
    return asks ? part.join(' ') : undefined;
}

/** What choosing one topic of the knowledge base does: its refusal for a near miss, its command, its guided flow, or its answer. */
function chosen(topic: Topic, score: number): Recognition {
    if (topic.outOfScope) return { kind: 'refuse', topic, score };
    if (topic.command) return { kind: 'command', command: topic.command, inferred: true, score };
    if (topic.dialog) return { kind: 'dialog', target: topic.dialog, topic: topic.id, score };
    return { kind: 'answer', topic, score };
}

/**
 * Between two near misses ("résidence permanente par entrée express en alberta"): the first's refusal, in its own
 * words. Undefined when either is an IMP+ topic.
 */
function nearMissesRefusal([first, second]: readonly [Topic, Topic], score: number): Recognition | undefined {
    return first.outOfScope && second.outOfScope ? { kind: 'refuse', topic: first, score } : undefined;
}

/** The topic a reading leans to: its answer, or the first topic of its "Did you mean…?". */
function leaning(recognition: Recognition): Topic | undefined {
    if (recognition.kind === 'answer') return recognition.topic;
    return recognition.kind === 'clarify' ? recognition.topics[0] : undefined;
}

/**
 * "Did you mean X or Y?" for a message whose two halves lean one to X, the other to Y ("can I study with the
 * permit and can my spouse work"): it asks both, so both are answered. Undefined otherwise.
 */
function bothOffered(whole: Recognition, first: Recognition, second: Recognition): Recognition | undefined {
    if (whole.kind !== 'clarify') return undefined;
    const [x, y] = [leaning(first), leaning(second)];
    const offered = whole.topics.map((topic) => topic.id);
    if (!x || !y || x.id === y.id || !offered.includes(x.id) || !offered.includes(y.id)) return undefined;
    return { kind: 'answer', topic: x, score: whole.score, also: y };
}

/**
 * "…? thank you so much", « …? merci d'avance »: thanks after a question is courtesy, not a second thing asked. A
 * goodbye still gets one ("…? thanks bye").
 */
function withoutThanksAfter(recognition: Recognition): Recognition {
    if (recognition.kind !== 'answer' || recognition.topic.smallTalk || !recognition.also?.smallTalk || isClosing(recognition.also))
        return recognition;
    const { also: _courtesy, ...question } = recognition;
    return question;
}

/**
 * "How does restoration work and how much does it cost?": whatever the words, restoration's own cost is asked. A reading
 * of an own-cost topic beside the fees is that topic alone: its answer says what it costs.
 */
function withoutOwnCost(recognition: Recognition): Recognition {
    if (recognition.kind !== 'answer' || recognition.also === undefined) return recognition;
    const { topic, also } = recognition;
    const own = [topic, also].find((t) => OWN_COST_TOPICS.includes(t.id));
    if (own === undefined || ![topic.id, also.id].includes(FEES_TOPIC)) return recognition;
    const { also: _fees, ...rest } = recognition;
    return { ...rest, topic: own };
}

/** What a reading asks the bot to do besides answering: a request or a guided flow, asked clearly. */
function requestOf(recognition: Recognition): FollowingRequest | undefined {
    // "I can't take any more government pages that contradict each other" leans to the privacy notice, but not clearly.
    if ((recognition.score ?? 1) < CLEAR_REQUEST_SCORE) return undefined;
    if (recognition.kind === 'dialog') return { dialog: recognition.target };
    return recognition.kind === 'command' && isFollowing(recognition.command) ? { command: recognition.command } : undefined;
}

/**
 * A clear question and a request beside it, in either order ("how much does it cost and can I talk to someone",
 * « combien ça coûte pis suis-je admissible? »): the question's answer, with the request to do after it. The
 * question must be clear on its own: "I have a CSQ and I want to talk to someone" only asks for an advisor.
 */
function requestBeside(a: Recognition, b: Recognition, answerAsks = true): Recognition | undefined {
    const [question, other] = a.kind === 'answer' ? [a, b] : [b, a];
    const request = requestOf(other);
    if (question.kind !== 'answer' || question.topic.smallTalk || question.score < SINGLE_QUESTION_SCORE || !request) return undefined;
    // "Take me through the family options, I have a husband and 2 kids": after the flow, or before it without asking
    // ("Me, my wife and 2 kids. go through the options for my family"), the answer that offers it is the flow's own
    // subject, not a second question ("what is IMP+ and am I eligible?" asks both).
    const subject = other === a || !answerAsks;
    if (subject && other.kind === 'dialog' && other.topic !== undefined && question.topic.followUps?.includes(other.topic))
        return undefined;
    return { ...question, request };
}

/** What a free-text message asks for, before any dialog decides what to do with it. */
export type Recognition =
    /** `inferred`: the knowledge base read a request in the wording ("please erase what you know about me"). */
    /** `score`: how clearly the knowledge base read a command it inferred from the wording. */
    | { kind: 'command'; command: Command; inferred?: boolean; score?: number }
    | { kind: 'dialog'; target: DialogTarget; topic?: string; score?: number }
    /**
     * `also`: the second question of a message that asks two ("how much does it cost and how long does it take");
     * `request`: a request made beside the question, done after the answer ("how much is it? can I talk to someone",
     * "how much is it and am I eligible?").
     */
    | { kind: 'answer'; topic: Topic; score: number; also?: Topic; request?: FollowingRequest }
    /** `unsure`: offered although the message was matched too weakly to answer (see `unsureOffer`). */
    | { kind: 'clarify'; topics: [Topic, Topic]; score: number; unsure?: true }
    /**
     * `offTopic`: the message reads as about something else, not as an unclear question (`otherProgram`: it names
     * another program and nothing of IMP+); `unsure`: as an IMP+ question matched too weakly, with the two topics it
     * leans to; `nearMiss`: the two, when one is a near miss (see MatchOutcome).
     */
    | {
          kind: 'refuse';
          topic?: Topic;
          score: number;
          offTopic?: boolean;
          otherProgram?: true;
          unsure?: [Topic, Topic];
          nearMiss?: [Topic, Topic];
          /** Asks the bot to look at the writer's own file, which it cannot see (`topic`: the processing times, if read). */
          ownFile?: true;
      };

/**
 * Whole-message commands and menu buttons first (exact, both languages), then the knowledge base.
 * The knowledge base matcher is injected so that it can be measured and replaced on its own.
 */
export class Recognizer {
    private readonly commands: PhraseBook;
    private readonly menuLabels = new Map<string, MenuAction>();
    /** Greetings and thanks around a question ("hi, …", "… thanks"), in both languages (locales answers.json). */
    private readonly openers: string[][];
    private readonly closers: string[][];
    /** Ways of saying thank you ("thx", « merci bcp »), to thank back beside a goodbye ("thanks so much, bye!"). */
    private readonly thanksPhrases: string[][];
    /** Words that turn a thanks down before it ("no thanks", « non merci »). */
    private readonly declines: Set<string>;
    /** Words by which a clause tells about the writer ("I", « je »), in both languages (locales context.json). */
    private readonly selfWords: Set<string>;
    /** "my", « mon »: what the writer names as their own ("I had one for my PGWP"). */
    private readonly ownWords: Set<string>;
    /** Words a question starts with ("can", « combien »), to find it after context typed without punctuation. */
    private readonly questionStarts: Set<string>;
    /** Words that ask wherever they stand, after a few words of preamble ("quick one: what is…"). */
    private readonly askingWords: Set<string>;
    /** Verbs a question may start with ("is", « peut »), which past a clause's first word ask only before a subject. */
    private readonly questionVerbs: Set<string>;
    /** Of those, the ones that tell inside a statement ("is", « est », « y a »), unless before who they ask of. */
    private readonly statementVerbs: Set<string>;
    /** Words that open a question after a comma or a sentence whatever follows them ("…, is LMIA required", « …, pourrais-je »). */
    private readonly clauseQuestions: Set<string>;
    /** Who a verb that asks is asked of, right after it ("can they", « peut-elle »). */
    private readonly invertedSubjects: Set<string>;
    /** Words a remark about the answer starts with ("that helps", « ça m'aide »), in both languages (context.json). */
    private readonly remarkStarts: Set<string>;
    /** The words that open a condition ("if", « si »: `conditions`). */
    private readonly conditionWords: Set<string>;
    /** Words that name what thanks or an acknowledgement is for ("thanks for…", « noté pour… »), in both languages. */
    private readonly thankedForWords: Set<string>;
    /** "Where", looked for before accents are folded: « où » asks wherever it stands, « ou » is "or". */
    private readonly whereWords: Set<string>;
    /** Words that name the bot itself ("bot", « robot »), in both languages (locales context.json). */
    private readonly botWords: Set<string>;
    /** Phrases that ask what the firm itself charges ("do you charge", « vos honoraires »), in both languages. */
    private readonly firmFeePhrases: string[][];
    /** Words that give the reason for a question ("because", « parce que »), in both languages. */
    private readonly reasonPhrases: string[][];
    /** Phrases that ask to talk to someone ("talk to", « parler à »), in both languages. */
    private readonly talkToPhrases: string[][];
    /** Phrases that ask what the assistant is ("am I talking to", « suis-je en train »), in both languages. */
    private readonly askWhatBotPhrases: string[][];
    /** Another office's people ("at IRCC", "the consulate", « chez IRCC »): not the firm's advisors. */
    private readonly otherOffices: string[][];
    /** Words that speak to the firm or the assistant ("you", "your", « vous »). */
    private readonly addressWords: string[][];
    /** Phrases by which someone asks how to answer another ("what do I tell him", « je lui réponds quoi »). */
    private readonly relayPhrases: string[][];
    /** "is that true?", « vrai ou faux ? »: a clause that asks only whether what came before it is true. */
    private readonly truthCheckPhrases: string[][];
    /** "says", "told me", « dit que »: what follows is what someone said. */
    private readonly hearsay: readonly RegExp[];
    /** "so", « donc »: a remark that draws a conclusion from what the bot said, asking nothing ("…, so the forum was wrong"). */
    private readonly conclusionPhrases: string[][];
    /** The first words of `conclusionPhrases`, to find where one may start without reading the rest. */
    private readonly conclusionStarts: ReadonlySet<string>;
    /** What says the question again in other words, at the start of the last sentence: "basically", « bref », « en gros ». */
    private readonly restatementPhrases: string[][];
    /** What ends a sentence as a question does, without its mark: "…needed or not", « …nécessaire ou pas ». */
    private readonly askingTags: string[][];
    /** What asks without a question mark: "I was wondering if…", « je voudrais savoir si… ». */
    private readonly indirectAskPhrases: string[][];
    /** What opens a clause that only sets the frame of the next one: "with my permit, …", « en tant que soudeur, … ». */
    private readonly framePhrases: string[][];
    /** "not the", « oubliez »: a clause that turns a topic away ("not the fees, I mean how long it takes"). */
    private readonly rejectionPhrases: string[][];
    /** Phrases that ask to be called back ("call me back", « me rappeler »), in both languages. */
    private readonly callBackPhrases: string[][];
    /** « rappelle-moi ce que… », "remind me what…": something to be reminded of, not a call back. */
    private readonly reminderPhrases: string[][];
    /** "can you check where my file is", « vérifier mon dossier »: a look at one's own file asked of the bot. */
    private readonly fileCheckPhrases: string[][];
    /** "my application was refused", « ma demande a été refusée »: a decision on one's own file. */
    private readonly ownRefusalPhrases: string[][];
    /** "why?", « pourquoi ? »: asking only why. */
    private readonly whyPhrases: string[][];
    /** Ways to ask whether a refusal can be fought ("can I appeal that", « je peux contester »), in both languages. */
    private readonly challengePhrases: string[][];
    /** E-mails, phones, file, UCI and passport numbers pasted beside a question, read past. */
    private readonly personalDetails: PersonalDetails;
    /** "short answer pls", "ngl", « aucune idée »: words said beside the question, read past. */
    private readonly asides: Asides;
    /** "$155", « 255$ »: the IMP+ fees' amounts, as someone quotes them. */
    private readonly feeAmounts: FeeAmounts;
    /**
     * An employer's own LMIA, its process, cost or delay, the words that ask whether one is needed at all, and those
     * that say it is for someone else the employer hires.
     */
    private readonly employerLmia: { names: string[][]; process: string[][]; needs: string[][]; forOthers: string[][] };
    /** What a message of emoji alone says, as a word of each language ("👍" → "ok", "🙏" → « merci »). */
    private readonly emojiWords = new Map<Language, Map<string, string>>();
    /** What no IMP+ answer covers whatever else the message says: a social insurance number, a PR card. */
    private readonly outsideMatters: string[][];
    /** Places of work named with an outside matter's word: working at a dog daycare asks nothing about bringing a dog. */
    private readonly workplaces: string[][];
    /** Another process whose fees, delays or documents are not the IMP+ application's: a CAQ, a CSQ, the PEQ. */
    private readonly otherProcesses: string[][];
    /** Another permit or visa than IMP+'s (context.json `otherPermits`): its end is not the IMP+ permit's. */
    private readonly otherPermits: string[][];
    /**
     * Words that say someone holds a permit ("has a", « avec un »): `holding`, by language, since French « a » (has) is
     * English "a".
     */
    private readonly holding = new Map<Language, { words: ReadonlySet<string>; articles: ReadonlySet<string> }>();
    /** Words that name an open permit ("open", « ouvert »): beside one's own closed permit, a comparison. */
    private readonly openPermitWords: string[][];
    /** Studies and the permits that come with them (context.json `studies`: "study permit", "master's", « PTPD »). */
    private readonly studies: string[][];
    /**
     * Members of a family ("husband", « enfants »), the words that ask of a spouse or a child beside another topic
     * (`companions` of the person topics): two of them side by side are one list, not two questions.
     */
    private readonly familyNouns: Set<string>;
    /** Words that ask what something is ("what", « c'est quoi », "stands for"): a half without them only names it. */
    private readonly definitionAsks: string[][];
    /** Words that compare two things ("same as", « pareil »): a definition that compares still defines. */
    private readonly comparisonPhrases: string[][];
    /** Good news told (context.json `celebrations`: "so happy", « trop contente »; `news`: "got", « reçu »). */
    private readonly celebration: { joy: string[][]; news: string[][] };
    /**
     * Pairs of topics often offered together, each with the words that only its own questions say (both languages): who
     * may apply from where ("I live in Ottawa") against where one may work ("a job in Ottawa").
     */
    private readonly settlers: Map<string, string[][]>[] = [];
    /**
     * Questions a sentence's own words settle, per language: one that asks with a word of each list in `with`, none of
     * `apart` and, anywhere in the message, a word of `about` (when given) and none of `unless`, asks that topic ("can I
     * just apply at the airport when I land?": applying at a port of entry). `apart` names what the same sentence would
     * be asking instead ("what is that CSQ number IMP+ asks for?" asks what a CSQ is), when it may be said in the story
     * before it; `about`, what the question asks of, when the story may say it ("On the form there's a question about
     * my occupation. I'm a puppeteer, what do I even put?"). `beyondOtherPrograms`: words that name IMP+'s own rule
     * settle it even in a message that names another program and not IMP+ ("in Montreal on a PGWP…, must I be outside
     * Quebec when I apply?"). `also`: a second topic the same words ask together ("how much is it and how long does it
     * take": the fees and the processing times).
     */
    private readonly pins: {
        language: Language;
        topic: string;
        also?: string;
        with: string[][][];
        apart: string[][];
        about: string[][];
        unless: string[][];
        beyondOtherPrograms: boolean;
    }[] = [];
    /** "Kind regards", « Je vous prie d'agréer… »: where a letter ends and its signature starts. */
    private readonly signOffs: string[][];
    /** "Gabriel here", « allo, moi c'est Gabriel »: a name given with a greeting, and nothing else. */
    private readonly introductions: SelfIntroductions;
    /** Per near miss, words that only its questions say ("study permit" for the spouses of other programs), both languages. */
    private readonly nearMissMarks = new Map<string, string[][]>();
    /**
     * Pairs of topics often asked together, each topic with the word groups a question about it says one word of each
     * (context.json `companions`).
     */
    private readonly companions: Map<string, Set<string>[]>[] = [];
    /** "for me and my wife", « mon mari et moi »: the writer and a family member asking together (`coApplicants`). */
    private readonly coApplicantPhrases: string[][];
    /** "all docs plus the fees paid", « les frais payés »: the fees named as done, not their amount asked (`paidFees`). */
    private readonly paidFeesPhrases: string[][];
    /**
     * Another province's permit or program named by its place (`elsewhere`): the provinces and cities, the words that
     * name a permit (which one may hold) or a program, those that make one the permit already spoken of ("my", "the":
     * IMP+'s), and those that compare IMP+ with one there ("something like", « comme au Québec »).
     */
    private readonly elsewhere: {
        places: string[][];
        permits: string[][];
        programs: string[][];
        known: Set<string>;
        likeness: string[][];
    };
    /** "what do they have to do with…", « qu'est-ce qu'ils ont à voir dans… »: how one thing relates to another. */
    private readonly relationPhrases: string[][];
    /** "is that a condition", « un des critères »: whether one thing is a criterion. */
    private readonly criterionPhrases: string[][];
    private readonly subjects: SubjectWords;
    private readonly persons: StoryPersons;

    constructor(
        translator: Translator,
        private readonly matcher: TopicMatcher,
    ) {
        this.commands = PhraseBook.fromNamespace(translator, 'commands');
        const courtesy = LANGUAGES.map(
            (language) =>
                translator.bundle<{ courtesy: { openers: string[]; closers: string[]; thanks: string[]; declines: string[] } }>(
                    language,
                    'answers',
                )?.courtesy,
        );
        const longestFirst = (lists: (string[] | undefined)[]) =>
            lists
                .flatMap((list) => list ?? [])
                .map((phrase) => words(phrase))
                .filter((tokens) => tokens.length > 0)
                .sort((a, b) => b.length - a.length);
        this.openers = longestFirst(courtesy.map((c) => c?.openers));
        this.closers = longestFirst(courtesy.map((c) => c?.closers));
        this.thanksPhrases = longestFirst(courtesy.map((c) => c?.thanks));
        this.declines = new Set(courtesy.flatMap((c) => c?.declines ?? []).flatMap((phrase) => words(phrase)));
        const context = LANGUAGES.map((language) =>
            translator.bundle<{
                self?: string[];
                own?: string[];
                questionStarts?: string[];
                askingWords?: string[];
                questionVerbs?: string[];
                statementVerbs?: string[];
                clauseQuestions?: string[];
                invertedSubjects?: string[];
                remarkStarts?: string[];
                thankedFor?: string[];
                where?: string[];
                bot?: string[];
                firmFees?: string[];
                reasons?: string[];
                talkTo?: string[];
                askWhatBot?: string[];
                otherOffices?: string[];
                addressed?: string[];
                relays?: string[];
                truthChecks?: string[];
                hearsay?: string[];
                whyAsks?: string[];
                conclusions?: string[];
                restatements?: string[];
                frames?: string[];
                indirectAsks?: string[];
                askingTags?: string[];
                rejections?: string[];
                callBack?: string[];
                reminders?: string[];
                fileChecks?: string[];
                ownRefusals?: string[];
                refusalChallenges?: string[];
                employerLmia?: { names?: string[]; process?: string[]; needs?: string[]; forOthers?: string[] };
                outsideMatters?: string[];
                workplaces?: string[];
                otherProcesses?: string[];
                otherPermits?: string[];
                holding?: { words?: string[]; articles?: string[] };
                openPermitWords?: string[];
                studies?: string[];
                comparisons?: string[];
                definitionAsks?: string[];
                celebrations?: { joy?: string[]; news?: string[] };
                emoji?: Record<string, string>;
                signOffs?: string[];
                conditions?: string[];
                settlers?: Record<string, string[]>[];
                pins?: {
                    topic: string;
                    also?: string;
                    with: string[][];
                    apart?: string[];
                    about?: string[];
                    unless?: string[];
                    beyondOtherPrograms?: boolean;
                }[];
                nearMissMarks?: Record<string, string[]>;
                companions?: Record<string, string[][]>[];
                coApplicants?: string[];
                paidFees?: string[];
                elsewhere?: { places: string[]; permits: string[]; programs: string[]; known: string[]; likeness: string[] };
                relationAsks?: string[];
                criterionAsks?: string[];
            }>(language, 'context'),
        );
        this.selfWords = new Set(context.flatMap((words) => words?.self ?? []));
        this.ownWords = new Set(context.flatMap((words) => words?.own ?? []));
        this.questionStarts = new Set(context.flatMap((words) => words?.questionStarts ?? []));
        this.askingWords = new Set(context.flatMap((words) => words?.askingWords ?? []));
        this.questionVerbs = new Set(context.flatMap((words) => words?.questionVerbs ?? []));
        this.statementVerbs = new Set(context.flatMap((words) => words?.statementVerbs ?? []));
        this.clauseQuestions = new Set(context.flatMap((words) => words?.clauseQuestions ?? []));
        this.invertedSubjects = new Set(context.flatMap((words) => words?.invertedSubjects ?? []));
        this.remarkStarts = new Set(context.flatMap((words) => words?.remarkStarts ?? []).flatMap((word) => words(word)));
        this.conditionWords = new Set(context.flatMap((words) => words?.conditions ?? []));
        this.thankedForWords = new Set(context.flatMap((words) => words?.thankedFor ?? []));
        this.whereWords = new Set(context.flatMap((words) => words?.where ?? []));
        this.botWords = new Set(context.flatMap((words) => words?.bot ?? []));
        this.firmFeePhrases = longestFirst(context.map((words) => words?.firmFees));
        this.reasonPhrases = longestFirst(context.map((words) => words?.reasons));
        this.talkToPhrases = longestFirst(context.map((words) => words?.talkTo));
        this.askWhatBotPhrases = longestFirst(context.map((words) => words?.askWhatBot));
        this.otherOffices = longestFirst(context.map((words) => words?.otherOffices));
        this.addressWords = longestFirst(context.map((words) => words?.addressed));
        this.relayPhrases = longestFirst(context.map((words) => words?.relays));
        // "why is that?" after what is told asks for the same answer as "is that true?".
        this.truthCheckPhrases = longestFirst(context.map((words) => [...(words?.truthChecks ?? []), ...(words?.whyAsks ?? [])]));
        this.hearsay = context.flatMap((words) => words?.hearsay ?? []).flatMap((phrase) => phrasePattern(phrase) ?? []);
        this.conclusionPhrases = longestFirst(context.map((words) => words?.conclusions));
        this.conclusionStarts = new Set(this.conclusionPhrases.map((phrase) => phrase[0] ?? ''));
        this.restatementPhrases = longestFirst(context.map((words) => words?.restatements));
        this.askingTags = longestFirst(context.map((words) => words?.askingTags));
        this.framePhrases = longestFirst(context.map((words) => words?.frames));
        this.indirectAskPhrases = longestFirst(context.map((words) => words?.indirectAsks));
        this.rejectionPhrases = longestFirst(context.map((words) => words?.rejections));
        this.callBackPhrases = longestFirst(context.map((words) => words?.callBack));
        this.reminderPhrases = longestFirst(context.map((words) => words?.reminders));
        this.fileCheckPhrases = longestFirst(context.map((words) => words?.fileChecks));
        this.ownRefusalPhrases = longestFirst(context.map((words) => words?.ownRefusals));
        this.whyPhrases = longestFirst(context.map((words) => words?.whyAsks));
        this.challengePhrases = longestFirst(context.map((words) => words?.refusalChallenges));
        this.personalDetails = new PersonalDetails(translator);
        this.asides = new Asides(translator);
        this.feeAmounts = new FeeAmounts(translator);
        this.outsideMatters = longestFirst(context.map((words) => words?.outsideMatters));
        this.workplaces = longestFirst(context.map((words) => words?.workplaces));
        this.otherProcesses = longestFirst(context.map((words) => words?.otherProcesses));
        this.otherPermits = longestFirst(context.map((words) => words?.otherPermits));
        this.coApplicantPhrases = longestFirst(context.map((words) => words?.coApplicants));
        this.paidFeesPhrases = longestFirst(context.map((words) => words?.paidFees));
        this.elsewhere = {
            places: longestFirst(context.map((words) => words?.elsewhere?.places)),
            permits: longestFirst(context.map((words) => words?.elsewhere?.permits)),
            programs: longestFirst(context.map((words) => words?.elsewhere?.programs)),
            known: new Set(context.flatMap((words) => words?.elsewhere?.known ?? []).flatMap((word) => words(word))),
            likeness: longestFirst(context.map((words) => words?.elsewhere?.likeness)),
        };
        this.relationPhrases = longestFirst(context.map((words) => words?.relationAsks));
        this.criterionPhrases = longestFirst(context.map((words) => words?.criterionAsks));
        this.openPermitWords = longestFirst(context.map((words) => words?.openPermitWords));
        this.studies = longestFirst(context.map((words) => words?.studies));
        this.comparisonPhrases = longestFirst(context.map((words) => words?.comparisons));
        this.definitionAsks = longestFirst(context.map((words) => words?.definitionAsks));
        this.celebration = {
            joy: longestFirst(context.map((words) => words?.celebrations?.joy)),
            news: longestFirst(context.map((words) => words?.celebrations?.news)),
        };
        for (const [i, language] of LANGUAGES.entries()) {
            this.emojiWords.set(language, new Map(Object.entries(context[i]?.emoji ?? {})));
            const holding = context[i]?.holding;
            this.holding.set(language, { words: new Set(holding?.words), articles: new Set(holding?.articles) });
        }
        this.employerLmia = {
            names: longestFirst(context.map((words) => words?.employerLmia?.names)),
            process: longestFirst(context.map((words) => words?.employerLmia?.process)),
            needs: longestFirst(context.map((words) => words?.employerLmia?.needs)),
            forOthers: longestFirst(context.map((words) => words?.employerLmia?.forOthers)),
        };
        this.signOffs = longestFirst(context.map((words) => words?.signOffs));
        this.introductions = new SelfIntroductions(translator, this.openers, this.questionStarts, (opener) => {
            const read = this.shortcut(opener);
            return read?.kind === 'command' && read.command === 'greeting';
        });
        // The pairs at the same place in each language are the same pair: their words are pooled.
        for (const pairs of context.map((words) => words?.companions ?? []))
            pairs.forEach((pair, at) => {
                const known = this.companions[at] ?? new Map<string, Set<string>[]>();
                this.companions[at] = known;
                for (const [id, groups] of Object.entries(pair)) {
                    const sets = known.get(id) ?? groups.map(() => new Set<string>());
                    groups.forEach((group, i) => {
                        for (const token of group.flatMap((word) => words(word))) sets[i]?.add(token);
                    });
                    known.set(id, sets);
                }
            });
        this.familyNouns = new Set(this.companions.flatMap((pair) => PERSON_TOPICS.flatMap((id) => [...(pair.get(id)?.[0] ?? [])])));
        for (const [i, language] of LANGUAGES.entries())
            for (const pin of context[i]?.pins ?? [])
                this.pins.push({
                    language,
                    topic: pin.topic,
                    ...(pin.also ? { also: pin.also } : {}),
                    with: pin.with.map((list) => longestFirst([list])),
                    apart: longestFirst([pin.apart]),
                    about: longestFirst([pin.about]),
                    unless: longestFirst([pin.unless]),
                    beyondOtherPrograms: pin.beyondOtherPrograms === true,
                });
        for (const pairs of context.map((words) => words?.settlers ?? []))
            pairs.forEach((pair, at) => {
                const known = this.settlers[at] ?? new Map<string, string[][]>();
                this.settlers[at] = known;
                for (const [id, phrases] of Object.entries(pair))
                    known.set(id, [...(known.get(id) ?? []), ...phrases.map((phrase) => words(phrase))]);
            });
        for (const id of new Set(context.flatMap((words) => Object.keys(words?.nearMissMarks ?? {}))))
            this.nearMissMarks.set(id, longestFirst(context.map((words) => words?.nearMissMarks?.[id])));
        this.subjects = new SubjectWords(translator);
        this.persons = new StoryPersons(translator);
        for (const language of LANGUAGES) {
            for (const item of MENU) this.menuLabels.set(words(translator.t(language, item.labelKey)).join(' '), item.action);
        }
    }

    recognize(text: string, language: Language): Recognition {
        return this.shortcut(text) ?? this.search(text, language);
    }

    /**
     * What a message asks at the top level, with two things asked at once answered both (`readCut`,
     * `questionsAsked`), the question of a long message found in one of its clauses, and a long story's question
     * about something else refused.
     */
    understand(text: string, language: Language): Recognition {
        const reading = this.understandAsked(text, language);
        if (reading.kind !== 'refuse') return reading;
        // "too many words, just tell me if I can apply", "ngl i have no clue what imp plus is": how the answer should be
        // said, a chat marker, not knowing, are not what is asked. Read only when the whole is refused, since "le PMI+ en
        // gros" is already what IMP+ is.
        const asked = this.asides.without(text);
        const plain = asked === undefined ? reading : this.understand(asked, language);
        if (plain.kind !== 'refuse') return plain;
        // "Right now I'm in Ottawa (temporarily — my wife's contract there ends in the fall); does that affect whether I
        // can apply…?": what is said in brackets blurs the question. Only a clear answer without it, since the brackets
        // may be what made the question someone else's (« son année de lycée en Alberta (échange) »); and never when they
        // turned IMP+ away.
        const unbracketed = reading.otherProgram ? undefined : this.asides.unbracketed(text);
        if (unbracketed === undefined) return reading;
        const read = this.understand(unbracketed, language);
        return read.kind === 'refuse' || read.kind === 'clarify' ? reading : read;
    }

    /** `understand`, with the words that ask how the answer should be said still in the message. */
    private understandAsked(text: string, language: Language): Recognition {
        // "fees and how long it takes?? 😩": a closing emoji hides the "?" that says the message asks.
        const plain = text.replace(TRAILING_EMOJI, '');
        if (plain !== text && words(plain).length > 0) return this.understand(plain, language);
        const said = this.emojiSaid(text, language);
        if (said !== undefined) return this.understand(said, language);
        if (this.introductions.isIntroduction(text)) return { kind: 'command', command: 'greeting' };
        const unsigned = this.withoutSignOff(text);
        if (unsigned !== undefined) return this.understand(unsigned, language);
        // « examen medical et certificat de police, je voudrais savoir si c'est necessaire pour ce permis »: a last
        // sentence that says it asks is a question, as if it ended with a question mark.
        const marked = this.withQuestionMarked(text);
        if (marked !== undefined) return this.understand(marked, language);
        // "price and processing time? basically how much and how long", « Francisation : on reçoit combien par semaine?
        // Bref c'est payé ou pas? »: the question said again is the one before it, whose words say more. Refused for
        // another subject, it stays refused: « c'est payé ou pas » alone would be the fees.
        const unrestated = this.withoutRestatement(text);
        if (unrestated !== undefined) {
            const reading = this.understand(unrestated, language);
            if (reading.kind !== 'refuse' || reading.offTopic) return reading;
        }
        // "W301122334 is my application number, what docs go into the application?": a detail given in passing is not asked.
        const undetailed = this.personalDetails.without(text);
        if (undetailed !== undefined) {
            const reading = this.understand(undetailed, language);
            if (reading.kind !== 'refuse') return reading;
        }
        if (this.turnsAwayFromImpPlus(text))
            return this.askedBesideImpPlus(text, language) ?? { kind: 'refuse', score: 0, offTopic: true, otherProgram: true };
        const wanted = this.withoutRejected(text, language);
        if (wanted !== undefined) {
            const reading = this.understand(wanted, language);
            // "not the language test for the permit, I mean where can i take free french courses": what is wanted instead
            // reads as about something else, and the topic turned away must not answer it.
            if (reading.kind !== 'refuse' || reading.offTopic) return reading;
        }
        const relayed = this.withoutRelay(text);
        if (relayed !== undefined) {
            const reading = this.understand(relayed, language);
            if (reading.kind !== 'refuse') return reading;
        }
        const reading = this.understandWhole(text, language);
        const understood =
            this.askedElsewhere(text, language, reading) ??
            this.questionsAsked(text, language, reading) ??
            this.listAsked(text, language, reading) ??
            this.thankedOnLeaving(text, language, reading) ??
            reading;
        const settled =
            this.thankedFor(text, language, understood) ??
            this.aboutThePermit(text, language, understood) ??
            this.aboutStoryPerson(text, language, understood) ??
            this.aboutSubjectNamedBefore(text, language, understood) ??
            this.thanksWithRemark(text, language, understood) ??
            this.acknowledgedWithConclusion(text, language, understood) ??
            this.remarkThenThanks(text, language, understood) ??
            this.remarkThenGoodbye(text, language, understood) ??
            this.goodbyeThenRemark(text, language, understood) ??
            this.askedMoreAfterRemark(text, language, understood) ??
            this.askedAfterConclusion(text, language, understood) ??
            this.callBackAsked(text, understood) ??
            this.askedBeforeToldTail(text, language, understood) ??
            this.personAskedAfterStory(text, language, understood) ??
            this.unsureOffer(text, language, understood) ??
            this.checkedIfTrue(text, language, understood) ??
            this.companionAsked(text, language, understood) ??
            this.companionsOffered(text, language, understood) ??
            this.settledByWords(text, understood) ??
            understood;
        const read =
            this.settledByLastQuestion(text, language, settled) ??
            this.definitionAskedLast(text, language, settled) ??
            this.settledByQuestionWords(text, language, settled) ??
            settled;
        const answered =
            this.ownFileChecked(text, read) ??
            this.ownRefusalQuestioned(text, read) ??
            this.employersLmiaAsked(text, read) ??
            this.outsideMatterAsked(text, read) ??
            this.otherProcessAsked(text, read) ??
            this.otherPermitEnding(text, read) ??
            this.onlyCelebrated(text, read) ??
            this.spouseThroughOwnProgram(text, language, read) ??
            this.pinnedWithCompanion(text, language, read) ??
            this.feeAmountNamed(text, language, read) ??
            // After the pins: « Vous faites quoi avec les infos… sur mon permis fermé… ? » asks who sees the chat.
            this.ownOtherPermitAsked(text, language, read) ??
            read;
        // After the pins too: "how does the ontario work permit… work over there" is not where IMP+ lets one work.
        const here = this.elsewherePermitAsked(text, language, answered) ?? answered;
        // A second answer read only from whom the question is for, from how the first thing relates to IMP+ or from
        // whether it is a criterion, goes.
        const single = this.withoutCriteriaAsked(text, this.withoutRelationAsked(text, language, this.withoutCoApplicant(text, here)));
        return withoutOwnCost(this.withoutPaidFees(text, this.alsoSettledByWords(text, single)));
    }

    /**
     * A message refused as a whole that asks whether what someone said about the permit, the CSQ or IMP+ is true: read
     * without that check, when so it is not refused. Only then: a check between two questions ("…it's closed. Is that
     * true? And if it's open, how many places are left?") is what makes the first one asked. What was said about
     * something it does not name ("…the PEQ is suspended and applications are not accepted. Is that right?") is
     * another program's news.
     */
    private checkedIfTrue(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic) return undefined;
        const told = this.withoutTruthCheck(text);
        if (told === undefined || !this.subjects.namesAThing(told)) return undefined;
        const reading = this.understand(told, language);
        if (reading.kind !== 'refuse') return reading;
        // "My advisor at the university's international office says IMP+ is closed, is that true?": who said it, and
        // where, drowns what is checked.
        const claim = this.claimReported(told);
        if (claim === undefined || !this.subjects.namesAThing(claim)) return undefined;
        const checked = this.understand(claim, language);
        return checked.kind === 'refuse' ? undefined : checked;
    }

    /** What the first "…says", "…told me", « …dit que » of a message reports; undefined when none does. */
    private claimReported(text: string): string | undefined {
        const plain = text.normalize('NFD');
        const ends = this.hearsay.flatMap((pattern) => {
            const found = pattern.exec(plain);
            return found === null ? [] : [{ at: found.index, end: found.index + found[0].length }];
        });
        const first = ends.sort((a, b) => a.at - b.at)[0];
        // « …disaient qu'on peut… »: the claim starts after the elided « que ».
        const claim =
            first === undefined
                ? ''
                : plain
                      .slice(first.end)
                      .normalize('NFC')
                      .replace(/^\s*['’]/u, '')
                      .trim();
        return words(claim).length > 0 ? claim : undefined;
    }

    /**
     * A last question that says "he" or "she" about the one person of that kind the story named ("We have two kids
     * and my husband is a welder. Will he be allowed to work in Quebec too?"): read with that person named, when the
     * question so read clearly asks one thing, other than what the whole was read as (the kids' school, here).
     */
    private aboutStoryPerson(text: string, language: Language, understood: Recognition): Recognition | undefined {
        // A guided flow is the writer's own; « Ma femme est sage-femme… Si j'ai le PMI+ elle aussi peut avoir un permis de
        // travail ? » asks about her, even though « peut avoir un permis de travail » alone reads as the permit's guide.
        if (understood.kind === 'command') return undefined;
        if (understood.kind === 'answer' && (understood.also || understood.topic.smallTalk)) return undefined;
        // "…holds a post-graduation work permit in Ontario. Can she obtain an open work permit as his spouse?": the story
        // named another program and nothing of IMP+; so does the question, whoever it names.
        if (understood.kind === 'refuse' && understood.otherProgram) return undefined;
        const sentences = text.trim().split(SENTENCE_END);
        const question = sentences.pop();
        if (question === undefined || sentences.length === 0 || !question.includes('?')) return undefined;
        // "My husband's CSQ expires in March… Can he still use it for IMP+?": "it", beside what the question names, is
        // what the story named, which the person alone leaves out.
        const saysItOfStory = this.subjects.saysIt(question) && this.subjects.namesAThing(question);
        if (saysItOfStory && this.subjects.lastNaming(sentences.join(' ')) !== undefined) return undefined;
        const named = this.persons.named(question, sentences.join(' '), language);
        if (named === undefined) return undefined;
        // Read first as a whole message is, which may ask two things: "My wife is a pharmacist and our son is 10. Can she
        // work in Quebec, and may he attend school there?", with both named, asks two questions.
        const both = this.understand(named, language);
        if (both.kind === 'answer' && both.also) return both;
        const part = this.search(named, language);
        if (!isClearAnswer(part)) return undefined;
        return understood.kind === 'answer' && part.kind === 'answer' && part.topic.id === understood.topic.id ? undefined : part;
    }

    /**
     * A refused message whose last question (its last clause that asks) says "that" or "it" about the one subject named
     * before it ("ppl keep writing CSQ in the comments, what does that stand for??"): read with the word that named it,
     * when it so clearly asks one thing. Typed without its "?", the question starts with a question word ("foreman told
     * me I need a CSQ. what even is that").
     */
    private aboutSubjectNamedBefore(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic) return undefined;
        const clauses = clausesLastFirst(text, 1);
        // "…keeps saying imp plus imp plus... what even is this thing? another kind of work permit or what": the question
        // may come before a remark that asks nothing.
        const asking = clauses.findIndex((clause) => clause.endsWith('?') || this.questionStarts.has(words(clause)[0] ?? ''));
        const question = clauses[asking];
        if (question === undefined || !this.subjects.leavesItUnsaid(question)) return undefined;
        const word = this.subjects.wordNaming(clauses.slice(asking + 1).join(' '), this.says(question, this.definitionAsks));
        const again = word === undefined ? undefined : this.search(`${question} ${word}`, language);
        return again !== undefined && isClearAnswer(again) ? again : undefined;
    }

    /**
     * "can I study with it": a "Did you mean…?" for a message that says "it" and names nothing is settled by reading it
     * about the IMP+ permit, what the bot is about, when that reading answers one of the two about the permit. A
     * conversation that named something else reads it about that instead (`FollowUpReader`). Undefined otherwise.
     */
    private aboutThePermit(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'clarify' || understood.unsure || !this.subjects.leavesItUnsaid(text)) return undefined;
        // "when does it expire?" may be the CSQ's as well as the permit's: between two subjects, the person chooses.
        if (understood.topics.every((topic) => subjectOf(topic) !== undefined)) return undefined;
        const again = this.readAbout(text, 'permit', language);
        if (again?.kind !== 'answer' || subjectOf(again.topic) !== 'permit') return undefined;
        return understood.topics.some((topic) => topic.id === again.topic.id) ? again : undefined;
    }

    /**
     * "got my CSQ last week… someone keeps saying there's this IMP+ thing. what is it exactly??": a "Did you mean…?"
     * between topics of two subjects (or of one and none) is settled by the last sentence alone, which names one of
     * them or says "it" of the subject the sentences before it named last, when it clearly asks one of the two.
     * Undefined otherwise.
     */
    private settledByLastQuestion(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'clarify') return undefined;
        const [first, second] = understood.topics.map((topic) => subjectOf(topic));
        if (first === second) return undefined;
        const sentences = text.trim().split(SENTENCE_END);
        const question = sentences.pop();
        if (question === undefined || sentences.length === 0) return undefined;
        const named = this.subjects.lastNaming(sentences.join(' '));
        const settles = (again: Recognition | undefined): again is Recognition =>
            again?.kind === 'answer' && isClearAnswer(again) && understood.topics.some((topic) => topic.id === again.topic.id);
        const alone = this.subjects.wordNaming(question) ? this.search(question, language) : undefined;
        if (settles(alone)) return alone;
        // « Mon CSQ a été émis en mars 2023… Est-il encore valide pour le PMI+ ? »: "it" is what was named before, even
        // beside another subject's name.
        const again = this.subjects.saysIt(question) && named !== undefined ? this.search(`${question} ${named}`, language) : undefined;
        return settles(again) ? again : undefined;
    }

    /**
     * "Im a civil engineer from Tunisia, got my CSQ last spring under the regular skilled worker program. what exactly is
     * this IMP+ thing?": after sentences that ask nothing, a last one that clearly asks what something is, read alone,
     * is the question; the story only said why it is asked, and read with it the message leans to what it told.
     */
    private definitionAskedLast(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'answer' || understood.also || understood.request || understood.topic.smallTalk) return undefined;
        const sentences = text.trim().split(SENTENCE_END);
        const question = sentences.pop();
        if (question === undefined || sentences.length === 0 || sentences.some((sentence) => sentence.includes('?'))) return undefined;
        const alone = this.search(question, language);
        return isClearAnswer(alone) &&
            alone.kind === 'answer' &&
            DEFINITION_TOPICS.includes(alone.topic.id) &&
            alone.topic.id !== understood.topic.id
            ? alone
            : undefined;
    }

    /**
     * « Je déménage à Vancouver pour le travail de ma femme. Si j'habite en Colombie-Britannique, je peux quand même faire
     * la demande PMI+ de là-bas? »: after sentences that ask nothing, a last question that reads alone as the other of
     * two topics the settlers tell apart, and says only that one's words, is what is asked; the story's words made the
     * whole lean to the first (her work: where one may work).
     */
    private settledByQuestionWords(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'answer' || understood.also || understood.request || understood.topic.smallTalk) return undefined;
        const sentences = text.trim().split(SENTENCE_END);
        const question = sentences.pop();
        if (question === undefined || sentences.length === 0 || !question.includes('?')) return undefined;
        if (sentences.some((sentence) => sentence.includes('?'))) return undefined;
        const alone = this.search(question, language);
        // The settler's words are what make it clear: the question alone need not read so by its score.
        if (alone.kind !== 'answer' || alone.also || alone.topic.smallTalk || alone.topic.id === understood.topic.id) return undefined;
        return this.namedAlone(question, [understood.topic, alone.topic])?.id === alone.topic.id ? alone : undefined;
    }

    /** A question read again with its subject named ("how long is it valid? the CSQ"), as if it said it. */
    private readAbout(question: string, subject: Subject, language: Language): Recognition | undefined {
        const named = this.subjects.withSubject(question, subject, language);
        return named === undefined ? undefined : this.search(named, language);
    }

    /**
     * "never heard of it b4, impplus = ?": a message that reads as an IMP+ question but matched too weakly to answer,
     * that nothing else found an answer in, is offered the two topics it leans to with a "Did you mean…?" that says
     * so, rather than a flat refusal; or answered the one whose words it alone says, of two the settlers tell apart
     * ("CSQ runs out in February and the PR still isn't finished. Am I in trouble?"). Undefined otherwise.
     */
    private unsureOffer(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic || understood.offTopic) return undefined;
        const whole = this.search(text, language);
        if (whole.kind !== 'refuse' || !whole.unsure) return undefined;
        const marked = this.markedNearMiss(text, whole.unsure);
        if (marked) return { kind: 'refuse', topic: marked, score: whole.score };
        const refused = nearMissesRefusal(whole.unsure, whole.score);
        if (refused) return refused;
        const offer: Recognition = { kind: 'clarify', topics: whole.unsure, score: whole.score, unsure: true };
        // "IME and PCC needed for IMP+ OWP?": two companions named side by side are asked both, however weakly read.
        const companions = this.companionsOffered(text, language, offer);
        if (companions) return companions;
        const only = this.namedAlone(text, offer.topics);
        return only ? chosen(only, offer.score) : offer;
    }

    /**
     * "thank u so much, bye!!", « merci ben, bonne soirée! »: a goodbye that thanks (or "Did you mean thanks or
     * goodbye?" for it) gets both, the thanks first. "no thanks, bye" only says goodbye. Undefined otherwise.
     */
    private thankedOnLeaving(text: string, language: Language, reading: Recognition): Recognition | undefined {
        let goodbye: Topic | undefined;
        if (reading.kind === 'answer' && !reading.also && !reading.request && isClosing(reading.topic)) goodbye = reading.topic;
        else if (reading.kind === 'clarify') goodbye = reading.topics.find((topic) => isClosing(topic));
        if (goodbye === undefined || (reading.kind !== 'answer' && reading.kind !== 'clarify')) return undefined;
        const tokens = words(text);
        const said = this.thanksPhrases.find((phrase) =>
            tokens.some((_, start) => phraseAt(tokens, phrase, start) && !this.declines.has(tokens[start - 1] ?? '')),
        );
        if (!said) return undefined;
        const thanks = this.search(said.join(' '), language);
        if (thanks.kind !== 'answer' || !thanks.topic.smallTalk || isClosing(thanks.topic)) return undefined;
        if (reading.kind === 'clarify' && !reading.topics.some((topic) => topic.id === thanks.topic.id)) return undefined;
        return { kind: 'answer', topic: thanks.topic, score: reading.score, also: goodbye };
    }

    /**
     * "Thank you, that is a real relief after such a week.", « Merci beaucoup, ça me rassure. »: thanks, then a remark
     * that asks nothing. Refused as a whole (the remark's words are no topic's), it is the thanks; read as a topic too,
     * when the remark speaks of the answer (`remarkStarts`: "that…", « ça… ») and has no question word. Undefined
     * otherwise.
     */
    private thanksWithRemark(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (text.includes('?')) return undefined;
        const tokens = words(text);
        const said = this.thanksPhrases.find((phrase) => phraseAt(tokens, phrase, 0));
        if (!said || this.questionStarts.has(tokens[said.length] ?? '')) return undefined;
        const refused = understood.kind === 'refuse' && !understood.topic;
        // "thank you so much, that clears it up for my biometrics appointment": a remark about the answer, asking
        // nothing, may name a topic; it is still the thanks.
        const remark = tokens.slice(said.length);
        const aboutTheAnswer =
            (understood.kind === 'answer' || understood.kind === 'clarify') &&
            this.remarkStarts.has(remark[0] ?? '') &&
            !remark.some((token) => this.questionStarts.has(token));
        return refused || aboutTheAnswer ? this.thanksSaid(said, language) : undefined;
    }

    /**
     * "merci pour l'info sur les frais", "ok noted for the biometrics": thanks or an acknowledgement for what was said
     * about a topic names the topic but asks nothing; it is the thanks. When a clause that asks follows ("Ok merci pour
     * les empreintes, et les frais du permis lui-même c'est combien ?"), that clause read alone, if it clearly asks one
     * thing. Undefined otherwise.
     */
    private thankedFor(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (isSmallTalk(understood)) return undefined;
        const [first = '', ...rest] = text.trim().split(CLAUSE_END);
        const tokens = words(first);
        const at = tokens.findIndex((token, index) => index > 0 && index < tokens.length - 1 && this.thankedForWords.has(token));
        // "connais tu un bon site pour…": a few words of thanks, not a sentence, come before what they are for.
        if (at < 0 || at > THANKS_WORDS) return undefined;
        const said = this.search(tokens.slice(0, at).join(' '), language);
        if (!isSmallTalk(said) || (said.kind === 'answer' && isClosing(said.topic))) return undefined;
        const after = rest.join(' ');
        const asks = (part: string): boolean => part.includes('?') || words(part).some((token) => this.questionStarts.has(token));
        if (asks(first)) return undefined;
        if (!asks(after)) return said;
        const part = this.search(after, language);
        return isClearAnswer(part) ? part : undefined;
    }

    /**
     * "ahh ok I see, so the forum was wrong", « ah ok je vois, donc le forum avait tort »: small talk, then a conclusion
     * drawn from the answer, asking nothing. Read weakly as a whole (the remark's "consultant" may read as the advisor),
     * it is the small talk. Undefined otherwise.
     */
    private acknowledgedWithConclusion(text: string, language: Language, understood: Recognition): Recognition | undefined {
        const weak =
            understood.kind === 'clarify' ||
            (understood.kind === 'refuse' && !understood.topic) ||
            ((understood.kind === 'answer' || understood.kind === 'command') && (understood.score ?? 1) < SINGLE_QUESTION_SCORE);
        if (!weak || text.includes('?')) return undefined;
        const [first, ...rest] = text.trim().split(CLAUSE_END);
        // "right, so um how do I renew…": a filler said aside does not hide the question word after the conclusion.
        const said = rest.join(' ');
        const remark = words(this.asides.without(said) ?? said);
        const conclusion = this.conclusionPhrases.find((phrase) => phraseAt(remark, phrase, 0));
        if (first === undefined || !conclusion || this.questionStarts.has(remark[conclusion.length] ?? '')) return undefined;
        const opening = this.search(first.replace(/[.!,;]+$/u, ''), language);
        const smallTalk = opening.kind === 'answer' && opening.topic.smallTalk && !isClosing(opening.topic);
        return smallTalk && opening.score >= MARKED_QUESTION_SCORE ? opening : undefined;
    }

    /**
     * "\"Your application is complete\" — that's what I got!! thank u so much": news that asks nothing, then thanks in
     * its own sentence. Refused or read as "Did you mean…?" between the news's topics, it is the thanks.
     */
    private remarkThenThanks(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (!(understood.kind === 'clarify' || (understood.kind === 'refuse' && !understood.topic)) || text.includes('?')) return undefined;
        const sentences = text.trim().split(SENTENCE_END);
        const last = words(sentences.pop() ?? '');
        // "Is X required: (1) language test (2) job offer / LMIA. thanks" asks before it thanks, without its "?".
        if (sentences.some((sentence) => this.clauseStartsAsking(sentence))) return undefined;
        const said = this.thanksPhrases.find((phrase) => phraseAt(last, phrase, 0));
        return said && last.length < words(text).length ? this.thanksSaid(said, language) : undefined;
    }

    /**
     * « Bon ben faut que j'y retourne, la pause est finie. À plus », "ok I'll look at the site tonight. bye!": a remark
     * that asks nothing, then a goodbye in its own short sentence. Refused as a whole, it is the goodbye.
     */
    private remarkThenGoodbye(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic || text.includes('?')) return undefined;
        const sentences = text.trim().split(SENTENCE_END);
        // « Bon ben je retourne aux chaloupes, à plus! »: in one sentence, the goodbye is its last clause.
        const pieces = sentences.length > 1 ? sentences : text.trim().split(CLAUSE_MARK);
        const last = pieces.pop() ?? '';
        // "can you send me the link. bye": a piece that asks without its "?" is a question left unanswered.
        const asks = pieces.some((piece) => this.clauseStartsAsking(piece));
        if (pieces.length === 0 || asks || words(last).length > GOODBYE_WORDS) return undefined;
        return this.goodbyeSaid(last, language);
    }

    /**
     * « bon ben à plus, faut que j'aille boucher des trous »: a short goodbye, then why one leaves. Refused as a whole
     * (the reason's words are no topic's), it is the goodbye, when what follows asks nothing and reads as nothing.
     */
    private goodbyeThenRemark(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic || text.includes('?')) return undefined;
        const [first = '', ...rest] = text.trim().split(FIRST_CLAUSE_END);
        if (rest.length === 0 || words(first).length > GOODBYE_WORDS) return undefined;
        const goodbye = this.goodbyeSaid(first, language);
        return goodbye && this.search(rest.join(' '), language).kind === 'refuse' ? goodbye : undefined;
    }

    /**
     * A short piece of a message that clearly says goodbye ("bye!", « à plus »); « bon ben à plus », read as an
     * acknowledgement or a goodbye, is the goodbye by its words (`settlers`).
     */
    private goodbyeSaid(piece: string, language: Language): Recognition | undefined {
        const said = this.search(piece, language);
        if (said.kind === 'clarify') {
            const goodbye = this.namedAlone(piece, said.topics);
            return goodbye && isClosing(goodbye) ? chosen(goodbye, said.score) : undefined;
        }
        return said.kind === 'answer' && isClosing(said.topic) && said.score >= SINGLE_QUESTION_SCORE ? said : undefined;
    }

    /**
     * "Money is tight with daycare and rent right now and so how much does the IMP+ permit cost in total…?": a story run
     * on into the question by "so" (« fait que », « donc ») drowns it. Refused as a whole, the message asks what follows
     * the first "so" that starts asking, read alone, when it reads clearly and the story names no one it may be about.
     */
    private askedAfterConclusion(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic || understood.otherProgram || understood.ownFile) return undefined;
        const typed = text.trim().split(/\s+/u);
        const wordsOf = typed.map((token) => words(token));
        for (let at = 1; at < typed.length; at++) {
            // Only where a conclusion may start: the rest of the message is gathered for those tokens alone.
            if (!this.conclusionStarts.has(wordsOf[at]?.[0] ?? '')) continue;
            const said = wordsOf.slice(at).flat();
            const conclusion = this.conclusionPhrases.find((phrase) => phraseAt(said, phrase, 0));
            if (conclusion === undefined || !this.questionStarts.has(said[conclusion.length] ?? '')) continue;
            if (this.persons.namesSomeone(typed.slice(0, at).join(' '), language)) return undefined;
            // The question starts after the typed tokens that hold the conclusion's words.
            let end = at;
            for (let count = 0; count < conclusion.length; end++) count += wordsOf[end]?.length ?? conclusion.length;
            const asked = this.understandWhole(typed.slice(end).join(' '), language);
            return asked.kind === 'answer' && !asked.topic.smallTalk && (asked.also !== undefined || asked.score >= SINGLE_QUESTION_SCORE)
                ? asked
                : undefined;
        }
        return undefined;
    }

    /**
     * « super clair pour la police. Pis l'examen médical lui ? », "Impeccable pour mon mari. Et les enfants, ils peuvent
     * être scolarisés là-bas ?": a remark on the last answer, then one more question, which is what is asked. Read
     * alone when the whole is refused and it clearly asks one thing; the remark before it asks nothing.
     */
    private askedMoreAfterRemark(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic || understood.otherProgram || understood.ownFile) return undefined;
        const found = LAST_CLAUSE_ASKING_MORE.exec(text.trim());
        if (found?.[1] === undefined) return undefined;
        // A remark is short ("super clair pour la police"), and asks nothing: "How do I get a food permit from the city,
        // and how much are the fees?" asked first, without its "?"; « …elle a-tu besoin d'une AVE pour trois semaines de
        // visite, pis ça coûte combien? » too.
        const before = text.trim().slice(0, found.index);
        if (words(before).length > SHORT_CONTEXT_WORDS || this.asksOutright(before)) return undefined;
        // Said to be one more question, it may read less clearly than one alone (« …Et les enfants, ils peuvent être
        // scolarisés là-bas ? »).
        const asked = this.search(found[1], language);
        return asked.kind === 'answer' && !asked.topic.smallTalk && asked.score >= MARKED_QUESTION_SCORE ? asked : undefined;
    }

    /** The thanks a phrase says, when it reads as thanks rather than a goodbye. */
    private thanksSaid(phrase: readonly string[], language: Language): Recognition | undefined {
        const thanks = this.search(phrase.join(' '), language);
        return thanks.kind === 'answer' && thanks.topic.smallTalk && !isClosing(thanks.topic) ? thanks : undefined;
    }

    /**
     * A long message that tells an IMP+ story, then asks about something else ("I got my IMP+ permit last year… How
     * long does a passport renewal take at the consulate?", « … Comment il fait sa demande d'asile ? »): the story's
     * words make the whole read as an IMP+ topic, but each of its questions, read alone, is about something else (the
     * off-topic class, or one or two near misses). The refusal, in a near miss's own words if any; undefined
     * when any question may be about IMP+.
     */
    private askedElsewhere(text: string, language: Language, reading: Recognition): Recognition | undefined {
        if (!(reading.kind === 'answer' && !reading.topic.smallTalk) && reading.kind !== 'clarify') return undefined;
        // Two questions answered were read in the questions themselves, which a search for one topic would not find.
        if (reading.kind === 'answer' && reading.also) return undefined;
        if (words(text).length < LONG_MESSAGE_WORDS) return undefined;
        const sentences = text.trim().split(SENTENCE_END);
        // Typed without a question mark, the question is a sentence whose first word asks ("CAN I WORK IN ALBERTA WITH
        // IT YES OR NO. they offered me a job in calgary"), else the last one ("…, how do I file my tax return"), unless
        // that sentence only tells about the writer ("Je souhaite tout rassembler avant les vacances.") or, in a few
        // words, about someone ("…how one applies for this permit. My granddaughter is in Manila.").
        const last = sentences.at(-1) ?? '';
        // "if my pr gets refused what happens to my imp+ permit": after a condition, a word that asks asks too.
        const asks = (sentence: string) => {
            const [first, ...rest] = words(sentence);
            return (
                this.questionStarts.has(first ?? '') ||
                // "sorry maybe stupid question but what is CSQ."
                this.joinsQuestion(rest) ||
                (this.conditionWords.has(first ?? '') && rest.some((word) => this.askingWords.has(word)))
            );
        };
        const asking = sentences.filter(asks);
        const aside = this.tellsAboutWriter(last) || (this.tells(last) && words(last).length < ASIDE_WORDS);
        // "what if they refuse my PR after i got the permit. i lose my job?": before a question mark, a sentence whose
        // first word asks, asks too.
        const lastMarked = sentences.findLastIndex((sentence) => sentence.includes('?'));
        const questions =
            lastMarked >= 0
                ? sentences.filter((sentence, i) => sentence.includes('?') || (i < lastMarked && asking.includes(sentence)))
                : asking.length > 0
                  ? asking
                  : aside
                    ? []
                    : [last];
        if (questions.length === 0 || questions.length === sentences.length) return undefined;
        let refusal: Recognition | undefined;
        for (const question of questions) {
            const length = words(question).length;
            // "Is that true, and what's the number?" leaves what it asks about to the story, and so does a longer one that
            // says "it" and names nothing ("So how does that work and what would it cost me?").
            if (length < ASKED_ALONE_WORDS || (length < STORY_QUESTION_WORDS && this.subjects.leavesItUnsaid(question))) return undefined;
            // "…I must live outside Quebec to apply. what's the logic, seems backwards": asking only why, or whether it
            // is true, leaves what it asks to the story as well.
            if (question.split(CLAUSE_MARK).some((clause) => this.asksIfTrueOrWhy(clause))) return undefined;
            const part = this.search(question, language);
            // Between two near misses ("how can I sponsor her as my spouse?": a sponsorship either way), the first.
            const elsewhere: Recognition | undefined =
                part.kind === 'clarify' && part.topics.every((topic) => topic.outOfScope)
                    ? { kind: 'refuse', topic: part.topics[0], score: part.score }
                    : part.kind === 'refuse' && (part.offTopic || part.topic?.outOfScope)
                      ? part
                      : undefined;
            if (!elsewhere || this.aboutStory(question, reading, language)) return undefined;
            refusal ??= elsewhere;
        }
        return refusal;
    }

    /**
     * A question that says "this" or "it" about what the story named ("My notary keeps writing 'the Quebec
     * certificate'. What is this document exactly?"): read with the story's subject named, it is the story's topic.
     */
    private aboutStory(question: string, story: Recognition, language: Language): boolean {
        const subject = story.kind === 'answer' ? subjectOf(story.topic) : undefined;
        if (story.kind !== 'answer' || subject === undefined || !this.subjects.leavesItUnsaid(question)) return false;
        const again = this.readAbout(question, subject, language);
        return again?.kind === 'answer' && again.topic.id === story.topic.id;
    }

    /**
     * Two sentences that each end with a question mark and clearly ask a different thing, wherever they stand among
     * sentences that tell ("I'm a nurse in Belgium. I'd like to work in a CHSLD. Do I need a medical exam? And a
     * Belgian police certificate too?"): both are answered, when cutting the message in two found only one. The
     * second may say "it" about the first's subject. Lines of a list that ask count as such sentences. Undefined otherwise.
     */
    private questionsAsked(text: string, language: Language, reading: Recognition): Recognition | undefined {
        if (!mayAskMore(reading)) return undefined;
        const [first, second] = text
            .trim()
            .split(/\s*\n\s*/u)
            .flatMap((line) => this.listedQuestion(line) ?? line.split(SENTENCE_END))
            .filter((sentence) => sentence.endsWith('?') && words(sentence).length >= QUESTION_WORDS);
        if (first === undefined || second === undefined || OFFERS_ANOTHER_WAY.test(second)) return undefined;
        const a = this.recognize(first, language);
        if (a.kind !== 'answer' || a.topic.smallTalk || asksWhatItIsAgain(a, second)) return undefined;
        const b = this.aboutFirst(a, second, language) ?? this.recognize(second, language);
        if (b.kind !== 'answer' || b.topic.smallTalk || b.topic.id === a.topic.id) return undefined;
        // Both clear; or one clear, and the second said to be one more question ("…? And once there, can he switch employers?").
        // In a message refused as a whole, two such questions need not be clear (« Permis approuvé hier… Il sera valide
        // combien d'années ? Et pendant ce temps je pourrai changer d'employeur ? »): the story blurred the whole.
        const clear = isClearAnswer(a) && isClearAnswer(b);
        const marked =
            (isClearAnswer(a) || isClearAnswer(b) || reading.kind === 'refuse') &&
            Math.min(a.score, b.score) >= MARKED_QUESTION_SCORE &&
            ANOTHER_QUESTION.test(second.trim());
        return clear || marked ? { ...a, also: b.topic } : undefined;
    }

    /**
     * A numbered or bulleted line whose first word asks ("1) what exactly is this IMP+ thing"): a question typed as a list
     * item, as if it ended with "?". A listed fact ("- CSQ issued in 2023") is not one.
     */
    private listedQuestion(line: string): string | undefined {
        const item = LIST_ITEM.exec(line);
        if (item === null) return undefined;
        const question = line.slice(item[0].length).trim();
        return this.questionStarts.has(words(question)[0] ?? '') ? `${question.replace(/[?.!]*$/u, '')}?` : undefined;
    }

    /**
     * "1) faut-il créer un compte en ligne\n2) les frais sont de combien", "1) is IMP+ still running 2) if it's open how
     * long does it take": a list of exactly two items that ask, each read alone, answered both when each reads as an
     * IMP+ answer (one clearly, the other at least as well as a question marked as one more: being listed marks it).
     * A longer list is left to the other readings. Undefined otherwise.
     */
    private listAsked(text: string, language: Language, reading: Recognition): Recognition | undefined {
        if (!mayAskMore(reading)) return undefined;
        const lines = LIST_START.test(text) ? text.replace(INLINE_ITEM, '\n') : text;
        const items = lines
            .split(/\s*\n\s*/u)
            .flatMap((line) => {
                const mark = LIST_ITEM.exec(line.trim());
                return mark === null ? [] : [line.trim().slice(mark[0].length).trim()];
            })
            .filter((item) => this.itemAsks(item));
        if (items.length !== 2) return undefined;
        const [a, b] = items.map((item) => this.understand(item, language));
        if (a?.kind !== 'answer' || b?.kind !== 'answer' || a.topic.smallTalk || b.topic.smallTalk) return undefined;
        if (a.topic.id === b.topic.id || Math.min(a.score, b.score) < MARKED_QUESTION_SCORE) return undefined;
        return isClearAnswer(a) || isClearAnswer(b) ? { kind: 'answer', topic: a.topic, score: a.score, also: b.topic } : undefined;
    }

    /** Whether a list item asks ("how long is it valid", « ça coûte combien », "fees?"), not lists a fact ("- CSQ issued in 2023"). */
    private itemAsks(item: string): boolean {
        return item.endsWith('?') || this.clauseStartsAsking(item) || words(item).some((token) => this.askingWords.has(token));
    }

    /** Whether a text asks by its mark anywhere or by its first word ("how much is it, I need to plan"). */
    private asksOutright(text: string): boolean {
        return text.includes('?') || this.questionStarts.has(words(text)[0] ?? '');
    }

    /**
     * Whether a sentence asks, by its mark or by a question word among its first two ("n do i use my old account", "and
     * what papers should I bring"): in a message that marks what it asks, one that does neither tells.
     */
    private sentenceMayAsk(sentence: string): boolean {
        return (
            sentence.includes('?') ||
            words(sentence)
                .slice(0, 2)
                .some((word) => this.questionStarts.has(word))
        );
    }

    /** Whether a clause of the text starts with a question word ("I live in Laval, can my wife work"). */
    private clauseStartsAsking(text: string): boolean {
        return text.split(CLAUSE_MARK).some((clause) => this.questionStarts.has(words(clause)[0] ?? ''));
    }

    /** `understand`, before a long message's questions are checked for being about something else. */
    private understandWhole(text: string, language: Language): Recognition {
        const whole = this.withoutCourtesy(text, language) ?? this.recognize(text, language);
        // A guided flow named less clearly may still be the request beside a question ("check my eligibility, and the fees?").
        if (requestOf(whole) || whole.kind === 'dialog') return this.withRequest(text, language) ?? whole;
        if (whole.kind === 'command') return this.questionBesideCommand(text, whole, language) ?? whole;
        // Naming another program and nothing of IMP+, every question asks about that program ("I'm in Montreal and want
        // to ask for asylum, where do I go to apply?"); a request is still one ("a real person pls, all this PGWP stuff").
        if (whole.kind === 'refuse' && whole.otherProgram)
            return (
                this.requestInClause(text, language) ??
                this.lastRequest(text, language) ??
                this.askedBesideOwnProgram(text, language) ??
                whole
            );
        const clearly = whole.kind === 'answer' && whole.score >= SINGLE_QUESTION_SCORE ? whole.topic.id : undefined;
        for (const [first, second] of twoQuestions(text)) {
            const both = this.readCut(first, second, whole, clearly, language);
            if (both) return withoutThanksAfter(this.askedOfTheFirst(both, second));
        }
        if (clearly !== undefined) return whole;
        // "What exactly is a CSQ? I keep seeing it in the permit requirements.": what follows a clear question only blurs it.
        const asked = this.askedBeforeContext(text, language, true) ?? this.askedBetweenTold(text, language);
        if (asked) return asked;
        if (whole.kind === 'clarify' && !whole.topics.some((topic) => topic.outOfScope)) {
            // Only to settle the whole's "Did you mean…?": a background about something else ("my daughter studies in
            // Toronto. how does she extend her permit?") must keep the question someone else's. Nor when one of the two
            // is a near miss: the background is what made it one ("My wife studies at McGill. Can I work as her spouse?").
            const asked = this.afterBackground(text, language);
            if (asked?.kind === 'answer' && whole.topics.some((topic) => topic.id === asked.topic.id)) return asked;
        }
        if (whole.kind === 'refuse' && !whole.topic) {
            const asked = this.requestInHeading(text, language) ?? this.askedAfterHeading(text, language);
            if (asked) return asked;
        }
        if (whole.kind === 'refuse' && !whole.topic && !whole.offTopic) {
            const both = this.twoAskedInSentence(text, language);
            if (both) return both;
        }
        if (whole.kind === 'refuse' && !whole.topic && !whole.otherProgram) {
            const first = this.firstOfTwoAsked(text, language);
            if (first) return first;
        }
        // "My wife and I are in Morocco, I got my CSQ last year, how long will it take?": the context drowns the
        // question; a clause that clearly asks one thing on its own is that question.
        if (whole.kind === 'refuse' && !whole.topic && words(text).length >= LONG_MESSAGE_WORDS) {
            const request = this.requestInClause(text, language);
            if (request) return request;
            const asked = this.askedInClause(text, language, whole.offTopic === true);
            // "My wife is doing a master's at McGill on a study permit… Can I get an open work permit as her spouse?": the
            // whole hesitates between that question's answer and a near miss, and the story is what tips it to the latter.
            if (asked) return leansToNearMissBeside(whole, asked) ? whole : asked;
        }
        if (whole.kind === 'refuse' && !whole.topic && words(text).length >= SHORT_CONTEXT_WORDS)
            return (
                this.aboutMeAside(text, language, whole.offTopic === true) ??
                this.lastRequest(text, language) ??
                // "pls delete this whole conversation, my ex checks my phone": the reason told beside an erasure blurs
                // it, however short; nothing is erased before it is confirmed.
                this.requestInClause(text, language, ['deleteData']) ??
                whole
            );
        return whole;
    }

    /**
     * "Invite received, applying next week. How much are the fees and how long is it taking?", "FEES AND PROCESSING TIME.
     * NOW.": the one sentence that asks two things, read alone, when the sentences around it blur the whole (and name
     * no one the question may be about). The sentence that asks, or each one of a message without a question mark.
     */
    private twoAskedInSentence(text: string, language: Language): Recognition | undefined {
        const sentences = text.trim().split(SENTENCE_END);
        if (sentences.length < 2) return undefined;
        const marked = text.includes('?');
        // Several sentences that ask are several questions (`questionsAsked`), not one that asks two things.
        if (sentences.filter((sentence) => sentence.includes('?')).length > 1) return undefined;
        for (const sentence of sentences) {
            if (marked && !sentence.includes('?')) continue;
            // "My husband got the CSQ, I'm a nurse. Can I work there too, and can the kids go to school?": the story
            // says who asks; read alone, "work there" is the wrong question. The fees and the processing times are the
            // same whoever asks.
            const story = sentences.filter((other) => other !== sentence).join(' ');
            const read = this.understand(sentence, language);
            if (read.kind !== 'answer' || read.also === undefined) continue;
            const forAnyone = [read.topic, read.also].every((topic) => ANYONE_TOPICS.includes(topic.id));
            if (forAnyone || !this.persons.namesSomeone(story, language)) return read;
        }
        return undefined;
    }

    /**
     * « mon mari pourra travailler? et nos 2 filles, l'école ça marche comment? »: a message refused as a whole whose
     * first question clearly asks one thing, while the question after it reads as nothing (no topic, no near miss,
     * nothing else): the first is answered, with its companion when the second asks it in its own words.
     */
    private firstOfTwoAsked(text: string, language: Language): Recognition | undefined {
        const [first, ...rest] = text.trim().split(/(?<=\?)\s+/u);
        const second = rest.join(' ');
        if (first === undefined || rest.length === 0 || !first.endsWith('?') || !second.includes('?')) return undefined;
        const asked = this.recognize(first, language);
        if (asked.kind !== 'answer' || !isClearAnswer(asked)) return undefined;
        const other = this.search(second, language);
        // « Comment on fait la demande? Je peux la faire à la frontière à Lacolle en revenant de vacances? »: a second
        // question that leaves "it" to the first is about the first's subject, whatever its other words are about.
        const aboutTheFirst = this.subjects.leavesItUnsaid(second);
        if (other.kind !== 'refuse' || other.topic || other.otherProgram || (other.offTopic && !aboutTheFirst)) return undefined;
        return this.companionAsked(text, language, asked) ?? asked;
    }

    /**
     * "vite entre 2 livraisons : ça coûte combien le permis pis ça prend combien de temps": a few words before a colon
     * that name nothing (no topic, near miss or other program) say when or how someone asks; the question after it is
     * read alone, and answered when it reads clearly. "PEQ volet travailleurs: …", "citizenship: …" name what the
     * question is about (and « Impôts : … », a matter of daily life, is refused at the top level).
     */
    private askedAfterHeading(text: string, language: Language): Recognition | undefined {
        const [, heading, question] = HEADING.exec(text.trim()) ?? [];
        if (heading === undefined || question === undefined || words(heading).length > HEADING_WORDS) return undefined;
        // « dans quel ordre ça se passe : téléverser, payer, soumettre ? » asks before its colon.
        if (this.sentenceMayAsk(heading)) return undefined;
        const named = this.search(heading, language);
        if (named.kind !== 'refuse' || named.topic || named.otherProgram || named.nearMiss || named.unsure) return undefined;
        const asked = this.understand(question, language);
        return answersClearly(asked) ? asked : undefined;
    }

    /**
     * "Please check am I eligible: CSQ from PRTQ 2023, live in Laval, CUAET open permit valid until Oct 2025": a heading
     * before a colon that clearly asks for a guided flow, with the details it needs after it. Not a command: "My
     * consultant's email just says: …" names the advisor, it does not ask for one.
     */
    private requestInHeading(text: string, language: Language): Recognition | undefined {
        const [, heading] = HEADING.exec(text.trim()) ?? [];
        if (heading === undefined || words(heading).length > HEADING_WORDS) return undefined;
        const asked = this.search(heading, language);
        return asked.kind === 'dialog' && requestOf(asked) ? asked : undefined;
    }

    /** The question a long message refused as a whole asks in one of its clauses, when one clearly asks one thing. */
    private askedInClause(text: string, language: Language, offTopic: boolean): Recognition | undefined {
        const asked = offTopic ? this.askedAfterStory(text, language) : undefined;
        if (asked) return asked;
        // A whole that reads as about something else leaves only the question before a reason (which may be what
        // reads so): "how long does a passport renewal take? need it before December" asks nothing of IMP+.
        const reason = this.beforeReason(text);
        // « Avec mon permis PMI+, mon boss dit qu'il a pas à me payer mes heures supplémentaires… »: a clause that only
        // sets the frame of the next one names what the message is about, not what it asks.
        const clauses = (offTopic ? reason : [...reason, ...clausesLastFirst(text)]).filter((clause) => !this.setsFrame(clause));
        // A clause that only tells ("Je prépare une estimation pour un client.") is read after those that may ask, and
        // not at all when the message's question says what it asks about and is refused ("…my husband's permit is
        // approved. Which neighbourhoods would you recommend?"): what it told is that question's background.
        const telling = (clause: string) => this.tellsAboutWriter(clause) || this.tells(clause);
        const background = this.refusedOwnQuestion(text, language) ? [] : clauses.filter(telling);
        // "can you check if i qualify please. nanny in hampstead 4 years, i have CSQ, waiting for PR since last year": a
        // clause read only vaguely is the question unless one before it reads clearly and asks (« mon ami a le permis
        // pmi+, … il peut avoir deux patrons…? » only names the permit).
        let vague: Recognition | undefined;
        const namesImpPlus = this.subjects.namesSubject(text, 'permit');
        for (const clause of [...clauses.filter((c) => !telling(c)), ...background]) {
            const part = this.searchAboutNamedBefore(clause, text, language);
            // « Plus tard je voudrais rejoindre mon fils au Québec, il pourra me parrainer ? »: the clause that asks is a
            // near miss, and the others are its background.
            // So is one that names another program (« Si jamais ça marche pas avec le CSQ, on pourrait pas demander l'asile? »),
            // unless the message names IMP+ itself: then it may ask how that program bears on IMP+ (« mes biométries du
            // PVT sont encore valables ? »).
            const elsewhere = part.kind === 'refuse' && (part.topic || (part.otherProgram && !namesImpPlus));
            if (elsewhere && clause.includes('?')) return part;
            // Small talk is never what a long message is about ("…, what do I do now?" is not an "OK"); a clause about
            // the writer is the question only when it reads clearly ("je viens juste d'avoir mon CSQ" is not what a CSQ is).
            // A guided flow, too ("my cousin is in Ontario as a visitor, how does he switch to a work permit there").
            const clear = (part.kind === 'dialog' && (part.score ?? 1) >= SINGLE_QUESTION_SCORE) || isClearAnswer(part);
            if (clear && (vague === undefined || this.sentenceMayAsk(clause))) return part;
            if (part.kind === 'answer' && !part.topic.smallTalk && !this.tellsAboutWriter(clause)) vague ??= part;
        }
        return vague;
    }

    /**
     * "got my invitation letter back in august, is it still valid now or does it run out": a clause that says "it" and
     * names nothing, read with the one subject the message named before it, when it so reads clearly; alone otherwise,
     * unless alone it reads as another subject's topic.
     */
    private searchAboutNamedBefore(clause: string, text: string, language: Language): Recognition {
        const alone = this.search(clause, language);
        if (!this.subjects.leavesItUnsaid(clause)) return alone;
        // A clause the message does not hold as written (the words before a reason) has nothing named before it.
        const at = text.lastIndexOf(clause);
        const subject = at < 0 ? undefined : this.subjects.subjectNamed(text.slice(0, at));
        // The permit is what a bare "it" is read as anyway; "it" beside the permit is often a person (« l'inscrire »).
        const again = subject === undefined || subject === 'permit' ? undefined : this.readAbout(clause, subject, language);
        if (again === undefined) return alone;
        if (isClearAnswer(again)) return again;
        // Alone, "it" read as another subject's (the CSQ's validity, for an invitation): not what the clause asks.
        const aloneSubject = alone.kind === 'answer' ? subjectOf(alone.topic) : undefined;
        return aloneSubject !== undefined && aloneSubject !== subject ? again : alone;
    }

    /** A clause that opens with a frame ("with my permit,") and goes on in the next one. */
    private setsFrame(clause: string): boolean {
        const said = words(clause);
        return clause.trim().endsWith(',') && this.framePhrases.some((phrase) => phraseAt(said, phrase, 0));
    }

    /**
     * Whether the message's last question names what it asks about (enough words, no "it" left to the story) and is
     * refused read alone: a question about something else, which the story around it does not make an IMP+ one. With
     * "it", only when read alone it is surely about something else ("…Can you translate it to English for me?").
     */
    private refusedOwnQuestion(text: string, language: Language): boolean {
        const question = text
            .trim()
            .split(SENTENCE_END)
            .filter((sentence) => sentence.endsWith('?'))
            .at(-1);
        if (question === undefined || words(question).length < ASKED_ALONE_WORDS) return false;
        const part = this.search(question, language);
        if (part.kind !== 'refuse' || part.topic !== undefined || part.unsure !== undefined) return false;
        return part.offTopic === true || !this.subjects.leavesItUnsaid(question);
    }

    /**
     * The question after a story that reads as about something else, when it says by itself what it asks and clearly
     * asks one IMP+ thing ("I'm a nurse in Manila. I may start at a small clinic, then move to a hospital. Am I
     * allowed to change employers whenever I want on this permit?"): the story's words (a job, a city, a family)
     * made the whole read as off topic. A short question, or one with a pronoun and no word that names its subject,
     * is the story's ("First year in Quebec: do I file two tax returns? What documents do I need?").
     */
    private askedAfterStory(text: string, language: Language): Recognition | undefined {
        const questions = text
            .trim()
            .split(SENTENCE_END)
            .filter((sentence) => sentence.includes('?'))
            .reverse();
        for (const question of questions) {
            if (words(question).length < SELF_CONTAINED_WORDS || this.subjects.leavesItUnsaid(question)) continue;
            // "My sister wants to visit me… she has a Moroccan passport, does she need a visa?": the story's person asks.
            if (this.persons.asksAboutSomeone(question, language)) continue;
            const part = this.search(question, language);
            if (isClearAnswer(part)) return part;
        }
        return undefined;
    }

    /**
     * A request in one clause of a long message (`CLAUSE_COMMANDS`): to reach a person ("…it's all so confusing, can I
     * book an appointment with one of your advisors?"), or to erase what was said ("we're not applying anymore, so
     * please delete everything I entered about my kids, thanks"; confirmed before anything is erased). Whatever the
     * rest is about, that is what the person asks of the bot.
     */
    private requestInClause(text: string, language: Language, commands: readonly Command[] = CLAUSE_COMMANDS): Recognition | undefined {
        for (const clause of clausesLastFirst(text)) {
            const part = this.search(clause, language);
            if (part.kind !== 'command' || !commands.includes(part.command)) continue;
            // A person is reached only on a clause that clearly asks for one: "do I need a lawyer or can I go to the
            // tribunal myself" about a landlord, or "kindly advise who to call" about a phone, is not a request.
            if (part.command === 'deleteData' || (part.score ?? 1) >= SINGLE_QUESTION_SCORE) return part;
            // A call back asked for is clear too ("Could someone from your office call me back tomorrow morning?").
            if (part.command === 'advisor' && this.says(clause, this.callBackPhrases)) return part;
        }
        return undefined;
    }

    /**
     * The question beside clauses about the writer ("I live in Toronto, how much is it?", "Can I change jobs on this
     * permit? I'm a nurse and…"), when it clearly asks one thing. Clauses about something else ("chinese visa for a
     * business trip, what documents do they ask") may make the question another program's; and when the whole reads
     * as about something else, a question that leaves its subject to them ("I applied for a job at IGA, how long do
     * they take to answer?") is about that.
     */
    private aboutMeAside(text: string, language: Language, offTopic: boolean): Recognition | undefined {
        // "So I live in Toronto" tells; "Do I need a permit from the city" asks.
        const aboutMe = (clause: string) => {
            const start = words(clause).slice(0, 2);
            return !this.questionStarts.has(start[0] ?? '') && start.some((token) => this.selfWords.has(token));
        };
        const asking = this.clausesOrQuestionStart(text).filter((clause) => !aboutMe(clause));
        const [question] = asking;
        if (question === undefined || asking.length > 1 || words(question).length < QUESTION_WORDS) return undefined;
        // "I'd like a working holiday in Australia, can you help me with that visa?": that visa is the story's.
        if (offTopic && (this.subjects.leavesItUnsaid(question) || this.subjects.pointsBack(question))) return undefined;
        const part = this.search(question, language);
        // "…on attend la residence permanente depuis longtemps est ce que moi je suis admissible a ce permis la": a
        // guided flow asked for beside the story, as well as a question.
        return isClearAnswer(part) || (part.kind === 'dialog' && (part.score ?? 0) >= SINGLE_QUESTION_SCORE) ? part : undefined;
    }

    /**
     * The question after sentences that only tell ("We are a family of four from Lagos. My wife is a pharmacist. Do we
     * need a job offer?"), when it alone clearly asks one thing: the background blurs what is asked.
     */
    private afterBackground(text: string, language: Language): Recognition | undefined {
        const sentences = text.trim().split(SENTENCE_END);
        const question = sentences.pop();
        // "We are…" tells: only a sentence's first word says it asks ("Are we…").
        const background = (sentence: string): boolean =>
            STATEMENT_END.test(sentence) && !this.questionStarts.has(words(sentence)[0] ?? '');
        if (question === undefined || sentences.length === 0 || !question.includes('?') || !sentences.every(background)) return undefined;
        // « Mon CSQ expire en mars… qu'est-ce qui arrive si il expire avant? »: "it" is what the background named.
        const part = this.searchAboutNamedBefore(question, text, language);
        return isClearAnswer(part) ? part : undefined;
    }

    /**
     * Someone fed up with the bot who asks for a person in the last clause ("stupid bot, put me through to a real
     * person", « votre robot sert à rien. un conseiller »): the advisor, whatever came before.
     */
    private lastRequest(text: string, language: Language): Recognition | undefined {
        const [last, ...before] = clausesLastFirst(text, 1);
        if (last === undefined || !before.some((clause) => words(clause).some((word) => this.botWords.has(word)))) return undefined;
        const part = this.recognize(last, language);
        return part.kind === 'command' && isFollowing(part.command) ? part : undefined;
    }

    /**
     * The clauses of a message, last first; without punctuation, the message cut where its question starts
     * ("I live in Winnipeg and work in a warehouse can my kids study in Quebec"), after a few words of context.
     */
    private clausesOrQuestionStart(text: string): string[] {
        const clauses = clausesLastFirst(text, 1);
        if (clauses.length > 1) return clauses;
        const pieces = text.trim().split(/\s+/);
        const start = pieces.findIndex(
            (piece, i) => i >= MIN_CONTEXT_WORDS && pieces.length - i > QUESTION_WORDS && this.questionStarts.has(words(piece)[0] ?? ''),
        );
        return start < 0 ? [] : [pieces.slice(start).join(' '), pieces.slice(0, start).join(' ')];
    }

    /**
     * The two halves of a message cut at a join, read as two things asked at once: two questions, a question and
     * a goodbye ("how much is it? thanks, bye"), a question and a request (`requestBeside`), or the two topics of
     * the whole's "Did you mean…?" (`bothOffered`). A message clearly about one topic asks a second question only
     * if one of its halves is that topic and the other is as clear ("can my wife work and how much does the permit
     * cost"): a vaguer first half stops there. Undefined when the halves do not ask two things.
     */
    private readCut(
        first: string,
        second: string,
        whole: Recognition,
        clearly: string | undefined,
        language: Language,
    ): Recognition | undefined {
        // "…can they go to the public school for free? Or must we pay?" asks the same thing the other way round.
        if (OFFERS_ANOTHER_WAY.test(second)) return undefined;
        // "so if i land montreal with the permit and later i want to relocate to calgary, is that allowed": a first half
        // that opens a condition and asks nothing after it is what the second asks under (not "if i get it how many years
        // does it last and…").
        const opening = words(first);
        const condition = opening.slice(0, 2).some((word) => this.conditionWords.has(word));
        const asksAfter = opening.slice(1).some((word) => this.questionStarts.has(word) || this.askingWords.has(word));
        if (condition && !asksAfter && !first.endsWith('?')) return undefined;
        // "are my husband and kids included on my permit": cut between two members of a family, the halves are one list.
        const [last, next, after] = [opening.at(-1) ?? '', ...words(second).slice(0, 2)];
        const member = this.ownWords.has(next ?? '') ? after : next;
        if (this.familyNouns.has(last) && this.familyNouns.has(member ?? '')) return undefined;
        // Halves of a word or two are two questions only side by side, each clearly naming one ("fees and delays?"):
        // beside a longer half, a short one is its subject ("my wife and I are applying, what documents…").
        const bothShort = isShort(first) && isShort(second);
        // …unless it asks on its own and clearly names one topic ("biometrics? and the medical exam too?"), or names one
        // before a question ("prix pis délai de traitement?"), but not a person ("my wife and I…, what documents?").
        // "whats MIFI and how do they decide who gets invited": a short half that starts by asking asks on its own.
        const asks = first.endsWith('?') || this.questionStarts.has(words(first)[0] ?? '');
        const shortQuestion = isShort(first) && !bothShort && (asks || second.endsWith('?'));
        if (isShort(first) && !bothShort && !shortQuestion) return undefined;
        const a = this.recognize(first, language);
        if (asksWhatItIsAgain(a, second)) return undefined;
        // "surely i can just email MIFI and request an invite": a longer half that names MIFI, and neither asks what it is
        // nor compares it ("It is the same thing as IRCC?"), is no question of what it is.
        if (!isShort(first) && a.kind === 'answer' && DEFINITION_TOPICS.includes(a.topic.id) && !this.asksWhatItIs(first)) return undefined;
        const other = this.otherOfTheOffered(a, first, second, language);
        if (other) return other;
        if (shortQuestion && (!isClearAnswer(a) || (!asks && a.kind === 'answer' && PERSON_TOPICS.includes(a.topic.id)))) return undefined;
        // "Are you a bot? I want to talk to a real person": beside small talk, a request for a person is what is asked.
        if (isSmallTalk(a) && !isShort(second)) {
            const b = this.recognize(second, language);
            if (b.kind === 'command' && b.command === 'advisor') return b;
        }
        // "how much is it and how long does it take": a first half that asks (a question word first, or a "?" last)
        // beside a second that starts with a question word are two questions, as are two halves that each end with a "?"
        // (« …Pourra-t-il travailler lui aussi ? Et les petites devront-elles avoir un permis d'études ? »); the first
        // needs only to be answered, not clearly: the second, clearly the whole's, says the message asks two things.
        const asksAgain = this.questionStarts.has(words(second)[0] ?? '') || (first.trim().endsWith('?') && second.trim().endsWith('?'));
        const bothAsk = asks && asksAgain && a.kind === 'answer' && !a.topic.smallTalk;
        if ((clearly !== undefined || bothShort) && !requestOf(a) && !isClearAnswer(a) && !bothAsk) return undefined;
        if (isShort(second) && !bothShort) {
            if (a.kind !== 'answer' || a.topic.smallTalk) return undefined;
            const b = this.search(second, language);
            if (b.kind !== 'answer' || b.topic.id === a.topic.id) return undefined;
            // "can I upload phone photos of my passport and CSQ?": a name in the same sentence, not asked what it is, is
            // what the question is about; after what something is, another name asks the same ("c koi le csq pis le mifi").
            const named = DEFINITION_TOPICS.includes(b.topic.id) && !DEFINITION_TOPICS.includes(a.topic.id);
            if (named && !first.trim().endsWith('?') && !this.asksWhatItIs(second)) return undefined;
            // A goodbye after the question, or a short question of its own that clearly names another topic
            // ("processing time from abroad? and total fees?").
            // Without a "?", a subject named after the first question's ("c koi le csq pis le mifi") when the whole
            // reads as that subject's topic: "the fees for me and my wife" reads as the fees, so it asks one thing.
            // A whole that hesitates between the two halves' topics asks both too.
            const namesAnother = second.endsWith('?') || b.topic.id === clearly || bothOffered(whole, a, b) !== undefined;
            return isClosing(b.topic) || (namesAnother && isClearAnswer(a) && isClearAnswer(b)) ? { ...a, also: b.topic } : undefined;
        }
        const b =
            this.aboutFirst(a, second, language) ??
            this.askedBeforeContext(second, language) ??
            this.askedBeforeToldClause(second, language) ??
            // Beside a first read only weakly, a second settled toward the whole's clear topic.
            this.settledAlone(second, language, isClearAnswer(a) || (bothAsk && clearly !== undefined));
        if (this.readOnlyInStory(second, b, language)) return undefined;
        // "…sous la main? C'est ma seule journée off.": a remark that reads only vaguely as a goodbye is none.
        if (b.kind === 'answer' && isClosing(b.topic) && b.score < SINGLE_QUESTION_SCORE) return undefined;
        if (bothShort && (clearly !== undefined || !isClearAnswer(b))) return undefined;
        // "I got my CSQ last year and my wife is a nurse, can she work too?": the writer's own story is context, not a question.
        // A story after a first question, before a second ("…again? The centre is far away. And the medical exam?"), is
        // the first question's context: both halves still ask.
        // "…? I lived in Dubai. also do i need medical": said to be one more question, it asks without its "?".
        const [firstAsks, secondAsks] = [first.includes('?'), second.includes('?') || this.addsQuestion(second)];
        // "Faut-il une EIMT? je livre pour Skip pis c'est pas vraiment un employeur": cut inside a sentence that does
        // not ask, after the question, the second half is what that sentence tells.
        const toldAfterQuestion = firstAsks && !secondAsks && !this.sentenceMayAsk(lastSentence(first));
        const context =
            toldAfterQuestion ||
            this.tellsAboutWriter(first) ||
            (this.tellsOfOwnCsq(first) && !this.subjects.saysIt(second)) ||
            this.tellsAboutWriter(second) ||
            ((firstAsks || secondAsks) &&
                ((this.tells(lastSentence(first)) && !(firstAsks && secondAsks)) || this.tells(firstSentence(second))));
        // "…? we need to know before selling the house": what the question or questions before it ask, read on their own.
        if (first.trim().endsWith('?') && this.tellsAtEnd(second)) {
            const asked = this.understandWhole(first, language);
            return asked.kind === 'answer' && (asked.also !== undefined || isClearAnswer(asked)) ? asked : undefined;
        }
        // « Qui voit ce que j'écris ici? Mon employeur peut le savoir? »: after asking who sees the chat, "it" is the chat.
        if (a.kind === 'command' && a.command === 'privacy' && this.subjects.leavesItUnsaid(second)) return a;
        const answered = requestBeside(a, b) ?? (context ? undefined : bothOffered(whole, a, b));
        if (answered || context || a.kind !== 'answer' || b.kind !== 'answer' || b.topic.id === a.topic.id) return answered;
        // The whole clearly about the second half's topic says that half asks it, however its own words read ("Is PMI+
        // still taking applications? and is there a limit on how many permits…"), unless the first only names a person
        // (« le permis de ma femme pis ses frais, c'est combien »); the first half's topic needs the second to read
        // clearly on its own.
        const secondIsWhole = b.topic.id === clearly && (asks || !PERSON_TOPICS.includes(a.topic.id));
        if (clearly === undefined || secondIsWhole || (b.score >= SINGLE_QUESTION_SCORE && a.topic.id === clearly))
            return { ...a, also: b.topic };
        return undefined;
    }

    /**
     * « Site d'IRCC, c'est là que je fais la demande PMI+? Faut-tu se créer un compte dessus avant? »: a first question
     * that hesitates between two topics, beside a second that clearly asks one of them, asks the other.
     */
    private otherOfTheOffered(a: Recognition, first: string, second: string, language: Language): Recognition | undefined {
        if (a.kind !== 'clarify' || a.topics.length !== 2 || !first.trim().endsWith('?') || !second.includes('?')) return undefined;
        const b = this.recognize(second, language);
        if (!isClearAnswer(b) || b.kind !== 'answer') return undefined;
        const other = a.topics.find((topic) => topic.id !== b.topic.id);
        if (other === undefined || !a.topics.some((topic) => topic.id === b.topic.id)) return undefined;
        // Only a topic answered: a guided flow, or a request (« je veux pas passer par un consultant… »), is not asked so.
        if (other.outOfScope || other.smallTalk || other.dialog !== undefined || other.command !== undefined) return undefined;
        return { kind: 'answer', topic: other, score: a.score, also: b.topic };
    }

    /**
     * Two questions whose second leaves its subject unsaid and asks what the first one's answer already says of its own
     * thing (`ASKED_OF_THE_FIRST`: its cost, how long it is valid): "it" is that thing, and the first answer alone. So
     * is a bare why ("do I really have to live outside Quebec? why?"): the reason for that rule, not why IMP+ exists.
     */
    private askedOfTheFirst(both: Recognition, second: string): Recognition {
        if (both.kind !== 'answer' || both.also === undefined) return both;
        const { also, ...first } = both;
        if (asksOnly(second, this.whyPhrases, 0)) return first;
        if (!this.subjects.leavesItUnsaid(second)) return both;
        const owned = ASKED_OF_THE_FIRST.some(({ asked, answeredBy }) => asked.includes(also.id) && answeredBy.includes(first.topic.id));
        return owned ? first : both;
    }

    /**
     * "Mon CSQ expire dans 2 mois et j'ai pas encore déposé ma RP, est-ce que je peux encore faire le PMI+?": a half that
     * opens on what the writer has or has not done, then asks something its topic is not. Its topic was read only in the
     * story (whether to apply before or after PR), which tells why the question is asked.
     */
    private readOnlyInStory(half: string, read: Recognition, language: Language): boolean {
        const [story, ...rest] = half.split(CLAUSE_MARK);
        if (read.kind !== 'answer' || story === undefined || rest.length === 0 || !this.tellsAboutWriter(story)) return false;
        const asked = this.search(rest.join(', '), language);
        return (
            !(asked.kind === 'answer' && asked.topic.id === read.topic.id) &&
            !(asked.kind === 'clarify' && asked.topics.includes(read.topic))
        );
    }

    /**
     * A second half that says "it" and names nothing ("what is a CSQ and how long is it valid?"): it is about the
     * first half's subject, when read with that subject named gives another topic of it.
     */
    private aboutFirst(first: Recognition, second: string, language: Language): Recognition | undefined {
        const subject = first.kind === 'answer' ? subjectOf(first.topic) : undefined;
        if (first.kind !== 'answer' || subject === undefined || !this.subjects.leavesItUnsaid(second)) return undefined;
        const again = this.readAbout(second, subject, language);
        return again?.kind === 'answer' && again.topic.id !== first.topic.id && subjectOf(again.topic) === subject ? again : undefined;
    }

    /**
     * A second half that asks, then only tells ("are biometrics extra? I have to plan the budget with my wife."): its
     * question, when that alone clearly asks one thing or makes a request read at least at the marked-question score
     * ("what can you help me with? I'm asking for a client."); what follows would blur it. Undefined otherwise.
     */
    private askedBeforeContext(half: string, language: Language, wholeMessage = false): Recognition | undefined {
        const [question, ...after] = half.split(SENTENCE_END);
        if (question === undefined || after.length === 0 || !question.endsWith('?') || after.some((sentence) => sentence.includes('?')))
            return undefined;
        const part = this.recognize(question, language);
        const clearRequest = part.kind === 'command' && (part.score ?? 1) >= MARKED_QUESTION_SCORE;
        // "where do i start?? two kids under 4 and zero time": a guided flow asked for clearly, then why; only as the whole
        // message's question, since after a first half ("CSQ under the new PSTQ. eligible for IMP+?? …") the half asks
        // about what the first told.
        const clearFlow = wholeMessage && part.kind === 'dialog' && (part.score ?? 1) >= SINGLE_QUESTION_SCORE;
        // "Is this a robot? Im guessing yes": small talk asked clearly, then a remark that reads as nothing at all.
        const clearSmallTalk =
            wholeMessage &&
            isSmallTalk(part) &&
            (part.score ?? 1) >= SINGLE_QUESTION_SCORE &&
            after.every((sentence) => this.readsAsNothing(sentence, language));
        // « Vous pouvez m'aider avec quoi au juste? je travaille dans un dépanneur… »: so is a command asked first, read
        // less clearly, when what follows reads as nothing at all; not a request to follow, which only a clear reading
        // makes ("Is my consultant legit? he says he has 'special contacts' at MIFI…" asks for no advisor).
        const commandAlone =
            wholeMessage &&
            part.kind === 'command' &&
            !isFollowing(part.command) &&
            after.every((sentence) => this.readsAsNothing(sentence, language));
        return isClearAnswer(part) || clearRequest || clearFlow || clearSmallTalk || commandAlone ? part : undefined;
    }

    /** Refused read alone, and neither a near miss nor about another program. */
    private readsAsNothing(text: string, language: Language): boolean {
        const read = this.search(text, language);
        return read.kind === 'refuse' && !read.topic && !read.otherProgram;
    }

    /**
     * "I have epilepsy, controlled with medicine. Medical exam is required for this permit? I am afraid they refuse me
     * because of the illness": the one sentence that asks, between sentences before it that tell and after it that ask
     * nothing, when it alone clearly asks one thing.
     */
    private askedBetweenTold(text: string, language: Language): Recognition | undefined {
        const sentences = text.trim().split(SENTENCE_END);
        const at = sentences.findIndex((sentence) => sentence.includes('?'));
        if (at < 1 || at === sentences.length - 1) return undefined;
        const before = sentences.slice(0, at);
        const after = sentences.slice(at + 1);
        if (!before.every((sentence) => this.tells(sentence)) || after.some((sentence) => sentence.includes('?'))) return undefined;
        const part = this.recognize(sentences[at] ?? '', language);
        return isClearAnswer(part) ? part : undefined;
    }

    /**
     * "…and can i renew it after, hopefully w/o paying everything again": a half whose last clause only tells (no word of
     * it asks, `tellsAtEnd`), after words that ask, is its question read without that clause, when that reads clearly.
     */
    private askedBeforeToldClause(half: string, language: Language): Recognition | undefined {
        const clauses = half.trim().split(CLAUSE_MARK);
        const tail = clauses.at(-1) ?? '';
        const asked = clauses.slice(0, -1).join(', ');
        // What is left asks in words of its own: not "why" (", it's the same country"), nor « pas pour la RP »; a
        // question word may come later (« et ça prend combien de temps avoir une réponse, mon PTPD expire le 2 août »).
        const said = words(asked);
        const asks = said.length >= QUESTION_WORDS && (this.sentenceMayAsk(asked) || !this.asksNothing(asked, said.slice(1)));
        if (clauses.length < 2 || !asks || !this.tellsAtEnd(tail)) return undefined;
        const part = this.recognize(asked, language);
        return isClearAnswer(part) ? part : undefined;
    }

    /** Whether a joining word is followed by a word that asks ("…, and can I upload photos", « …mais c'est quoi »). */
    private joinsQuestion(said: readonly string[]): boolean {
        return said.some((word, i) => JOINING_WORDS.has(word) && this.questionStarts.has(said[i + 1] ?? ''));
    }

    /** A half said to be one more question, whose next word asks ("also do I need…", « pis est-ce que… »). */
    private addsQuestion(half: string): boolean {
        return ANOTHER_QUESTION.test(half.trim()) && this.questionStarts.has(words(half)[1] ?? '');
    }

    /**
     * A sentence that ends with "." or "!" and starts with no question word ("Mon mari n'a pas encore trouvé de travail.",
     * "We are new in all this."): beside a question, it tells the background rather than asks.
     */
    private tells(sentence: string): boolean {
        return (
            STATEMENT_END.test(sentence) &&
            !words(sentence)
                .slice(0, 2)
                .some((word) => this.questionStarts.has(word))
        );
    }

    /**
     * A message's last sentence that tells, typed without its full stop (« …? on a besoin de savoir avant de vendre la
     * maison »): no word of it asks. One said to be another question ("…? and the kids school"), or with a word that
     * may ask ("n the kids can they go to school"), still asks.
     */
    private tellsAtEnd(half: string): boolean {
        const sentence = half.trim();
        const said = words(sentence);
        // "caller is budgeting" tells: a verb that may ask asks first ("is it…"), or before who it asks of ("n the kids
        // can they…"); a word that only asks ("how") asks wherever it is.
        const asks = (word: string, i: number) =>
            this.questionStarts.has(word) && (i === 0 || !this.questionVerbs.has(word) || this.invertedSubjects.has(said[i + 1] ?? ''));
        return !/[.!?]/u.test(sentence) && !ANOTHER_QUESTION.test(sentence) && !said.some(asks);
    }

    /** Whether a half asks what something is (`definitionAsks`), or compares it with something else ("same as IRCC"). */
    private asksWhatItIs(half: string): boolean {
        return this.says(half, this.definitionAsks) || this.says(half, this.comparisonPhrases);
    }

    /**
     * A statement about the writer ("I got my CSQ last year", « jai un csq valide »): it starts with "I" or « je », has
     * no question mark and no word a question starts with ("can", « peux », « je fais ma demande où »), so it asks nothing.
     */
    private tellsAboutWriter(half: string): boolean {
        const [start, ...rest] = words(half);
        const asksWhere = half
            .toLowerCase()
            .split(/[^\p{L}]+/u)
            .some((word) => this.whereWords.has(word));
        return start !== undefined && this.selfWords.has(start) && !asksWhere && this.asksNothing(half, rest);
    }

    /**
     * A statement of what became of the writer's own other program, named right after "my" or « mon » ("my PGWP expired
     * in March"); not of something else of theirs (« mon audience à la CISR »).
     */
    private tellsOfOwnProgram(half: string, language: Language): boolean {
        const [start, ...rest] = words(half);
        const named = rest.slice(0, OWN_PROGRAM_WORDS).join(' ');
        return start !== undefined && this.ownWords.has(start) && this.asksNothing(half, rest) && this.namesOtherProgram(named, language);
    }

    /**
     * No question mark, and none of `rest`, the words after a statement's first, starts a question. "is", « est » or
     * « y a » (`statementVerbs`) asks only before who it asks of ("…and is it valid"): « ma demande de résidence est
     * envoyée » tells, but not after words that say it asks (`indirectAsks`: « je veux savoir si le permis est limité… »).
     * Other question verbs ask wherever they stand: "I can renew it from inside Quebec after, yes?" asks.
     */
    private asksNothing(half: string, rest: readonly string[]): boolean {
        const asks = (word: string, i: number) =>
            this.asksAt(rest, i) || (this.questionStarts.has(word) && this.says(half, this.indirectAskPhrases));
        // "i am engineer, is LMIA required", "…not filed for PR yet. Is the CSQ still good": after a comma or a sentence,
        // "is" opens a question whatever follows it.
        const opensQuestion = (clause: string) => this.clauseQuestions.has(words(clause)[0] ?? '');
        return !half.includes('?') && !rest.some(asks) && !half.split(CLAUSE_OR_SENTENCE_MARK).slice(1).some(opensQuestion);
    }

    /** Whether the word at `i` asks: a question word, or a statement verb before its subject ("is it", « est-ce »). */
    private asksAt(tokens: readonly string[], i: number): boolean {
        const word = tokens[i] ?? '';
        return this.questionStarts.has(word) && (!this.statementVerbs.has(word) || this.invertedSubjects.has(tokens[i + 1] ?? ''));
    }

    /**
     * "my csq expires in august and still nothing from federal for PR.. what happens then": a first half that tells what
     * becomes of the writer's own CSQ, and asks nothing, is the second half's context. Not when the second half says "it"
     * (« …qu'est-ce qui se passe s'il expire avant que j'aie le permis? »): that half asks about the CSQ.
     */
    private tellsOfOwnCsq(half: string): boolean {
        const [own, thing, ...rest] = words(half);
        return (
            own !== undefined &&
            thing !== undefined &&
            this.ownWords.has(own) &&
            this.subjects.namesSubject(thing, 'csq') &&
            this.asksNothing(half, rest)
        );
    }

    /**
     * A request read less than clearly in the whole, which one half makes while the other clearly asks a question (« Est-il
     * possible de prendre rendez-vous avec un avocat ? Et au passage, combien coûte le PMI+ ? »): the whole's reading
     * says what the half asks for, so the question is answered and the request followed.
     */
    private questionBesideCommand(text: string, whole: Recognition, language: Language): Recognition | undefined {
        if (whole.kind !== 'command' || !isFollowing(whole.command)) return undefined;
        const request = { command: whole.command };
        for (const [first, second] of twoQuestions(text)) {
            const [a, b] = [this.recognize(first, language), this.recognize(second, language)];
            const [asked, other] = a.kind === 'answer' ? [a, b] : [b, a];
            if (asked.kind === 'answer' && isClearAnswer(asked) && other.kind === 'command' && other.command === whole.command)
                return { ...asked, request };
        }
        return undefined;
    }

    /** A question and a request in one message, in either order: the first cut that has both (`requestBeside`). */
    private withRequest(text: string, language: Language): Recognition | undefined {
        for (const [first, second] of twoQuestions(text)) {
            const [a, b] = [this.recognize(first, language), this.recognize(second, language)];
            // A half of a word or two is only ever the question ("fees, also can I talk to someone?").
            if ((isShort(first) && !isClearAnswer(a)) || (isShort(second) && !isClearAnswer(b))) continue;
            const answerHalf = a.kind === 'answer' ? first : second;
            const answerAsks = answerHalf.includes('?') || this.sentenceMayAsk(answerHalf);
            // « pouvez-vous vérifier si je suis admissible? j'ai un CSQ, je suis à Paris et ma demande de RP est envoyée »:
            // after a guided flow asked for, what asks nothing is the facts the flow will ask about: a sentence, or a word
            // or two after the writer's own facts ("…? I have the CSQ and the letter"). « vérifier mon admissibilité et
            // les frais » still asks the fees.
            // So are the facts told in a sentence before it (« on est 5 dans la famille, ma femme et 3 enfants. c quoi les
            // options pour toute la famille »).
            const facts =
                (a.kind === 'dialog' && !answerAsks && (!isShort(second) || this.tellsAboutWriter(lastSentence(first)))) ||
                (b.kind === 'dialog' && !isShort(first) && STATEMENT_END.test(first.trim()) && this.asksNothing(first, words(first)));
            // "my case is complicated (status expired, then restored, new CSQ). i prefer speak to real consultant": a
            // sentence that asks nothing, beside a request to the firm, is why the writer asks it.
            const why = !answerAsks && !isShort(answerHalf) && (a.kind === 'command' || b.kind === 'command');
            if (facts || why) continue;
            const answered = requestBeside(a, b, answerAsks);
            if (answered) return answered;
        }
        return undefined;
    }

    /**
     * "Hi, can you explain IMP+?" asks about IMP+, not to be greeted: the question without the greeting or the
     * thanks around it, when what is left is a question of its own. Undefined when there is none around it.
     */
    private withoutCourtesy(text: string, language: Language): Recognition | undefined {
        const tokens = words(text);
        let start = 0;
        let end = tokens.length;
        const opener = this.openers.find((phrase) => phraseAt(tokens, phrase, 0));
        if (opener) start = opener.length;
        // "…? svp merci d'avance", "…? thanks in advance, cheers": closers follow one another.
        for (;;) {
            const closer = this.closers.find((phrase) => phraseAt(tokens, phrase, end - phrase.length));
            if (!closer || end - closer.length <= start) break;
            end -= closer.length;
        }
        if (start === 0 && end === tokens.length) return undefined;
        // One word left is read only as a command ("english pls", « menu svp »): alone, it asks nothing else.
        if (end - start < 2) return this.shortcut(tokens.slice(start, end).join(' '));
        const restText = tokens.slice(start, end).join(' ');
        const rest = this.recognize(restText, language);
        if (rest.kind === 'refuse' && !rest.topic) return undefined;
        // "Hello there (first time using this)": what follows a greeting and asks nothing, not even without its "?", says
        // who greets; the whole is the greeting when it reads clearly as one.
        if (opener && rest.kind !== 'command' && !isSmallTalk(rest) && !text.includes('?') && !this.itemAsks(restText)) {
            const whole = this.search(text, language);
            if (whole.kind === 'command' && whole.command === 'greeting' && (whole.score ?? 0) >= SINGLE_QUESTION_SCORE) return whole;
        }
        return rest;
    }

    /**
     * A long story read as one topic's question, with a question that clearly asks for a person ("…my PR was refused, my
     * CSQ is about to expire… Can I book a time with someone this week?", « …ça dépasse un chatbot. Est-ce que je peux
     * avoir un rendez-vous avec un conseiller? »): the story is why they ask, the person is what they ask for.
     */
    private personAskedAfterStory(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'answer' || understood.also || understood.request || words(text).length < LONG_MESSAGE_WORDS)
            return undefined;
        // Asked, and in enough words to say whom: "my consultant's list looks different" tells, "is there some email?"
        // may be MIFI's.
        const asked = (clause: string) => clause.trim().endsWith('?') && words(clause).length >= ASKED_ALONE_WORDS;
        // « C'est un robot qui me répond là, ou quelqu'un du bureau ? »: "or someone…" after a question about the bot is
        // the other answer to that question, not a request.
        const otherAnswer = (clause: string) => understood.topic.smallTalk === true && OFFERS_ANOTHER_WAY.test(clause.trim());
        for (const clause of clausesLastFirst(text).filter((clause) => asked(clause) && !otherAnswer(clause))) {
            const part = this.search(clause, language);
            if (part.kind === 'command' && part.command === 'advisor' && (part.score ?? 1) >= MARKED_QUESTION_SCORE) return part;
        }
        return undefined;
    }

    /**
     * "can someone call me back tomorrow morning": a call back asked for in a message that reads as nothing else (the
     * time words read as a greeting, the phone number as nothing) is the request for an advisor. So is one that only
     * says what the call is about, asking nothing ("Please have someone call me back, I have questions about the
     * invitation letter").
     */
    private callBackAsked(text: string, understood: Recognition): Recognition | undefined {
        // « rappelle-moi ce que tu peux faire », « rappelez-moi c'est quoi le PMI+ »: "remind me", not "call me back".
        if (!this.says(text, this.callBackPhrases) || this.says(text, this.reminderPhrases)) return undefined;
        // "IRCC said they would call me back about my invitation" reports a call back, it does not ask for one.
        const aboutTopic =
            understood.kind === 'answer' &&
            !understood.also &&
            !understood.request &&
            !text.includes('?') &&
            this.claimReported(text) === undefined;
        return aboutTopic || (understood.kind === 'refuse' && !understood.topic)
            ? { kind: 'command', command: 'advisor', inferred: true }
            : undefined;
    }

    /**
     * A message written as a letter, without its sign-off and signature ("…attend school there? With thanks, their
     * grandmother, Evelyn Parker", « …auxquels elle peut s'attendre? Je vous prie d'agréer mes salutations. Lise
     * Bergeron »): a name is no word the bot knows, and would weigh as much as the question's own. The sign-off starts
     * a sentence or a clause in the message's short tail, which asks nothing, and a signature follows it, unless it is
     * a letter's closing that ends the message. Undefined when there is none, or what is left before it asks nothing
     * (or too little to ask).
     */
    private withoutSignOff(text: string): string | undefined {
        const pieces = text.trim().split(SIGN_OFF_START);
        let cut: number | undefined;
        for (let at = pieces.length - 1; at >= 1; at--) {
            const tail = pieces.slice(at).join(' ');
            if (tail.includes('?') || words(tail).length > SIGN_OFF_WORDS) break;
            const tokens = words(pieces[at] ?? '');
            if (this.signOffs.some((phrase) => phraseAt(tokens, phrase, 0))) cut = at;
        }
        if (cut === undefined) return undefined;
        const signOff = words(pieces[cut] ?? '');
        const thanks = this.thanksPhrases.some((phrase) => phraseAt(signOff, phrase, 0));
        // Without a name after it, thanks may be all the message says ("…is complete!! thank you for the help"); a
        // letter's closing (« Veuillez agréer mes salutations distinguées ») never is.
        if (cut === pieces.length - 1 && thanks) return undefined;
        const rest = pieces.slice(0, cut).join(' ');
        // News that asks nothing, then "Thank you, Maria": the thanks is what it says. "Kind regards", « Je vous remercie
        // à l'avance » only close a letter.
        const asks = rest.includes('?') || rest.split(SENTENCE_END).some((sentence) => this.questionStarts.has(words(sentence)[0] ?? ''));
        return (asks || !thanks) && words(rest).length >= SIGNED_MESSAGE_WORDS ? rest : undefined;
    }

    /**
     * A message without a question mark whose last sentence says it asks ("I was wondering if…", « j'aimerais savoir… »)
     * or ends as a question does ("medical exam and police certificates needed or not", `askingTags`), with one at its
     * end. Undefined when it has a question mark, or its last sentence does not say so. Only the last: after a sentence
     * that says it asks, "Also please inform the time taken for processing." asks too, and "Thank you" only closes.
     */
    private withQuestionMarked(text: string): string | undefined {
        if (text.includes('?')) return undefined;
        const last = lastSentence(text.trim());
        const said = words(last);
        const tagged = this.askingTags.some((tag) => phraseAtEnd(said, tag));
        if (!tagged && !this.says(last, this.indirectAskPhrases)) return undefined;
        return `${text.trim().replace(/[\s.!…]+$/u, '')}?`;
    }

    /**
     * A message that asks, then asks again in other words in its last sentence (« …on peut le prolonger? en gros c'est
     * pour combien d'années »), without that sentence. Undefined when the last sentence does not start by saying so, or
     * nothing before it asks.
     */
    private withoutRestatement(text: string): string | undefined {
        const sentences = text.trim().split(SENTENCE_END);
        const last = words(sentences.pop() ?? '');
        if (sentences.length === 0 || !this.restatementPhrases.some((phrase) => phraseAt(last, phrase, 0))) return undefined;
        const rest = sentences.join(' ');
        return rest.includes('?') ? rest : undefined;
    }

    /**
     * A message that relays someone else's question and asks how to answer it ("Client in Lagos keeps asking how long
     * IRCC takes. What do I tell him?", « …Je lui réponds quoi ? »), without that clause: the question is the rest,
     * even told rather than asked. Undefined when no short clause asks how to answer, or little else is left.
     */
    private withoutRelay(text: string): string | undefined {
        return this.withoutClauses(text, (clauses) => {
            const at = clauses.findIndex((clause) => {
                const tokens = words(clause);
                return this.relayPhrases.some(
                    (phrase) => phraseAt(tokens, phrase, 0) && tokens.length <= phrase.length + RELAY_EXTRA_WORDS,
                );
            });
            return at < 0 ? clauses : clauses.slice(0, at);
        });
    }

    /**
     * A message that tells what someone said and asks only whether it is true, or why ("my brother says my wife can work
     * too with IMP+. true or false?", « …c'est vrai ça? », "…up to 3 years. why is that?"), without that clause: what
     * was said is the question. What follows the check may still ask ("true? and how much does it cost"). Undefined
     * when no clause only asks that.
     */
    private withoutTruthCheck(text: string): string | undefined {
        return this.withoutClauses(text, (clauses) => clauses.filter((clause) => !this.asksIfTrueOrWhy(clause)));
    }

    /**
     * A message that turns a topic away before or after its question ("not the fees, I already paid, I mean how long it
     * takes", « oubliez les enfants, c'est ma conjointe : … »), without that clause: its words name what is not asked.
     * Undefined when no short clause turns something away, or too little is left to ask.
     */
    private withoutRejected(text: string, language: Language): string | undefined {
        return this.withoutClauses(
            text,
            (clauses) => (this.rejects(clauses[0] ?? '', language) ? clauses.slice(1) : clauses),
            QUESTION_WORDS,
        );
    }

    /**
     * "forget the family stuff", « pas les frais »: at the start of a sentence ("…the regular program, not the PEQ like
     * me" says which), naming something the bot knows (« pas le temps de tout lire » only hurries).
     */
    private rejects(clause: string, language: Language): boolean {
        return this.turnsAway(clause) && this.search(clause, language).kind !== 'refuse';
    }

    /** A short clause that starts by turning something away, and does not ask ("not the main applicant?" does). */
    private turnsAway(clause: string): boolean {
        if (clause.trim().endsWith('?')) return false;
        const tokens = words(clause);
        return this.rejectionPhrases.some(
            (phrase) => phraseAt(tokens, phrase, 0) && tokens.length <= phrase.length + REJECTION_EXTRA_WORDS,
        );
    }

    /**
     * "I don't want IMP+ for me, I want to bring my mom…", « …je peux le renouveler? oublie le pmi »: a message that
     * turns IMP+ itself away asks about another program, whatever IMP+ words it uses; but for the CSQ, which the bot
     * explains too (« pas le PMI, je veux juste savoir c'est quoi un CSQ »).
     */
    private turnsAwayFromImpPlus(text: string): boolean {
        if (this.subjects.namesSubject(text, 'csq')) return false;
        // « Permis fermé lié à une EIMT (pas le PMI+) pour notre employé… »: what is said in brackets is a clause of its own.
        return [...clausesOf(text), ...this.asides.inBrackets(text)].some((clause) => this.turnsImpPlusAway(clause));
    }

    private turnsImpPlusAway(clause: string): boolean {
        return this.turnsAway(clause) && this.subjects.namesSubject(clause, 'permit');
    }

    /**
     * Another program named only as the writer's own, where they tell what they hold ("…? I had one for my PGWP, can i
     * reuse that one", « j'en ai déjà un de mon PVT »): what the other clauses ask, when they clearly read as one of
     * IMP+'s topics. A program the writer wants ("I want to ask for asylum, where do I go to apply?"), or one named in
     * what is asked, keeps the message its own. What became of it tells as well ("My PGWP expired in March. How do I
     * restore my status?").
     */
    private askedBesideOwnProgram(text: string, language: Language): Recognition | undefined {
        const holds = (clause: string) =>
            (this.tellsAboutWriter(clause) || this.tellsOfOwnProgram(clause, language)) &&
            words(clause).some((word) => this.ownWords.has(word)) &&
            this.namesOtherProgram(clause, language);
        const rest = this.withoutClauses(text, (clauses) => clauses.filter((clause) => !holds(clause)), 1);
        // "My brother want visit me…, how he get visitor visa?": a question about someone else is theirs to ask.
        if (rest === undefined || this.persons.asksAboutSomeone(rest, language)) return undefined;
        const reading = this.understand(rest, language);
        return isClearAnswer(reading) ? reading : undefined;
    }

    private namesOtherProgram(clause: string, language: Language): boolean {
        const part = this.search(clause, language);
        return part.kind === 'refuse' && part.otherProgram === true;
    }

    /**
     * What a message that turns IMP+ away still asks of the bot itself ("forget IMP+, I want to talk to an advisor",
     * « oublie le pmi, effacez mes données », "not imp+, thanks"): a request or small talk, not another program.
     */
    private askedBesideImpPlus(text: string, language: Language): Recognition | undefined {
        const rest = this.withoutClauses(text, (clauses) => clauses.filter((clause) => !this.turnsImpPlusAway(clause)), 1);
        const reading = rest === undefined ? undefined : this.understand(rest, language);
        return reading !== undefined && (reading.kind === 'command' || isSmallTalk(reading)) ? reading : undefined;
    }

    /**
     * The message without the clauses `keep` leaves out of each sentence (cut at `CLAUSE_MARK`), when it left one out and
     * enough is left to tell a question.
     */
    private withoutClauses(text: string, keep: (clauses: string[]) => string[], minWords = RELAYED_WORDS): string | undefined {
        let dropped = false;
        const kept: string[] = [];
        for (const sentence of text.trim().split(SENTENCE_END)) {
            const clauses = sentence.split(CLAUSE_MARK);
            const rest = keep(clauses);
            if (rest.length === clauses.length) {
                kept.push(sentence);
                continue;
            }
            dropped = true;
            if (rest.length > 0) kept.push(rest.join(', '));
        }
        const rest = kept.join(' ');
        return dropped && words(rest).length >= minWords ? rest : undefined;
    }

    /** "so is that true??", « quelqu'un sait si c vrai », or why it is so: "why is that?", « pourquoi la différence? » */
    private asksIfTrueOrWhy(clause: string): boolean {
        return asksOnly(clause, this.truthCheckPhrases, TRUTH_CHECK_EXTRA_WORDS);
    }

    /**
     * The question before the reason given for it ("how long is the permit valid because I have to sign a lease…",
     * « combien de temps parce que… »): the reason is context, and often the longer part. Empty without a reason.
     */
    private beforeReason(text: string): string[] {
        const tokens = words(text);
        for (let start = QUESTION_WORDS; start < tokens.length; start++) {
            if (this.reasonPhrases.some((phrase) => phraseAt(tokens, phrase, start))) return [tokens.slice(0, start).join(' ')];
        }
        return [];
    }

    private asksFirmFees(text: string): boolean {
        return this.says(text, this.firmFeePhrases);
    }

    /**
     * "Mon mari peut-il travailler lui aussi et nos enfants iront-ils à l'école ?": a message answered with one of
     * two topics often asked together (`companions`: the spouse's work and the children's school, the medical exam and
     * the police certificate…) gets both when a part of a sentence asks the other in its own words and reads as it
     * alone, or the message's next best topic is the other.
     */
    private companionAsked(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'answer' || understood.also || understood.request) return undefined;
        const others = this.companions
            .filter((pair) => pair.has(understood.topic.id))
            .flatMap((pair) =>
                [...pair]
                    .filter(([id]) => id !== understood.topic.id)
                    .map(([id, marks]) => [id, marks, pair.get(understood.topic.id) ?? []] as const),
            );
        if (others.length === 0) return undefined;
        const offered = (read: Recognition): Topic[] =>
            read.kind === 'answer' ? [read.topic] : read.kind === 'clarify' ? read.topics : [];
        // What the part that says the companion's words reads as alone, or the message's next best topic (read once,
        // only for a message with such a part).
        let next: Topic[] | undefined;
        // "…pour appliquer? je livre pour Skip pis c'est pas vraiment un employeur": in a message that marks what it
        // asks, a sentence that does not ask tells.
        const marked = text.includes('?');
        for (const [id, marks, ownMarks] of others)
            for (const sentence of text.trim().split(SENTENCE_END)) {
                if (marked && !this.sentenceMayAsk(sentence)) continue;
                const beside = this.companionNamedBeside(sentence, marks, ownMarks, id, language);
                if (beside) return { ...understood, also: beside };
                const part = companionPart(
                    words(sentence),
                    marks,
                    sentence.trim().endsWith('?'),
                    this.questionStarts,
                    ownMarks,
                    this.askingWords,
                );
                if (part === undefined) continue;
                const partRead = this.search(part, language);
                const alone = offered(partRead);
                // A part that reads as the answer itself only said the other's words ("what documents do I need to apply").
                const isOther = (topic: Topic) => topic.id === id;
                if (alone.some((topic) => topic.id === understood.topic.id) && !alone.some(isOther)) continue;
                next ??= offered(this.search(text, language, understood.topic.id));
                const also = [...alone, ...next].find(isOther);
                if (also) return { ...understood, also };
                // « mon mari pourra travailler? et nos 2 filles, l'école ça marche comment? »: a companion named by all its
                // words (who and what: "filles", « école ») in a part that asks and reads as nothing, not even as about
                // something else ("…which hockey school is best"), is asked.
                const readsNothing =
                    partRead.kind === 'refuse' && !partRead.topic && !partRead.otherProgram && !partRead.nearMiss && !partRead.offTopic;
                const named = marks.length > 1 && readsNothing ? this.matcher.topic?.(id, language) : undefined;
                if (named) return { ...understood, also: named };
            }
        return undefined;
    }

    /**
     * « Y a-tu un test de langue ou une offre d'emploi à avoir pour ce programme-là? »: a topic pinned by its words
     * (`pinnedByWords`) still gets its companion asked beside it (`companionAsked`).
     */
    private pinnedWithCompanion(text: string, language: Language, read: Recognition): Recognition | undefined {
        const pinned = this.pinnedByWords(text, language, read);
        return pinned && (this.companionAsked(text, language, pinned) ?? pinned);
    }

    /**
     * « Donc pas besoin de test de langue ni d'EIMT, c'est bien ça ? »: a "Did you mean…?" between two companions that a
     * sentence names side by side (`companionNamedBeside`) asks both.
     */
    private companionsOffered(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'clarify') return undefined;
        const [first, second] = understood.topics;
        const pair = this.companions.find((companions) => companions.has(first.id) && companions.has(second.id));
        if (pair === undefined) return undefined;
        const asked = text
            .trim()
            .split(SENTENCE_END)
            .some((sentence) =>
                this.companionNamedBeside(sentence, pair.get(second.id) ?? [], pair.get(first.id) ?? [], second.id, language),
            );
        return asked ? { kind: 'answer', topic: first, also: second, score: understood.score } : undefined;
    }

    /**
     * "do I need a medical and police certificates?", "Medical exam and police certificate: tell me if I need both": two
     * things named side by side, joined by "and" (`NAMED_TOGETHER_GAP` words apart at most), in a sentence that asks, are
     * both asked about. Only for companions each marked by one group of words (a spouse's work needs two words to be
     * named at all).
     */
    private companionNamedBeside(
        sentence: string,
        marks: readonly Set<string>[],
        ownMarks: readonly Set<string>[],
        id: string,
        language: Language,
    ): Topic | undefined {
        const [other] = marks;
        const [own] = ownMarks;
        if (marks.length !== 1 || ownMarks.length !== 1 || other === undefined || own === undefined) return undefined;
        // Asked, not told: "…with all my papers and apply right there at the border." asks neither.
        const tokens = words(sentence);
        if (!sentence.trim().endsWith('?') && !tokens.some((token) => BOTH_SAID.has(token))) return undefined;
        const at = (group: Set<string>) => tokens.flatMap((token, i) => (group.has(token) ? [i] : []));
        const beside = at(other).some((i) =>
            at(own).some((j) => {
                const between = tokens.slice(Math.min(i, j) + 1, Math.max(i, j));
                return between.length <= NAMED_TOGETHER_GAP && between.some((token) => BOTH_WORDS.has(token));
            }),
        );
        return beside ? this.matcher.topic?.(id, language) : undefined;
    }

    /**
     * "My wife is doing a master's on a study permit, can I get an open permit as her spouse?": between an IMP+ topic
     * and a near miss, a message that says the near miss's own words (`nearMissMarks`) and never names IMP+ asks the
     * near miss. Undefined otherwise.
     */
    private markedNearMiss(text: string, pair: readonly [Topic, Topic]): Topic | undefined {
        const nearMisses = pair.filter((topic) => topic.outOfScope);
        const [nearMiss] = nearMisses;
        if (nearMiss === undefined || nearMisses.length > 1 || this.subjects.namesSubject(text, 'permit')) return undefined;
        const marks = this.nearMissMarks.get(nearMiss.id);
        return marks !== undefined && this.says(text, marks) ? nearMiss : undefined;
    }

    /**
     * A "Did you mean…?" between two topics often offered together (`settlers`), when the message says the words of only
     * one: "does 'reside outside Quebec' mean outside Canada? I live in Ottawa" asks who may apply from where, "a job
     * in Ottawa" where one may work. Not a weak reading's offer, nor when it says the words of both.
     */
    private settledByWords(text: string, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'clarify' || understood.unsure) return undefined;
        const only = this.namedAlone(text, understood.topics);
        return only && chosen(only, understood.score);
    }

    /**
     * « …faut-il les refaire? Et les papiers je les scanne comment, avec mon téléphone c'est correct? »: a half read
     * alone, its "Did you mean…?" settled by its words when `settle` (beside a first half that asks clearly; beside one
     * read only weakly, « Nos enfants ont 4 et 9 ans », which tells, it stays as read). So are the two topics a half
     * read too weakly leans to (« Et les petites devront-elles avoir un permis d'études pour aller à l'école ? »).
     */
    private settledAlone(half: string, language: Language, settle: boolean): Recognition {
        const read = this.recognize(half, language);
        if (!settle) return read;
        if (read.kind === 'refuse' && !read.topic && !read.offTopic && read.unsure) {
            const only = this.namedAlone(half, read.unsure);
            return only ? chosen(only, read.score) : read;
        }
        return this.settledByWords(half, read) ?? read;
    }

    /** Of two topics a settler tells apart (`settlers`), the only one whose words the message says. */
    private namedAlone(text: string, topics: readonly Topic[]): Topic | undefined {
        const settler = this.settlers.find((pair) => topics.every((topic) => pair.has(topic.id)));
        if (settler === undefined) return undefined;
        const named = topics.filter((topic) => this.says(text, settler.get(topic.id) ?? []));
        return named.length === 1 ? named[0] : undefined;
    }

    /**
     * "biometrics for imp+, how much is it for me and my husband applying together", « c'est combien les frais ? c'est
     * pour mon mari et moi »: a question asked for the writer and a family member together (`coApplicants`) about what
     * each applicant does or pays (`ANYONE_TOPICS`) asks it for both; the family member's own topic, read from their
     * name, is not asked unless its own words are ("…and can she work too?": a companion's words after the person's).
     */
    private withoutCoApplicant(text: string, read: Recognition): Recognition {
        if (read.kind !== 'answer' || read.also === undefined) return read;
        const { also: person, ...rest } = read;
        if (!ANYONE_TOPICS.includes(read.topic.id) || !PERSON_TOPICS.includes(person.id)) return read;
        if (!this.says(text, this.coApplicantPhrases)) return read;
        const said = new Set(words(text));
        const ownWords = this.companions.flatMap((pair) => pair.get(person.id)?.slice(1) ?? []);
        return ownWords.some((group) => [...group].some((word) => said.has(word))) ? read : rest;
    }

    /**
     * "whats MIFI and what do they have to do with this permit", « le MIFI c'est quoi, pis qu'est-ce qu'ils ont à voir
     * dans le PMI+ ? »: what a thing has to do with IMP+ (`relationAsks`), asked beside what that thing is, is part of
     * what it is; not a second question about IMP+ as a whole (`IMP_PLUS_OVERVIEW_TOPICS`).
     */
    private withoutRelationAsked(text: string, language: Language, read: Recognition): Recognition {
        if (read.kind !== 'answer' || !DEFINITION_TOPICS.includes(read.topic.id)) return read;
        // The permit's tour, read from the same words, is a request to follow rather than a second answer.
        const tour = (request: FollowingRequest) =>
            'dialog' in request && IMP_PLUS_OVERVIEW_TOPICS.some((id) => this.matcher.topic?.(id, language)?.dialog === request.dialog);
        const whole = read.also !== undefined && IMP_PLUS_OVERVIEW_TOPICS.includes(read.also.id);
        const toured = read.request !== undefined && tour(read.request);
        if ((!whole && !toured) || !this.says(text, this.relationPhrases)) return read;
        const { also, request, ...rest } = read;
        return { ...rest, ...(also && !whole ? { also } : {}), ...(request && !toured ? { request } : {}) };
    }

    /**
     * "the application must be complete to be eligible. is that a condition?", « C'est vraiment un critère ? »: whether
     * one thing is a criterion (`criterionAsks`) is that criterion's answer alone, not the criteria as a whole beside it
     * (but "…and what are all the conditions to be eligible?" asks for them).
     */
    private withoutCriteriaAsked(text: string, read: Recognition): Recognition {
        if (read.kind !== 'answer' || read.also === undefined || read.request) return read;
        const { topic, also, ...rest } = read;
        const one = [topic, also].find((candidate) => ONE_CRITERION_TOPICS.includes(candidate.id));
        const all = [topic, also].some((candidate) => candidate.id === CRITERIA_TOPIC);
        return one && all && this.says(text, this.criterionPhrases) ? { ...rest, topic: one } : read;
    }

    /**
     * « ça veut dire quoi, complète? tous les documents pis les frais payés ? »: fees named as paid (`paidFees`) beside
     * another question do not ask what the fees are; the other topic is the answer.
     */
    private withoutPaidFees(text: string, read: Recognition): Recognition {
        if (read.kind !== 'answer' || read.also === undefined) return read;
        const { topic, also, ...rest } = read;
        if (![topic.id, also.id].includes(FEES_TOPIC) || !this.says(text, this.paidFeesPhrases)) return read;
        return { ...rest, topic: topic.id === FEES_TOPIC ? also : topic };
    }

    /**
     * "how do I upload my docs? are phone photos ok or do I need a scanner": two answers whose topics the settlers tell
     * apart by their words, in a message that says only the first one's words, are that one's answer; the other half
     * asked it again.
     */
    private alsoSettledByWords(text: string, read: Recognition): Recognition {
        if (read.kind !== 'answer' || read.also === undefined || read.request) return read;
        // "which docs do they want, and can I upload photos…", « …? Et est-ce que je peux… »: joined to what came
        // before by a word that adds a question, the second is asked in its own right.
        if (this.joinsQuestion(words(text))) return read;
        if (this.namedAlone(text, [read.topic, read.also])?.id !== read.topic.id) return read;
        const { also: _other, ...rest } = read;
        return rest;
    }

    /**
     * "I applied in March, can you check where my file is? W30…": the bot sees no one's file, so whatever topic the
     * words lean to, it says so, with the processing times when the message leans to them (their answer points to
     * IRCC's tool). Requests for a person and small talk stay what they are ("someone at the firm to check my file").
     */
    private ownFileChecked(text: string, understood: Recognition): Recognition | undefined {
        // « …vérifier où en est mon dossier ? » offered as the processing times or the eligibility check: still one's file.
        const read = this.topicsRead(understood, true);
        if (read === undefined || !this.says(text, this.fileCheckPhrases)) return undefined;
        const times = read.topics.find((topic) => topic.id === PROCESSING_TIMES_TOPIC);
        return { kind: 'refuse', score: read.score, ownFile: true, ...(times ? { topic: times } : {}) };
    }

    /**
     * « Ma demande de permis a été refusée hier, pourquoi ? »: why one's own application was refused is in one's own
     * file, which the bot does not see, whatever topic the words lean to ("refused": a PR decision). So is whether it
     * can be fought ("…refused for misrepresentation. can I fight that?", "can I appeal it or ask for reconsideration?").
     * Only a bare why or challenges: "My PR was refused, why can't I use IMP+ anymore?" asks about IMP+.
     */
    private ownRefusalQuestioned(text: string, understood: Recognition): Recognition | undefined {
        const read = this.topicsRead(understood, true);
        if (read === undefined || !this.says(text, this.ownRefusalPhrases)) return undefined;
        const questioned = clausesOf(text).some(
            (clause) =>
                asksOnly(clause, this.whyPhrases, WHY_EXTRA_WORDS) || asksOnlyAlternatives(clause, this.challengePhrases, WHY_EXTRA_WORDS),
        );
        return questioned ? { kind: 'refuse', score: read.score, ownFile: true } : undefined;
    }

    /**
     * "My employer in Sherbrooke wants to hire a welder from abroad. How does he apply for an LMIA?": how an employer
     * gets an LMIA, what it costs or how long it takes is no IMP+ question; whether IMP+ needs one is ("does my future
     * boss have to do an LMIA for me?"), and so is a message that says so.
     */
    private employersLmiaAsked(text: string, understood: Recognition): Recognition | undefined {
        const { names, process, needs, forOthers } = this.employerLmia;
        // « …une EIMT pour engager mon cousin, c'est quoi les étapes pour lui ? » read as the application's steps: the
        // employer's, still.
        const read = understood.kind === 'dialog' ? { topics: [], score: understood.score ?? 0 } : this.topicsRead(understood);
        if (read === undefined) return undefined;
        // "…if they need an LMIA to hire my cousin": whether one is needed for someone else is the employer's matter too.
        const employers = (sentence: string) =>
            this.says(sentence, names) && (this.says(sentence, forOthers) || (!this.says(text, needs) && this.says(sentence, process)));
        // Asked, not told: "…my friend had to wait for his boss to get an LMIA. I have no job offer, is that a problem?"
        return this.askedInSentence(text, employers) ? { kind: 'refuse', score: read.score, offTopic: true } : undefined;
    }

    /**
     * "Just landed with the work permit, how do I get my SIN?", « carte RP perdue »: a question about what no IMP+ answer
     * covers, named in a sentence that asks (`askedInSentence`), is refused whatever IMP+ words come with it; but not a
     * definition ("what is a CSQ, is it like a PR card?").
     */
    private outsideMatterAsked(text: string, understood: Recognition): Recognition | undefined {
        // A guided flow read from IMP+ words ("…with the work permit, how do I get my SIN?") is no request either, nor
        // one offered in a "Did you mean…?" (« Est-ce que le PMI+ donne le droit de voter… ? »).
        const read = understood.kind === 'dialog' ? { topics: [], score: understood.score ?? 0 } : this.topicsRead(understood, true);
        if (read === undefined) return undefined;
        // A definition that compares stays one ("is it same like PR card"); « …deux déclarations d'impôts, une au
        // Québec et une au fédéral ? » read as what MIFI is does not.
        const defines = read.topics.some((topic) => DEFINITION_TOPICS.includes(topic.id));
        const names = (sentence: string) =>
            this.saysOutside(sentence, this.outsideMatters, this.workplaces) && !(defines && this.says(sentence, this.comparisonPhrases));
        // « …un recours devant la Cour fédérale. Quels sont les délais ? » asks about the matter named before.
        return this.askedInSentence(text, names, true) ? { kind: 'refuse', score: read.score, offTopic: true } : undefined;
    }

    /**
     * "I got a job offer in Ottawa, how do I get a work permit for Ontario?", « Son employeur veut l'embaucher en Ontario
     * avec une EIMT », "is there something like IMP+ in Alberta?": another province's permit or program (a permit word a
     * few words from a place, `elsewhere`), not one already spoken of ("with the permit in Ontario") nor IMP+ itself
     * unless compared with one there, is that province's matter, whatever IMP+ topic its words lean to.
     */
    private elsewherePermitAsked(text: string, language: Language, read: Recognition): Recognition | undefined {
        const topics = this.topicsRead(read);
        if (topics === undefined || !topics.topics.some((topic) => ELSEWHERE_READ_TOPICS.includes(topic.id))) return undefined;
        const refused: Recognition = { kind: 'refuse', score: topics.score, offTopic: true };
        if (this.subjects.namesSubject(text, 'permit'))
            return this.says(text, this.elsewhere.likeness) && this.says(text, this.elsewhere.places) ? refused : undefined;
        const sentences = text.trim().split(SENTENCE_END);
        return sentences.some((sentence) => this.namesPermitElsewhere(sentence, language)) ? refused : undefined;
    }

    /**
     * Whether a sentence names a permit or program a few words from a place (`ELSEWHERE_GAP`), one not already spoken of
     * ("my current permit", « le même permis », « c'est permis »: `known` up to two words before, with no place between)
     * nor held ("with a closed permit in Ontario", « avec un permis fermé »: `holding`), which is what one tells.
     */
    private namesPermitElsewhere(sentence: string, language: Language): boolean {
        const { places, permits, programs, known } = this.elsewhere;
        const said = words(sentence);
        const placed = phraseSpans(said, places);
        const inPlace = (i: number) => placed.some(([from, to]) => i >= from && i < to);
        const holding = this.holding.get(language);
        // "the ontario work permit": the place between the article and the permit makes it that place's.
        const spokenOf = (start: number) => known.has(said[start - 1] ?? '') || (!inPlace(start - 1) && known.has(said[start - 2] ?? ''));
        const held = (start: number) => holding?.articles.has(said[start - 1] ?? '') === true && holding.words.has(said[start - 2] ?? '');
        const near = ([start, end]: readonly [number, number]) =>
            placed.some(([from, to]) => (from >= end ? from - end : start - to) <= ELSEWHERE_GAP);
        return (
            phraseSpans(said, permits).some((named) => !spokenOf(named[0]) && !held(named[0]) && near(named)) ||
            phraseSpans(said, programs).some((named) => !spokenOf(named[0]) && near(named))
        );
    }

    /**
     * "how much is the fee to apply for the CSQ with MIFI?", « …attend son CAQ. C'est quoi le délai de traitement au
     * MIFI ? »: the fees, delays or documents of another process (`otherProcesses`: a CAQ, a CSQ, the PEQ) named in
     * the message are not the IMP+ application's, whatever its words lean to; nor is a CAQ for studies what the permit
     * lets one study, unless the permit is named (`PERMIT_USE_TOPICS`). One compared with the permit ("how much does
     * PMI+ cost, same as the CAQ fee?") is not what is asked.
     */
    private otherProcessAsked(text: string, read: Recognition): Recognition | undefined {
        if (read.kind !== 'answer' || read.also) return undefined;
        const ofPermitUse = PERMIT_USE_TOPICS.includes(read.topic.id) && !this.subjects.namesSubject(text, 'permit');
        if (!APPLICATION_PROCESS_TOPICS.includes(read.topic.id) && !ofPermitUse) return undefined;
        if (!this.says(text, this.otherProcesses)) return undefined;
        if (this.says(text, this.comparisonPhrases) && this.subjects.namesSubject(text, 'permit')) return undefined;
        return { kind: 'refuse', score: read.score, offTopic: true };
    }

    /**
     * "how much $$ total for the permit?? and how long till i get it, im broke since i lost my job": a message refused
     * as a whole whose last clause only tells about the writer, after a question, is read without that clause when the
     * rest then reads as an answer (one clear, or two).
     */
    private askedBeforeToldTail(text: string, language: Language, understood: Recognition): Recognition | undefined {
        if (understood.kind !== 'refuse' || understood.topic || understood.otherProgram || understood.ownFile) return undefined;
        const clauses = text.trim().split(CLAUSE_MARK);
        const tail = clauses.at(-1) ?? '';
        const rest = clauses.slice(0, -1).join(', ');
        // "How much are the fees and how long is processing, I need plan my money": a question word first asks too.
        if (clauses.length < 2 || !this.asksOutright(rest) || tail.includes('?') || !this.tellsAboutWriter(tail)) return undefined;
        const reading = this.understand(rest, language);
        return answersClearly(reading) ? reading : undefined;
    }

    /**
     * « je vais avoir mon PTPD bientôt, mon chum peut-il avoir un permis ouvert avec ça? »: whether a spouse may work,
     * asked by someone who tells they hold another program, or in a message that names studies (`studies`), and that
     * names nothing of IMP+ or a CSQ, is about a spouse's permit under that program.
     */
    private spouseThroughOwnProgram(text: string, language: Language, read: Recognition): Recognition | undefined {
        if (read.kind !== 'answer' || read.also || read.topic.id !== SPOUSE_WORK_TOPIC) return undefined;
        if (this.subjects.namesSubject(text, 'permit') || this.subjects.namesSubject(text, 'csq')) return undefined;
        // "My husband is doing a master's at McGill on a study permit. Can I get an open work permit as his spouse?": a
        // student's or a graduate's spouse has a permit of their own, whichever of the two studies.
        const ownProgram = clausesOf(text).some((clause) => this.tellsAboutWriter(clause) && this.namesOtherProgram(clause, language));
        if (!ownProgram && !this.says(text, this.studies)) return undefined;
        const topic = this.matcher.topic?.(SPOUSE_OTHER_PROGRAMS_TOPIC, language);
        return topic === undefined ? undefined : { kind: 'refuse', topic, score: read.score };
    }

    /**
     * "my PMI+ permit got approved yesterday!!! so happy, finally", « je viens d'avoir mon CSQ par le PEQ 🎉 trop
     * content »: good news told, with no question mark and no word that asks, asks nothing the topic it names answers.
     */
    private onlyCelebrated(text: string, understood: Recognition): Recognition | undefined {
        const read = this.topicsRead(understood);
        if (read === undefined || text.includes('?')) return undefined;
        if (words(text).some((word) => this.questionStarts.has(word) || this.askingWords.has(word))) return undefined;
        if (!this.says(text, this.celebration.joy) || !this.says(text, this.celebration.news)) return undefined;
        return { kind: 'refuse', score: read.score, offTopic: true };
    }

    /**
     * « Mon permis d'études expire bientôt, comment le prolonger ? », "My visitor visa ends soon, can I extend it?": the
     * end of another permit or visa (`otherPermits`) is not the IMP+ permit's, unless the message names IMP+ too ("my
     * study permit expires before my IMP+ is approved").
     */
    private otherPermitEnding(text: string, read: Recognition): Recognition | undefined {
        if (read.kind !== 'answer' || read.also || !PERMIT_END_TOPICS.includes(read.topic.id)) return undefined;
        if (!this.says(text, this.otherPermits) || this.subjects.namesSubject(text, 'permit')) return undefined;
        return { kind: 'refuse', score: read.score, offTopic: true };
    }

    /**
     * "My closed permit is for a farm in Saskatchewan, how do I switch employers?", « ma soeur a un permis fermé, elle
     * peut-tu changer d'employeur? »: a question about a permit someone holds ("my", "has a", « avec un » right before
     * its name: `otherPermits`, `holding`) is that permit's matter, not the difference between open and employer-specific
     * permits; unless the message names IMP+ too ("my closed permit vs IMP+"), or an open permit or a comparison ("whats
     * the diffrence between my closed permit and an open one?").
     */
    private ownOtherPermitAsked(text: string, language: Language, read: Recognition): Recognition | undefined {
        if (read.kind !== 'answer' || read.also || read.topic.id !== OPEN_VS_CLOSED_TOPIC) return undefined;
        if (this.subjects.namesSubject(text, 'permit') || this.says(text, this.openPermitWords)) return undefined;
        if (this.says(text, this.comparisonPhrases)) return undefined;
        const said = words(text);
        const holding = this.holding.get(language);
        const namedAt = (at: number) => this.otherPermits.some((name) => phraseAt(said, name, at));
        const held = said.some(
            (word, i) =>
                (this.ownWords.has(word) && namedAt(i + 1)) ||
                (holding?.words.has(word) === true && (namedAt(i + 1) || (holding.articles.has(said[i + 1] ?? '') && namedAt(i + 2)))),
        );
        return held ? { kind: 'refuse', score: read.score, offTopic: true } : undefined;
    }

    /**
     * "couldn't I just apply at the airport when I land in Montreal?": a question whose own words settle it (`pins`) is
     * that topic, whatever else its words lean to ("Montreal": who may apply from where) or when they read as nothing.
     * A request, small talk or a guided flow stays what it is, and so does a message about something else, save for a
     * pin read beyond other programs (where one applies from, asked of someone on a PGWP).
     */
    private pinnedByWords(text: string, language: Language, read: Recognition): Recognition | undefined {
        if (read.kind === 'command') return undefined;
        // Not the permit's tour, read from a message that names the permit: "…a job in Ottawa. would the permit let me
        // work there" asks where it may be used.
        if (read.kind === 'dialog' && !IMP_PLUS_OVERVIEW_TOPICS.includes(read.topic ?? '')) return undefined;
        if (read.kind === 'answer' && read.topic.smallTalk) return undefined;
        if (read.kind === 'refuse' && read.ownFile) return undefined;
        const elsewhere = read.kind === 'refuse' && read.otherProgram === true;
        const answered = read.kind === 'answer' ? [read.topic.id, read.also?.id] : [];
        // "is this chat private? and separately do I need a medical exam": a request followed beside the answer is met.
        const requested = read.kind === 'answer' && read.request && 'command' in read.request ? read.request.command : undefined;
        // "Grok says I can apply at the airport. is that right?": a check asks about the claim before it.
        const asked = this.withoutTruthCheck(text) ?? text;
        // "…it says password wrong even after he reset it 3 times. how to fix": a question read as nothing may ask about
        // what the sentence before it said.
        const pointingBack = read.kind === 'refuse';
        for (const pin of this.pins) {
            // A pin reads the words of its own language, as its exceptions do: "TEF" and "IMP+" are in both.
            const covered = answered.includes(pin.topic) && (pin.also === undefined || answered.includes(pin.also));
            if (pin.language !== language || covered || (elsewhere && !pin.beyondOtherPrograms)) continue;
            // « …les empreintes digitales… combien ça coute sinon pour une famille de 4? »: an exception anywhere in the
            // message says what the pinned sentence is about.
            if (this.says(asked, pin.unless) || (pin.about.length > 0 && !this.says(asked, pin.about))) continue;
            const asks = (sentence: string) => pin.with.every((list) => this.says(sentence, list)) && !this.says(sentence, pin.apart);
            if (!this.askedInSentence(asked, asks, pointingBack)) continue;
            const topic = this.matcher.topic?.(pin.topic, pin.language);
            if (topic === undefined || (requested !== undefined && topic.command === requested)) continue;
            // Two topics pinned by the same words are the whole answer: nothing else is read beside them.
            const also = pin.also === undefined ? undefined : this.matcher.topic?.(pin.also, pin.language);
            if (also) return { kind: 'answer', topic, also, score: read.score ?? 0 };
            return this.askedBesidePin(asked, language, asks, chosen(topic, read.score ?? 0));
        }
        return undefined;
    }

    /**
     * « la RAMQ on y a droit? et si on part en vacances on peut revenir au Canada sans visa? »: a pinned question beside
     * another one, in a sentence or clause of its own, gets that one's answer too when it asks and reads clearly alone;
     * a pinned request ("…and is this chat private?") is followed beside that answer.
     */
    private askedBesidePin(text: string, language: Language, asks: (part: string) => boolean, pinned: Recognition): Recognition {
        const request = pinned.kind === 'command' && isFollowing(pinned.command) ? { command: pinned.command } : undefined;
        if (pinned.kind !== 'answer' && request === undefined) return pinned;
        // "What does that mean exactly — all documents, or just the form?": what follows the pinned clause in its sentence,
        // until a clause that starts asking, spells that question out.
        const unpinned = (clauses: string[]) => {
            let pinnedBefore = false;
            return clauses.filter((clause) => {
                // The sentence's last "?" marks the whole sentence, not its last clause alone.
                pinnedBefore = asks(clause) || (pinnedBefore && !this.sentenceMayAsk(clause.replace('?', '')));
                return !pinnedBefore;
            });
        };
        const rest = this.withoutClauses(text, unpinned, QUESTION_WORDS);
        if (rest === undefined || this.tellsAboutWriter(rest)) return pinned;
        if (text.includes('?') && !this.asksOutright(rest)) return pinned;
        const other = this.understand(rest, language);
        const clear = other.kind === 'answer' && isClearAnswer(other) && !other.topic.smallTalk && !other.also;
        if (!clear) return pinned;
        if (request) return { ...other, request };
        return pinned.kind === 'answer' && other.topic.id !== pinned.topic.id ? { ...pinned, also: other.topic } : pinned;
    }

    /**
     * "paid $155 is that right or should it be more", « Selon mon beau-frère ça coûte 255$ en tout, c'est vrai? »: a
     * message refused as a whole that names an IMP+ fee's amount is about the fees; one about another program or one's
     * own file is not.
     */
    private feeAmountNamed(text: string, language: Language, read: Recognition): Recognition | undefined {
        if (read.kind !== 'refuse' || read.topic || read.otherProgram || read.ownFile || !this.feeAmounts.named(text)) return undefined;
        const topic = this.matcher.topic?.(FEES_TOPIC, language);
        return topic === undefined ? undefined : chosen(topic, read.score);
    }

    /**
     * Whether `test` holds for a sentence that asks, or for the last one of a message without a question mark; or for
     * the last one that says it asks one more thing, without its mark, after one that has it ("can i move there and
     * work with this permit? also if i visit family in algeria can i come back in"; not "What is a CSQ? every website
     * about imp+ keeps saying it and I don't know what it is"). With `pointingBack`, a sentence that asks about what the
     * one before it said holds when that one does.
     */
    private askedInSentence(text: string, test: (sentence: string) => boolean, pointingBack = false): boolean {
        const sentences = text.trim().split(SENTENCE_END);
        const marked = text.includes('?');
        const last = sentences.length - 1;
        // "…San Francisco? do I need a US visa": a last sentence that starts as a question asks without its mark; with no
        // mark at all, so does any ("how much does it cost and how long does it take. we are 2 adults + 1 toddler").
        const asks = (sentence: string, i: number) =>
            marked
                ? sentence.trim().endsWith('?') ||
                  (i === last && (ANOTHER_QUESTION.test(sentence.trim()) || this.asksAt(words(sentence), 0)))
                : i === last || this.asksAt(words(sentence), 0);
        // « Ma carte de résident permanent expire en mai. Comment la renouveler ? »: "it" is what the sentence before named;
        // so is the matter of a few words that name nothing ("…reset it 3 times. how to fix").
        const leftToBefore = (sentence: string) =>
            this.subjects.leavesItUnsaid(sentence) ||
            (words(sentence).length < SHORT_CONTEXT_WORDS && !this.subjects.namesAThing(sentence));
        const pointsBack = (sentence: string, i: number) => pointingBack && i > 0 && leftToBefore(sentence) && test(sentences[i - 1] ?? '');
        return sentences.some((sentence, i) => asks(sentence, i) && (test(sentence) || pointsBack(sentence, i)));
    }

    /** The knowledge-base topics a reading answers or offers, when none is small talk, a command or a guided flow. */
    private topicsRead(understood: Recognition, offeredFlows = false): { topics: Topic[]; score: number } | undefined {
        if (understood.kind !== 'answer' && understood.kind !== 'clarify') return undefined;
        if (understood.kind === 'answer' && understood.request) return undefined;
        const topics = understood.kind === 'answer' ? [understood.topic, ...(understood.also ? [understood.also] : [])] : understood.topics;
        const flow = (topic: Topic): boolean => topic.dialog !== undefined && !(offeredFlows && understood.kind === 'clarify');
        return topics.some((topic) => topic.smallTalk || topic.command || flow(topic)) ? undefined : { topics, score: understood.score };
    }

    /** "👍", "🙏🏽": the word a message of emoji alone says, when its emoji all say the same one. */
    private emojiSaid(text: string, language: Language): string | undefined {
        if (words(text).length > 0) return undefined;
        const said = new Set((text.match(PICTOGRAPH) ?? []).map((emoji) => this.emojiWords.get(language)?.get(emoji)));
        const [word] = said;
        return said.size === 1 ? word : undefined;
    }

    /**
     * Whether the message asks to talk to someone: « suis-je en train de parler à un robot ? » asks what the bot is, and
     * its « parler à » asks for no one; "are you a bot? I want to talk to a human" asks for someone.
     */
    private asksForPerson(text: string): boolean {
        return this.saysOutside(text, this.talkToPhrases, this.askWhatBotPhrases);
    }

    /** Whether one of `phrases` is somewhere in the message, not as words of one of `within` ("dog", not "dog daycare"). */
    private saysOutside(text: string, phrases: readonly string[][], within: readonly string[][]): boolean {
        const tokens = words(text);
        const covered = phraseSpans(tokens, within);
        return phraseSpans(tokens, phrases).some(([start, end]) => covered.every(([from, to]) => end <= from || start >= to));
    }

    /** Whether one of the phrases is somewhere in the message. */
    private says(text: string, phrases: readonly string[][]): boolean {
        const tokens = words(text);
        return phrases.some((phrase) => tokens.some((_, start) => phraseAt(tokens, phrase, start)));
    }

    /** Whole-message commands and menu buttons: exact and cheap, checked before anything else. */
    shortcut(text: string): Recognition | undefined {
        const command = this.commands.matchWhole(text);
        if (isCommand(command)) return { kind: 'command', command };
        const menu = this.menuLabels.get(words(text).join(' '));
        if (menu) return 'dialog' in menu ? { kind: 'dialog', target: menu.dialog } : { kind: 'command', command: menu.command };
        return undefined;
    }

    /**
     * The knowledge base: a question to answer, a dialog to start, or nothing good enough. `without`: the answer just
     * given, for a follow-up read again (`TopicMatcher.match`).
     */
    search(text: string, language: Language, without?: string): Recognition {
        // What the firm charges ("how much do you charge for an IMP+ file?") is for an advisor; the knowledge base
        // only knows the government's fees, which it would answer instead.
        if (this.asksFirmFees(text)) return { kind: 'command', command: 'advisor', inferred: true };
        const outcome = this.matcher.match(text, language, without);
        switch (outcome.kind) {
            case 'confident': {
                const { topic, score } = outcome;
                // "I want a real human, not a bot": a question about the bot that asks to talk to someone is the request;
                // "…is possible to speak with one of your advisers?": saying so makes the request clear, whatever its score.
                const mayAskForPerson = topic.command === 'advisor' || (topic.smallTalk && !isClosing(topic));
                if (mayAskForPerson && this.asksForPerson(text)) return { kind: 'command', command: 'advisor', inferred: true };
                // "is there a phone number that works with a human at IRCC", « je contacte mon consulat ou IRCC ? »: a
                // person at another office is not the firm's, unless the message speaks to the firm ("could someone
                // from your office…").
                if (topic.command === 'advisor' && this.says(text, this.otherOffices) && !this.says(text, this.addressWords))
                    return { kind: 'refuse', score, offTopic: true };
                return chosen(topic, score);
            }
            case 'ambiguous': {
                // "Can I talk to a human instead of a bot?": between the advisor and small talk, asking to talk to
                // someone is the request, never a question about the bot.
                const [x, y] = outcome.topics;
                const advisor = [x, y].find((topic) => topic.command === 'advisor');
                const smallTalk = [x, y].find((topic) => topic.smallTalk);
                if (advisor && smallTalk && this.asksForPerson(text)) return { kind: 'command', command: 'advisor', inferred: true };
                // "you're a real person from the firm, yes?": asking what the bot is, and asking for no one, is that question.
                if (advisor && smallTalk && !isClosing(smallTalk) && this.says(text, this.askWhatBotPhrases))
                    return chosen(smallTalk, outcome.score);
                const marked = this.markedNearMiss(text, outcome.topics);
                if (marked) return { kind: 'refuse', topic: marked, score: outcome.score };
                return (
                    nearMissesRefusal(outcome.topics, outcome.score) ?? { kind: 'clarify', topics: outcome.topics, score: outcome.score }
                );
            }
            case 'none':
                return outcome.offTopic
                    ? { kind: 'refuse', score: outcome.score, offTopic: true, ...(outcome.otherProgram ? { otherProgram: true } : {}) }
                    : outcome.unsure
                      ? { kind: 'refuse', score: outcome.score, unsure: outcome.unsure }
                      : outcome.nearMiss
                        ? (nearMissesRefusal(outcome.nearMiss, outcome.score) ?? {
                              kind: 'refuse',
                              score: outcome.score,
                              nearMiss: outcome.nearMiss,
                          })
                        : { kind: 'refuse', score: outcome.score };
        }
    }
}
