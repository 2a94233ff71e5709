import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';

const CLI = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

/** A message as the Playground's conversation stream describes it. */
export interface PlaygroundMessage {
    messageId: string;
    /** The conversation the message shows in (a channel for a new post). */
    conversationId: string;
    /** The post's own conversation when the message starts a channel post. */
    postConversationId?: string;
    text?: string;
    attachments: { contentType: string; content: unknown }[];
}

interface StreamAction {
    action: string;
    actionConversationId: string;
    message?: Omit<PlaygroundMessage, 'conversationId'>;
}

export interface PlaygroundConfig {
    tenantId: string;
    bot: { id: string; name: string };
    currentUser: { id: string; name: string };
    teams: { id: string; name: string; channels: { id: string; name: string }[] }[];
}

/**
 * The Microsoft 365 Agents Playground (a Teams-like client, offline) started against a bot, on a port of its
 * own choosing; its conversation stream is recorded: every message the bot creates or updates.
 */
export class Playground {
    readonly messages = new Map<string, PlaygroundMessage>();
    private constructor(
        private readonly process: ChildProcess,
        readonly url: string,
        private readonly socket: WebSocket,
    ) {
        socket.on('message', (data) => {
            const action = JSON.parse(String(data)) as StreamAction;
            if (!action.message?.messageId) return;
            const previous = this.messages.get(action.message.messageId);
            this.messages.set(action.message.messageId, {
                ...previous,
                ...action.message,
                conversationId: previous?.conversationId ?? action.actionConversationId,
            } as PlaygroundMessage);
        });
    }

    static async start(botEndpoint: string): Promise<Playground> {
        const child = spawn(process.execPath, [CLI, '-e', botEndpoint, '-c', 'msteams', '-p', '0', '--disable-telemetry'], {
            env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', BROWSER: 'none' },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const port = await new Promise<number>((resolve, reject) => {
            const read = (chunk: Buffer) => {
                output += chunk.toString();
                const match = /Listening on (\d+)/.exec(output);
                if (match) resolve(Number(match[1]));
            };
            child.stdout?.on('data', read);
            child.stderr?.on('data', read);
            child.once('exit', (code) => reject(new Error(`the Playground exited (${code}): ${output}`)));
        });
        const url = `http://127.0.0.1:${port}`;
        const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
        await new Promise<void>((resolve, reject) => {
            socket.once('open', () => resolve());
            socket.once('error', reject);
        });
        return new Playground(child, url, socket);
    }

    async config(): Promise<PlaygroundConfig> {
        const response = await fetch(`${this.url}/_internal/v1/config`);
        return ((await response.json()) as { config: PlaygroundConfig }).config;
    }

    /** Installs the bot in a conversation (a team's channel) the way Teams announces it: an installationUpdate. */
    async install(conversationId: string): Promise<void> {
        const template = await fetch(
            `${this.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}&type=install`,
        );
        if (!template.ok) throw new Error(`install template: ${template.status} ${await template.text()}`);
        const activity = await template.json();
        const sent = await this.post('/_internal/v1/customActivities', activity);
        if (!sent.ok) throw new Error(`install: ${sent.status} ${await sent.text()}`);
    }

    /** A tap on an Action.Execute button: the Playground sends adaptiveCard/action and returns the bot's answer. */
    async execute(message: PlaygroundMessage, fromId: string, action: Record<string, unknown>): Promise<Response> {
        return this.post('/_conversation/v1/invoke', {
            name: 'adaptiveCard/action',
            value: { action },
            from: { id: fromId },
            conversation: { id: message.postConversationId ?? message.conversationId },
            replyToId: message.messageId,
        });
    }

    private post(path: string, body: unknown): Promise<Response> {
        return fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    }

    async stop(): Promise<void> {
        this.socket.terminate();
        if (this.process.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
        this.process.kill('SIGTERM');
        await exited;
    }
}
