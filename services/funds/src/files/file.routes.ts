import {
  handle,
  parseInput,
  principalOf,
  requireRight,
  uploadFileNameSchema,
  idParam,
  areaCode12,
} from '@fupin/kit';
import express, { type Router } from 'express';
import { z } from 'zod';
import { FILE_PURPOSES } from './file.model';
import type { FileService } from './file.service';

const uploadQuery = z.object({
  fileName: uploadFileNameSchema.optional(),
  purpose: z.enum(FILE_PURPOSES).default('voucher'),
  areaCode: areaCode12.optional(),
});

/** The file name a client sent (`?fileName=` or a URI-encoded `X-File-Name`). */
function fileNameOf(query: string | undefined, header: unknown): string {
  if (query) return query;
  if (typeof header !== 'string' || !header.trim()) return 'upload';
  let name = header;
  try {
    name = decodeURIComponent(header);
  } catch {
    // Kept as sent; validated below like any other name.
  }
  return parseInput(
    z.object({ 'x-file-name': uploadFileNameSchema }),
    { 'x-file-name': name },
    {
      where: 'query',
    },
  )['x-file-name'];
}

export function fileRoutes(router: Router, files: FileService, maxBytes: number): void {
  router.post(
    '/files',
    requireRight('funds', 'write'),
    // The file is the request body itself; one byte over the limit answers 413.
    express.raw({ type: () => true, limit: maxBytes }),
    handle(async (req, res) => {
      const q = parseInput(uploadQuery, req.query, { where: 'query' });
      const body: unknown = req.body;
      const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const view = await files.store(
        principalOf(req),
        data,
        {
          fileName: fileNameOf(q.fileName, req.headers['x-file-name']),
          areaCode: q.areaCode,
          contentType: req.headers['content-type'],
        },
        { purpose: q.purpose },
      );
      res.status(201).setHeader('Location', `/files/${view.id}`).json(view);
    }),
  );
  router.get(
    '/files/:id',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { view, data } = await files.content(principalOf(req), id);
      res.attachment(view.fileName);
      res.setHeader('Content-Type', view.contentType);
      res.setHeader('X-Content-SHA256', view.sha256);
      res.send(data);
    }),
  );
}
