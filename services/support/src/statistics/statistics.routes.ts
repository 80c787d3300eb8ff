import { handle, parseInput, principalOf } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { termOfDay } from '../education/school-calendar';
import { term, year } from '../http';
import { allow } from '../scope';
import type { StatisticsService } from './statistics.service';
import { shanghaiDateOf } from '@fupin/reference';

export function statisticsRoutes(
  router: Router,
  statistics: StatisticsService,
  now: () => Date,
): void {
  router.get(
    '/statistics/education',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = parseInput(z.strictObject({ term: term.optional() }), req.query, {
        where: 'query',
      });
      res.json(
        await statistics.education(principalOf(req), q.term ?? termOfDay(shanghaiDateOf(now()))),
      );
    }),
  );
  router.get(
    '/statistics/health',
    allow('read', 'health'),
    handle(async (req, res) => {
      const q = parseInput(z.strictObject({ year: year.optional() }), req.query, {
        where: 'query',
      });
      res.json(
        await statistics.health(
          principalOf(req),
          q.year ?? Number(shanghaiDateOf(now()).slice(0, 4)),
        ),
      );
    }),
  );
}
