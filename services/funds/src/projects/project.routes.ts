import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import {
  PROJECT_SORTABLE,
  projectCreateSchema,
  projectDocumentSchema,
  projectFilterSchema,
  projectStepSchema,
  projectUpdateSchema,
} from './project.schemas';
import type { ProjectService } from './project.service';

export function projectListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: PROJECT_SORTABLE,
    defaultSort: ['code', 'ASC'],
    filter: projectFilterSchema,
  });
}

export function projectRoutes(router: Router, projects: ProjectService): void {
  router.get(
    '/projects',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = projectListQuery(req);
      const { items, total } = await projects.list(principalOf(req), q);
      sendList(res, 'projects', q, items, total);
    }),
  );
  router.post(
    '/projects',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const body = parseInput(projectCreateSchema, req.body);
      const view = await projects.register(principalOf(req), body);
      res.status(201).setHeader('Location', `/projects/${view.id}`).json(view);
    }),
  );
  router.get(
    '/projects/:id',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await projects.get(principalOf(req), id));
    }),
  );
  router.put(
    '/projects/:id',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision, ...patch } = parseInput(projectUpdateSchema, req.body);
      res.json(await projects.update(principalOf(req), id, patch, revision));
    }),
  );
  router.get(
    '/projects/:id/history',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await projects.history(principalOf(req), id));
    }),
  );
  // Approval into the library and acceptance also need the approve right (checked by the step).
  router.post(
    '/projects/:id/steps',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const step = parseInput(projectStepSchema, req.body);
      const p = principalOf(req);
      res.json(await projects.step(p, id, step, p.rights.funds ?? []));
    }),
  );
  router.post(
    '/projects/:id/documents',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(projectDocumentSchema, req.body);
      res.status(201).json(await projects.addDocument(principalOf(req), id, body));
    }),
  );
}
