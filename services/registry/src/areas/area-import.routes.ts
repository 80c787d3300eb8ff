import { handle, principalOf, requireRight } from '@fupin/kit';
import express, { type Router } from 'express';
import type { AreaTreeImport } from './area-import';

/** `POST /areas/import`: the file is the request body (CSV or XLSX), not a JSON document. */
export function areaImportRoutes(router: Router, importer: AreaTreeImport): void {
  router.post(
    '/areas/import',
    requireRight('registry', 'write'),
    express.raw({ type: () => true, limit: '20mb' }),
    handle(async (req, res) => {
      const body: unknown = req.body;
      const file = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      res.json(await importer.run(principalOf(req), file));
    }),
  );
}
