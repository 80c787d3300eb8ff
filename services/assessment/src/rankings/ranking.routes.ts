import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Router } from 'express';
import {
  emptyFilterSchema,
  historyFilterSchema,
  indicatorParamSchema,
  quarterParamsSchema,
  rankingFilterSchema,
  rankingIdSchema,
  rankQuarterSchema,
  recomputeSchema,
  resultFilterSchema,
  unitIdSchema,
} from './ranking.schemas';
import type { RankingService } from './ranking.service';

const idOf = (raw: unknown) =>
  parseInput(rankingIdSchema, raw, { where: 'params', code: 'ASSESSMENT_RANKING_ID_INVALID' });
const unitOf = (raw: unknown) =>
  parseInput(unitIdSchema, raw, { where: 'params', code: 'ASSESSMENT_UNIT_ID_INVALID' });

/** Rankings: publishing a quarter's, reading them down to the records behind each value. */
export function rankingRoutes(router: Router, rankings: RankingService): void {
  router.get(
    '/rankings',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query, {
        sortable: ['quarterKey', 'version', 'publishedAt', 'year'],
        defaultSort: ['publishedAt', 'DESC'],
        filter: rankingFilterSchema,
      });
      const { items, total } = await rankings.list(principalOf(req), q);
      sendList(res, 'rankings', q, items, total);
    }),
  );
  router.post(
    '/rankings',
    requireRight('assessment', 'approve'),
    handle(async (req, res) => {
      const q = parseInput(rankQuarterSchema, req.body);
      res
        .status(201)
        .json(await rankings.rankQuarter(principalOf(req), q, req.headers.authorization));
    }),
  );
  router.get(
    '/rankings/:id',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      res.json(await rankings.get(principalOf(req), idOf(req.params.id)));
    }),
  );
  router.get(
    '/rankings/:id/results',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const id = idOf(req.params.id);
      const q = parseListQuery(req.query, {
        sortable: ['rank', 'scoreCenti', 'name', 'code'],
        defaultSort: ['rank', 'ASC'],
        filter: resultFilterSchema,
      });
      const { items, total } = await rankings.results(principalOf(req), id, q);
      sendList(res, 'results', q, items, total);
    }),
  );
  router.get(
    '/rankings/:id/results/:unitId',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      res.json(
        await rankings.explain(principalOf(req), idOf(req.params.id), unitOf(req.params.unitId)),
      );
    }),
  );
  router.get(
    '/rankings/:id/results/:unitId/records/:indicator',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const code = parseInput(indicatorParamSchema, req.params.indicator, { where: 'params' });
      const q = parseListQuery(req.query, {
        sortable: ['id'],
        defaultSort: ['id', 'ASC'],
        filter: emptyFilterSchema,
      });
      const r = await rankings.recordsOf(
        principalOf(req),
        idOf(req.params.id),
        unitOf(req.params.unitId),
        code,
        q,
      );
      res.setHeader('X-Records-Total', String(r.listed));
      sendList(res, 'records', q, r.items, r.total);
    }),
  );
  quarterRoutes(router, rankings);
}

/** A quarter's recomputation, preview and late events, and a unit's history across quarters. */
function quarterRoutes(router: Router, rankings: RankingService): void {
  router.post(
    '/quarters/:year/:quarter/recompute',
    requireRight('assessment', 'approve'),
    handle(async (req, res) => {
      const q = parseInput(quarterParamsSchema, req.params, { where: 'params' });
      const body = parseInput(recomputeSchema, req.body);
      res
        .status(201)
        .json(
          await rankings.recompute(principalOf(req), q, body.reason, req.headers.authorization),
        );
    }),
  );
  router.get(
    '/quarters/:year/:quarter/preview',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseInput(quarterParamsSchema, req.params, { where: 'params' });
      res.json(await rankings.preview(principalOf(req), q, req.headers.authorization));
    }),
  );
  router.get(
    '/quarters/:year/:quarter/late-events',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const quarter = parseInput(quarterParamsSchema, req.params, { where: 'params' });
      const q = parseListQuery(req.query, {
        sortable: ['receivedAt'],
        defaultSort: ['receivedAt', 'ASC'],
        filter: emptyFilterSchema,
      });
      const { items, total } = await rankings.lateEvents(principalOf(req), quarter, q);
      sendList(res, 'late-events', q, items, total);
    }),
  );
  router.get(
    '/units/:unitId/history',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query, {
        sortable: ['quarterKey', 'year', 'rank', 'scoreCenti'],
        defaultSort: ['quarterKey', 'ASC'],
        filter: historyFilterSchema,
      });
      const { items, total } = await rankings.history(
        principalOf(req),
        unitOf(req.params.unitId),
        q,
      );
      sendList(res, 'history', q, items, total);
    }),
  );
}
