import {
  areaCode12,
  calendarDay,
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { SOURCES } from '../projects/project.model';

import { positiveFenSchema } from '../shared/money';
import { idFilter, idSchema, text } from '../shared/schemas';
import { unmaskOf } from '../shared/unmask';
import { DISBURSEMENT_STATUSES, PAYEE_KINDS } from './disbursement.model';
import type { DisbursementService } from './disbursement.service';

const submitSchema = z.strictObject({
  projectId: idSchema,
  source: z.enum(SOURCES),
  amountFen: positiveFenSchema,
  purpose: text(500),
  payeeKind: z.enum(PAYEE_KINDS),
  payee: z
    .strictObject({
      name: text(200),
      bankAccount: z
        .string()
        .trim()
        .regex(/^[\d\s-]{8,40}$/)
        .nullable()
        .optional(),
    })
    .optional(),
  payees: z
    .array(
      z.strictObject({
        householdId: idSchema.optional(),
        name: text(50),
        idNumber: z.string().trim().max(30).optional(),
        amountFen: positiveFenSchema,
      }),
    )
    .max(5000)
    .optional(),
  voucherFileIds: z.array(idSchema).min(1, '至少上传一份报账凭证').max(50),
});

const filterSchema = z.strictObject({
  projectId: idSchema.optional(),
  status: z.enum(DISBURSEMENT_STATUSES).optional(),
  source: z.enum(SOURCES).optional(),
  areaCode: areaCode12.optional(),
  payeeKind: z.enum(PAYEE_KINDS).optional(),
  id: idFilter,
});

export function disbursementListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: ['submittedAt', 'amountFen', 'status', 'paidOn', 'projectCode'],
    defaultSort: ['submittedAt', 'DESC'],
    filter: filterSchema,
  });
}

export function disbursementRoutes(router: Router, disbursements: DisbursementService): void {
  router.get(
    '/disbursements',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = disbursementListQuery(req);
      const { items, total } = await disbursements.list(principalOf(req), q);
      sendList(res, 'disbursements', q, items, total);
    }),
  );
  router.post(
    '/disbursements',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const body = parseInput(submitSchema, req.body);
      const view = await disbursements.submit(principalOf(req), body);
      res.status(201).setHeader('Location', `/disbursements/${view.id}`).json(view);
    }),
  );
  router.get(
    '/disbursements/:id',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await disbursements.get(principalOf(req), id, unmaskOf(req)));
    }),
  );
  router.get(
    '/disbursements/:id/history',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await disbursements.history(principalOf(req), id));
    }),
  );
  router.post(
    '/disbursements/:id/approve',
    requireRight('funds', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(z.strictObject({ paidOn: calendarDay.optional() }), req.body ?? {});
      res.json(await disbursements.approve(principalOf(req), id, body));
    }),
  );
  router.post(
    '/disbursements/:id/reject',
    requireRight('funds', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(z.strictObject({ reason: text(500) }), req.body);
      res.json(await disbursements.reject(principalOf(req), id, body));
    }),
  );
}
