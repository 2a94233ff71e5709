import { type Subject, TOPIC_SUBJECTS } from '../content/catalog';
import type { Translator } from '../content/i18n';
import type { Topic } from '../content/knowledgeBase';
import { LANGUAGES, type Language } from '../content/languages';
import { words } from './text';

export type { Subject };

const SUBJECT_OF = new Map<string, Subject>(
    Object.entries(TOPIC_SUBJECTS).flatMap(([subject, topics]) => topics.map((topic) => [topic, subject as Subject])),
);

/** "IMP plus", « PMI plus »: the program's "+" spelled out, a word of its name. */
const SPELLED_PLUS = 'plus';

/** What a topic is about (the permit, the CSQ, the invitation), if it is about one of them. */
export const subjectOf = (topic: Topic | string): Subject | undefined => SUBJECT_OF.get(typeof topic === 'string' ? topic : topic.id);

/** locales/<lang>/context.json */
interface SubjectWordsOf {
    pronouns: string[];
    /** Words that name a thing: a message with one says what "it" is by itself. */
    named: string[];
    /** Words that point back to a thing named before, when one stands before its name ("that visa", « ce permis »). */
    pointers: string[];
    /**
     * Words that are a pronoun only after `after` (« je le renouvelle », « on ne l'a pas », « comment le prolonger »)
     * and an article elsewhere (« le permis », « tout le monde »).
     */
    articlePronouns?: { words: string[]; after: string[] };
    /** How to name each subject in a question. */
    subjects: Record<Subject, string>;
    /**
     * The `named` words that name each subject for sure ("CSQ", « certificat », "IMP+"); the others may name something
     * else ("a permit from the city", a visa).
     */
    subjectNames: Record<Subject, string[]>;
    /** Words that introduce a name ("something called IMP+", « un programme appelé PMI+ »). */
    namingWords: string[];
    /** Words that say whose a thing is ("my CSQ", « sa lettre »): one's own is known, not asked about. */
    possessives: string[];
}

/**
 * The words by which a question leaves its subject to what came before ("how long is it valid?", « je peux le
 * renouveler? »), and how to name each subject to read such a question again on its own.
 */
export class SubjectWords {
    private readonly pronouns: ReadonlySet<string>;
    private readonly articlePronouns: ReadonlySet<string>;
    private readonly pronounHosts: ReadonlySet<string>;
    private readonly named: ReadonlySet<string>;
    private readonly pointers: ReadonlySet<string>;
    private readonly namingWords: ReadonlySet<string>;
    private readonly possessives: ReadonlySet<string>;
    private readonly names = new Map<Language, Record<Subject, string>>();
    private readonly subjectOfWord = new Map<string, Subject>();

    constructor(translator: Translator) {
        const vocabularies = LANGUAGES.map((language) => [language, translator.bundle<SubjectWordsOf>(language, 'context')] as const);
        const all = (pick: (words: SubjectWordsOf) => string[]) =>
            new Set(vocabularies.flatMap(([, v]) => (v ? pick(v) : []).flatMap(words)));
        this.pronouns = all((v) => v.pronouns);
        this.articlePronouns = all((v) => v.articlePronouns?.words ?? []);
        this.pronounHosts = all((v) => v.articlePronouns?.after ?? []);
        this.named = all((v) => v.named);
        this.pointers = all((v) => v.pointers);
        this.namingWords = all((v) => v.namingWords);
        this.possessives = all((v) => v.possessives);
        for (const [language, v] of vocabularies) if (v) this.names.set(language, v.subjects);
        for (const [, v] of vocabularies)
            for (const [subject, names] of Object.entries(v?.subjectNames ?? {}))
                for (const word of names.flatMap(words)) this.subjectOfWord.set(word, subject as Subject);
    }

