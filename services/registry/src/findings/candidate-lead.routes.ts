import {
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  zmsg,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { householdCreateSchema } from '../households/household.schemas';
import type { CandidateLeadService } from './candidate-lead.service';

const leadFilter = z.strictObject({
  status: z.enum(['open', 'converted', 'dismissed']).optional(),
});
const dismissBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(2, zmsg('请填写理由（至少2个字）', 'give the reason (at least 2 characters)'))
    .max(500, zmsg('不能超过500个字符', 'at most 500 characters')),
});
/** The candidate household the lead becomes: a household as registered, without a status. */
const convertBody = householdCreateSchema.omit({ status: true });

/** 漏评线索 — listed in the caller's scope; turned into a candidate household or dismissed. */
export function candidateLeadRoutes(router: Router, leads: CandidateLeadService): void {
  router.get(
    '/candidate-leads',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['receivedAt', 'areaCode'],
        defaultSort: ['receivedAt', 'DESC'],
        filter: leadFilter,
      });
      const { items, total } = await leads.list(principalOf(req), q);
      sendList(res, 'candidate-leads', q, items, total);
    }),
  );
  router.get(
    '/candidate-leads/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await leads.get(principalOf(req), id));
    }),
  );
  router.post(
    '/candidate-leads/:id/convert',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(convertBody, req.body);
      res.status(201).json(await leads.convert(principalOf(req), id, body));
    }),
  );
  router.post(
    '/candidate-leads/:id/dismiss',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { reason } = parseInput(dismissBody, req.body);
      res.json(await leads.dismiss(principalOf(req), id, reason));
    }),
  );
}
