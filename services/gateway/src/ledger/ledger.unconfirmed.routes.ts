import {
  AppError,
  bi,
  handle,
  hasRight,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  zmsg,
} from '@fupin/kit';
import {
  areaLevel,
  isWithin,
  RECEIPT_RESULTS,
  receiptGraceRuleFor,
  shanghaiDateOf,
} from '@fupin/reference';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { BENEFIT_SOURCES } from '@fupin/contracts';
import { type CallerRequest, callerOf, readAllPages } from '../upstream/ask';
import { rowsOf, sourceViews } from './ledger.assembly';
import { fetchSources, householdNumbers } from './ledger.client';
import { type ReceiptSeen, unconfirmedRows } from './ledger.unconfirmed';

/** A county, a township or a village: the county's view counts by township. */
const countyTownshipOrVillage = z
  .string()
  .regex(/^\d{12}$/, zmsg('须为12位数字的地区代码', 'must be a 12-digit area code'))
  .refine(
    (c) => {
      try {
        return ['county', 'township', 'village'].includes(areaLevel(c));
      } catch {
        return false;
      }
    },
    zmsg('须为县、乡镇或村的地区代码', 'must be the code of a county, a township or a village'),
  );

const unconfirmedQuery = z.strictObject({
  areaCode: countyTownshipOrVillage.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  graceDays: z.coerce.number().int().min(0).max(365).optional(),
  range: z.string().optional(),
});

const receiptsSchema = z.array(
  z.object({
    source: z.enum(BENEFIT_SOURCES),
    rowId: z.string(),
    result: z.enum(RECEIPT_RESULTS),
    amountFen: z.number().int(),
    visitId: z.string(),
    visitDate: z.string(),
    note: z.string(),
    recordedAt: z.string(),
  }),
);

type ReceiptsOutcome = { status: 'ok'; receipts: ReceiptSeen[] } | { status: 'left_out' };

/** The assistance service's 到户资金确认 of the area, every page, with the caller's token. */
async function fetchReceipts(
  services: Record<string, string>,
  areaCode: string,
  caller: CallerRequest,
  log: Logger,
): Promise<ReceiptsOutcome> {
  const base = services.assistance;
  if (!base) return { status: 'left_out' };
  try {
    const read = await readAllPages(base, '/ledger/receipts', { areaCode }, caller);
    const parsed = Array.isArray(read) ? receiptsSchema.safeParse(read) : undefined;
    if (parsed?.success) return { status: 'ok', receipts: parsed.data };
    log.warn({ status: Array.isArray(read) ? 'malformed' : read.status }, 'receipts not read');
  } catch (err) {
    if (err instanceof AppError) throw err;
    log.warn({ err }, 'receipts not answered');
  }
  return { status: 'left_out' };
}

const NOT_CHECKED = bi(
  '未能读取帮扶部分的到户资金确认，无法判断哪些资金未确认',
  "The assistance part's confirmations could not be read: unconfirmed payments cannot be told",
);

/**
 * 截留预警 (issue 24 item 7): `GET /ledger/unconfirmed` — the paid rows of the 受益底册 of an area
 * not confirmed by the household within the grace days, and those it said it did not receive or
 * received with another amount; per township counts and one page of the list.
 */
export function unconfirmedRoutes(
  router: Router,
  deps: { services: Record<string, string>; logger: Logger; now: () => Date },
): void {
  const log = deps.logger.child({ component: 'ledger-unconfirmed' });
  router.get(
    '/ledger/unconfirmed',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const { range, ...q } = parseInput(unconfirmedQuery, req.query, { where: 'query' });
      const page = parseListQuery(
        { range },
        { sortable: ['reason'], defaultSort: ['reason', 'ASC'], filter: z.object({}) },
      );
      const areaCode = q.areaCode ?? p.areaCode;
      if (!isWithin(areaCode, p.areaCode))
        throw new AppError(
          403,
          'FORBIDDEN_AREA',
          bi('该地区不在您的管辖范围内', 'The area is outside your area scope'),
        );
      const today = shanghaiDateOf(deps.now());
      const graceDays = q.graceDays ?? receiptGraceRuleFor(today).graceDays;
      const caller = callerOf(req);
      const [outcomes, receipts, numbers] = await Promise.all([
        fetchSources(deps.services, p, { areaCode, year: q.year }, caller, log),
        hasRight(p, 'assistance', 'read')
          ? fetchReceipts(deps.services, areaCode, caller, log)
          : Promise.resolve<ReceiptsOutcome>({ status: 'left_out' }),
        // 户号 from the registry's list of a township or village (a county's list is too long).
        areaLevel(areaCode) === 'county'
          ? Promise.resolve(new Map<string, string>())
          : householdNumbers(deps.services, areaCode, caller, log),
      ]);
      const checked = receipts.status === 'ok';
      const found = checked
        ? unconfirmedRows(rowsOf(outcomes), receipts.receipts, { today, graceDays, numbers })
        : { rows: [], townships: [] };
      res.json({
        areaCode,
        year: q.year ?? null,
        graceDays,
        today,
        generatedAt: deps.now().toISOString(),
        checked,
        ...(checked ? {} : { message: NOT_CHECKED }),
        sources: sourceViews(outcomes),
        townships: found.townships,
        total: found.rows.length,
        rows: found.rows.slice(page.skip, page.skip + page.limit),
      });
    }),
  );
}
