import {
  calendarDay,
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';

import type { IdleFundsService } from './idle.service';

export function idleRoutes(
  router: Router,
  idle: IdleFundsService,
  enqueue: (requestedBy: string) => Promise<{ jobId: string; date: string }>,
): void {
  router.get(
    '/idle-funds/runs',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['date', 'computedAt'],
        defaultSort: ['date', 'DESC'],
        filter: z.strictObject({}),
      });
      const { items, total } = await idle.list(principalOf(req), q);
      sendList(res, 'idle-funds-runs', q, items, total);
    }),
  );
  // Runs today's check now (as the daily job would), e.g. after correcting data.
  router.post(
    '/idle-funds/runs',
    requireRight('funds', 'approve'),
    handle(async (req, res) => {
      const job = await enqueue(principalOf(req).userId);
      res.status(202).setHeader('Location', `/idle-funds/runs/${job.date}`).json(job);
    }),
  );
  router.get(
    '/idle-funds/runs/:date',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { date } = parseInput(z.object({ date: calendarDay }), req.params, {
        where: 'params',
      });
      res.json(await idle.get(principalOf(req), date));
    }),
  );
}
