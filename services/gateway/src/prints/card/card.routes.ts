import {
  type AuditLog,
  handle,
  idParam,
  parseInput,
  principalOf,
  requireRight,
  sendPdf,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { callerOf } from '../../upstream/ask';
import { householdOf } from '../handbook/handbook.read';
import { printDocument, rendererOf } from '../print.document';
import { printHousehold, villageName } from '../print.sources';

const cardQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * 明白卡 (issue 23, item 4): `GET /households/{id}/card.pdf?year=` — one household's policy card
 * of a year (this year in Asia/Shanghai by default), one A4 page, audited as a print.
 */
export function cardRoutes(
  router: Router,
  deps: { services: Record<string, string>; logger: Logger; audit: AuditLog; now: () => Date },
): void {
  const log = deps.logger.child({ component: 'card' });
  router.get(
    '/households/:id/card.pdf',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const q = parseInput(cardQuery, req.query, { where: 'query' });
      const now = deps.now();
      const year = q.year ?? Number(shanghaiDateOf(now).slice(0, 4));
      const caller = callerOf(req);
      // The registry first (a household it does not show the caller is a 404), then the year's
      // 受益底册 rows of each source the caller may read — as a village's cards are printed.
      const h = await printHousehold(deps.services, p, id, caller, log, {
        unmask: null,
        now,
        year,
        parts: rendererOf('card').parts,
      });
      const facts = householdOf(h.dossier);
      const name = await villageName(deps.services, facts.areaCode, caller);
      const bytes = await printDocument('card', [h], {
        year,
        villageName: name,
        subject: `${facts.householdNo}-${year}`,
        now,
      });
      // The head's name prints in clear (the helpers' phones masked): a print of the household.
      await deps.audit.record(p, {
        action: 'export',
        subjectType: 'household',
        subjectIds: [id],
        fields: ['headName'],
        reason: null,
        requestId: typeof req.id === 'string' ? req.id : null,
      });
      sendPdf(res, `明白卡-${facts.householdNo}-${year}.pdf`, bytes);
    }),
  );
}
