import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { RunViewCheck } from './run-view';
import type { RunService } from './run.service';
import { RULE_CODES, RULES, triggerOf } from './rules';

const createBody = z.strictObject({ listId: z.string().min(1).max(64).optional() });

export function runRoutes(
  router: Router,
  deps: { runs: RunService; enqueue: (runId: string) => Promise<void>; view: RunViewCheck },
): void {
  router.post(
    '/runs',
    requireRight('matching', 'approve'),
    handle(async (req, res) => {
      const input = parseInput(createBody, req.body ?? {});
      const run = await deps.runs.create(principalOf(req), input, () =>
        deps.view(req.headers.authorization, req.log),
      );
      await deps.enqueue(run.id);
      res.status(202).setHeader('Location', `/runs/${run.id}`).json(run);
    }),
  );
  router.get(
    '/runs',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['createdAt', 'status'],
        defaultSort: ['createdAt', 'DESC'],
        filter: z.strictObject({
          status: z.enum(['queued', 'running', 'completed', 'failed']).optional(),
          scope: z.enum(['list', 'full']).optional(),
        }),
      });
      const { items, total } = await deps.runs.list(principalOf(req), q);
      sendList(res, 'runs', q, items, total);
    }),
  );
  router.get(
    '/runs/:id',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await deps.runs.get(principalOf(req), id));
    }),
  );
  router.get(
    '/rules',
    requireRight('matching', 'read'),
    handle(async (_req, res) => {
      const rules = RULE_CODES.map((code) => ({
        id: code,
        code,
        ...RULES[code],
        trigger: triggerOf(RULES[code]),
      }));
      res.setHeader('Content-Range', `rules 0-${rules.length - 1}/${rules.length}`);
      res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
      res.json(rules);
    }),
  );
}
