import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Keys whose values never reach a log line, at any depth we log. */
export const redactedPaths = [
  'password',
  'token',
  'secret',
  'authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'config.secret',
];

export function createLogger(opts: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    { level: opts.level ?? 'info', redact: { paths: redactedPaths, censor: '[redacted]' }, base: { app: 'observatory' } },
    opts.destination ?? process.stderr,
  );
}

/** One logger per service, tagged with its name. */
export function serviceLogger(root: Logger, service: string): Logger {
  return root.child({ service });
}
