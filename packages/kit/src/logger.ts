import { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { redact, redactString } from './redact';

export type { Logger };

/** What an access log line keeps of a request: its id, method and path (masked like any text). */
export function requestSummary(req: { id?: unknown; method?: string; url?: string }) {
  return {
    id: req.id,
    method: req.method,
    url: req.url === undefined ? undefined : redactString(req.url),
  };
}

/**
 * What it keeps of a response: the status, or null when the connection closed before an answer
 * (pino-http hands a serializer `statusCode: null` then; a raw response has not sent headers).
 */
export function responseSummary(res: { statusCode?: number | null; headersSent?: boolean }) {
  return { statusCode: res.headersSent === false ? null : (res.statusCode ?? null) };
}

/**
 * An HTTP request or response logged under `req`/`res` is left whole for the serializers
 * above, which keep only the summary; copying one through `redact` would walk its socket and
 * lose what its getters say (whether headers were sent, hence every status read as null).
 */
function redactLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  const { req, res, ...rest } = obj;
  const out = redact(rest) as Record<string, unknown>;
  if (req !== undefined) out.req = req instanceof IncomingMessage ? req : redact(req);
  if (res !== undefined) out.res = res instanceof ServerResponse ? res : redact(res);
  return out;
}

/**
 * pino logger for a service. Every object logged passes through `redact`, and the message
 * string too, so no ID number, phone, bank account, password or token is written in clear;
 * requests and responses are reduced to `requestSummary` and `responseSummary`.
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
        log: redactLogObject,
      },
      serializers: { req: requestSummary, res: responseSummary },
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
