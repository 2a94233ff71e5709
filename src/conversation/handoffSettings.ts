import type { TurnContext } from 'botbuilder';
import { formatWhen } from '../channels/handoffCard';
import type { HandoffInbox } from '../channels/handoffInbox';
import type { HandoffChannel } from '../channels/handoffStore';
import type { StaffAccess } from '../channels/staff';
import { teamChannelOf } from '../channels/teamsChannel';
import type { Translator } from '../content/i18n';
import { LANGUAGES, type Language, languageFromLocale } from '../content/languages';
import { PhraseBook } from '../understanding/phrases';

type SettingsCommand = 'useChannel' | 'settings';
const SETTINGS_COMMANDS: readonly SettingsCommand[] = ['useChannel', 'settings'];

/**
 * The staff's side of the handoff inbox, in Teams: the bot installed in a team takes the channel it was
 * installed in; "use this channel for handoffs" moves the inbox; "handoff settings" says where it is.
 * Answered in the language of the phrase typed (the cards follow the language of whoever chose the channel).
 */
export class HandoffSettings {
    private readonly phrases: PhraseBook;

    constructor(
        private readonly inbox: HandoffInbox,
        private readonly translator: Translator,
        /** Who may choose or see the inbox: the firm's tenant (FIRM_TENANT_ID); anyone else writes an ordinary message. */
        private readonly access: Pick<StaffAccess, 'inFirmTenant'>,
    ) {
        // Ids "<command>.<language>": the phrase typed also says which language to answer in.
        this.phrases = new PhraseBook(
            LANGUAGES.flatMap((language) =>
                SETTINGS_COMMANDS.map((command): [string, string[]] => [
                    `${command}.${language}`,
                    translator.list(language, `handoff:commands.${command}`),
                ]),
            ),
        );
    }

    /** On install in a team: that channel becomes the inbox unless one is already chosen. */
    async installed(context: TurnContext): Promise<void> {
        if (!teamChannelOf(context.activity) || !this.access.inFirmTenant(context.activity) || (await this.inbox.channel())) return;
        const language = languageFromLocale(context.activity.locale) ?? 'en';
        if (await this.inbox.useThisChannel(context, language)) await this.say(context, language, 'set');
    }

    /** Handles a settings command typed in Teams; false when the text is not one. */
    async handle(context: TurnContext, text: string): Promise<boolean> {
        if (!this.access.inFirmTenant(context.activity)) return false;
        const found = this.read(text);
        if (!found) return false;
        const { command, language } = found;
        if (command === 'useChannel') {
            const channel = await this.inbox.useThisChannel(context, language);
            await this.say(context, language, channel ? 'set' : 'notInChannel');
            return true;
        }
        const channel = await this.inbox.channel();
        if (!channel) await this.say(context, language, 'none');
        else await this.say(context, language, 'show', this.describe(channel, language));
        return true;
    }

    private read(text: string): { command: SettingsCommand; language: Language } | undefined {
        const [command, language] = (this.phrases.matchWhole(text) ?? '').split('.');
        const known = SETTINGS_COMMANDS.find((c) => c === command);
        const inLanguage = LANGUAGES.find((l) => l === language);
        return known && inLanguage ? { command: known, language: inLanguage } : undefined;
    }

    private describe(channel: HandoffChannel, language: Language): Record<string, string> {
        const t = (key: string) => this.translator.t(language, `handoff:settings.${key}`);
        return {
            channel: channel.channelName ?? t('unknownChannel'),
            team: channel.teamName ?? t('unknownTeam'),
            by: channel.setBy ?? t('unknownPerson'),
            when: formatWhen(channel.setAt, language),
            inLanguage: t(`inLanguage.${channel.language}`),
        };
    }

    private async say(context: TurnContext, language: Language, key: string, params?: Record<string, string>): Promise<void> {
        await context.sendActivity({
            type: 'message',
            text: this.translator.t(language, `handoff:settings.${key}`, params),
            locale: language,
        });
    }
}
