import { type Activity, ConversationState, MemoryStorage, UserState } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { describe, expect, it } from 'vitest';
import { AskDialog } from '../dialogs/askDialog';
import { EligibilityDialog } from '../dialogs/eligibilityDialog';
import type { DialogServices } from '../dialogs/services';
import { Handoff } from '../src/channels/handoff';
import { HandoffInbox } from '../src/channels/handoffInbox';
import { HandoffStore } from '../src/channels/handoffStore';
import { Responder } from '../src/channels/responder';
import { Results } from '../src/channels/results';
import { Satisfaction } from '../src/channels/satisfaction';
import { CRITERIA, criterionQuestion } from '../src/content/catalog';
import { createTranslator } from '../src/content/i18n';
import { KnowledgeBase } from '../src/content/knowledgeBase';
import { ResultCodeStore } from '../src/storage/resultCodes';
import { createAccessors, type KeptResult } from '../src/turn/state';
import { AnswerReader } from '../src/understanding/answers';
import { quietLogger } from './helpers/chat';

/**
 * Each dialog on its own, through botbuilder-testing's DialogTestClient (the core-bot samples' style): a
 * failure here is the dialog's, not the routing's. Whole conversations are in the other test files.
 */
const translator = createTranslator();
const t = translator.t.bind(translator);

function services(): { services: DialogServices; conversationState: ConversationState } {
    const storage = new MemoryStorage();
    const conversationState = new ConversationState(storage);
    const state = createAccessors(conversationState, new UserState(storage));
    const responder = new Responder(translator, new KnowledgeBase(translator));
    const analytics = { track: () => undefined };
    const reader = new AnswerReader(translator);
    const satisfaction = new Satisfaction(responder, reader, state, analytics);
    const inbox = new HandoffInbox({
        store: new HandoffStore(storage, storage),
        sender: undefined,
        translator,
        analytics,
        logger: quietLogger,
        firmName: 'Firm',
    });
    const handoff = new Handoff(responder, { name: 'Firm', email: '', phone: '', bookingUrl: '' }, state, inbox);
    return {
        services: {
            responder,
            reader,
            state,
            handoff,
            analytics,
            satisfaction,
            retentionDays: 30,
            results: new Results(translator, state, new ResultCodeStore<KeptResult>(storage, 60), () => 'http://localhost:3978'),
        },
        conversationState,
    };
}

const text = (reply: Partial<Activity> | undefined): string => reply?.text ?? '';
const residence = criterionQuestion(CRITERIA[0] as (typeof CRITERIA)[number], 1, false);

describe('AskDialog', () => {
    it('asks its question with its buttons, and ends with the answer tapped', async () => {
        const { services: deps, conversationState } = services();
        const client = new DialogTestClient('test', new AskDialog(deps), residence, [], conversationState);
        const asked = await client.sendActivity('hello');
        expect(text(asked)).toContain(t('en', 'eligibility:criteria.residence.question', { n: 1 }));
        expect((asked as Partial<Activity>).suggestedActions?.actions.map((a) => a.title)).toEqual([
            'Outside Canada',
            'Another province',
            'In Quebec',
            'Not sure',
        ]);
        await client.sendActivity('Another province');
        expect(client.dialogTurnResult.status).toBe('complete');
        expect(client.dialogTurnResult.result).toBe('province');
    });

    it('confirms an answer worked out from a sentence, and counts it only after “yes”', async () => {
        const { services: deps, conversationState } = services();
        const client = new DialogTestClient('test', new AskDialog(deps), residence, [], conversationState);
        await client.sendActivity('start');
        const confirm = await client.sendActivity('I live in Sherbrooke');
        expect(text(confirm)).toBe(t('en', 'common:confirm.ask', { answer: 'In Quebec' }));
        expect(client.dialogTurnResult.status).toBe('waiting');
        await client.sendActivity('yes');
        expect(client.dialogTurnResult.result).toBe('quebec');
    });

    it('explains after the first “not sure” and records the second', async () => {
        const { services: deps, conversationState } = services();
        const client = new DialogTestClient('test', new AskDialog(deps), residence, [], conversationState);
        await client.sendActivity('start');
        const explained = await client.sendActivity('not sure');
        expect(text(explained)).toBe(t('en', 'eligibility:criteria.residence.explain'));
        expect(client.dialogTurnResult.status).toBe('waiting');
        await client.sendActivity('purple monkey');
        expect(client.dialogTurnResult.status).toBe('waiting');
        await client.sendActivity('je ne sais pas');
        expect(client.dialogTurnResult.result).toBe('unsure');
    });
});

describe('EligibilityDialog', () => {
    it('ends with the result the trace reports, asking the CSQ validity only before a PR application', async () => {
        const { services: deps, conversationState } = services();
        const client = new DialogTestClient('test', new EligibilityDialog(deps), undefined, [], conversationState);
        await client.sendActivity('start');
        for (const answer of ['Outside Canada', 'Regular (PRTQ)', 'Not yet', 'Yes', 'Yes']) {
            await client.sendActivity(answer);
            expect(client.dialogTurnResult.status).toBe('waiting');
        }
        await client.sendActivity('Yes');
        expect(client.dialogTurnResult.status).toBe('complete');
        expect(client.dialogTurnResult.result).toEqual({
            eligible: true,
            unmet: [],
            unknown: [],
            answers: { residence: 'abroad', csq: 'regular', pr: 'notYet', csqValid: 'yes', invitation: 'yes', application: 'yes' },
        });
    });

    it('goes back one question with “back”', async () => {
        const { services: deps, conversationState } = services();
        const client = new DialogTestClient('test', new EligibilityDialog(deps), undefined, [], conversationState);
        await client.sendActivity('start');
        await client.sendActivity('Outside Canada');
        await client.sendActivity('back');
        const again = client.getNextReply();
        expect(text(again)).toContain(t('en', 'eligibility:criteria.residence.question', { n: 1 }));
    });
});
