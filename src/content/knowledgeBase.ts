import { FACTS, factsIn } from './facts';
import type { Translator } from './i18n';
import type { Language } from './languages';
import { LANGUAGES } from './languages';

/** The guided dialogs a question can lead to (also the `target` of the Recognizer trace). */
export const DIALOG_TARGETS = ['eligibility', 'permit', 'family', 'steps'] as const;
export type DialogTarget = (typeof DIALOG_TARGETS)[number];

/** The commands a knowledge-base topic may stand for (the rest are only ever typed as such). */
export const TOPIC_COMMANDS = ['advisor', 'privacy', 'deleteData', 'greeting', 'help'] as const;
type TopicCommand = (typeof TOPIC_COMMANDS)[number];

/** One entry of locales/<lang>/faq.json → topics.<id>. */
export interface TopicContent {
    /** Button title for "Did you mean…?" — 20 characters at most. */
    label: string;
    /** The answer, plain text, ~600 characters at most. Absent when the topic starts a dialog. */
    answer?: string;
    /** Id of the source of what the answer says (src/facts.ts SOURCES). Required with `answer`. */
    source?: string;
    /** Ids of the sources of a sentence another page says ("lying on an application has serious consequences"). */
    moreSources?: string[];
    /** Starts this guided dialog instead of answering. */
    dialog?: DialogTarget;
    /** Ids of other topics or dialog targets offered as follow-up buttons. */
    followUps?: string[];
    /** Phrasings used to match; never copied into the evaluation set. */
    samples: string[];
    /** Out-of-scope "near miss" topics: matched so that they are refused, never answered as IMP+. */
    outOfScope?: boolean;
    /** A request the bot carries out rather than answers ("talk to an advisor", "delete my data"…). */
    command?: TopicCommand;
    /** Small talk ("thanks", "who are you"): a short answer of the bot's own, with no source. */
    smallTalk?: boolean;
}

export interface Topic extends TopicContent {
    id: string;
    language: Language;
    /** The topic's source, then the sources of the facts its answer quotes. */
    sources: string[];
}

/** The knowledge base as loaded from the locales: one list of topics per language. */
export class KnowledgeBase {
    private readonly byLanguage = new Map<Language, Map<string, Topic>>();
    private readonly offTopic = new Map<Language, string[]>();

    constructor(translator: Translator) {
        for (const language of LANGUAGES) {
            // As written in the JSON files: only the label and the answer carry values (facts) to put in, and
            // reading the thousands of samples through i18next's interpolation was most of this constructor's time.
            const raw = translator.bundle<{ topics?: Record<string, TopicContent> }>(language, 'faq')?.topics ?? {};
            this.byLanguage.set(
                language,
                new Map(
                    Object.entries(raw).map(([id, content]) => {
                        const quoted = factsIn(content.answer ?? '').map((f) => FACTS[f].source);
                        const sources = [
                            ...new Set([...(content.source ? [content.source] : []), ...(content.moreSources ?? []), ...quoted]),
                        ];
                        const label = translator.t(language, `faq:topics.${id}.label`);
                        const answer = content.answer === undefined ? {} : { answer: translator.t(language, `faq:topics.${id}.answer`) };
                        return [id, { ...content, label, ...answer, id, language, sources }];
                    }),
                ),
            );
            this.offTopic.set(language, translator.bundle<{ samples?: string[] }>(language, 'offtopic')?.samples ?? []);
        }
    }

    /**
     * Messages people send that are about none of the topics (locales/<lang>/offtopic.json: everyday life, other
     * immigration programmes, chit-chat): what the matcher learns to refuse.
     */
    offTopicSamples(language: Language): string[] {
        return this.offTopic.get(language) ?? [];
    }

    topics(language: Language): Topic[] {
        return [...(this.byLanguage.get(language)?.values() ?? [])];
    }

    topic(language: Language, id: string): Topic | undefined {
        return this.byLanguage.get(language)?.get(id);
    }
}
