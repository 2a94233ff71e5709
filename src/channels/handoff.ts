import { type Activity, ActivityTypes, EventFactory, type TurnContext } from 'botbuilder';
import type { FirmContact } from '../configuration/config';
import type { StateAccessors, TranscriptLine } from '../turn/state';
import { turnLanguage } from '../turn/turn';
import type { HandoffInbox } from './handoffInbox';
import type { Responder } from './responder';

/** What the transcript keeps: enough for an advisor to pick up, little enough to stay small and private. */
const TRANSCRIPT_LINES = 10;
const TRANSCRIPT_LINE_LENGTH = 200;

const ERASED = Symbol('impplus.stateErased');

/** After "delete my data", nothing more may be written for this turn. */
export function markErased(context: TurnContext): void {
    context.turnState.set(ERASED, true);
}

/** Keeps the last few messages of the conversation, and hands the conversation over to a person. */
export class Handoff {
    constructor(
        private readonly responder: Responder,
        private readonly firm: FirmContact,
        private readonly state: StateAccessors,
        /** The firm's Teams inbox, where visitors' requests go when they consent. */
        readonly inbox: HandoffInbox,
    ) {}

    get firmName(): string {
        return this.firm.name;
    }

    /** Whether "talk to an advisor" goes through the consent dialog and the inbox here (not for staff in Teams). */
    usesInbox(context: TurnContext): boolean {
        return this.inbox.servesChannel(context.activity.channelId);
    }

    /** The firm's e-mail, phone and booking link, or the plain truth that there are none to give. */
    async sendFirmContact(context: TurnContext): Promise<void> {
        const { responder, firm } = this;
        const lines: string[] = [];
        if (firm.email) lines.push(responder.t(context, 'common:advisor.email', { email: firm.email }));
        if (firm.phone) lines.push(responder.t(context, 'common:advisor.phone', { phone: firm.phone }));
        if (firm.bookingUrl) lines.push(responder.t(context, 'common:advisor.booking', { url: firm.bookingUrl }));
        if (lines.length === 0) lines.push(responder.t(context, 'common:advisor.unavailable'));
        await responder.send(context, { text: lines.join('\n') });
    }

    /** Records the bot's own messages as they are sent; call once per turn. */
    recordReplies(context: TurnContext): void {
        context.onSendActivities(async (ctx, activities, next) => {
            for (const activity of activities) {
                if (activity.type === ActivityTypes.Message && activity.text) await this.record(ctx, 'bot', activity.text);
            }
            return next();
        });
    }

    async record(context: TurnContext, role: TranscriptLine['role'], text: string): Promise<void> {
        if (context.turnState.get(ERASED)) return;
        const data = await this.state.conversation.get(context, {});
        const transcript = data.transcript ?? [];
        transcript.push({ role, text: text.slice(0, TRANSCRIPT_LINE_LENGTH) });
        data.transcript = transcript.slice(-TRANSCRIPT_LINES);
        // Messenger allows a reply for a day after the person's last message: the claim needs to know when that was.
        if (role === 'user' && data.handoffIds?.length) await this.inbox.visitorWrote(data.handoffIds);
    }

    /**
     * The firm's contact, and a handoff.initiate event with the transcript for an agent hub. Nothing says
     * the conversation was passed on: no channel of ours receives that event yet.
     */
    async offer(context: TurnContext): Promise<void> {
        const { responder, firm } = this;
        const lines = [responder.t(context, 'common:advisor.intro', { firm: firm.name })];
        if (firm.email) lines.push(responder.t(context, 'common:advisor.email', { email: firm.email }));
        if (firm.phone) lines.push(responder.t(context, 'common:advisor.phone', { phone: firm.phone }));
        if (firm.bookingUrl) lines.push(responder.t(context, 'common:advisor.booking', { url: firm.bookingUrl }));
        if (!firm.email && !firm.phone && !firm.bookingUrl) lines.push(responder.t(context, 'common:advisor.unavailable'));
        await responder.send(context, { text: lines.join('\n') });

        const data = await this.state.conversation.get(context, {});
        const activities = (data.transcript ?? []).map(
            (line): Partial<Activity> => ({
                type: ActivityTypes.Message,
                text: line.text,
                from: { id: line.role, name: line.role, role: line.role },
            }),
        );
        const handoffContext = { language: turnLanguage(context), firm: firm.name, reason: 'userRequest' };
        await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities: activities as Activity[] }));
    }
}
