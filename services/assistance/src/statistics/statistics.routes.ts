import { handle, parseInput, principalOf, requireRight, areaCode12 } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { month } from '../common/schemas';
import type { StatisticsService } from './statistics.service';

const areaQuery = z.object({ area: areaCode12.optional() });
const visitsQuery = areaQuery.extend({ month: month.optional() });

export function statisticsRoutes(router: Router, statistics: StatisticsService): void {
  router.get(
    '/statistics/coverage',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseInput(areaQuery, req.query, { where: 'query' });
      res.json(await statistics.coverage(principalOf(req), q.area));
    }),
  );
  router.get(
    '/statistics/visits',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseInput(visitsQuery, req.query, { where: 'query' });
      res.json(await statistics.visits(principalOf(req), q.month, q.area));
    }),
  );
  router.get(
    '/statistics/measures',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseInput(areaQuery, req.query, { where: 'query' });
      res.json(await statistics.measures(principalOf(req), q.area));
    }),
  );
}
