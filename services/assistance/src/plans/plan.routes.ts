import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Router } from 'express';
import {
  householdIdParam,
  planFilterSchema,
  planProgressSchema,
  planSaveSchema,
} from './plan.schemas';
import type { PlanService } from './plan.service';

export function planRoutes(router: Router, plans: PlanService): void {
  router.get(
    '/plans',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['householdNo', 'areaCode', 'updatedAt', 'progressPercent'],
        defaultSort: ['householdNo', 'ASC'],
        filter: planFilterSchema,
      });
      const { items, total } = await plans.list(principalOf(req), q);
      sendList(res, 'plans', q, items, total);
    }),
  );
  router.get(
    '/plans/:householdId',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { householdId } = parseInput(householdIdParam, req.params, { where: 'params' });
      res.json(await plans.get(principalOf(req), householdId));
    }),
  );
  router.put(
    '/plans/:householdId',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { householdId } = parseInput(householdIdParam, req.params, { where: 'params' });
      const { revision, ...input } = parseInput(planSaveSchema, req.body);
      res.json(await plans.save(principalOf(req), householdId, input, revision));
    }),
  );
  router.get(
    '/plans/:householdId/history',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { householdId } = parseInput(householdIdParam, req.params, { where: 'params' });
      res.json(await plans.history(principalOf(req), householdId));
    }),
  );
  router.post(
    '/plans/:householdId/progress',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { householdId } = parseInput(householdIdParam, req.params, { where: 'params' });
      const body = parseInput(planProgressSchema, req.body);
      res.status(201).json(await plans.addProgress(principalOf(req), householdId, body));
    }),
  );
}
