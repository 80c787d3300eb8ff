import { areaCode12, handle, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { shanghaiYear } from '../workflows/workflow.steps';
import type { ExitConditionsService } from './exit-conditions.service';
import type { ExitProgressService } from './exit-progress.service';
import {
  exitConditionsBodySchema,
  exitConditionsParams,
  exitConditionsQuerySchema,
  exitProgressQuerySchema,
  villageExitRecordSchema,
  villageExitStepSchema,
} from './village-exit.schemas';
import type { VillageExitService } from './village-exit.service';

const codeParam = z.object({ code: areaCode12 });

/** 贫困村退出: the steps on a village, the county's conditions, the targets' progress. */
export function villageExitRoutes(
  router: Router,
  deps: {
    exits: VillageExitService;
    conditions: ExitConditionsService;
    progress: ExitProgressService;
    now: () => Date;
  },
): void {
  router.get(
    '/villages/:code/exit',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { code } = parseInput(codeParam, req.params, { where: 'params' });
      res.json(await deps.exits.get(principalOf(req), code));
    }),
  );
  router.post(
    '/villages/:code/exit/steps',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { code } = parseInput(codeParam, req.params, { where: 'params' });
      const { votes, ...body } = parseInput(villageExitStepSchema, req.body);
      res
        .status(201)
        .json(
          await deps.exits.step(principalOf(req), code, { ...body, ...(votes ? { votes } : {}) }),
        );
    }),
  );
  // An exit approved before the platform kept the steps: the county records it with its document.
  router.post(
    '/villages/:code/exit/record',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const { code } = parseInput(codeParam, req.params, { where: 'params' });
      const body = parseInput(villageExitRecordSchema, req.body);
      res.status(201).json(await deps.exits.record(principalOf(req), code, body));
    }),
  );
  router.get(
    '/village-exit-conditions',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseInput(exitConditionsQuerySchema, req.query, { where: 'query' });
      res.json(await deps.conditions.get(principalOf(req), q.area));
    }),
  );
  router.get(
    '/village-exit-conditions/versions',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseInput(exitConditionsQuerySchema, req.query, { where: 'query' });
      res.json(await deps.conditions.versions(principalOf(req), q.area));
    }),
  );
  // The conditions are the county's reference data: setting them needs the approve right.
  router.put(
    '/village-exit-conditions/:areaCode',
    requireRight('registry', 'approve'),
    handle(async (req, res) => {
      const { areaCode } = parseInput(exitConditionsParams, req.params, { where: 'params' });
      const body = parseInput(exitConditionsBodySchema, req.body);
      res.json(await deps.conditions.set(principalOf(req), areaCode, body));
    }),
  );
  router.get(
    '/statistics/exit-progress',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseInput(exitProgressQuerySchema, req.query, { where: 'query' });
      res.json(
        await deps.progress.progress(principalOf(req), q.year ?? shanghaiYear(deps.now()), q.area),
      );
    }),
  );
}
