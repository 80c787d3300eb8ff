import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  areaCode12,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { ExitTargetService } from './exit-target.service';
import type { VillageService } from './village.service';
import {
  exitTargetBodySchema,
  exitTargetFilterSchema,
  exitTargetParams,
  villageFilterSchema,
  villageUpdateSchema,
} from './village.schemas';

const codeParam = z.object({ code: areaCode12 });

export function villageRoutes(
  router: Router,
  villages: VillageService,
  targets: ExitTargetService,
): void {
  router.get(
    '/villages',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['code', 'name'],
        defaultSort: ['code', 'ASC'],
        filter: villageFilterSchema,
      });
      const { items, total } = await villages.list(principalOf(req), q);
      sendList(res, 'villages', q, items, total);
    }),
  );
  router.get(
    '/villages/:code',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { code } = parseInput(codeParam, req.params, { where: 'params' });
      res.json(await villages.get(principalOf(req), code));
    }),
  );
  router.put(
    '/villages/:code',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { code } = parseInput(codeParam, req.params, { where: 'params' });
      const { revision, ...facts } = parseInput(villageUpdateSchema, req.body);
      res.json(await villages.update(principalOf(req), code, facts, revision));
    }),
  );
  router.get(
    '/exit-targets',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['areaCode', 'year', 'households', 'updatedAt'],
        defaultSort: ['year', 'ASC'],
        filter: exitTargetFilterSchema,
      });
      const { items, total } = await targets.list(principalOf(req), q);
      sendList(res, 'exit-targets', q, items, total);
    }),
  );
  // Targets are handed down by the county office: setting one needs the approve right.
  router.put(
    '/exit-targets/:areaCode/:year',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const { areaCode, year } = parseInput(exitTargetParams, req.params, { where: 'params' });
      const body = parseInput(exitTargetBodySchema, req.body);
      res.json(await targets.set(principalOf(req), areaCode, year, body));
    }),
  );
}
