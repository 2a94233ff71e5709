import type { TurnContext } from 'botbuilder';
import { MENU } from '../content/catalog';
import { FEEDBACK_REASONS, type FeedbackReason, REASON_QUESTION } from '../content/feedback';
import type { KnowledgeBase } from '../content/knowledgeBase';
import type { Analytics } from '../observability/analytics';
import type { ConversationData, RatedAnswer, StateAccessors } from '../turn/state';
import { turnLanguage } from '../turn/turn';
import type { AnswerReader } from '../understanding/answers';
import { feedbackProfile, ratedAnswersOfTurn, type Vote } from './ratings';
import type { Responder } from './responder';

/** Teams names the rated message by id; the last few answers are enough to tell which topic it was. */
const KEPT_ANSWERS = 20;

/**
 * Ratings of the knowledge-base answers: a thumbs up or down from any channel becomes an `answer.rated`
 * event (a topic id, never the person's words); after a thumbs down, where the channel has no form of its
 * own, the bot asks why once, with buttons, and anything else simply moves the conversation on.
 */
export class AnswerFeedback {
    constructor(
        private readonly responder: Responder,
        private readonly reader: AnswerReader,
        private readonly state: StateAccessors,
        private readonly analytics: Analytics,
        private readonly knowledge: KnowledgeBase,
    ) {}

    /** Records a vote. A reason is asked only when no dialog question is pending (its buttons must stay last). */
    async onVote(context: TurnContext, vote: Vote, questionPending: boolean): Promise<void> {
        const conversation = await this.state.conversation.get(context, {});
        const rated = this.ratedAnswer(vote, conversation);
        const channel = context.activity.channelId ?? 'unknown';
        const locale = rated?.language ?? turnLanguage(context);
        this.analytics.track({ name: 'answer.rated', topic: rated?.topic ?? 'unknown', helpful: vote.helpful, channel, locale });

        const profile = feedbackProfile(channel);
        if (!vote.helpful && rated && profile?.asksReason && !questionPending) {
            conversation.reasonFor = { topic: rated.topic, language: rated.language };
            await this.responder.send(context, {
                ...this.responder.compose(context, REASON_QUESTION.lines),
                buttons: this.responder.buttons(context, REASON_QUESTION.choices),
                question: REASON_QUESTION.id,
            });
            return;
        }
        // A Messenger vote is a message of its own: it deserves an answer. Elsewhere the pressed thumb says it.
        if (profile?.means === 'quickReplies') await this.thank(context, questionPending);
    }

    /** The answer to "what was wrong?": true when the message was one (it is then dealt with). */
    async onReason(context: TurnContext, conversation: ConversationData, text: string): Promise<boolean> {
        const pending = conversation.reasonFor;
        if (!pending) return false;
        delete conversation.reasonFor;
        const choice = this.reader.readLabel(REASON_QUESTION, text);
        if (!choice) return false;
        if ((FEEDBACK_REASONS as readonly string[]).includes(choice)) {
            this.analytics.track({
                name: 'answer.reason',
                topic: pending.topic,
                reason: choice as FeedbackReason,
                channel: context.activity.channelId ?? 'unknown',
                locale: pending.language,
            });
        }
        await this.thank(context, false);
        return true;
    }

    /** Keeps the ids of the answers sent this turn on Teams, so that a later vote finds its topic. */
    async keepRatedAnswers(context: TurnContext): Promise<void> {
        const sent = ratedAnswersOfTurn(context);
        if (sent.length === 0) return;
        const conversation = await this.state.conversation.get(context, {});
        conversation.ratedAnswers = [...(conversation.ratedAnswers ?? []), ...sent].slice(-KEPT_ANSWERS);
    }

    /** The topic the vote is about, if it names one the bot answers (a vote event anyone could forge names nothing else). */
    private ratedAnswer(vote: Vote, conversation: ConversationData): Omit<RatedAnswer, 'id'> | undefined {
        if (vote.topic && vote.language) {
            return this.knowledge.topic(vote.language, vote.topic) ? { topic: vote.topic, language: vote.language } : undefined;
        }
        // Teams names the message in replyToId; where a client leaves it out, the vote is most likely on the latest answer.
        if (!vote.replyToId) return conversation.ratedAnswers?.at(-1);
        return conversation.ratedAnswers?.find((answer) => answer.id === vote.replyToId);
    }

    private async thank(context: TurnContext, questionPending: boolean): Promise<void> {
        // With a question pending, the caller asks it again right after; otherwise the menu keeps the chat going.
        await this.responder.say(
            context,
            'feedback:thanks',
            undefined,
            questionPending ? undefined : this.responder.buttons(context, MENU),
        );
    }
}
