import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import {
  MEASURE_SORTABLE,
  measureCreateSchema,
  measureFilterSchema,
  measureStatusSchema,
  measureUpdateSchema,
} from './measure.schemas';
import type { MeasureService } from './measure.service';

export function measureListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: MEASURE_SORTABLE,
    defaultSort: ['createdAt', 'DESC'],
    filter: measureFilterSchema,
  });
}

export function measureRoutes(router: Router, measures: MeasureService): void {
  router.get(
    '/measures',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = measureListQuery(req);
      const { items, total } = await measures.list(principalOf(req), q);
      sendList(res, 'measures', q, items, total);
    }),
  );
  router.post(
    '/measures',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const body = parseInput(measureCreateSchema, req.body);
      res.status(201).json(await measures.create(principalOf(req), body));
    }),
  );
  router.get(
    '/measures/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await measures.get(principalOf(req), id));
    }),
  );
  router.put(
    '/measures/:id',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision, ...patch } = parseInput(measureUpdateSchema, req.body);
      res.json(await measures.update(principalOf(req), id, patch, revision));
    }),
  );
  router.post(
    '/measures/:id/status',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(measureStatusSchema, req.body);
      res.json(await measures.move(principalOf(req), id, body));
    }),
  );
}
