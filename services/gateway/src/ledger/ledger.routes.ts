import type { BenefitRow, BenefitSource } from '@fupin/contracts';
import {
  type AuditLog,
  bi,
  handle,
  idParam,
  parseInput,
  principalOf,
  requireRight,
  sendXlsx,
  writeSheets,
  zmsg,
} from '@fupin/kit';
import { areaLevel, shanghaiDateOf } from '@fupin/reference';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { callerOf } from '../upstream/ask';
import { householdLedger, rowsOf, sourceViews, totalsByHousehold } from './ledger.assembly';
import {
  fetchSources,
  householdNumbers,
  type LedgerScope,
  registeredHousehold,
  type SourceOutcome,
} from './ledger.client';
import { crossCheck } from './ledger.crosscheck';
import { ledgerSheets } from './ledger.export';
import { unconfirmedRoutes } from './ledger.unconfirmed.routes';

const year = z.coerce.number().int().min(2000).max(2100);

/** A village or a township (a ledger of a whole county is too much for one workbook). */
export const villageOrTownship = z
  .string()
  .regex(/^\d{12}$/, zmsg('须为12位数字的地区代码', 'must be a 12-digit area code'))
  .refine(
    (c) => {
      try {
        return ['village', 'township'].includes(areaLevel(c));
      } catch {
        return false;
      }
    },
    zmsg('须为村或乡镇的地区代码', 'must be the code of a village or a township'),
  );

const householdLedgerQuery = z.strictObject({ year: year.optional() });
const areaQuery = z.strictObject({ areaCode: villageOrTownship, year });
const exportQuery = z.union([
  z.strictObject({
    householdId: z.string().min(1).max(64),
    year: year.optional(),
    reason: z.string().max(200).optional(),
  }),
  z.strictObject({ areaCode: villageOrTownship, year, reason: z.string().max(200).optional() }),
]);

/** Why the cross-check needs both assistance and funds: said when either is left out. */
function uncheckedBecause(outcomes: Partial<Record<BenefitSource, SourceOutcome>>) {
  return outcomes.assistance?.status === 'ok' && outcomes.funds?.status === 'ok'
    ? null
    : bi(
        '帮扶或项目资金部分已略去，无法核对措施与资金支付',
        'The assistance or the funds part is left out: measures and payments cannot be checked',
      );
}

/**
 * 受益底册 (issue 23): a household's benefits from every source by year, the cross-check of a
 * village's or township's measures against the funds' payments, and the ledger as a workbook.
 */
export function ledgerRoutes(
  router: Router,
  deps: { services: Record<string, string>; logger: Logger; audit: AuditLog; now: () => Date },
): void {
  const log = deps.logger.child({ component: 'ledger' });

  router.get(
    '/households/:id/ledger',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const q = parseInput(householdLedgerQuery, req.query, { where: 'query' });
      const caller = callerOf(req);
      const household = await registeredHousehold(deps.services, id, caller, log);
      const outcomes = await fetchSources(deps.services, p, { householdId: id, ...q }, caller, log);
      res.json(householdLedger(household, outcomes, deps.now()));
    }),
  );

  router.get(
    '/ledger/mismatches',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const q = parseInput(areaQuery, req.query, { where: 'query' });
      const outcomes = await fetchSources(deps.services, p, q, callerOf(req), log, [
        'assistance',
        'funds',
      ]);
      const unchecked = uncheckedBecause(outcomes);
      res.json({
        areaCode: q.areaCode,
        year: q.year,
        generatedAt: deps.now().toISOString(),
        checked: unchecked === null,
        ...(unchecked ? { message: unchecked } : {}),
        sources: sourceViews(outcomes),
        mismatches: unchecked ? [] : crossCheck(rowsOf(outcomes)),
      });
    }),
  );

  router.get(
    '/exports/benefit-ledger.xlsx',
    requireRight('registry', 'export'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const q = parseInput(exportQuery, req.query, { where: 'query' });
      const caller = callerOf(req);
      let scope: LedgerScope;
      let numbers: Map<string, string>;
      let title: string;
      if ('householdId' in q) {
        const h = await registeredHousehold(deps.services, q.householdId, caller, log);
        scope = { householdId: h.id, year: q.year };
        numbers = new Map([[h.id, h.householdNo]]);
        title = `受益底册-${h.householdNo}${q.year ? `-${q.year}` : ''}`;
      } else {
        scope = { areaCode: q.areaCode, year: q.year };
        numbers = await householdNumbers(deps.services, q.areaCode, caller, log);
        title = `受益底册-${q.areaCode}-${q.year}`;
      }
      const outcomes = await fetchSources(deps.services, p, scope, caller, log);
      const rows = rowsOf(outcomes).sort(
        (a, b) =>
          (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0) ||
          a.year - b.year,
      );
      const unchecked = uncheckedBecause(outcomes);
      const requestId = typeof req.id === 'string' ? req.id : null;
      const audited = (batch: BenefitRow[]) =>
        deps.audit.record(p, {
          action: 'export',
          subjectType: 'household',
          subjectIds: [...new Set(batch.map((r) => r.householdId))],
          fields: [],
          reason: q.reason?.trim() || null,
          requestId,
        });
      sendXlsx(res, `${title}-${shanghaiDateOf(deps.now())}.xlsx`);
      await writeSheets(
        res,
        ledgerSheets(
          {
            rows,
            totals: totalsByHousehold(rows),
            mismatches: unchecked ? [] : crossCheck(rows),
            sources: sourceViews(outcomes),
            uncheckedBecause: unchecked?.['zh-CN'] ?? null,
            numbers,
          },
          audited,
        ),
      );
      if (!res.writableEnded) res.end();
    }),
  );
  unconfirmedRoutes(router, deps);
}
