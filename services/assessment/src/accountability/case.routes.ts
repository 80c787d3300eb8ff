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
  caseFilterSchema,
  caseIdSchema,
  closeSchema,
  decisionSchema,
  followUpSchema,
} from './case.schemas';
import type { CaseService } from './case.service';

const idOf = (raw: unknown) =>
  parseInput(caseIdSchema, raw, { where: 'params', code: 'ASSESSMENT_CASE_ID_INVALID' });

/** 问责案件: the list (a unit's history with `unitId`), one case, and the office's steps. */
export function caseRoutes(router: Router, cases: CaseService): void {
  router.get(
    '/accountability-cases',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query, {
        sortable: ['openedAt', 'updatedAt', 'quarterKey', 'status'],
        defaultSort: ['openedAt', 'DESC'],
        filter: caseFilterSchema,
      });
      const { items, total } = await cases.list(principalOf(req), q);
      sendList(res, 'accountability-cases', q, items, total);
    }),
  );
  router.get(
    '/accountability-cases/:id',
    requireRight('assessment', 'read'),
    handle(async (req, res) => {
      res.json(await cases.get(principalOf(req), idOf(req.params.id)));
    }),
  );
  router.post(
    '/accountability-cases/:id/decision',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const body = parseInput(decisionSchema, req.body);
      res.json(await cases.decide(principalOf(req), idOf(req.params.id), body));
    }),
  );
  router.post(
    '/accountability-cases/:id/follow-ups',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const body = parseInput(followUpSchema, req.body);
      res.status(201).json(await cases.followUp(principalOf(req), idOf(req.params.id), body));
    }),
  );
  router.post(
    '/accountability-cases/:id/close',
    requireRight('assessment', 'write'),
    handle(async (req, res) => {
      const body = parseInput(closeSchema, req.body);
      res.json(await cases.close(principalOf(req), idOf(req.params.id), body));
    }),
  );
}
