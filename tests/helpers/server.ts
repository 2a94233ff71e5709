import type { Server } from 'restify';
import { type BotConfig, loadConfig } from '../../src/configuration/config';
import { type App, type AppOptions, createApp } from '../../src/hosting/app';
import { listen } from '../../src/hosting/server';
import { quietLogger } from './chat';

export interface RunningBot {
    app: App;
    url: string;
    close(): Promise<void>;
}

/** A real bot server on an ephemeral loopback port, configured like production would be from `env`; `options.logger` to read its events. */
export async function startBot(
    env: Record<string, string> = {},
    overrides: Partial<BotConfig> = {},
    options: Partial<AppOptions> = {},
): Promise<RunningBot> {
    const config = { ...loadConfig({ PORT: '0', ...env }), ...overrides };
    const app = createApp(config, { logger: quietLogger, ...options });
    const port = await listen(app.server, 0, '127.0.0.1');
    return { app, url: `http://127.0.0.1:${port}`, close: () => closeServer(app.server) };
}

/** Stops the server without waiting for clients' keep-alive connections (a browser holds them open). */
function closeServer(server: Server): Promise<void> {
    return new Promise((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
    });
}

let sequence = 0;

/** A minimal valid activity from a user, asking for the replies in the response body. */
export function activity(fields: Record<string, unknown> = {}): Record<string, unknown> {
    sequence += 1;
    return {
        type: 'message',
        id: `a${sequence}`,
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:9',
        from: { id: 'user-1', name: 'User' },
        recipient: { id: 'bot-1', name: 'Bot' },
        conversation: { id: 'conv-1' },
        locale: 'en-US',
        deliveryMode: 'expectReplies',
        ...fields,
    };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
    });
}

export interface ReplyActivity {
    type: string;
    text?: string;
    name?: string;
    value?: unknown;
    suggestedActions?: { actions: { title: string }[] };
}

export async function replies(response: Response): Promise<ReplyActivity[]> {
    const body = (await response.json()) as { activities?: ReplyActivity[] };
    return body.activities ?? [];
}
