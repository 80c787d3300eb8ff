import { badRequest, bi, handle, parseInput, principalOf, requireRight, idParam } from '@fupin/kit';
import type { Router } from 'express';
import {
  exclusionDecisionBody,
  householdNoticeBody,
  householdResponseBody,
  proposalParams,
  startRequirements,
  stepBodySchema,
  workflowParams,
} from './workflow.schemas';
import type { WorkflowService } from './workflow.service';

export function workflowRoutes(router: Router, workflows: WorkflowService): void {
  router.get(
    '/households/:id/workflows',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await workflows.get(principalOf(req), id));
    }),
  );
  router.post(
    '/households/:id/workflows/:workflow/steps',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id, workflow } = parseInput(workflowParams, req.params, { where: 'params' });
      const body = parseInput(stepBodySchema, req.body);
      const missing = startRequirements(workflow, body);
      if (missing.length) {
        throw badRequest(
          'VALIDATION_FAILED',
          bi(
            '提交的数据有误，请检查标出的字段',
            'The submitted data is invalid; see the listed fields',
          ),
          missing.map((m) => ({ field: m.field, code: 'required', message: bi(m.zh, m.en) })),
        );
      }
      const { exclusions, votes, ...rest } = body;
      res.status(201).json(
        await workflows.step(principalOf(req), id, {
          ...rest,
          kind: workflow,
          ...(exclusions ? { exclusions } : {}),
          ...(votes ? { votes } : {}),
        }),
      );
    }),
  );
  router.post(
    '/households/:id/workflows/clearance/household-notice',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(householdNoticeBody, req.body);
      res.status(201).json(await workflows.giveHouseholdNotice(principalOf(req), id, body));
    }),
  );
  router.post(
    '/households/:id/workflows/clearance/household-response',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(householdResponseBody, req.body);
      res.status(201).json(await workflows.recordHouseholdResponse(principalOf(req), id, body));
    }),
  );
  router.post(
    '/households/:id/exclusion-proposals/:findingId',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id, findingId } = parseInput(proposalParams, req.params, { where: 'params' });
      const body = parseInput(exclusionDecisionBody, req.body);
      res.json(await workflows.decideExclusion(principalOf(req), id, findingId, body));
    }),
  );
}
