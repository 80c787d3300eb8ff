import { Readable } from 'node:stream';
import {
  AppError,
  assertTableUpload,
  badRequest,
  bi,
  type CsvEncoding,
  type FileFormat,
  formatOf,
  UploadEnds,
  uploadPieces,
} from '@fupin/kit';

// An uploaded list as it arrives: its size bounded, its format and (for a CSV) its encoding told
// from the first bytes, refused when it is not a table, and handed on as one stream of bytes.

/** Bytes looked at to tell the CSV's encoding: far more than a header row. */
const PEEK_BYTES = 64 * 1024;
/** An XLSX is read from memory (its directory sits at the end); far smaller than CSV exports. */
const MAX_XLSX_BYTES = 256 * 1024 * 1024;

/**
 * UTF-8 (with or without BOM) or GBK, told from the first bytes: a department's CSV has its
 * Chinese header in the first row, so the first 64 KB decide. (The whole file cannot be read
 * twice: it is hashed as it arrives and never stored.)
 */
export function csvEncodingOfHead(head: Buffer, complete: boolean): CsvEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A list over the upload limit: 413, in whole megabytes. */
const listTooLarge = (maxBytes: number) =>
  new AppError(
    413,
    'MATCHING_LIST_TOO_LARGE',
    bi(
      `名单文件超过 ${Math.round(maxBytes / 1048576)} MB，请拆分后分批上传`,
      `The list exceeds ${Math.round(maxBytes / 1048576)} MB; split it into several uploads`,
    ),
  );

/** The upload checked and ready to read: the bytes again from the start, its format, its encoding. */
export async function openUpload(
  body: AsyncIterable<Buffer | string>,
  maxBytes: number,
): Promise<{
  source: Readable;
  format: FileFormat;
  encoding: CsvEncoding | null;
  /** An XLSX's bytes (it is held in memory anyway), to read its merged cells. */
  xlsx: Buffer | null;
}> {
  const chunks = uploadPieces(body, maxBytes, listTooLarge)[Symbol.asyncIterator]();
  const headParts: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < PEEK_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    headParts.push(next.value);
    headBytes += next.value.length;
  }
  const head = Buffer.concat(headParts, headBytes);
  if (head.length === 0)
    throw badRequest(
      'MATCHING_LIST_EMPTY',
      bi(
        '请在请求体中上传 .xlsx 或 .csv 名单文件',
        'Send the .xlsx or .csv list as the request body',
      ),
      [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
    );
  const ends = new UploadEnds();
  ends.push(head);
  let source: Readable;
  let encoding: CsvEncoding | null = null;
  let xlsx: Buffer | null = null;
  const format = formatOf(head);
  if (format === 'xlsx') {
    const parts: Buffer[] = [head];
    let size = head.length;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      size += next.value.length;
      if (size > MAX_XLSX_BYTES)
        throw new AppError(
          413,
          'MATCHING_LIST_TOO_LARGE',
          bi(
            'Excel 名单超过 256 MB，请另存为 CSV 后上传',
            'The Excel list exceeds 256 MB; save it as CSV and upload that',
          ),
        );
      parts.push(next.value);
      ends.push(next.value);
    }
    await assertTableUpload(ends);
    xlsx = Buffer.concat(parts, size);
    source = Readable.from([xlsx]);
  } else {
    await assertTableUpload(ends);
    encoding = csvEncodingOfHead(head, ended);
    source = Readable.from(
      (async function* () {
        yield head;
        for (let next = await chunks.next(); !next.done; next = await chunks.next())
          yield next.value;
      })(),
    );
  }
  return { source, format, encoding, xlsx };
}
