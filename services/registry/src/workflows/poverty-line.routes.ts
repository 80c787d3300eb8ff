import { handle, parseInput, principalOf, requireRight, zmsg } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { PovertyLineService } from './poverty-line.service';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const lineBody = z.strictObject({
  /** Integer fen per person per year. */
  fen: z.number().int().positive().max(100_000_000),
  reason: z
    .string()
    .trim()
    .min(2, zmsg('请填写理由（至少2个字）', 'give the reason (at least 2 characters)'))
    .max(500, zmsg('不能超过500个字符', 'at most 500 characters')),
  revision: z.number().int().min(0).optional(),
});

/** 扶贫标准 — the line of a year as the registry applies it; the province's own line recorded. */
export function povertyLineRoutes(router: Router, lines: PovertyLineService): void {
  router.get(
    '/poverty-lines/:year',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { year } = parseInput(yearParam, req.params, { where: 'params' });
      res.json(await lines.get(principalOf(req), year));
    }),
  );
  router.put(
    '/poverty-lines/:year',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const { year } = parseInput(yearParam, req.params, { where: 'params' });
      const body = parseInput(lineBody, req.body);
      res.json(await lines.set(principalOf(req), year, body));
    }),
  );
}
