import type { TurnContext } from 'botbuilder';
import { formatDate } from '../content/facts';
import type { Translator } from '../content/i18n';
import type { Language } from '../content/languages';
import type { CodeRecord, ResultCodeStore } from '../storage/resultCodes';
import type { KeptResult, StateAccessors } from '../turn/state';
import { turnLanguage } from '../turn/turn';
import { formatCode } from '../understanding/resultCode';
import { buildChecklist } from './checklist';
import { type ChecklistWords, renderChecklist } from './checklistCard';

/** Where the printable page of a code is. */
export function resultUrl(baseUrl: string, code: string): string {
    return `${baseUrl}/result/${formatCode(code)}`;
}

/**
 * The result a visitor keeps: a checklist in the chat and on a printable page, under a code that brings it
 * back (and the progress it records) from any channel for a set number of days. One code per user at a
 * time: a later verdict or walkthrough updates the record of the code the user already has.
 */
export class Results {
    constructor(
        private readonly translator: Translator,
        private readonly state: StateAccessors,
        readonly codes: ResultCodeStore<KeptResult>,
        /** Where the printable pages are (PUBLIC_BASE_URL, or the server's own address once it listens). */
        private readonly baseUrl: () => string,
    ) {}

    /** Saves what `change` makes of the kept result (the user's, or a new one) and sends the checklist. */
    async keep(context: TurnContext, change: (kept: KeptResult) => void): Promise<void> {
        const language = turnLanguage(context);
        const profile = await this.state.profile.get(context, {});
        const current = profile.resultCode ? await this.codes.find(profile.resultCode) : undefined;
        const kept: KeptResult = { ...(current?.data ?? {}), language };
        change(kept);
        const updated = current && profile.resultCode ? await this.codes.update(profile.resultCode, kept) : undefined;
        const { code, record } =
            updated && profile.resultCode ? { code: profile.resultCode, record: updated } : await this.codes.create(kept);
        this.remember(profile, code);
        // Without a check there is no result to speak of: the walkthrough's checklist is called what it is.
        await context.sendActivity(this.translator.t(language, kept.eligibility ? 'result:ready' : 'result:readyChecklist'));
        await this.show(context, code, record, language);
    }

    /** Records progress under the user's code, when they have one that still works (the walkthrough's step). */
    async progress(context: TurnContext, change: (kept: KeptResult) => void): Promise<void> {
        const profile = await this.state.profile.get(context, {});
        if (!profile.resultCode) return;
        const current = await this.codes.find(profile.resultCode);
        if (!current) {
            delete profile.resultCode;
            return;
        }
        const kept = structuredClone(current.data);
        change(kept);
        await this.codes.update(profile.resultCode, kept);
    }

    /** The checklist of a code in the chat: a card with a link to the printable page, or text where cards don't render. */
    async show(
        context: TurnContext,
        code: string,
        record: CodeRecord<KeptResult>,
        language: Language = turnLanguage(context),
    ): Promise<void> {
        const url = resultUrl(this.baseUrl(), code);
        const checklist = buildChecklist(
            this.translator,
            record.data,
            { code, createdAt: record.createdAt, expiresAt: record.expiresAt, url },
            language,
        );
        const t = (key: string, params?: Record<string, unknown>) => this.translator.t(language, key, params);
        const words: ChecklistWords = {
            sections: {
                criteria: t('result:sections.criteria'),
                next: t('result:sections.next'),
                documents: t('result:sections.documents'),
                fees: t('result:sections.fees'),
                sources: t('result:sections.sources'),
            },
            codeSentence: t('result:code', {
                code: checklist.code,
                days: this.codes.days,
                date: formatDate(record.expiresAt.slice(0, 10), language),
            }),
            openPage: t('result:openPage'),
            pageLink: t('result:pageLink', { url }),
            answerStatus: (answer, status) => t('result:answerStatus', { answer, status }),
        };
        await context.sendActivities(renderChecklist(context.activity.channelId, checklist, words));
    }

    /** The user now holds this code: later progress is saved under it, and "delete my data" erases it. */
    async adopt(context: TurnContext, code: string): Promise<void> {
        this.remember(await this.state.profile.get(context, {}), code);
    }

    /** "Delete my data": the user's codes go with the rest of their state. */
    async forget(context: TurnContext): Promise<void> {
        const profile = await this.state.profile.get(context, {});
        await this.codes.delete([...new Set([...(profile.resultCodes ?? []), ...(profile.resultCode ? [profile.resultCode] : [])])]);
    }

    private remember(profile: { resultCode?: string; resultCodes?: string[] }, code: string): void {
        profile.resultCode = code;
        profile.resultCodes = [...new Set([...(profile.resultCodes ?? []), code])];
    }
}
