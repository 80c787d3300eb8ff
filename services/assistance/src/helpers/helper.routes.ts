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
import { unmaskOf } from '../common/personal';
import {
  HELPER_SORTABLE,
  helperCreateSchema,
  helperFilterSchema,
  helperUpdateSchema,
} from './helper.schemas';
import type { HelperService } from './helper.service';

export function helperListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: HELPER_SORTABLE,
    defaultSort: ['name', 'ASC'],
    filter: helperFilterSchema,
  });
}

export function helperRoutes(router: Router, helpers: HelperService): void {
  router.get(
    '/helpers',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = helperListQuery(req);
      const { items, total } = await helpers.list(principalOf(req), q);
      sendList(res, 'helpers', q, items, total);
    }),
  );
  router.post(
    '/helpers',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const body = parseInput(helperCreateSchema, req.body);
      res.status(201).json(await helpers.create(principalOf(req), body));
    }),
  );
  router.get(
    '/helpers/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await helpers.get(principalOf(req), id, unmaskOf(req)));
    }),
  );
  router.put(
    '/helpers/:id',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision, ...patch } = parseInput(helperUpdateSchema, req.body);
      res.json(await helpers.update(principalOf(req), id, patch, revision));
    }),
  );
}
