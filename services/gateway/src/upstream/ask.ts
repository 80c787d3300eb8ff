import { traceHeaders } from '@fupin/kit';
import type { Request } from 'express';

/** How long one service may take to answer the gateway's own request. */
export const ASK_TIMEOUT_MS = 10_000;

/** The caller's credentials and request id, passed on to every service the gateway asks. */
export interface CallerRequest {
  authorization: string;
  requestId: string | undefined;
}

export const callerOf = (req: Request): CallerRequest => ({
  authorization: req.headers.authorization ?? '',
  requestId: typeof req.id === 'string' ? req.id : undefined,
});

/**
 * Asks a service with the caller's own token (the service applies the caller's rights and area
 * scope itself), the request id and the trace passed on; `pathAndQuery` starts with `/`.
 */
export function askService(
  base: string,
  pathAndQuery: string,
  caller: CallerRequest,
  timeoutMs = ASK_TIMEOUT_MS,
): Promise<Response> {
  return fetch(`${base}${pathAndQuery}`, {
    headers: {
      authorization: caller.authorization,
      accept: 'application/json',
      ...(caller.requestId ? { 'x-request-id': caller.requestId } : {}),
      ...traceHeaders(),
    },
    signal: AbortSignal.timeout(timeoutMs),
  });
}
