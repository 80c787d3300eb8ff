import {
  areaCode12,
  bi,
  calendarDay,
  forbidden,
  handle,
  idParam,
  parseInput,
  parseListQuery,
  type Principal,
  principalOf,
  requireRight,
  type ScopedRepository,
  sendList,
  zmsg,
} from '@fupin/kit';
import { areaLevel, shanghaiDateOf } from '@fupin/reference';
import type { Router } from 'express';
import { z } from 'zod';
import { type DisasterService, warningFigures } from './disaster.service';
import { DISASTER_KINDS, type DisasterKind } from './monitoring-facts.model';
import type { ScreeningRun } from './screening.model';
import type { MonitoringSettingsService } from './settings.service';
import type { MonitoringWarning } from './warning.model';
import { WARNING_RULES } from './warning-rules.table';

const areaCode = areaCode12;
const yearParam = z.object({ year: z.coerce.number().int().min(2010).max(2100) });
const fen = z.number().int().min(1, zmsg('须大于0', 'must be above 0')).max(1_000_000_000);
const settingsBody = z.strictObject({
  monitoringLineFen: fen.nullable(),
  medicalThresholdFen: fen,
  reason: z.string().trim().min(2, zmsg('请填写调整依据', 'give the reason')).max(500),
});
const day = calendarDay;
const disasterBody = z.strictObject({
  kind: z.enum(Object.keys(DISASTER_KINDS) as [DisasterKind, ...DisasterKind[]]),
  areaCode: areaCode.refine(
    (c) => !c.endsWith('000'),
    zmsg('须为行政村代码', 'must be a village code'),
  ),
  day,
  householdIds: z.array(z.string().min(1).max(64)).max(2000).default([]),
  lossesFen: z.number().int().min(0).nullable().default(null),
  description: z.string().trim().max(1000).default(''),
});
const disasterFilter = z.strictObject({
  areaCode: areaCode.optional(),
  kind: z.enum(Object.keys(DISASTER_KINDS) as [DisasterKind, ...DisasterKind[]]).optional(),
});

export interface ScreeningRouteDeps {
  runs: ScopedRepository<ScreeningRun>;
  warnings: ScopedRepository<MonitoringWarning>;
  settings: MonitoringSettingsService;
  disasters: DisasterService;
  /** Queues an on-demand screening; answers the run as queued. */
  request: (p: Principal) => Promise<ScreeningRun>;
  now: () => Date;
}

const runView = ({ _id, ...r }: ScreeningRun) => ({ id: _id, ...r });

/**
 * The county's own decisions (a screening of the county, its thresholds, a warning's deadline):
 * county users only.
 */
export function countyOnly(
  p: Principal,
  code: string,
  what: { zh: string; en: string },
): Principal {
  if (areaLevel(p.areaCode) !== 'county') {
    throw forbidden(code, bi(`${what.zh}须由县级用户操作`, `${what.en} is a county user's action`));
  }
  return p;
}

/** The screenings, the rule table and its thresholds, the disasters, the figures by township. */
export function screeningRoutes(router: Router, d: ScreeningRouteDeps): void {
  router.post(
    '/monitoring/screenings',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const p = countyOnly(principalOf(req), 'REGISTRY_SCREENING_COUNTY_ONLY', {
        zh: '发起监测筛查',
        en: 'Starting a screening',
      });
      res.status(202).json(runView(await d.request(p)));
    }),
  );
  router.get(
    '/monitoring/screenings',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['startedAt'],
        defaultSort: ['startedAt', 'DESC'],
        filter: z.strictObject({
          status: z.enum(['running', 'done', 'refused', 'failed']).optional(),
        }),
      });
      const { items, total } = await d.runs.page(
        principalOf(req),
        q.filter.status ? { status: q.filter.status } : {},
        q,
      );
      sendList(res, 'monitoring/screenings', q, items.map(runView), total);
    }),
  );
  router.get(
    '/monitoring/screenings/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const run = await d.runs.get(principalOf(req), id, {
        what: bi('监测筛查', 'Screening'),
        code: 'REGISTRY_SCREENING_NOT_FOUND',
      });
      res.json(runView(run));
    }),
  );
  router.get(
    '/monitoring/rules',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const year = Number(shanghaiDateOf(d.now()).slice(0, 4));
      res.json({ rules: WARNING_RULES, settings: await d.settings.get(principalOf(req), year) });
    }),
  );
  router.get(
    '/monitoring/settings/:year',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { year } = parseInput(yearParam, req.params, { where: 'params' });
      res.json(await d.settings.get(principalOf(req), year));
    }),
  );
  router.put(
    '/monitoring/settings/:year',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const { year } = parseInput(yearParam, req.params, { where: 'params' });
      const body = parseInput(settingsBody, req.body);
      const p = countyOnly(principalOf(req), 'REGISTRY_MONITORING_SETTINGS_COUNTY_ONLY', {
        zh: '设置监测线与阈值',
        en: 'Setting the monitoring thresholds',
      });
      res.json(await d.settings.set(p, year, body));
    }),
  );
  router.get(
    '/monitoring/statistics',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const rows = await d.warnings.find(
        principalOf(req),
        {},
        {
          projection: { townshipCode: 1, status: 1, dueAt: 1, dueOn: 1, decision: 1 },
        },
      );
      const now = d.now();
      res.json({ today: shanghaiDateOf(now), townships: warningFigures(rows, now) });
    }),
  );
  router.post(
    '/monitoring/disasters',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const body = parseInput(disasterBody, req.body);
      const { _id, ...r } = await d.disasters.create(principalOf(req), body);
      res.status(201).json({ id: _id, ...r });
    }),
  );
  router.get(
    '/monitoring/disasters',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['day', 'areaCode', 'recordedAt'],
        defaultSort: ['day', 'DESC'],
        filter: disasterFilter,
      });
      const { items, total } = await d.disasters.list(principalOf(req), q);
      sendList(
        res,
        'monitoring/disasters',
        q,
        items.map(({ _id, ...r }) => ({ id: _id, ...r })),
        total,
      );
    }),
  );
}
