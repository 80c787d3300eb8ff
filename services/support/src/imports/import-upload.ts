import { Readable } from 'node:stream';
import {
  AppError,
  assertTableUpload,
  badRequest,
  bi,
  type CsvEncoding,
  detectCsvEncoding,
  readRows,
  type FileFormat,
  unprocessable,
  UploadEnds,
  uploadPieces,
} from '@fupin/kit';
import {
  duplicateKey,
  type HeaderMap,
  type ImportKind,
  isHeaderRow,
  mapHeader,
  type PreparedRow,
  prepareRow,
} from './department-rows';
import type { ImportRow, Outcome, PendingRows } from './import.model';

/** A department list as read from its upload: its format and its prepared rows. */
export interface DepartmentList {
  format: FileFormat;
  encoding: CsvEncoding | null;
  rows: PreparedRow[];
}

/**
 * Reads an uploaded list in memory: the first sheet with a header row (one naming the
 * 身份证号 column), each later non-empty row prepared (its ID number hashed and masked at
 * once). Refuses a list without that header or without a required column (422).
 */
export async function readDepartmentList(
  body: AsyncIterable<Buffer | string>,
  opts: { kind: ImportKind; maxBytes: number; hashes: (id: string) => string[]; today: string },
): Promise<DepartmentList> {
  const { buf, ends } = await readUpload(body, opts.maxBytes);
  const format = await assertTableUpload(ends);
  const encoding: CsvEncoding | null =
    format === 'csv' ? await detectCsvEncoding(() => Readable.from([buf])) : null;
  const rows: PreparedRow[] = [];
  let header: HeaderMap | null = null;
  let sheet: string | null = null;
  for await (const r of readRows(() => Readable.from([buf]), format, encoding)) {
    if (header && r.sheet !== sheet) break;
    if (!header) {
      if (!isHeaderRow(r.cells)) continue;
      header = mapHeader(opts.kind, r.cells);
      sheet = r.sheet;
      if (header.missing.length) throw columnsMissing(header.missing);
      continue;
    }
    if (r.cells.every((c) => c === null || String(c).trim() === '')) continue;
    rows.push(prepareRow(opts.kind, header, r, opts.hashes, opts.today));
  }
  if (!header) {
    throw unprocessable(
      'IMPORT_NO_HEADER',
      bi(
        '没有找到表头：名单须有「身份证号」列',
        'No header row found: the list needs a 身份证号 column',
      ),
    );
  }
  return { format, encoding, rows };
}

function columnsMissing(missing: string[]): AppError {
  return unprocessable(
    'IMPORT_COLUMNS_MISSING',
    bi(
      `名单缺少必需的列：${missing.join('、')}`,
      `The list lacks required columns: ${missing.join(', ')}`,
    ),
    missing.map((h) => ({
      field: h,
      code: 'missing',
      message: bi('缺少此列', 'column missing'),
    })),
  );
}

/**
 * The rows an import stores, in the list's order: those with problems rejected, a repeat of
 * an earlier row a duplicate, the rest pending until the job matches them.
 */
export function importRowsOf(importId: string, kind: ImportKind, list: PreparedRow[]): ImportRow[] {
  const seen = new Set<string>();
  return list.map((r, i) => {
    const key = duplicateKey(kind, r);
    let outcome: Outcome = 'pending';
    if (r.problems.length) outcome = 'rejected';
    else if (key && seen.has(key)) outcome = 'duplicate';
    if (key) seen.add(key);
    return {
      _id: `${importId}:${i + 1}`,
      importId,
      seq: i + 1,
      sheet: r.sheet,
      row: r.row,
      idHash: r.idHash,
      ...(r.idHashes ? { idHashes: r.idHashes } : {}),
      idMasked: r.idMasked,
      name: r.name,
      data: r.data,
      outcome,
      problems: r.problems,
      personId: null,
      areaCode: null,
      changed: 0,
    };
  });
}

/** Rows per pending document (and per batch the job matches). */
export const PENDING_RUN = 500;

/**
 * How an upload's rows are stored: those already settled (rejected, duplicate) as report
 * rows, the pending ones in runs of `size` (in the list's order) for the job.
 */
export function storedRowsOf(
  importId: string,
  rows: ImportRow[],
  size = PENDING_RUN,
): { settled: ImportRow[]; pending: PendingRows[] } {
  const settled = rows.filter((r) => r.outcome !== 'pending');
  const waiting = rows.filter((r) => r.outcome === 'pending');
  const pending: PendingRows[] = [];
  for (let i = 0; i < waiting.length; i += size) {
    const run = waiting.slice(i, i + size);
    pending.push({
      _id: `${importId}:${run[0]!.seq}`,
      importId,
      firstSeq: run[0]!.seq,
      lastSeq: run[run.length - 1]!.seq,
      rows: run,
    });
  }
  return { settled, pending };
}

/** The whole upload in memory, refused beyond `maxBytes` (413) or when empty (400). */
async function readUpload(
  body: AsyncIterable<Buffer | string>,
  maxBytes: number,
): Promise<{ buf: Buffer; ends: UploadEnds }> {
  const parts: Buffer[] = [];
  const ends = new UploadEnds();
  let bytes = 0;
  for await (const buf of uploadPieces(body, maxBytes)) {
    bytes += buf.length;
    parts.push(buf);
    ends.push(buf);
  }
  if (bytes === 0) {
    throw badRequest(
      'IMPORT_FILE_EMPTY',
      bi('请在请求体中上传 .xlsx 或 .csv 文件', 'Send the .xlsx or .csv file as the request body'),
      [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
    );
  }
  return { buf: Buffer.concat(parts, bytes), ends };
}
