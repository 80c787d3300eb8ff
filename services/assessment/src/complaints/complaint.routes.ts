import {
  AppError,
  bi,
  handle,
  hasRight,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireReason,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import {
  COMPLAINT_SORTABLE,
  complaintAnswerSchema,
  complaintAssignSchema,
  complaintCreateSchema,
  complaintFilterSchema,
  complaintReopenSchema,
  complaintSatisfactionSchema,
  unitCountsQuerySchema,
} from './complaint.schemas';
import type { ComplaintService, UnmaskRequest } from './complaint.service';

const unmaskQuery = z.object({
  unmask: z.enum(['true', 'false']).optional(),
  reason: z.string().max(200).optional(),
});

/** `?unmask=true&reason=…`: the complainant in clear, for a caller with the unmask right (audited). */
function unmaskOf(req: Request): UnmaskRequest | null {
  const q = parseInput(unmaskQuery, req.query, { where: 'query' });
  if (q.unmask !== 'true') return null;
  if (!hasRight(principalOf(req), 'assessment', 'unmask'))
    throw new AppError(
      403,
      'FORBIDDEN_UNMASK',
      bi('没有查看明文个人信息的权限', 'You lack the right to see personal data in clear'),
    );
  return { reason: requireReason(q.reason), requestId: typeof req.id === 'string' ? req.id : null };
}

const idOf = (req: Request) => parseInput(idParam, req.params, { where: 'params' }).id;

/** 信访件: thin adapters over the complaint service. */
export function complaintRoutes(router: Router, complaints: ComplaintService): void {
  router.get(
    '/complaints',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: COMPLAINT_SORTABLE,
        defaultSort: ['receivedOn', 'DESC'],
        filter: complaintFilterSchema,
      });
      const { items, total } = await complaints.list(principalOf(req), q);
      sendList(res, 'complaints', q, items, total);
    }),
  );
  router.post(
    '/complaints',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const input = parseInput(complaintCreateSchema, req.body);
      res.status(201).json(await complaints.create(principalOf(req), input));
    }),
  );
  router.get(
    '/complaints/units',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseInput(unitCountsQuerySchema, req.query, { where: 'query' });
      res.json(await complaints.perUnit(principalOf(req), q));
    }),
  );
  router.get(
    '/complaints/:id',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      res.json(await complaints.get(principalOf(req), idOf(req), unmaskOf(req)));
    }),
  );
  router.post(
    '/complaints/:id/assign',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const input = parseInput(complaintAssignSchema, req.body);
      res.json(await complaints.assign(principalOf(req), idOf(req), input));
    }),
  );
  router.post(
    '/complaints/:id/answer',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const input = parseInput(complaintAnswerSchema, req.body);
      res.json(await complaints.answer(principalOf(req), idOf(req), input));
    }),
  );
  router.post(
    '/complaints/:id/satisfaction',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const input = parseInput(complaintSatisfactionSchema, req.body);
      res.json(
        await complaints.rate(principalOf(req), idOf(req), input.satisfaction, input.revision),
      );
    }),
  );
  router.post(
    '/complaints/:id/reopen',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const input = parseInput(complaintReopenSchema, req.body);
      res.json(await complaints.reopen(principalOf(req), idOf(req), input));
    }),
  );
}
