import {
  type AuditLog,
  handle,
  parseListQuery,
  type Principal,
  principalOf,
  requireRight,
  sendXlsx,
  type SheetColumn,
  writeSheet,
} from '@fupin/kit';
import type { Request, Response, Router } from 'express';
import { uncoveredListQuery } from '../coverage/coverage.routes';
import type { CoverageService } from '../coverage/coverage.service';
import { helperListQuery } from '../helpers/helper.routes';
import type { HelperService } from '../helpers/helper.service';
import { measureListQuery } from '../measures/measure.routes';
import type { MeasureService } from '../measures/measure.service';
import { pairingListQuery } from '../pairings/pairing.routes';
import type { PairingService } from '../pairings/pairing.service';
import type { PlanService } from '../plans/plan.service';
import { unvisitedListQuery, visitListQuery } from '../visits/visit.routes';
import type { VisitService } from '../visits/visit.service';
import { planFilterSchema } from '../plans/plan.schemas';
import {
  HELPER_COLUMNS,
  HOUSEHOLD_COLUMNS,
  MEASURE_COLUMNS,
  PAIRING_COLUMNS,
  PLAN_COLUMNS,
  UNVISITED_COLUMNS,
  VISIT_COLUMNS,
} from './export.columns';
import { shanghaiDateOf } from '@fupin/reference';

export interface ExportDeps {
  helpers: HelperService;
  pairings: PairingService;
  measures: MeasureService;
  visits: VisitService;
  plans: PlanService;
  coverage: CoverageService;
  audit: AuditLog;
  now: () => Date;
}

/**
 * 导出 — every list as XLSX with the list's own filter and the caller's scope. Personal data
 * stays masked; each batch is written to the audit log before its rows are sent.
 */
export function exportRoutes(router: Router, deps: ExportDeps): void {
  const send = async <T extends { _id: string } | { id: string }>(
    req: Request,
    res: Response,
    what: { file: string; sheet: string; subject: string; columns: SheetColumn<T>[] },
    rows: (p: Principal) => Promise<AsyncIterable<T> | Iterable<T>>,
  ) => {
    const p = principalOf(req);
    const source = await rows(p);
    sendXlsx(res, `${what.file}-${shanghaiDateOf(deps.now())}.xlsx`);
    await writeSheet(res, {
      name: what.sheet,
      columns: what.columns,
      rows: source,
      beforeBatch: (batch) =>
        deps.audit.record(p, {
          action: 'export',
          subjectType: what.subject,
          subjectIds: batch.map((r) => ('_id' in r ? r._id : r.id)),
          fields: [],
          reason: null,
          requestId: typeof req.id === 'string' ? req.id : null,
        }),
    });
  };

  router.get(
    '/exports/helpers.xlsx',
    requireRight('assistance', 'export'),
    handle(async (req, res) => {
      const { filter } = helperListQuery(req);
      const masked = HELPER_COLUMNS((h) => h.phone?.masked ?? null);
      await send(
        req,
        res,
        { file: '帮扶干部', sheet: '帮扶干部', subject: 'helper', columns: masked },
        async (p) => deps.helpers.cursor(p, filter),
      );
    }),
  );
  router.get(
    '/exports/pairings.xlsx',
    requireRight('assistance', 'export'),
    handle(async (req, res) => {
      const { filter } = pairingListQuery(req);
      await send(
        req,
        res,
        { file: '结对帮扶', sheet: '结对帮扶', subject: 'pairing', columns: PAIRING_COLUMNS },
        async (p) => deps.pairings.cursor(p, filter),
      );
    }),
  );
  router.get(
    '/exports/measures.xlsx',
    requireRight('assistance', 'export'),
    handle(async (req, res) => {
      const { filter } = measureListQuery(req);
      await send(
        req,
        res,
        { file: '帮扶措施', sheet: '帮扶措施', subject: 'measure', columns: MEASURE_COLUMNS },
        async (p) => deps.measures.cursor(p, filter),
      );
    }),
  );
  router.get(
    '/exports/visits.xlsx',
    requireRight('assistance', 'export'),
    handle(async (req, res) => {
      const { filter } = visitListQuery(req);
      await send(
        req,
        res,
        { file: '走访记录', sheet: '走访记录', subject: 'visit', columns: VISIT_COLUMNS },
        async (p) => deps.visits.cursor(p, filter),
      );
    }),
  );
  router.get(
    '/exports/plans.xlsx',
    requireRight('assistance', 'export'),
    handle(async (req, res) => {
      const { filter } = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['householdNo'],
        defaultSort: ['householdNo', 'ASC'],
        filter: planFilterSchema,
      });
      await send(
        req,
        res,
        { file: '一户一策', sheet: '一户一策', subject: 'plan', columns: PLAN_COLUMNS },
        async (p) => deps.plans.cursor(p, filter),
      );
    }),
  );
  router.get(
    '/exports/unvisited.xlsx',
    requireRight('assistance', 'export'),
    handle(async (req, res) => {
      const { filter } = unvisitedListQuery(req);
      const { month, ...f } = filter;
      const m = deps.visits.monthOf(month);
      await send(
        req,
        res,
        {
          file: `未走访户-${m}`,
          sheet: '未走访户',
          subject: 'household',
          columns: UNVISITED_COLUMNS,
        },
        async (p) =>
          (await deps.visits.unvisited(p, m, f)).sort((a, b) =>
            a.householdNo.localeCompare(b.householdNo),
          ),
      );
    }),
  );
  router.get(
    '/exports/uncovered.xlsx',
    requireRight('assistance', 'export'),
    handle(async (req, res) => {
      const { filter } = uncoveredListQuery(req);
      await send(
        req,
        res,
        {
          file: '无帮扶责任人户',
          sheet: '无帮扶责任人户',
          subject: 'household',
          columns: HOUSEHOLD_COLUMNS,
        },
        (p) => deps.coverage.uncoveredCursor(p, filter),
      );
    }),
  );
}
