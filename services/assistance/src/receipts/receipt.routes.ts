import {
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
import {
  RECEIPT_SORTABLE,
  receiptCreateSchema,
  receiptFilterSchema,
  receiptLedgerQuery,
} from './receipt.schemas';
import type { ReceiptService } from './receipt.service';

/** 到户资金确认: recorded at a visit, listed in the caller's scope, read by the gateway's ledger. */
export function receiptRoutes(router: Router, receipts: ReceiptService): void {
  router.post(
    '/visits/:id/receipts',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(receiptCreateSchema, req.body);
      res.status(201).json(await receipts.record(principalOf(req), id, body));
    }),
  );
  router.get(
    '/receipts',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: RECEIPT_SORTABLE,
        defaultSort: ['recordedAt', 'DESC'],
        filter: receiptFilterSchema,
      });
      const { items, total } = await receipts.list(principalOf(req), q);
      sendList(res, 'receipts', q, items, total);
    }),
  );
  router.get(
    '/ledger/receipts',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { range, ...rest } = req.query as Record<string, unknown>;
      const of = parseInput(receiptLedgerQuery, rest, { where: 'query' });
      const q = parseListQuery(
        { range },
        { sortable: ['recordedAt'], defaultSort: ['recordedAt', 'DESC'], filter: z.object({}) },
      );
      const p = principalOf(req);
      const { items, total } = await receipts.ofLedger(
        p,
        of.householdId !== undefined ? of : { areaCode: of.areaCode ?? p.areaCode },
        q,
      );
      sendList(res, 'receipts', q, items, total);
    }),
  );
}
