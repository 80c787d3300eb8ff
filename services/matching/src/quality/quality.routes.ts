import {
  type AuditLog,
  calendarDay,
  handle,
  parseInput,
  principalOf,
  requireRight,
  sendXlsx,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { LIST_TYPE_CODES } from '../lists/list-types';

import { writeQuality } from './quality-export';
import type { QualityService } from './quality.service';

const query = z.strictObject({
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  listType: z.enum(LIST_TYPE_CODES).optional(),
});

/** 规则质量: the figures as JSON, and the same as an audited XLSX export. */
export function qualityRoutes(
  router: Router,
  deps: { quality: QualityService; audit: AuditLog },
): void {
  router.get(
    '/quality/rules',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const q = parseInput(query, req.query, { where: 'query' });
      res.json(await deps.quality.compute(principalOf(req), q));
    }),
  );
  router.get(
    '/exports/rule-quality.xlsx',
    requireRight('matching', 'export'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const q = parseInput(query, req.query, { where: 'query' });
      const figures = await deps.quality.compute(p, q);
      sendXlsx(res, `规则质量-${figures.from}至${figures.to}.xlsx`);
      await writeQuality(res, figures, () =>
        deps.audit.record(p, {
          action: 'export',
          subjectType: 'rule_quality',
          subjectIds: figures.byRule.map((r) => r.rule),
          fields: ['counts'],
          reason: null,
          requestId: typeof req.id === 'string' ? req.id : null,
        }),
      );
    }),
  );
}
