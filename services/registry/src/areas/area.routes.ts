import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  zmsg,
  areaCodeDigits,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { AreaService } from './area.service';

const name = z
  .string()
  .trim()
  .min(1, zmsg('名称不能为空', 'name is required'))
  .max(100, zmsg('名称不能超过100个字符', 'name is at most 100 characters'));
const level = z.enum(['county', 'township', 'village']);
const status = z.enum(['active', 'retired']);

const createBody = z.strictObject({ code: areaCodeDigits, name });
const updateBody = z.strictObject({
  name: name.optional(),
  status: status.optional(),
  revision: z.number().int().positive().optional(),
});
// Strict objects and typed values: `{"status": {"$gt": ""}}` is refused, never a query operator.
const listFilter = z.strictObject({
  q: z.string().max(50).optional(),
  parentCode: areaCodeDigits.optional(),
  level: level.optional(),
  status: status.optional(),
  id: z
    .union([areaCodeDigits, z.array(areaCodeDigits).max(500)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});
const codeParam = z.object({ code: areaCodeDigits });

export function areaRoutes(router: Router, areas: AreaService): void {
  router.get(
    '/areas',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['code', 'name', 'level', 'updatedAt'],
        defaultSort: ['code', 'ASC'],
        filter: listFilter,
      });
      const { items, total } = await areas.list(principalOf(req), q);
      sendList(res, 'areas', q, items, total);
    }),
  );
  router.get(
    '/areas/:code',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { code } = parseInput(codeParam, req.params, { where: 'params' });
      res.json(await areas.get(principalOf(req), code));
    }),
  );
  router.post(
    '/areas',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const body = parseInput(createBody, req.body);
      res.status(201).json(await areas.create(principalOf(req), body));
    }),
  );
  router.put(
    '/areas/:code',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { code } = parseInput(codeParam, req.params, { where: 'params' });
      const body = parseInput(updateBody, req.body);
      res.json(await areas.update(principalOf(req), code, body));
    }),
  );
}
