import { AppError, badRequest, type Bilingual, bi } from '@fupin/kit';
import type { Request } from 'express';

/**
 * Reads an uploaded file sent as the raw request body (photos, spreadsheets), refusing it as
 * soon as it passes `maxBytes`: the declared length is checked before any byte is read.
 */
export async function readUpload(
  req: Request,
  opts: { maxBytes: number; code: string; what: Bilingual },
): Promise<Buffer> {
  const tooLarge = () =>
    new AppError(
      413,
      opts.code,
      bi(
        `${opts.what['zh-CN']}不能超过 ${formatBytes(opts.maxBytes)}`,
        `The ${opts.what.en} must not exceed ${formatBytes(opts.maxBytes)}`,
      ),
      { extra: { maxBytes: opts.maxBytes } },
    );
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > opts.maxBytes) throw tooLarge();
  const parts: Buffer[] = [];
  let bytes = 0;
  // A JSON body was already read by the app's parser: there is no file in it.
  if (!req.readableEnded) {
    for await (const piece of req as AsyncIterable<Buffer | string>) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
      bytes += buf.length;
      if (bytes > opts.maxBytes) throw tooLarge();
      parts.push(buf);
    }
  }
  if (bytes === 0) {
    throw badRequest(
      'UPLOAD_EMPTY',
      bi(`请在请求体中上传${opts.what['zh-CN']}`, `Send the ${opts.what.en} as the request body`),
      [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
    );
  }
  return Buffer.concat(parts, bytes);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(0)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The file name a client sent (`?fileName=` or `X-File-Name`, URI-encoded), for reports. */
export function fileNameOf(req: Request): string {
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
