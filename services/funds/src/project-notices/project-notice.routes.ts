import { handle, idParam, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import { projectNoticeSchema } from './project-notice.schemas';
import type { ProjectNoticeService } from './project-notice.service';

/** 公示登记 — a project's public notices: recorded, and listed. */
export function projectNoticeRoutes(router: Router, notices: ProjectNoticeService): void {
  router.get(
    '/projects/:id/notices',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await notices.list(principalOf(req), id));
    }),
  );
  router.post(
    '/projects/:id/notices',
    requireRight('funds', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(projectNoticeSchema, req.body);
      res.status(201).json(await notices.record(principalOf(req), id, body));
    }),
  );
}