    /**
     * The word by which a text names its one subject, as it wrote it ("IMP+", "CSQ"), when it names that and nothing else
     * ("ppl keep writing CSQ in the comments", "some imp+ permit"; not "my CSQ and my visa"): a question read again with
     * that word asks what the person asked ("what is this thing? IMP+" is the program, "…? the work permit" the permit).
     */
    wordNaming(text: string, askedWhatItIs = false): string | undefined {
        const said = words(text);
        // "a coworker mentioned something called IMP+ for people who have a CSQ": what is said to be called so is what
        // the person does not know, whatever else is named.
        const introduced = said.find((word, i) => this.subjectOfWord.has(word) && this.namingWords.has(said[i - 1] ?? ''));
        if (introduced !== undefined) return introduced;
        // "some imp+ permit": a word that may name something else, right after one that names its subject for sure, is
        // part of the same name.
        // "the imp plus permit": the program's name may spell out its "+".
        const nameBefore = (i: number) => (said[i - 1] === SPELLED_PLUS ? said[i - 2] : said[i - 1]) ?? '';
        const partOfName = (word: string, i: number) => !this.subjectOfWord.has(word) && this.subjectOfWord.has(nameBefore(i));
        const naming = said.flatMap((word, i) => (this.named.has(word) && !partOfName(word, i) ? [{ word, i }] : []));
        const one = (names: readonly { word: string }[]) =>
            new Set(names.map(({ word }) => this.subjectOfWord.get(word))).size === 1
                ? names.find(({ word }) => this.subjectOfWord.has(word))?.word
                : undefined;
        // "my boss keeps telling me to look into IMP+ now that I got my CSQ. what even is it?": one's own thing ("my",
        // "her current") is known, so what it is asks about the other; not how to renew it ("…my passport expires").
        const owned = (i: number) => [said[i - 1], said[i - 2]].some((word) => this.possessives.has(word ?? ''));
        return one(naming) ?? (askedWhatItIs ? one(naming.filter(({ i }) => !owned(i))) : undefined);
    }

    /** The one subject a text names (see `wordNaming`). */
    subjectNamed(text: string): Subject | undefined {
        const word = this.wordNaming(text);
        return word === undefined ? undefined : this.subjectOfWord.get(word);
    }

    /** Whether the text names a thing ("the permit", "my CSQ", « le PMI+ »), not only what someone did or said. */
    namesAThing(text: string): boolean {
        return words(text).some((word) => this.named.has(word));
    }

    /** The word by which the text names a subject for sure last ("…got my CSQ… this IMP+ thing…": "imp+"). */
    lastNaming(text: string): string | undefined {
        return words(text).findLast((word) => this.subjectOfWord.has(word));
    }

    /** Whether the text names `subject` for sure ("IMP+" the permit, "CSQ" the certificate). */
    namesSubject(text: string, subject: Subject): boolean {
        return words(text).some((word) => this.subjectOfWord.get(word) === subject);
    }

    /** A pronoun, and no word that names what it stands for. */
    leavesItUnsaid(text: string): boolean {
        return this.saysIt(text) && !this.namesAThing(text);
    }

    /** A pronoun ("it", « il », « le » before a verb), whatever else the text names. */
    saysIt(text: string): boolean {
        const said = words(text);
        return said.some(
            (word, i) => this.pronouns.has(word) || (this.articlePronouns.has(word) && this.pronounHosts.has(said[i - 1] ?? '')),
        );
    }

    /** A thing named as the one spoken of before ("can you help me with that visa?"): what it is, the context says. */
    pointsBack(text: string): boolean {
        const said = words(text);
        return said.some((word, i) => this.pointers.has(word) && this.named.has(said[i + 1] ?? ''));
    }

    /** The question with its subject named ("how long is it valid? the CSQ"), to be read on its own. */
    withSubject(text: string, subject: Subject, language: Language): string | undefined {
        const name = this.names.get(language)?.[subject];
        return name === undefined ? undefined : `${text} ${name}`;
    }
}
