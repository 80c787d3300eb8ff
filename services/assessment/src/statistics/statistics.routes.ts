import { handle, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { StatisticsService } from './statistics.service';

const querySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export function statisticsRoutes(router: Router, statistics: StatisticsService): void {
  router.get(
    '/statistics/overview',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseInput(querySchema, req.query, { where: 'query' });
      res.json(await statistics.overview(principalOf(req), q.year));
    }),
  );
}
