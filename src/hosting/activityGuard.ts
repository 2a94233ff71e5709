/**
 * Checks that a request body is a Bot Framework activity the adapter can process. The adapter throws on
 * some malformed bodies ({} has no type), so they are answered with 400 and a clear message first.
 */
export interface GuardOptions {
    /**
     * Authentication is off (local mode): nothing vouches for the serviceUrl, so replies may only go back
     * to this machine — otherwise anyone could make the bot post to any address.
     */
    localMode: boolean;
}

/** Fields the SDK iterates over: anything but a list there would break a turn. */
const LIST_FIELDS = ['entities', 'attachments', 'membersAdded', 'membersRemoved'] as const;
/** Fields read as text. */
const TEXT_FIELDS = ['text', 'locale', 'channelId', 'serviceUrl', 'name', 'deliveryMode', 'id', 'replyToId'] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function activityProblem(body: unknown, options: GuardOptions): string | undefined {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return 'The request body must be one Bot Framework activity: a JSON object.';
    }
    const activity = body as Record<string, unknown>;
    if (typeof activity.type !== 'string' || activity.type.trim() === '') return 'The activity has no "type".';
    // State is stored per channel: without a channel there is nowhere to keep the conversation.
    if (typeof activity.channelId !== 'string' || activity.channelId.trim() === '') return 'The activity has no "channelId".';
    if (!hasId(activity.conversation)) return 'The activity has no "conversation.id".';
    if (!hasId(activity.from)) return 'The activity has no "from.id".';
    if (activity.recipient !== undefined && !isObject(activity.recipient)) return 'The activity\'s "recipient" must be an object.';
    for (const field of TEXT_FIELDS) {
        if (activity[field] !== undefined && activity[field] !== null && typeof activity[field] !== 'string') {
            return `The activity's "${field}" must be a string.`;
        }
    }
    for (const field of LIST_FIELDS) {
        if (activity[field] !== undefined && activity[field] !== null && !Array.isArray(activity[field])) {
            return `The activity's "${field}" must be a list.`;
        }
    }
    for (const field of ['membersAdded', 'membersRemoved', 'entities', 'attachments'] as const) {
        const list = activity[field];
        if (Array.isArray(list) && list.some((item) => !isObject(item))) return `Every item of "${field}" must be an object.`;
    }
    if (activity.channelData !== undefined && activity.channelData !== null && !isObject(activity.channelData)) {
        return 'The activity\'s "channelData" must be an object.';
    }
    if (options.localMode && typeof activity.serviceUrl === 'string' && !isLoopbackUrl(activity.serviceUrl)) {
        return 'In local mode the bot only replies to this machine: "serviceUrl" must be a localhost address.';
    }
    return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasId(value: unknown): boolean {
    if (!isObject(value)) return false;
    return typeof value.id === 'string' && value.id.trim() !== '';
}

function isLoopbackUrl(value: string): boolean {
    try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
    } catch {
        return false;
    }
}
