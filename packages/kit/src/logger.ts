import pino, { type Logger } from 'pino';
import { redact, redactString } from './redact';

export type { Logger };

/**
 * pino logger for a service. Every object logged passes through `redact`, and the message
 * string too, so no ID number, phone, bank account, password or token is written in clear.
 */
export function createLogger(opts: {
  name: string;
  level?: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: opts.name,
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: opts.name },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => redact(obj) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((a) => (typeof a === 'string' ? redactString(a) : a));
          return method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    },
    opts.destination,
  );
}
