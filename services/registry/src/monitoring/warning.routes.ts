import {
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  zmsg,
  areaCode12,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { MONITORING_CATEGORIES } from '../workflows/workflow.types';
import { countyOnly } from './screening.routes';
import { WARNING_STATUSES } from './warning.model';
import { SIGNAL_CODES } from './warning.types';
import type { WarningService } from './warning.service';

const areaCode = areaCode12;
const warningFilter = z.strictObject({
  status: z.enum(WARNING_STATUSES).optional(),
  overdue: z.boolean().optional(),
  townshipCode: areaCode.optional(),
  areaCode: areaCode.optional(),
  householdId: z.string().min(1).max(64).optional(),
  signal: z.enum(SIGNAL_CODES).optional(),
});
const reason = z
  .string()
  .trim()
  .min(
    2,
    zmsg('请填写核实情况（至少2个字）', 'give what the verification found (at least 2 characters)'),
  )
  .max(500, zmsg('不能超过500个字符', 'at most 500 characters'));
const evidence = z.array(z.string().trim().min(1).max(500)).max(20);
const confirmBody = z.strictObject({
  reason,
  evidence: evidence.default([]),
  category: z.enum(MONITORING_CATEGORIES).optional(),
});
const dismissBody = z.strictObject({
  reason,
  evidence: evidence.min(
    1,
    zmsg(
      '排除预警须附佐证材料（照片或文件）',
      'a dismissal needs evidence (a photo or a document)',
    ),
  ),
});

/** 督办: a deadline with its offset, and why (2–500 characters once trimmed). */
const dueBody = z.strictObject({
  dueAt: z.iso
    .datetime({
      offset: true,
      error: zmsg('须为带时区的时间（如 2026-03-20T17:00:00+08:00）', 'an instant with its offset'),
    })
    .transform((v) => new Date(v)),
  reason: z
    .string()
    .trim()
    .min(2, zmsg('请填写督办原因（至少2个字）', 'give the reason (at least 2 characters)'))
    .max(500, zmsg('不能超过500个字符', 'at most 500 characters')),
});

/**
 * 防返贫预警 — listed in the caller's scope, verified by the township (confirm or dismiss), its
 * deadline set by the county poverty office (督办).
 */
export function warningRoutes(router: Router, warnings: WarningService): void {
  router.get(
    '/monitoring/warnings',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['raisedAt', 'dueOn', 'areaCode', 'householdNo', 'status'],
        defaultSort: ['dueOn', 'ASC'],
        filter: warningFilter,
      });
      const { items, total } = await warnings.list(principalOf(req), q);
      sendList(res, 'monitoring/warnings', q, items, total);
    }),
  );
  router.get(
    '/monitoring/warnings/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await warnings.get(principalOf(req), id));
    }),
  );
  router.post(
    '/monitoring/warnings/:id/confirm',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(confirmBody, req.body);
      res.json(await warnings.confirm(principalOf(req), id, body));
    }),
  );
  router.post(
    '/monitoring/warnings/:id/dismiss',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(dismissBody, req.body);
      res.json(await warnings.dismiss(principalOf(req), id, body));
    }),
  );
  router.put(
    '/monitoring/warnings/:id/due',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(dueBody, req.body);
      const p = countyOnly(principalOf(req), 'REGISTRY_WARNING_DUE_COUNTY_ONLY', {
        zh: '督办预警（设置核实期限）',
        en: "Setting a warning's deadline",
      });
      res.json(await warnings.setDue(p, id, body));
    }),
  );
}
