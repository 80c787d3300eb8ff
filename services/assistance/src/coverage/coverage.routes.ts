import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { calendarDay } from '../common/schemas';
import { coverageQuerySchema, uncoveredFilterSchema } from './coverage.schemas';
import type { CoverageService } from './coverage.service';

export function uncoveredListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: ['householdNo', 'areaCode', 'status'],
    defaultSort: ['householdNo', 'ASC'],
    filter: uncoveredFilterSchema,
  });
}

export function coverageRoutes(
  router: Router,
  coverage: CoverageService,
  runNow: () => Promise<string>,
): void {
  router.get(
    '/coverage/uncovered',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = uncoveredListQuery(req);
      const { items, total } = await coverage.uncovered(principalOf(req), q);
      sendList(res, 'uncovered', q, items, total);
    }),
  );
  router.get(
    '/coverage/summary',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseInput(coverageQuerySchema, req.query, { where: 'query' });
      res.json(await coverage.summary(principalOf(req), q.area));
    }),
  );
  router.get(
    '/coverage/reports',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['at'],
        defaultSort: ['at', 'DESC'],
        filter: z.strictObject({}),
      });
      const { items, total } = await coverage.reports(principalOf(req), q);
      sendList(res, 'coverage-reports', q, items, total);
    }),
  );
  router.get(
    '/coverage/reports/:date',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { date } = parseInput(z.object({ date: calendarDay }), req.params, {
        where: 'params',
      });
      res.json(await coverage.report(principalOf(req), date));
    }),
  );
  router.post(
    '/coverage/run',
    requireRight('assistance', 'approve'),
    handle(async (_req, res) => {
      const jobId = await runNow();
      res.status(202).json({ jobId });
    }),
  );
}
