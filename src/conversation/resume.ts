import type { DialogContext } from 'botbuilder-dialogs';
import { MAIN_DIALOG, type MainOptions } from '../../dialogs/mainDialog';
import type { DialogServices } from '../../dialogs/services';
import type { Language } from '../content/languages';
import type { AttemptWindow } from '../storage/attempts';
import { assessEligibility } from '../turn/eligibility';
import type { ConversationData, UserProfile } from '../turn/state';
import { setTurnInfo } from '../turn/turn';
import type { Welcome } from './welcome';

/** Code lookups allowed per user, and for all users together (a guesser can change user ids). */
export interface CodeLookups {
    perUser: AttemptWindow;
    overall: AttemptWindow;
}

export interface ResumeRequest {
    code: string;
    input: { text: string; typed: boolean };
    profile: UserProfile;
    conversation: ConversationData;
    /** The language to answer in when the code gives none (unknown code, too many tries). */
    fallbackLanguage: Language;
}

/**
 * "resume K7QM-…" / « reprendre … », or a code pasted alone, on any channel: the kept result comes back in
 * its language, with the progress it recorded (the walkthrough resumes at its step). Lookups are limited
 * per user, so trying codes at random gets nowhere; an unknown, wrong or expired code gets the same answer.
 */
export class Resume {
    constructor(
        private readonly services: DialogServices,
        private readonly welcome: Welcome,
        private readonly lookups: CodeLookups,
    ) {}

    async handle(dc: DialogContext, request: ResumeRequest): Promise<void> {
        const { responder, results } = this.services;
        const { context } = dc;
        const { profile, conversation, input } = request;
        const user = `${context.activity.channelId}/${context.activity.from?.id ?? ''}`;
        if (!this.lookups.perUser.allow(user) || !this.lookups.overall.allow('all')) {
            setTurnInfo(context, { language: request.fallbackLanguage, input });
            await responder.say(context, 'result:resume.tooMany');
            return;
        }
        const record = await results.codes.find(request.code);
        if (!record) {
            setTurnInfo(context, { language: request.fallbackLanguage, input });
            await responder.say(context, 'result:resume.unknown', { days: results.codes.days });
            if (dc.activeDialog) await dc.repromptDialog();
            return;
        }
        const kept = record.data;
        // An explicit choice wins; otherwise the code brings back the language the result was made in.
        const language = profile.language ?? (conversation.languageFromText ? conversation.language : undefined) ?? kept.language;
        conversation.language = language;
        conversation.languageFromText = true;
        setTurnInfo(context, { language, input });

        await dc.cancelAllDialogs();
        await results.adopt(context, request.code);
        await this.welcome.disclaimOnce(context, conversation);
        await responder.say(context, 'result:resume.welcomeBack');
        await results.show(context, request.code, record, language);
        if (kept.walkthroughStep !== undefined && !kept.walkthroughDone) {
            profile.walkthroughStep = kept.walkthroughStep;
            await dc.beginDialog(MAIN_DIALOG, { target: 'steps' } satisfies MainOptions);
            return;
        }
        // "How to apply" is suggested only to someone the kept check did not turn away.
        const turnedAway = kept.eligibility !== undefined && assessEligibility(kept.eligibility).unmet.length > 0;
        await responder.menu(context, turnedAway ? 'result:resume.nextNotEligible' : 'result:resume.next');
    }
}
