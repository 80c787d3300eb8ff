import {
  calendarDay,
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { SOURCES } from '../projects/project.model';

import { positiveFenSchema } from '../shared/money';
import { idFilter, idSchema, optionalText, text } from '../shared/schemas';
import type { BatchService } from './batch.service';

const allocationsSchema = z
  .array(z.strictObject({ projectId: idSchema, amountFen: positiveFenSchema }))
  .max(1000);

const batchCreateSchema = z.strictObject({
  documentNo: text(100),
  title: text(200),
  source: z.enum(SOURCES),
  amountFen: positiveFenSchema,
  issuedOn: calendarDay,
  issuer: optionalText(100),
  allocations: allocationsSchema.default([]),
});

const filterSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  source: z.enum(SOURCES).optional(),
  projectId: idSchema.optional(),
  id: idFilter,
});

export function batchRoutes(router: Router, batches: BatchService): void {
  router.get(
    '/batches',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['issuedOn', 'documentNo', 'amountFen', 'createdAt'],
        defaultSort: ['issuedOn', 'DESC'],
        filter: filterSchema,
      });
      const { items, total } = await batches.list(principalOf(req), q);
      sendList(res, 'batches', q, items, total);
    }),
  );
  router.post(
    '/batches',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const body = parseInput(batchCreateSchema, req.body);
      const view = await batches.create(principalOf(req), body);
      res.status(201).setHeader('Location', `/batches/${view.id}`).json(view);
    }),
  );
  router.get(
    '/batches/:id',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await batches.get(principalOf(req), id));
    }),
  );
  router.post(
    '/batches/:id/allocations',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(z.strictObject({ allocations: allocationsSchema.min(1) }), req.body);
      res.json(await batches.allocate(principalOf(req), id, body.allocations));
    }),
  );
  router.post(
    '/batches/:id/arrivals',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(
        z.strictObject({
          on: calendarDay,
          amountFen: positiveFenSchema,
          note: optionalText(200),
        }),
        req.body,
      );
      res.status(201).json(await batches.recordArrival(principalOf(req), id, body));
    }),
  );
}
