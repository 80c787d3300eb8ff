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
import type { VillageAssignmentService } from './village-assignment.service';
import {
  assignmentCreateSchema,
  assignmentFilterSchema,
  endSchema,
  workTeamCreateSchema,
  workTeamFilterSchema,
  workTeamUpdateSchema,
} from './village.schemas';
import type { WorkTeamService } from './work-team.service';

export function villageRoutes(
  router: Router,
  assignments: VillageAssignmentService,
  teams: WorkTeamService,
): void {
  router.get(
    '/village-assignments',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['areaCode', 'kind', 'startDate', 'status', 'createdAt'],
        defaultSort: ['areaCode', 'ASC'],
        filter: assignmentFilterSchema,
      });
      const { items, total } = await assignments.list(principalOf(req), q);
      sendList(res, 'village-assignments', q, items, total);
    }),
  );
  router.post(
    '/village-assignments',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const body = parseInput(assignmentCreateSchema, req.body);
      res.status(201).json(await assignments.create(principalOf(req), body));
    }),
  );
  router.get(
    '/village-assignments/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await assignments.get(principalOf(req), id));
    }),
  );
  router.post(
    '/village-assignments/:id/end',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await assignments.end(principalOf(req), id, parseInput(endSchema, req.body)));
    }),
  );
  router.get(
    '/work-teams',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['areaCode', 'termStart', 'status', 'createdAt'],
        defaultSort: ['areaCode', 'ASC'],
        filter: workTeamFilterSchema,
      });
      const { items, total } = await teams.list(principalOf(req), q);
      sendList(res, 'work-teams', q, items, total);
    }),
  );
  router.post(
    '/work-teams',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const body = parseInput(workTeamCreateSchema, req.body);
      res.status(201).json(await teams.create(principalOf(req), body));
    }),
  );
  router.get(
    '/work-teams/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await teams.get(principalOf(req), id));
    }),
  );
  router.put(
    '/work-teams/:id',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision, ...patch } = parseInput(workTeamUpdateSchema, req.body);
      res.json(await teams.update(principalOf(req), id, patch, revision));
    }),
  );
  router.post(
    '/work-teams/:id/end',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await teams.end(principalOf(req), id, parseInput(endSchema, req.body)));
    }),
  );
}
