import type { BenefitRow } from '@fupin/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { parseInput, zmsg } from './errors';
import { principalOf } from './http/auth';
import { type ListQuery, parseListQuery, sendList } from './http/list';
import { areaCode12 } from './http/params';

// 受益底册 (issue 23): what every service's `GET /ledger/benefits` shares — its query (one
// household, or a village or township, and a year), and one page of its rows in the contract's
// order. A service builds its rows from its own records; the rows are derived (a payment list's
// lines, a loan's 贴息 by year), so they are ordered and cut here rather than by the database.

const ledgerQuerySchema = z
  .object({
    householdId: z.string().min(1).max(64).optional(),
    areaCode: areaCode12.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  })
  .refine((q) => q.householdId === undefined || q.areaCode === undefined, {
    message: zmsg('householdId 与 areaCode 只能给出其一', 'give householdId or areaCode, not both'),
    path: ['areaCode'],
  });

/** One household, or an area (village or township), with the year when one is asked for. */
export type LedgerQuery = (
  { householdId: string; areaCode?: undefined } | { householdId?: undefined; areaCode: string }
) & { year?: number; page: ListQuery<unknown> };

/**
 * The ledger's query from the request: `householdId` or `areaCode` (by default the caller's own
 * area, its whole scope), `year`, `range`.
 */
export function parseLedgerQuery(req: Request): LedgerQuery {
  const { range, householdId, areaCode, year } = req.query as Record<string, unknown>;
  const page = parseListQuery(
    { range },
    { sortable: ['householdId'], defaultSort: ['householdId', 'ASC'], filter: z.object({}) },
  );
  const q = parseInput(ledgerQuerySchema, { householdId, areaCode, year }, { where: 'query' });
  if (q.householdId !== undefined) return { householdId: q.householdId, year: q.year, page };
  return { areaCode: q.areaCode ?? principalOf(req).areaCode, year: q.year, page };
}

/** Ordered by household, then day (rows only recorded, without a day, after), then id. */
function compareRows(a: BenefitRow, b: BenefitRow): number {
  if (a.householdId !== b.householdId) return a.householdId < b.householdId ? -1 : 1;
  const aOn = a.on ?? '9999';
  const bOn = b.on ?? '9999';
  if (aOn !== bOn) return aOn < bOn ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One page of the rows, of the asked year only, in the contract's order, with the
 * Content-Range of all of them (`benefits 0-499/1234`).
 */
export function sendLedgerPage(res: Response, q: LedgerQuery, rows: BenefitRow[]): void {
  const all = (q.year === undefined ? rows : rows.filter((r) => r.year === q.year)).sort(
    compareRows,
  );
  const page = all.slice(q.page.skip, q.page.skip + q.page.limit);
  sendList(res, 'benefits', q.page, page, all.length);
}
