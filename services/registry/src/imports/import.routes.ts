import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  uploadFileNameSchema,
  idParam,
} from '@fupin/kit';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { exportReasonOf, listQueryOf, unmaskOf } from '../households/household.routes';
import type { ExportService } from './export.service';
import { writeReport, writeTemplate } from './household-workbook';
import type { ImportService } from './import.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const uploadQuery = z.object({ fileName: uploadFileNameSchema.optional() });

function sendXlsx(res: Response, fileName: string): void {
  res.status(200);
  res.setHeader('Content-Type', XLSX);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
}

/** A percent-encoded header value; malformed encodings are kept as sent (and then validated). */
function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/[-:T]/g, '');
}

export function importRoutes(
  router: Router,
  deps: {
    imports: ImportService;
    exports: ExportService;
    enqueue: (importId: string) => Promise<void>;
    maxUploadBytes: number;
    now: () => Date;
  },
): void {
  router.get(
    '/imports/template.xlsx',
    requireRight('registry', 'read'),
    handle(async (_req, res) => {
      sendXlsx(res, '贫困户导入模板.xlsx');
      await writeTemplate(res);
    }),
  );
  router.post(
    '/imports/households',
    requireRight('registry', 'write'),
    handle(async (req: Request, res) => {
      const q = parseInput(uploadQuery, req.query, { where: 'query' });
      const headerName = req.headers['x-file-name'];
      const fromHeader =
        typeof headerName === 'string'
          ? parseInput(
              z.object({ 'x-file-name': uploadFileNameSchema }),
              { 'x-file-name': safeDecode(headerName) },
              { where: 'query' },
            )['x-file-name']
          : undefined;
      const fileName = q.fileName ?? fromHeader ?? 'upload';
      const job = await deps.imports.accept(principalOf(req), req, {
        fileName,
        maxBytes: deps.maxUploadBytes,
      });
      await deps.enqueue(job.id);
      res.status(202).setHeader('Location', `/imports/${job.id}`).json(job);
    }),
  );
  router.get(
    '/imports',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['createdAt', 'status', 'fileName'],
        defaultSort: ['createdAt', 'DESC'],
        filter: z.strictObject({
          status: z.enum(['queued', 'counting', 'running', 'completed', 'failed']).optional(),
        }),
      });
      const { items, total } = await deps.imports.list(principalOf(req), q);
      sendList(res, 'imports', q, items, total);
    }),
  );
  router.get(
    '/imports/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await deps.imports.get(principalOf(req), id));
    }),
  );
  router.get(
    '/imports/:id/report.xlsx',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const job = await deps.imports.get(principalOf(req), id);
      sendXlsx(res, `导入错误报告-${id.slice(0, 8)}.xlsx`);
      await writeReport(res, job.rejected);
    }),
  );
  router.get(
    '/exports/households.xlsx',
    requireRight('registry', 'export'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const q = listQueryOf(req);
      const unmask = unmaskOf(req);
      deps.exports.authorize(p, unmask);
      sendXlsx(res, `贫困户导出-${stamp(deps.now())}.xlsx`);
      // In the list's order (its sort, then the id), as the user sees it.
      await deps.exports.households(p, q.filter, unmask, res, {
        sort: q.sort,
        reason: exportReasonOf(req),
      });
    }),
  );
}
