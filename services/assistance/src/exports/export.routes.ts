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
import { shanghaiDateOf } from '@fupin/reference';
import type { Request, Response, Router } from 'express';
import { uncoveredListQuery } from '../coverage/coverage.routes';
import type { CoverageService } from '../coverage/coverage.service';
import { helperListQuery } from '../helpers/helper.routes';
import type { HelperService } from '../helpers/helper.service';
import { measureListQuery } from '../measures/measure.routes';
import type { MeasureService } from '../measures/measure.service';
import { pairingListQuery } from '../pairings/pairing.routes';
import type { PairingService } from '../pairings/pairing.service';
import { planFilterSchema } from '../plans/plan.schemas';
import type { PlanService } from '../plans/plan.service';
import { unvisitedListQuery, visitListQuery } from '../visits/visit.routes';
import type { VisitService } from '../visits/visit.service';
import {
  HELPER_COLUMNS,
  HOUSEHOLD_COLUMNS,
  MEASURE_COLUMNS,
  PAIRING_COLUMNS,
  PLAN_COLUMNS,
  UNVISITED_COLUMNS,
  VISIT_COLUMNS,
} from './export.columns';

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

type Row = { _id: string } | { id: string };

/** One list as a sheet: its request's filter, its rows in the caller's scope, its columns. */
interface SheetExport<F, T extends Row> {
  path: string;
  /** The sheet's name, and the file's unless `file` names it. */
  sheet: string;
  file?: (f: NoInfer<F>) => string;
  /** What the audit log calls the exported records. */
  subject: string;
  columns: SheetColumn<T>[];
  filter: (req: Request) => F;
  rows: (p: Principal, f: NoInfer<F>) => Promise<AsyncIterable<T> | Iterable<T>>;
}

/** A mounted export: the route's path and its handler. */
interface Mounted {
  path: string;
  send: (req: Request, res: Response) => Promise<void>;
}

/**
 * 导出 — every list as XLSX with the list's own filter and the caller's scope. Personal data
 * stays masked; each batch is written to the audit log before its rows are sent.
 */
export function exportRoutes(router: Router, deps: ExportDeps): void {
  for (const e of sheetsOf(deps))
    router.get(e.path, requireRight('assistance', 'export'), handle(e.send));
}

/** The exports, one entry per list. */
function sheetsOf(deps: ExportDeps): Mounted[] {
  const masked = HELPER_COLUMNS((h) => h.phone?.masked ?? null);
  return [
    sheet(deps, {
      path: '/exports/helpers.xlsx',
      sheet: '帮扶干部',
      subject: 'helper',
      columns: masked,
      filter: (req) => helperListQuery(req).filter,
      rows: async (p, f) => deps.helpers.cursor(p, f),
    }),
    sheet(deps, {
      path: '/exports/pairings.xlsx',
      sheet: '结对帮扶',
      subject: 'pairing',
      columns: PAIRING_COLUMNS,
      filter: (req) => pairingListQuery(req).filter,
      rows: async (p, f) => deps.pairings.cursor(p, f),
    }),
    sheet(deps, {
      path: '/exports/measures.xlsx',
      sheet: '帮扶措施',
      subject: 'measure',
      columns: MEASURE_COLUMNS,
      filter: (req) => measureListQuery(req).filter,
      rows: async (p, f) => deps.measures.cursor(p, f),
    }),
    sheet(deps, {
      path: '/exports/visits.xlsx',
      sheet: '走访记录',
      subject: 'visit',
      columns: VISIT_COLUMNS,
      filter: (req) => visitListQuery(req).filter,
      rows: async (p, f) => deps.visits.cursor(p, f),
    }),
    sheet(deps, {
      path: '/exports/plans.xlsx',
      sheet: '一户一策',
      subject: 'plan',
      columns: PLAN_COLUMNS,
      filter: (req) =>
        parseListQuery(req.query as Record<string, unknown>, {
          sortable: ['householdNo'],
          defaultSort: ['householdNo', 'ASC'],
          filter: planFilterSchema,
        }).filter,
      rows: async (p, f) => deps.plans.cursor(p, f),
    }),
    sheet(deps, {
      path: '/exports/unvisited.xlsx',
      sheet: '未走访户',
      file: ({ month }) => `未走访户-${month}`,
      subject: 'household',
      columns: UNVISITED_COLUMNS,
      filter: (req: Request) => {
        const { month, ...rest } = unvisitedListQuery(req).filter;
        return { month: deps.visits.monthOf(month), rest };
      },
      rows: async (p, { month, rest }) =>
        (await deps.visits.unvisited(p, month, rest)).sort((a, b) =>
          a.householdNo.localeCompare(b.householdNo),
        ),
    }),
    sheet(deps, {
      path: '/exports/uncovered.xlsx',
      sheet: '无帮扶责任人户',
      subject: 'household',
      columns: HOUSEHOLD_COLUMNS,
      filter: (req) => uncoveredListQuery(req).filter,
      rows: (p, f) => deps.coverage.uncoveredCursor(p, f),
    }),
  ];
}

/** Sends one list as a sheet, each batch audited before it is written. */
function sheet<F, T extends Row>(deps: ExportDeps, e: SheetExport<F, T>): Mounted {
  return {
    path: e.path,
    send: async (req, res) => {
      const f = e.filter(req);
      const p = principalOf(req);
      const source = await e.rows(p, f);
      sendXlsx(res, `${e.file ? e.file(f) : e.sheet}-${shanghaiDateOf(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: e.sheet,
        columns: e.columns,
        rows: source,
        beforeBatch: (batch) =>
          deps.audit.record(p, {
            action: 'export',
            subjectType: e.subject,
            subjectIds: batch.map((r) => ('_id' in r ? r._id : r.id)),
            fields: [],
            reason: null,
            requestId: typeof req.id === 'string' ? req.id : null,
          }),
      });
    },
  };
}
