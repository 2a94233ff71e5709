import { type Activity, MemoryStorage } from 'botbuilder';
import type { DialogInstance, DialogState } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { MainDialog } from '../dialogs/mainDialog';
import type { DialogServices } from '../dialogs/services';
import { staleDialogReason } from '../src/conversation/staleDialogs';
import { buttonsOf, Chat, textOf } from './helpers/chat';

/** Dialog state stored by an older version of the bot, after a deploy: a polite restart, never a crash. */

const RESTARTED = {
    en: 'I’ve been updated since we last talked, so I can’t pick up where we left off.',
    fr: 'J’ai été mis à jour depuis notre dernière conversation',
};
const MENU = { en: 'Am I eligible?', fr: 'Suis-je admissible?' };

interface StoredConversation {
    dialogState: DialogState;
    [key: string]: unknown;
}

let chats = 0;

/** A chat on its own storage, paused at question 1 of the eligibility check. */
async function atFirstQuestion(locale: string | undefined, opening: string[]) {
    chats += 1;
    const storage = new MemoryStorage();
    const conversationId = `stale-${chats}`;
    const chat = new Chat({ storage, conversationId, userId: `stale-user-${chats}`, locale });
    let last: Partial<Activity>[] = [];
    for (const text of opening) last = await chat.say(text);
    expect(textOf(last)).toMatch(/Question 1(:|\u00a0:)/);
    const key = `webchat/conversations/${conversationId}/`;
    /** Rewrites the stored dialog stack as an older version of the bot would have left it. */
    const age = async (change: (root: DialogInstance, inner: DialogInstance[]) => void) => {
        const stored = (await storage.read([key]))[key] as StoredConversation;
        const root = stored.dialogState.dialogStack[0];
        const inner = (root.state as { dialogs: DialogState }).dialogs.dialogStack;
        change(root, inner);
        await storage.write({ [key]: { ...stored, eTag: '*' } });
    };
    return { chat, age };
}

function innerStack(instance: DialogInstance | undefined): DialogInstance[] {
    return (instance?.state as { dialogs: DialogState } | undefined)?.dialogs.dialogStack ?? [];
}

describe('dialog state from an older version of the bot', () => {
    it('continues a current stack as usual', async () => {
        const { chat } = await atFirstQuestion('en-US', ['Am I eligible?']);
        const reply = textOf(await chat.say('yes'));
        expect(reply).toContain('Question 2:');
        expect(reply).not.toContain(RESTARTED.en);
    });

    it('restarts politely, in French, when the stack names a dialog that no longer exists', async () => {
        const { chat, age } = await atFirstQuestion('fr-CA', ['Suis-je admissible?']);
        await age((_root, inner) => {
            const eligibility = inner.find((instance) => instance.id === 'eligibility');
            innerStack(eligibility)[0].id = 'eligibility.v1.waterfall';
        });
        const replies = await chat.say('oui');
        expect(textOf(replies)).toContain(RESTARTED.fr);
        expect(textOf(replies)).not.toContain('Désolé, j’ai eu un problème');
        expect(buttonsOf(replies)).toContain(MENU.fr);
        // The next message starts afresh, with no error and no second restart.
        const again = textOf(await chat.say('Suis-je admissible?'));
        expect(again).toContain('Question 1\u00a0:');
        expect(again).not.toContain(RESTARTED.fr);
    });

    it('restarts politely, in English, when a component dialog changed (its stored version differs)', async () => {
        const { chat, age } = await atFirstQuestion('en-US', ['Am I eligible?']);
        await age((_root, inner) => {
            const eligibility = inner.find((instance) => instance.id === 'eligibility');
            if (eligibility) eligibility.version = '-12345';
        });
        const replies = await chat.say('yes');
        expect(textOf(replies)).toContain(RESTARTED.en);
        expect(textOf(replies)).not.toContain('Question 2:');
        expect(buttonsOf(replies)).toContain(MENU.en);
        expect(textOf(await chat.say('How to apply'))).toContain('Step 1 of ');
    });

    it('restarts in the language the user chose when the channel sends none, for an unknown root dialog', async () => {
        const { chat, age } = await atFirstQuestion(undefined, ['français', 'Suis-je admissible?']);
        await age((root) => {
            root.id = 'root';
        });
        const replies = await chat.say('oui');
        expect(textOf(replies)).toContain(RESTARTED.fr);
        expect(buttonsOf(replies)).toContain(MENU.fr);
    });

    it('staleDialogReason names what changed', () => {
        const services = {} as DialogServices;
        const main = new MainDialog(services);
        const current: DialogState = {
            dialogStack: [
                { id: 'main', version: main.dialogs.getVersion(), state: { dialogs: { dialogStack: [{ id: 'main.run', state: {} }] } } },
            ],
        };
        expect(staleDialogReason([main], undefined)).toBeUndefined();
        expect(staleDialogReason([main], { dialogStack: [] })).toBeUndefined();
        expect(staleDialogReason([main], current)).toBeUndefined();
        expect(staleDialogReason([main], { dialogStack: [{ id: 'gone', state: {} }] })).toBe('unknown dialog "gone"');
        expect(staleDialogReason([main], { dialogStack: [{ ...current.dialogStack[0], version: 'old' }] })).toBe(
            'dialog "main" changed since its state was stored',
        );
        expect(
            staleDialogReason([main], {
                dialogStack: [{ id: 'main', state: { dialogs: { dialogStack: [{ id: 'main.v0', state: {} }] } } }],
            }),
        ).toBe('unknown dialog "main.v0"');
    });
});
