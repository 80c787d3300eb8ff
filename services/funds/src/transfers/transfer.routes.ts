import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { SOURCES } from '../projects/project.model';
import { positiveFenSchema } from '../shared/money';
import { idSchema, optionalText, text } from '../shared/schemas';
import { TRANSFER_STATUSES } from './transfer.model';
import type { TransferService } from './transfer.service';

const requestSchema = z.strictObject({
  fromProjectId: idSchema,
  toProjectId: idSchema,
  source: z.enum(SOURCES),
  amountFen: positiveFenSchema,
  reason: text(500),
  documentNo: optionalText(100),
});

export function transferRoutes(router: Router, transfers: TransferService): void {
  router.get(
    '/transfers',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['requestedAt', 'amountFen', 'status'],
        defaultSort: ['requestedAt', 'DESC'],
        filter: z.strictObject({
          status: z.enum(TRANSFER_STATUSES).optional(),
          projectId: idSchema.optional(),
        }),
      });
      const { items, total } = await transfers.list(principalOf(req), q);
      sendList(res, 'transfers', q, items, total);
    }),
  );
  router.post(
    '/transfers',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const body = parseInput(requestSchema, req.body);
      res.status(201).json(await transfers.request(principalOf(req), body));
    }),
  );
  router.post(
    '/transfers/:id/approve',
    requireRight('funds', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await transfers.approve(principalOf(req), id));
    }),
  );
  router.post(
    '/transfers/:id/reject',
    requireRight('funds', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { reason } = parseInput(z.strictObject({ reason: text(500) }), req.body);
      res.json(await transfers.reject(principalOf(req), id, reason));
    }),
  );
}
