import {
  areaCode12,
  calendarDay,
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  uploadFileNameSchema,
  zmsg,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import { MAX_HEADER_ROW } from './list-header';
import { LIST_TYPE_CODES } from './list-types';
import type { ListService } from './list.service';

/** The header row the user picked, 1-based as in Excel. */
const headerRowSchema = z.coerce
  .number()
  .int(zmsg('表头行应为整数', 'the header row is a whole number'))
  .min(1, zmsg('表头行从 1 开始', 'rows count from 1'))
  .max(
    MAX_HEADER_ROW,
    zmsg(`表头行不能超过第 ${MAX_HEADER_ROW} 行`, `at most row ${MAX_HEADER_ROW}`),
  );

const previewQuery = z.object({
  idColumn: z.string().trim().min(1).max(50).optional(),
  headerRow: headerRowSchema.optional(),
  // Not used by a preview, but refused as an upload refuses it (a path in a file name).
  fileName: uploadFileNameSchema.optional(),
});

const uploadQuery = z.object({
  type: z.enum(LIST_TYPE_CODES),
  date: calendarDay,
  area: areaCode12.optional(),
  idColumn: z.string().trim().min(1).max(50).optional(),
  headerRow: headerRowSchema.optional(),
  fileName: uploadFileNameSchema.optional(),
});

function fileNameOf(req: Request, fromQuery: string | undefined): string {
  if (fromQuery) return fromQuery;
  const h = req.headers['x-file-name'];
  if (typeof h !== 'string' || !h.trim()) return 'upload';
  try {
    return uploadFileNameSchema.parse(decodeURIComponent(h));
  } catch {
    return 'upload';
  }
}

async function* noFile(): AsyncGenerator<Buffer> {}

export function listRoutes(router: Router, lists: ListService): void {
  router.post(
    '/lists',
    requireRight('matching', 'write'),
    handle(async (req, res) => {
      const q = parseInput(uploadQuery, req.query, { where: 'query' });
      // A JSON body was already consumed by the app's parser: there is no file in it.
      const body: AsyncIterable<Buffer | string> = req.readableEnded ? noFile() : req;
      const list = await lists.upload(principalOf(req), body, {
        type: q.type,
        date: q.date,
        area: q.area,
        idColumn: q.idColumn,
        headerRow: q.headerRow,
        fileName: fileNameOf(req, q.fileName),
      });
      res.status(201).setHeader('Location', `/lists/${list.id}`).json(list);
    }),
  );
  router.post(
    '/lists/preview',
    requireRight('matching', 'write'),
    handle(async (req, res) => {
      const q = parseInput(previewQuery, req.query, { where: 'query' });
      const body: AsyncIterable<Buffer | string> = req.readableEnded ? noFile() : req;
      res.json(await lists.preview(principalOf(req), body, q));
    }),
  );
  router.get(
    '/lists',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['createdAt', 'type', 'date', 'status', 'areaCode'],
        defaultSort: ['createdAt', 'DESC'],
        filter: z.strictObject({
          type: z.enum(LIST_TYPE_CODES).optional(),
          status: z.enum(['receiving', 'ready', 'failed']).optional(),
          areaCode: areaCode12.optional(),
        }),
      });
      const { items, total } = await lists.list(principalOf(req), q);
      sendList(res, 'lists', q, items, total);
    }),
  );
  router.get(
    '/lists/:id',
    requireRight('matching', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await lists.get(principalOf(req), id));
    }),
  );
}
