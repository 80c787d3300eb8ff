import {
  findingConclusionSchema,
  findingStatusSchema,
  matchingRuleCodeSchema,
} from '@fupin/contracts';
import {
  type AuditLog,
  handle,
  type ListQuery,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  sendXlsx,
  zmsg,
  idParam,
  areaCode12,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { LIST_TYPE_CODES } from '../lists/list-types';
import { DISMISSAL_REASON_CODES } from './finding-dismissal';
import { writeFindings } from './finding-export';
import type { FindingFilter, FindingService } from './finding.service';

const filterSchema = z.strictObject({
  rule: matchingRuleCodeSchema.optional(),
  status: findingStatusSchema.optional(),
  listType: z.enum(LIST_TYPE_CODES).optional(),
  overdue: z.boolean().optional(),
  open: z.boolean().optional(),
  areaCode: areaCode12.optional(),
  townshipCode: areaCode12.optional(),
  householdId: z.string().min(1).max(64).optional(),
  runId: z.string().min(1).max(64).optional(),
});
const note = z.string().trim().max(1000).optional();

const verifyBody = z
  .strictObject({
    conclusion: findingConclusionSchema,
    reason: z.string().trim().max(1000).optional(),
    reasonCode: z.enum(DISMISSAL_REASON_CODES).optional(),
    note,
  })
  .refine((b) => b.conclusion === 'confirmed' || (b.reason?.length ?? 0) >= 2, {
    path: ['reason'],
    message: zmsg(
      '结论为不属实或已更正数据时须说明原因（至少2个字）',
      'Give the reason (at least 2 characters) when the finding is not confirmed or the data was corrected',
    ),
  })
  .refine((b) => b.conclusion !== 'not_confirmed' || b.reasonCode !== undefined, {
    path: ['reasonCode'],
    message: zmsg('结论为不属实时须选择不属实原因', 'Choose why the finding is not a problem'),
  })
  .refine((b) => b.conclusion === 'not_confirmed' || b.reasonCode === undefined, {
    path: ['reasonCode'],
    message: zmsg(
      '只有结论为不属实时才选择不属实原因',
      'A dismissal reason goes with not confirmed only',
    ),
  });
const rectifyBody = z.strictObject({
  note: z.string().trim().min(2, zmsg('请填写整改情况', 'describe the rectification')).max(1000),
});
const reviewBody = z.strictObject({ note });
/** A reason is required (checked by the service) when the registry refused the change. */
const closeBody = z.strictObject({ note, reason: z.string().trim().max(1000).optional() });

/** 督办: the deadline and its reason; their rules (range, length) are `checkDue`'s (422). */
const dueBody = z.strictObject({
  dueAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  reason: z.string().max(1000).optional(),
});

function listQueryOf(req: Request): ListQuery<FindingFilter> {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: ['createdAt', 'dueAt', 'rule', 'status', 'areaCode', 'townshipCode', 'lastSeenAt'],
    defaultSort: ['createdAt', 'DESC'],
    filter: filterSchema,
  });
}

function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/[-:T]/g, '');
}

export function findingRoutes(
  router: Router,
  deps: { findings: FindingService; audit: AuditLog; now: () => Date },
): void {
  router.get(
    '/findings',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const q = listQueryOf(req);
      const { items, total } = await deps.findings.list(principalOf(req), q);
      sendList(res, 'findings', q, items, total);
    }),
  );
  router.get(
    '/findings/:id',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await deps.findings.get(principalOf(req), id));
    }),
  );
  router.post(
    '/findings/:id/verify',
    requireRight('matching', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(verifyBody, req.body ?? {});
      res.json(await deps.findings.step(principalOf(req), id, 'verify', body));
    }),
  );
  router.post(
    '/findings/:id/rectify',
    requireRight('matching', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(rectifyBody, req.body ?? {});
      res.json(await deps.findings.step(principalOf(req), id, 'rectify', body));
    }),
  );
  router.post(
    '/findings/:id/review',
    requireRight('matching', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(reviewBody, req.body ?? {});
      res.json(await deps.findings.step(principalOf(req), id, 'review', body));
    }),
  );
  router.post(
    '/findings/:id/close',
    requireRight('matching', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(closeBody, req.body ?? {});
      res.json(await deps.findings.step(principalOf(req), id, 'close', body));
    }),
  );
  router.put(
    '/findings/:id/due',
    requireRight('matching', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(dueBody, req.body ?? {});
      res.json(await deps.findings.setDue(principalOf(req), id, body));
    }),
  );
  router.get(
    '/exports/findings.xlsx',
    requireRight('matching', 'export'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const { filter } = listQueryOf(req);
      sendXlsx(res, `比对问题导出-${stamp(deps.now())}.xlsx`);
      await writeFindings(res, deps.findings.cursor(p, filter), {
        beforeBatch: (batch) =>
          deps.audit.record(p, {
            action: 'export',
            subjectType: 'finding',
            subjectIds: batch.map((f) => f.id),
            fields: ['idMasked', 'memberName', 'evidence'],
            reason: null,
            requestId: typeof req.id === 'string' ? req.id : null,
          }),
      });
    }),
  );
}
