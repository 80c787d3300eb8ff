import {
  bi,
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  sendXlsx,
  idParam,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { fileNameOf, readUpload } from '../common/upload';
import type { PairingImportService } from './pairing-import.service';
import { writeReport, writeTemplate } from './pairing-workbook';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function importRoutes(router: Router, imports: PairingImportService): void {
  router.get(
    '/imports/template.xlsx',
    requireRight('assistance', 'read'),
    handle(async (_req, res) => {
      sendXlsx(res, '结对帮扶导入模板.xlsx');
      await writeTemplate(res);
    }),
  );
  router.post(
    '/imports/pairings',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const file = await readUpload(req, {
        maxBytes: MAX_IMPORT_BYTES,
        code: 'IMPORT_FILE_TOO_LARGE',
        what: bi('导入文件', 'import file'),
      });
      const result = await imports.run(principalOf(req), file, fileNameOf(req));
      res.status(201).setHeader('Location', `/imports/${result.id}`).json(result);
    }),
  );
  router.get(
    '/imports',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['createdAt', 'fileName'],
        defaultSort: ['createdAt', 'DESC'],
        filter: z.strictObject({}),
      });
      const { items, total } = await imports.list(principalOf(req), q);
      sendList(res, 'imports', q, items, total);
    }),
  );
  router.get(
    '/imports/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await imports.get(principalOf(req), id));
    }),
  );
  router.get(
    '/imports/:id/report.xlsx',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const job = await imports.get(principalOf(req), id);
      sendXlsx(res, `结对导入错误报告-${id.slice(0, 8)}.xlsx`);
      await writeReport(res, job.rejected);
    }),
  );
}
