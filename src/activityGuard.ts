/**
 * Checks that a request body is a Bot Framework activity the adapter can process. The adapter throws on
 * some malformed bodies ({} has no type), so they are answered with 400 and a clear message first.
 */
export function activityProblem(body: unknown): string | undefined {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return 'The request body must be one Bot Framework activity: a JSON object.';
    }
    const activity = body as Record<string, unknown>;
    if (typeof activity.type !== 'string' || activity.type.trim() === '') return 'The activity has no "type".';
    if (!hasId(activity.conversation)) return 'The activity has no "conversation.id".';
    if (!hasId(activity.from)) return 'The activity has no "from.id".';
    if (activity.text !== undefined && typeof activity.text !== 'string') return 'The activity\'s "text" must be a string.';
    if (activity.locale !== undefined && typeof activity.locale !== 'string') return 'The activity\'s "locale" must be a string.';
    return undefined;
}

function hasId(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const id = (value as Record<string, unknown>).id;
    return typeof id === 'string' && id.trim() !== '';
}
