import {
  AppError,
  badRequest,
  bi,
  handle,
  idParam,
  parseInput,
  principalOf,
  requireRight,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import { z } from 'zod';
import type { WarningEvidenceService } from './warning-evidence.service';

const fileParams = z.object({ id: idParam.shape.id, fileId: idParam.shape.id });

/**
 * Reads the file sent as the raw request body, refusing it as soon as it passes `maxBytes` (the
 * declared length is checked before any byte is read).
 */
async function readUpload(req: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new AppError(
      413,
      'REGISTRY_EVIDENCE_TOO_LARGE',
      bi(
        `佐证材料不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`,
        `The evidence file must not exceed ${Math.round(maxBytes / 1024 / 1024)} MB`,
      ),
      { extra: { maxBytes } },
    );
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const parts: Buffer[] = [];
  let bytes = 0;
  // A JSON body was already read by the app's parser: there is no file in it.
  if (!req.readableEnded) {
    for await (const piece of req as AsyncIterable<Buffer | string>) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
      bytes += buf.length;
      if (bytes > maxBytes) throw tooLarge();
      parts.push(buf);
    }
  }
  if (bytes === 0)
    throw badRequest(
      'UPLOAD_EMPTY',
      bi('请在请求体中上传佐证材料', 'Send the evidence file as the request body'),
      [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
    );
  return Buffer.concat(parts, bytes);
}

/** The file name a client sent (`?fileName=` or `X-File-Name`, URI-encoded). */
function fileNameOf(req: Request): string {
  const q = req.query.fileName;
  if (typeof q === 'string' && q.trim()) return q.trim().slice(0, 200);
  const h = req.headers['x-file-name'];
  if (typeof h === 'string' && h.trim()) {
    try {
      return decodeURIComponent(h).slice(0, 200);
    } catch {
      return h.slice(0, 200);
    }
  }
  return 'upload';
}

/** 佐证材料 of a 防返贫 warning: uploaded while it is open, read back by its readers. */
export function warningEvidenceRoutes(router: Router, evidence: WarningEvidenceService): void {
  router.post(
    '/monitoring/warnings/:id/evidence',
    requireRight('registry', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const p = principalOf(req);
      // The warning is checked before the upload is read: no bytes are taken for a refused one.
      const w = await evidence.openWarning(p, id);
      const data = await readUpload(req, evidence.maxBytes);
      const view = await evidence.upload(p, w, {
        contentType: req.headers['content-type'] ?? '',
        data,
        name: fileNameOf(req),
      });
      res.status(201).json(view);
    }),
  );
  router.get(
    '/monitoring/warnings/:id/evidence/:fileId',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id, fileId } = parseInput(fileParams, req.params, { where: 'params' });
      const f = await evidence.read(principalOf(req), id, fileId);
      res.status(200);
      res.setHeader('Content-Type', f.contentType);
      res.setHeader('Content-Length', String(f.data.length));
      res.setHeader(
        'Content-Disposition',
        `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      );
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(f.data);
    }),
  );
}
