import { handle, principalOf, requireRight } from '@fupin/kit';
import express, { type Request, type Router } from 'express';
import type { BatchImport } from './batch-import';
import type { ProjectImport } from './project-import';

const fileOf = (req: Request): Buffer => {
  const body: unknown = req.body;
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
};

/** The file is the request body (XLSX or CSV), not a JSON document; the answer is the row report. */
export function importRoutes(
  router: Router,
  deps: { projects: ProjectImport; batches: BatchImport },
): void {
  const raw = express.raw({ type: () => true, limit: '20mb' });
  router.post(
    '/imports/projects',
    requireRight('funds', 'write'),
    raw,
    handle(async (req, res) => {
      res.json(await deps.projects.run(principalOf(req), fileOf(req)));
    }),
  );
  router.post(
    '/imports/batches',
    requireRight('funds', 'write'),
    raw,
    handle(async (req, res) => {
      res.json(await deps.batches.run(principalOf(req), fileOf(req)));
    }),
  );
}
