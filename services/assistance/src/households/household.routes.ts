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
import { id, oneOrMany, text } from '../common/schemas';
import type { MeasureService } from '../measures/measure.service';
import type { PairingService } from '../pairings/pairing.service';
import type { VisitService } from '../visits/visit.service';
import { type HouseholdDirectory, householdView } from './household.directory';

const STATUSES = [
  'candidate',
  'in_poverty',
  'exited',
  'returned',
  'unstable',
  'marginal',
  'sudden_hardship',
  'cancelled',
] as const;

const householdFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  status: oneOrMany(z.enum(STATUSES)).optional(),
  q: text(50).optional(),
  id: oneOrMany(id).optional(),
  paired: z.boolean().optional(),
});

/** The registry households as assistance sees them, with their helpers, measures and visits. */
export function householdRoutes(
  router: Router,
  deps: {
    households: HouseholdDirectory;
    pairings: PairingService;
    measures: MeasureService;
    visits: VisitService;
  },
): void {
  router.get(
    '/households',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['householdNo', 'areaCode', 'status', 'size'],
        defaultSort: ['householdNo', 'ASC'],
        filter: householdFilterSchema,
      });
      const p = principalOf(req);
      const paired =
        q.filter.paired === undefined
          ? undefined
          : await deps.pairings.pairedHouseholdIds(p, q.filter.area);
      const { items, total } = await deps.households.list(p, q, paired);
      sendList(res, 'households', q, items, total);
    }),
  );
  router.get(
    '/households/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id: householdId } = parseInput(idParam, req.params, { where: 'params' });
      const p = principalOf(req);
      const h = await deps.households.get(p, householdId);
      const [pairings, measures, lastVisit] = await Promise.all([
        deps.pairings.activeForHousehold(h._id),
        deps.measures.forHousehold(h._id),
        deps.visits.list(p, {
          skip: 0,
          limit: 1,
          sort: { date: -1, _id: -1 },
          filter: { householdId: h._id },
        }),
      ]);
      res.json({
        ...householdView(h),
        pairings,
        measures,
        lastVisitDate: lastVisit.items[0]?.date ?? null,
        visits: lastVisit.total,
      });
    }),
  );
}
