import type { Translator } from '../content/i18n';
import { LANGUAGES, type Language } from '../content/languages';
import { words } from './text';

/** locales/<lang>/context.json: who "he" or "she" may be in a story, and how to name them in a question. */
interface PersonGroup {
    pronouns: string[];
    /** A word of the story (folded) → how to name that person in the question ("husband" → "my husband"). */
    nouns: Record<string, string>;
}

/** French "il" is also impersonal (« il faut », « il y a »): it stands for a person only before another verb. */
const IMPERSONAL_AFTER = new Set(['faut', 'y', 'fait', 's', 'sagit', 'reste', 'semble', 'parait', 'suffit', 'vaut']);

/**
 * The person a question's "he" or "she" stands for, when the story before it names one person of that kind ("We have
 * two kids and my husband is a welder. Will he be allowed to work too?"): the question with that person named.
 */
export class StoryPersons {
    private readonly groups = new Map<Language, PersonGroup[]>();

    constructor(translator: Translator) {
        for (const language of LANGUAGES)
            this.groups.set(language, translator.bundle<{ persons?: PersonGroup[] }>(language, 'context')?.persons ?? []);
    }

    /** Whether a question asks about "he" or "she" rather than the writer. */
    asksAboutSomeone(question: string, language: Language): boolean {
        const asked = words(question);
        return (this.groups.get(language) ?? []).some((group) => this.pronounAt(asked, group) >= 0);
    }

    /** Whether a story names a person a question may be about ("my husband", « ma femme »). */
    namesSomeone(story: string, language: Language): boolean {
        const told = new Set(words(story));
        return (this.groups.get(language) ?? []).some((group) => Object.keys(group.nouns).some((noun) => told.has(noun)));
    }

    private pronounAt(asked: readonly string[], group: PersonGroup): number {
        return asked.findIndex((word, i) => group.pronouns.includes(word) && !IMPERSONAL_AFTER.has(asked[i + 1] ?? ''));
    }

    /**
     * `question` with its pronouns replaced by the one person of `story` each can stand for ("Can she work, and may he
     * attend school?" after "My wife… our son…"); undefined when it says none, or one that stands for no one or for two.
     */
    named(question: string, story: string, language: Language): string | undefined {
        let asked = words(question);
        const told = new Set(words(story));
        let replaced = false;
        for (const group of this.groups.get(language) ?? []) {
            const at = this.pronounAt(asked, group);
            if (at < 0) continue;
            const names = new Set(Object.entries(group.nouns).flatMap(([noun, name]) => (told.has(noun) ? [name] : [])));
            if (names.size !== 1) return undefined;
            asked = [...asked.slice(0, at), ...names, ...asked.slice(at + 1)];
            replaced = true;
        }
        return replaced ? asked.join(' ') : undefined;
    }
}
