import type { ResourceResponse, TurnContext } from 'botbuilder';
import { type ChoiceSpec, type Line, MENU } from '../content/catalog';
import { FACTS, factsIn, formatDate, isSourceId, recheckDueIn, SOURCES, type SourceId } from '../content/facts';
import type { Translator } from '../content/i18n';
import { DIALOG_TARGETS, type DialogTarget, type KnowledgeBase, type Topic } from '../content/knowledgeBase';
import type { Language } from '../content/languages';
import { turnLanguage } from '../turn/turn';
import type { Wording } from './factsCard';
import { feedbackProfile, noteRatedAnswer } from './ratings';
import { type Button, type Reply, renderReply, type SourceLink } from './render';

/** Everything the bot says goes through here: words from the locales, drawn for the turn's channel. */
export class Responder {
    constructor(
        private readonly translator: Translator,
        private readonly knowledge: KnowledgeBase,
        /** The firm's name, which small talk may quote ("I'm the IMP+ assistant of {{firm}}"). */
        private readonly firmName = '',
        /** Today, for the figures due for a recheck. */
        private readonly today: () => Date = () => new Date(),
    ) {}

    t(context: TurnContext, key: string, params?: Record<string, unknown>, language?: Language): string {
        return this.translator.t(language ?? turnLanguage(context), key, params);
    }

    /** The turn's language and its words, for the staff cards. */
    wording(context: TurnContext): Wording {
        const language = turnLanguage(context);
        return { language, t: (key, params) => this.translator.t(language, key, params) };
    }

    async send(context: TurnContext, reply: Reply, language?: Language): Promise<ResourceResponse[]> {
        return context.sendActivities(renderReply(context.activity.channelId, reply, language ?? turnLanguage(context)));
    }

    async say(context: TurnContext, key: string, params?: Record<string, unknown>, buttons?: Button[]): Promise<void> {
        await this.send(context, { text: this.t(context, key, params), ...(buttons ? { buttons } : {}) });
    }

    /** Buttons whose title is also the text they send, so a tap reads the same as typing the label. */
    buttons(context: TurnContext, specs: readonly ChoiceSpec[], language?: Language): Button[] {
        return specs.map((spec) => {
            const label = this.t(context, spec.labelKey, undefined, language);
            return { title: label, value: label };
        });
    }

    /** A message from paragraphs (locales keys), citing the sources named and those of the facts it quotes. */
    compose(context: TurnContext, lines: readonly Line[]): Reply {
        const language = turnLanguage(context);
        const text = lines
            .map((line) => ('key' in line ? `${line.bullet ? '• ' : ''}${this.t(context, line.key, line.params)}` : ''))
            .filter((part) => part.length > 0)
            .join('\n\n');
        const ids: string[] = [];
        for (const line of lines) {
            if ('source' in line) ids.push(line.source);
            else ids.push(...this.factSources(language, line.key));
        }
        const sources = this.sourceLinks(context, ids, language);
        const keys = lines.flatMap((line) => ('key' in line ? [line.key] : []));
        return { text: this.withRecheckNote(text, language, keys), ...(sources.length > 0 ? { sources } : {}) };
    }

    /**
     * A text that quotes a figure its publisher was due to revise, and nobody has checked since (`revisedOn`), says so
     * under it: the figure may no longer be true.
     */
    private withRecheckNote(text: string, language: Language, keys: readonly string[]): string {
        const template = keys.map((key) => this.translator.template(language, key) ?? '').join('\n');
        const due = recheckDueIn(template, this.today());
        return due ? `${text}\n\n${this.translator.t(language, 'common:answer.dueForRecheck', { date: formatDate(due, language) })}` : text;
    }

    /** The sources of the facts a locales text quotes. */
    factSources(language: Language, key: string): SourceId[] {
        return factsIn(this.translator.template(language, key) ?? '').map((id) => FACTS[id].source);
    }

    async menu(context: TurnContext, promptKey = 'common:menu.prompt'): Promise<void> {
        await this.say(context, promptKey, undefined, this.buttons(context, MENU));
    }

    /** "Source: <title>, checked on <date>" and a link for each source, once each, in the given language. */
    sourceLinks(context: TurnContext, ids: readonly string[], language?: Language): SourceLink[] {
        const lang = language ?? turnLanguage(context);
        const unique = [...new Set(ids)].filter(isSourceId);
        return unique.map((id) => {
            const record = SOURCES[id];
            const params = { title: this.t(context, `sources:${id}.title`, undefined, lang), checked: formatDate(record.checked, lang) };
            return {
                caption: this.t(context, record.official ? 'common:answer.source' : 'common:answer.secondarySource', params, lang),
                title: this.t(context, 'common:answer.openSource', undefined, lang),
                url: record.url[lang],
            };
        });
    }

    /**
     * A knowledge-base answer in the topic's own language, with its sources and, at the top level, follow-ups.
     * Small talk ("thanks", "who are you") has no source; at the top level it offers the menu. Every other
     * answer can be rated, in the way of the channel (ratings.ts).
     */
    async answer(context: TurnContext, topic: Topic, withFollowUps: boolean): Promise<void> {
        if (topic.smallTalk) {
            const text = this.t(context, `faq:topics.${topic.id}.answer`, { firm: this.firmName }, topic.language);
            await this.send(
                context,
                { text, ...(withFollowUps ? { buttons: this.buttons(context, MENU, topic.language) } : {}) },
                topic.language,
            );
            return;
        }
        const sources = this.sourceLinks(context, topic.sources, topic.language);
        const buttons = withFollowUps ? this.followUps(context, topic) : [];
        const rating = {
            topic: topic.id,
            up: this.t(context, 'feedback:vote.up', undefined, topic.language),
            down: this.t(context, 'feedback:vote.down', undefined, topic.language),
        };
        const sent = await this.send(
            context,
            {
                text: this.withRecheckNote(topic.answer ?? '', topic.language, [`faq:topics.${topic.id}.answer`]),
                ...(sources.length > 0 ? { sources } : {}),
                ...(buttons.length > 0 ? { buttons } : {}),
                rating,
            },
            topic.language,
        );
        // Teams names the rated message by its id only: remember which topic it answered.
        const id = sent.at(-1)?.id;
        if (id && feedbackProfile(context.activity.channelId)?.means === 'teamsLoop') {
            noteRatedAnswer(context, { id, topic: topic.id, language: topic.language });
        }
    }

    /**
     * "Did you mean one of these?" with the candidates' labels as buttons (a label sent back matches its topic);
     * `unsure` says first that the bot is not sure it understood, and how else to get an answer.
     */
    async clarify(context: TurnContext, topics: readonly Topic[], unsure = false): Promise<void> {
        await this.send(context, {
            text: this.t(context, unsure ? 'common:fallback.unsure' : 'common:fallback.clarify'),
            buttons: topics.map((topic) => ({ title: topic.label, value: topic.label })),
        });
    }

    private followUps(context: TurnContext, topic: Topic): Button[] {
        const buttons: Button[] = [];
        for (const id of topic.followUps ?? []) {
            const label = (DIALOG_TARGETS as readonly string[]).includes(id)
                ? this.menuLabel(context, id as DialogTarget, topic.language)
                : this.knowledge.topic(topic.language, id)?.label;
            if (label) buttons.push({ title: label, value: label });
        }
        return buttons;
    }

    private menuLabel(context: TurnContext, target: DialogTarget, language: Language): string | undefined {
        const item = MENU.find((m) => 'dialog' in m.action && m.action.dialog === target);
        return item ? this.t(context, item.labelKey, undefined, language) : undefined;
    }
}
