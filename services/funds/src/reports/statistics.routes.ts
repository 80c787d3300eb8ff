import { handle, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { BALANCE_GROUPINGS, PROJECT_GROUPINGS, type StatisticsService } from './statistics.service';

export function statisticsRoutes(router: Router, statistics: StatisticsService): void {
  router.get(
    '/statistics/projects',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { by } = parseInput(
        z.object({ by: z.enum(PROJECT_GROUPINGS).default('township') }),
        { by: req.query.by },
        { where: 'query' },
      );
      res.json(await statistics.projects(principalOf(req), by));
    }),
  );
  router.get(
    '/balances',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { by } = parseInput(
        z.object({ by: z.enum(BALANCE_GROUPINGS).default('township') }),
        { by: req.query.by },
        { where: 'query' },
      );
      res.json(await statistics.balances(principalOf(req), by));
    }),
  );
}
