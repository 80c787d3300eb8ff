import {
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Router } from 'express';
import { progressReportSchema, SLOW_SORTABLE, slowFilterSchema } from './progress.schemas';
import type { ProgressService } from './progress.service';

/** Registered before the project routes, so `/projects/slow` is not taken for a project id. */
export function progressRoutes(router: Router, progress: ProgressService): void {
  router.get(
    '/projects/slow',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: SLOW_SORTABLE,
        defaultSort: ['behindPoints', 'DESC'],
        filter: slowFilterSchema,
        tieBreaker: 'code',
      });
      const { items, total } = await progress.slow(principalOf(req), q);
      sendList(res, 'slow-projects', q, items, total);
    }),
  );
  router.post(
    '/projects/:id/progress',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(progressReportSchema, req.body);
      res.status(201).json(await progress.report(principalOf(req), id, body));
    }),
  );
}
