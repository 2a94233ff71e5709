/**
 * The thinnest bot on the same stack as ours: botbuilder's CloudAdapter (local mode, no credentials) behind
 * restify with the same body parser limit and the same /healthz. No state, no dialogs, no middleware: it echoes
 * each message and greets members who join. The benchmark compiles it and runs it with plain `node`.
 */
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify from 'restify';

const port = Number(process.env.PORT ?? 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

async function logic(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Message) {
        await context.sendActivity(`Echo: ${activity.text ?? ''}`);
    } else if (activity.type === ActivityTypes.ConversationUpdate) {
        const bot = activity.recipient?.id;
        if ((activity.membersAdded ?? []).some((member) => member.id !== bot)) await context.sendActivity('Hello and welcome!');
    }
}

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
});
// The canonical sample's route: CloudAdapter.process validates the request, runs the turn and writes the response.
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, logic);
});
server.listen(port, () => undefined);

const shutdown = (): void => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
