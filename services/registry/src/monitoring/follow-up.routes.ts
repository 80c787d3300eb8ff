import { calendarDay, handle, parseInput, principalOf, requireRight, zmsg } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { RiskService } from './risk.service';

const householdParam = z.object({ id: z.string().min(1).max(64) });
const monthParam = householdParam.extend({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, zmsg('月份格式须为 YYYY-MM', 'a month as YYYY-MM')),
});
const followUpBody = z.strictObject({
  incomeFen: z
    .number()
    .int(zmsg('金额须为整数分', 'an amount in whole fen'))
    .min(0, zmsg('不能为负数', 'cannot be negative'))
    .max(100_000_000)
    .nullable(),
  homeCheckOn: calendarDay.nullable().default(null),
  note: z.string().trim().max(1000).default(''),
});

/** 帮扶跟踪 — a monitored household's monthly log, and its 返贫风险 panel. */
export function followUpRoutes(router: Router, risk: RiskService): void {
  router.get(
    '/monitoring/households/:id/risk',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(householdParam, req.params, { where: 'params' });
      res.json(await risk.view(principalOf(req), id));
    }),
  );
  router.put(
    '/monitoring/households/:id/follow-ups/:month',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id, month } = parseInput(monthParam, req.params, { where: 'params' });
      const body = parseInput(followUpBody, req.body);
      const { _id, ...record } = await risk.record(principalOf(req), id, month, body);
      res.json({ id: _id, ...record });
    }),
  );
}
