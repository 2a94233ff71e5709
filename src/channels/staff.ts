import type { Activity } from 'botbuilder';
import { tenantId } from './input';

/** Conversations with the bot alone: in Teams a personal chat says "personal" (older clients say nothing). */
const PERSONAL = new Set(['personal', '']);

/**
 * Who gets the staff tools: a Teams user of the firm's tenant (FIRM_TENANT_ID), in a personal chat with the
 * bot. Group chats and channels are left out even in the firm's tenant: a client check or the stats are
 * not for every member of a chat, and guests of the tenant take part there. Other channels never are.
 */
export class StaffAccess {
    constructor(private readonly firmTenantId: string) {}

    /**
     * The firm's own people, wherever they write in Teams (a team channel too): who may choose the handoff
     * channel. Without FIRM_TENANT_ID, any Teams user (documented: set it before the app leaves a test tenant).
     */
    inFirmTenant(activity: Activity): boolean {
        if (activity.channelId !== 'msteams') return false;
        return this.firmTenantId === '' || tenantId(activity)?.toLowerCase() === this.firmTenantId;
    }

    isStaff(activity: Activity): boolean {
        if (this.firmTenantId === '' || activity.channelId !== 'msteams') return false;
        if (!PERSONAL.has(activity.conversation?.conversationType ?? '')) return false;
        return tenantId(activity)?.toLowerCase() === this.firmTenantId;
    }
}
