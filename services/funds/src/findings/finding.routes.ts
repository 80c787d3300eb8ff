import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
  areaCode12,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { idFilter, idSchema, text } from '../shared/schemas';
import { FINDING_KINDS, FINDING_STATUSES } from './finding.model';
import type { FindingService } from './finding.service';

const filterSchema = z.strictObject({
  kind: z.enum(FINDING_KINDS).optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  projectId: idSchema.optional(),
  disbursementId: idSchema.optional(),
  areaCode: areaCode12.optional(),
  id: idFilter,
});

const resolveSchema = z.strictObject({
  outcome: z.enum(['confirmed', 'dismissed']),
  note: text(1000),
});

export function findingRoutes(router: Router, findings: FindingService): void {
  router.get(
    '/findings',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['detectedAt', 'kind', 'status', 'amountFen', 'areaCode'],
        defaultSort: ['detectedAt', 'DESC'],
        filter: filterSchema,
      });
      const { items, total } = await findings.list(principalOf(req), q);
      sendList(res, 'findings', q, items, total);
    }),
  );
  router.get(
    '/findings/:id',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await findings.get(principalOf(req), id));
    }),
  );
  router.post(
    '/findings/:id/resolve',
    requireRight('funds', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(resolveSchema, req.body);
      res.json(await findings.resolve(principalOf(req), id, body));
    }),
  );
}
