/** A website visitor for end-to-end tests and screenshots: the bot's local Direct Line, polled as Web Chat does. */
/** Reads until the value meets the condition (a safety-net deadline of a minute, never a pace). */
export async function eventually<T>(
    read: () => Promise<T> | T,
    done: (value: T) => boolean,
    what: string,
    deadlineMs = 60_000,
): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
        const value = await read();
        if (done(value)) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

/** A website visitor through the bot's local Direct Line, as Web Chat talks to it (polling). */
export class Visitor {
    private watermark: string | undefined;
    readonly received: { text?: string; from: { role?: string }; suggestedActions?: { actions: { title: string }[] } }[] = [];
    private constructor(
        private readonly baseUrl: string,
        private readonly token: string,
        private readonly conversationId: string,
        private readonly locale: string,
    ) {}

    static async start(baseUrl: string, locale: string): Promise<Visitor> {
        const session = (await (await fetch(`${baseUrl}/api/directline/token?locale=${locale}`)).json()) as {
            token: string;
            conversationId: string;
        };
        const visitor = new Visitor(baseUrl, session.token, session.conversationId, locale);
        const started = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: visitor.headers() });
        if (!started.ok) throw new Error(`Direct Line start: ${started.status}`);
        return visitor;
    }

    private headers() {
        return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
    }

    async say(text: string): Promise<void> {
        const response = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
            method: 'POST',
            headers: this.headers(),
            body: JSON.stringify({ type: 'message', text, locale: this.locale, from: { id: 'visitor' } }),
        });
        if (!response.ok) throw new Error(`Direct Line post: ${response.status}`);
    }

    async poll(): Promise<string[]> {
        const query = this.watermark ? `?watermark=${this.watermark}` : '';
        const response = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${query}`, {
            headers: this.headers(),
        });
        const body = (await response.json()) as { activities: Visitor['received']; watermark?: string };
        this.received.push(...body.activities);
        if (body.watermark) this.watermark = body.watermark;
        return this.received.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
    }

    /** Waits until the bot said something more than it had. */
    async hearsAnswer(): Promise<void> {
        const before = this.received.filter((a) => a.from.role === 'bot').length;
        await eventually(
            () => this.poll(),
            (texts) => texts.length > before,
            'the bot to answer the visitor',
        );
    }

    /** Waits for a bot message containing the text. */
    async hears(text: string): Promise<void> {
        await eventually(
            () => this.poll(),
            (texts) => texts.some((said) => said.includes(text)),
            `the visitor to hear “${text}”`,
        );
    }
}
