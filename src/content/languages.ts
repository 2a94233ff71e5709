/** The languages the bot speaks, and how a channel's locale maps to one. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
    return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a BCP-47 tag ("fr-CA", "en_US", "FR") to a language we speak, or undefined. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
    const prefix = locale?.trim().slice(0, 2).toLowerCase();
    return isLanguage(prefix) ? prefix : undefined;
}
