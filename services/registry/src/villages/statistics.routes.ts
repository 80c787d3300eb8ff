import { handle, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import type { StatisticsService } from './statistics.service';
import { exitsQuerySchema, incidenceQuerySchema, statisticsQuerySchema } from './village.schemas';

export function statisticsRoutes(router: Router, statistics: StatisticsService): void {
  router.get(
    '/statistics/households',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseInput(statisticsQuerySchema, req.query, { where: 'query' });
      res.json(await statistics.households(principalOf(req), q.area));
    }),
  );
  router.get(
    '/statistics/poverty-incidence',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseInput(incidenceQuerySchema, req.query, { where: 'query' });
      res.json(await statistics.povertyIncidence(principalOf(req), q.level, q.area));
    }),
  );
  router.get(
    '/statistics/exits',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseInput(exitsQuerySchema, req.query, { where: 'query' });
      res.json(
        await statistics.exits(principalOf(req), {
          ...(q.area ? { area: q.area } : {}),
          ...(q.from !== undefined ? { from: q.from } : {}),
          ...(q.to !== undefined ? { to: q.to } : {}),
        }),
      );
    }),
  );
}
