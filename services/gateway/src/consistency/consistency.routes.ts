import {
  areaInScope,
  type AuditLog,
  handle,
  idParam,
  outsideScope,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  sendXlsx,
  writeSheets,
  zmsg,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { villageOrTownship } from '../ledger/ledger.routes';
import { requesterOf } from '../upstream/job-caller';
import type { ConsistencyItem } from './consistency.model';
import { RUN_STATES } from './consistency.model';
import { INCONSISTENCY_KINDS, KIND_LABELS } from './consistency.rules';
import { type ConsistencyChecks, runView } from './consistency.service';

const areaFilter = z
  .string()
  .regex(/^\d{12}$/, zmsg('须为12位数字的地区代码', 'must be a 12-digit area code'));
const startBody = z.strictObject({
  areaCode: villageOrTownship,
  year: z.number().int().min(2000).max(2100).optional(),
});
const runFilter = z.object({
  state: z.enum(RUN_STATES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  areaCode: areaFilter.optional(),
});
const itemFilter = z.object({
  kind: z.enum(INCONSISTENCY_KINDS).optional(),
  areaCode: areaFilter.optional(),
});
const exportQuery = z.strictObject({
  kind: z.enum(INCONSISTENCY_KINDS).optional(),
  areaCode: areaFilter.optional(),
  reason: z.string().max(200).optional(),
});

/** 一户一档核对 (issue 23): start a check of a village or township, follow it, read and export it. */
export function consistencyRoutes(
  router: Router,
  deps: {
    services: Record<string, string>;
    logger: Logger;
    audit: AuditLog;
    now: () => Date;
    checks: ConsistencyChecks;
    enqueue: (data: { runId: string; requester: ReturnType<typeof requesterOf> }) => Promise<void>;
  },
): void {
  router.post(
    '/consistency-checks',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const body = parseInput(startBody, req.body, { where: 'body' });
      if (!areaInScope(p, body.areaCode)) throw outsideScope();
      const year = body.year ?? Number(shanghaiDateOf(deps.now()).slice(0, 4));
      const run = await deps.checks.create(p, body.areaCode, year);
      await deps.enqueue({ runId: run._id, requester: requesterOf(req) });
      res.status(202).json({ id: run._id });
    }),
  );

  router.get(
    '/consistency-checks',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['requestedAt', 'areaCode', 'year', 'state'],
        defaultSort: ['requestedAt', 'DESC'],
        filter: runFilter,
      });
      const { items, total } = await deps.checks.list(principalOf(req), q);
      sendList(res, 'consistency-checks', q, items, total);
    }),
  );

  router.get(
    '/consistency-checks/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(runView(await deps.checks.get(principalOf(req), id)));
    }),
  );

  router.get(
    '/consistency-checks/:id/items',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['householdNo'],
        defaultSort: ['householdNo', 'ASC'],
        filter: itemFilter,
      });
      const { items, total } = await deps.checks.items(principalOf(req), id, q);
      sendList(res, 'consistency-check-items', q, items, total);
    }),
  );

  router.get(
    '/consistency-checks/:id/items.xlsx',
    requireRight('registry', 'export'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const q = parseInput(exportQuery, req.query, { where: 'query' });
      const run = await deps.checks.get(p, id);
      const requestId = typeof req.id === 'string' ? req.id : null;
      const audited = (batch: ConsistencyItem[]) =>
        deps.audit.record(p, {
          action: 'export',
          subjectType: 'household',
          subjectIds: [...new Set(batch.map((x) => x.householdId))],
          fields: [],
          reason: q.reason?.trim() || null,
          requestId,
        });
      const notes = [
        ...run.gaps.map((g) => g.message['zh-CN']),
        ...(run.state !== 'completed' ? ['核对尚未完成，结果不完整'] : []),
      ];
      sendXlsx(res, `一户一档核对-${run.areaCode}-${run.year}-${shanghaiDateOf(deps.now())}.xlsx`);
      await writeSheets(res, [
        {
          name: '不一致',
          columns: [
            { header: '户号', value: (x: ConsistencyItem) => x.householdNo, text: true, width: 22 },
            { header: '村', value: (x: ConsistencyItem) => x.areaCode, text: true, width: 16 },
            {
              header: '类别',
              value: (x: ConsistencyItem) => KIND_LABELS[x.kind]['zh-CN'],
              width: 28,
            },
            { header: '问题', value: (x: ConsistencyItem) => x.message['zh-CN'], width: 60 },
          ],
          rows: deps.checks.allItems(p, id, q),
          beforeBatch: audited,
        },
        ...(notes.length
          ? [
              {
                name: '说明',
                columns: [{ header: '说明', value: (n: string) => n, width: 60 }],
                rows: notes,
              },
            ]
          : []),
      ]);
      if (!res.writableEnded) res.end();
    }),
  );
}
