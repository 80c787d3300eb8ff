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

import { positiveFenSchema } from '../shared/money';
import { idFilter, idSchema, optionalText, text } from '../shared/schemas';
import { unmaskOf } from '../shared/unmask';
import { LOAN_KINDS, LOAN_STATUSES } from './loan.model';
import { REPAYMENT_KINDS } from './loan.schedule';
import type { LoanService } from './loan.service';

const loanSchema = z.strictObject({
  contractNo: text(60),
  kind: z.enum(LOAN_KINDS),
  householdId: idSchema,
  borrowerMemberId: idSchema,
  lender: text(100),
  purpose: text(200),
  principalFen: positiveFenSchema.refine((v) => v <= 100_000_000, '单笔不超过100万元'),
  termMonths: z.number().int().min(1).max(120),
  intervalMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
  annualRateBp: z.number().int().min(0).max(5000),
  discountBp: z.number().int().min(0).max(5000).default(0),
  repayment: z.enum(REPAYMENT_KINDS),
  startOn: calendarDay,
  guarantor: z.strictObject({
    name: text(50),
    phone: z
      .string()
      .trim()
      .regex(/^[\d+\s-]{5,20}$/)
      .nullable()
      .optional(),
    role: optionalText(50),
  }),
});

const filterSchema = z.strictObject({
  kind: z.enum(LOAN_KINDS).optional(),
  status: z.enum(LOAN_STATUSES).optional(),
  householdId: idSchema.optional(),
  areaCode: areaCode12.optional(),
  id: idFilter,
});

function listQuery(req: Request, defaultSort: [string, 'ASC' | 'DESC']) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: ['contractNo', 'startOn', 'principalFen', 'owedFen', 'firstUnpaidDueOn', 'createdAt'],
    defaultSort,
    filter: filterSchema,
  });
}

export function loanRoutes(router: Router, loans: LoanService): void {
  router.get(
    '/loans',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = listQuery(req, ['startOn', 'DESC']);
      const { items, total } = await loans.list(principalOf(req), q);
      sendList(res, 'loans', q, items, total);
    }),
  );
  router.get(
    '/loans/overdue',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = listQuery(req, ['firstUnpaidDueOn', 'ASC']);
      const { items, total } = await loans.overdue(principalOf(req), q);
      sendList(res, 'loans', q, items, total);
    }),
  );
  router.post(
    '/loans',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const body = parseInput(loanSchema, req.body);
      const view = await loans.create(principalOf(req), body);
      res.status(201).setHeader('Location', `/loans/${view.id}`).json(view);
    }),
  );
  router.get(
    '/loans/:id',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await loans.get(principalOf(req), id, unmaskOf(req)));
    }),
  );
  router.post(
    '/loans/:id/repayments',
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
      res.status(201).json(await loans.repay(principalOf(req), id, body));
    }),
  );
  router.post(
    '/loans/:id/write-off',
    requireRight('funds', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(
        z.strictObject({
          on: calendarDay,
          reason: text(500),
          disaster: text(100),
          documentNo: optionalText(100),
        }),
        req.body,
      );
      res.json(await loans.writeOff(principalOf(req), id, body));
    }),
  );
}
