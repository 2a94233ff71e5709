import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Message texts and user ids are never logged: only ids of topics, dialogs and
 * events, so that the logs hold no personal data.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
    const options: pino.LoggerOptions = { level, base: { service: 'impplus-bot' }, timestamp: pino.stdTimeFunctions.isoTime };
    return destination ? pino(options, destination) : pino(options);
}
