import { AppError, bi } from '@fupin/kit';
import type { Logger } from 'pino';
import { z } from 'zod';
import { type CallerRequest, readAllPages } from '../upstream/ask';

// The households of a village or township as the registry shows them to the caller (its rights
// and area scope applied by the registry), for the jobs that go through an area household by
// household: a village's handbooks and cards, the consistency check.

export interface AreaHousehold {
  id: string;
  householdNo: string;
  areaCode: string;
}

const householdSchema = z.object({ id: z.string(), householdNo: z.string(), areaCode: z.string() });

/**
 * Every household of the area the caller may see, in 户号 order. An area outside the caller's
 * scope is a 403 from the registry, passed on; no answer is a 503 (nothing half-done is shown).
 */
export async function areaHouseholds(
  services: Record<string, string>,
  areaCode: string,
  caller: CallerRequest,
  log: Logger,
): Promise<AreaHousehold[]> {
  const base = services.registry;
  let read: unknown[] | { status: number } | undefined;
  try {
    if (base)
      read = await readAllPages(
        base,
        '/households',
        {
          filter: JSON.stringify({ area: areaCode }),
          sort: JSON.stringify(['householdNo', 'ASC']),
        },
        caller,
      );
  } catch (err) {
    if (err instanceof AppError) throw err;
    log.warn({ err }, 'registry household list not answered');
  }
  if (read && !Array.isArray(read) && read.status === 403)
    throw new AppError(
      403,
      'FORBIDDEN_AREA',
      bi('该地区不在您的管辖范围内', 'The area is outside your area scope'),
    );
  if (!Array.isArray(read)) {
    if (read) log.warn({ status: read.status }, 'registry household list refused');
    throw new AppError(
      503,
      'GATEWAY_SERVICE_UNAVAILABLE',
      bi(
        '建档立卡服务暂时无法应答，无法列出该地区的农户，请稍后再试',
        "The registry did not answer, so the area's households cannot be listed; try again shortly",
      ),
    );
  }
  const households: AreaHousehold[] = [];
  for (const h of read) {
    const ok = householdSchema.safeParse(h);
    if (ok.success) households.push(ok.data);
    else log.warn({ issues: ok.error.issues.slice(0, 3) }, 'registry household malformed');
  }
  return households;
}

/**
 * `fn` over every item with at most `limit` running at once, the results in the items' order;
 * `onDone(n)` after each one finishes (n finished so far), for a job's progress.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  onDone?: (done: number) => void | Promise<void>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
      done += 1;
      await onDone?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
