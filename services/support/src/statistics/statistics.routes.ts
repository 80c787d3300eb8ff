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
      const p = principalOf(req);
      const chosen = q.term
        ? { term: q.term, latestWithData: false }
        : await statistics.educationTerm(p, termOfDay(shanghaiDateOf(now())));
      res.json({
        ...(await statistics.education(p, chosen.term)),
        latestWithData: chosen.latestWithData,
      });
    }),
  );
  router.get(
    '/statistics/health',
    allow('read', 'health'),
    handle(async (req, res) => {
      const q = parseInput(z.strictObject({ year: year.optional() }), req.query, {
        where: 'query',
      });
      const p = principalOf(req);
      const chosen = q.year
        ? { year: q.year, latestWithData: false }
        : await statistics.healthYear(p, Number(shanghaiDateOf(now()).slice(0, 4)));
      res.json({
        ...(await statistics.health(p, chosen.year)),
        latestWithData: chosen.latestWithData,
      });
    }),
  );
}
