import { AppError, bi, traceHeaders } from '@fupin/kit';
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

/** One page asked of a service (its lists' page limit). */
const PAGE = 500;
/** Rows of one list beyond which the gateway refuses to read on (narrow it by year or village). */
export const MAX_LIST_ROWS = 100_000;

/**
 * Every page of a service's list (`range=[a,b]`, `Content-Range: … a-b/total`), or the status
 * of the first page refused; more than `MAX_LIST_ROWS` rows is a 422.
 */
export async function readAllPages(
  base: string,
  path: string,
  params: Record<string, string>,
  caller: CallerRequest,
): Promise<unknown[] | { status: number }> {
  const items: unknown[] = [];
  for (;;) {
    const q = new URLSearchParams({
      ...params,
      range: JSON.stringify([items.length, items.length + PAGE - 1]),
    });
    const res = await askService(base, `${path}?${q}`, caller);
    if (!res.ok) return { status: res.status };
    const page = (await res.json()) as unknown;
    if (!Array.isArray(page)) return { status: 502 };
    items.push(...page);
    const total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
    if (page.length < PAGE || !Number.isFinite(total) || items.length >= total) return items;
    if (items.length >= MAX_LIST_ROWS)
      throw new AppError(
        422,
        'LIST_TOO_LARGE',
        bi(
          `记录超过 ${MAX_LIST_ROWS} 条，请按年度或村缩小范围`,
          `More than ${MAX_LIST_ROWS} records: narrow by year or village`,
        ),
      );
  }
}
