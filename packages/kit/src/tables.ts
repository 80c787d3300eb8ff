import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import unzipper from 'unzipper';
import { z } from 'zod';
import { AppError, type Bilingual, bi, unprocessable } from './errors';
import { workbookReader } from './xlsx-reader';

/**
 * Uploaded tables (XLSX, or CSV in UTF-8 with or without BOM, or GBK) read row by row as a
 * stream: every import of every service reads files through here, and none loads a whole
 * workbook into memory.
 */

export type FileFormat = 'xlsx' | 'csv';
/** GB 18030 is read for GBK: it is its superset. */
export type CsvEncoding = 'utf-8' | 'gb18030';
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The worksheet's name; `CSV` for a CSV file. */
  sheet: string;
  /** The row number people see in Excel (1 = first row); for CSV, the record number. */
  row: number;
  /** Cells by 1-based column index (index 0 is always empty, as in exceljs). */
  cells: Cell[];
}

/** ZIP files (XLSX) start with `PK\x03\x04`; anything else is read as CSV. */
export function formatOf(head: Buffer): FileFormat {
  return head.length >= 4 && head.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : 'csv';
}

/**
 * UTF-8 (with or without BOM) or GBK: a CSV saved by Excel on a Chinese Windows is GBK. The
 * whole file is checked, since the first rows may be plain ASCII in either.
 */
export async function detectCsvEncoding(open: () => Readable): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of open()) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A cell as text: trimmed, dates as their ISO day (Excel dates carry no zone). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function cellOf(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellOf(v.result as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return String(v as unknown);
}

const unreadable = (format: FileFormat, err: unknown) =>
  unprocessable(
    'IMPORT_FILE_UNREADABLE',
    bi(
      format === 'xlsx'
        ? '无法读取该 Excel 文件，请确认是 .xlsx 格式（不支持旧的 .xls）'
        : '无法读取该 CSV 文件',
      format === 'xlsx'
        ? 'The Excel file cannot be read; save it as .xlsx (the old .xls is not supported)'
        : 'The CSV file cannot be read',
    ),
    [
      {
        field: 'file',
        code: 'unreadable',
        message: bi('文件内容无法解析', err instanceof Error ? err.message : 'unreadable'),
      },
    ],
  );

async function* xlsxRows(stream: Readable): AsyncGenerator<TableRow> {
  const reader = workbookReader(stream);
  for await (const sheet of reader) {
    // The streaming reader's worksheet type does not declare the name it carries.
    const name = (sheet as unknown as { name: string }).name;
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let i = 0; i < values.length; i++) cells[i] = cellOf(values[i]);
      yield { sheet: name, row: row.number, cells };
    }
  }
}

async function* csvRows(stream: Readable, encoding: CsvEncoding): AsyncGenerator<TableRow> {
  const text =
    encoding === 'utf-8'
      ? stream.pipe(iconv.decodeStream('utf-8', { stripBOM: true }))
      : stream.pipe(iconv.decodeStream('gb18030'));
  const parser = text.pipe(
    parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }),
  );
  let n = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    n++;
    yield { sheet: 'CSV', row: n, cells: [null, ...record] };
  }
}

/** Every row of the file, sheet by sheet; a file that cannot be parsed throws a 422 AppError. */
export async function* readRows(
  open: () => Readable,
  format: FileFormat,
  encoding: CsvEncoding | null,
): AsyncGenerator<TableRow> {
  const source = format === 'xlsx' ? xlsxRows(open()) : csvRows(open(), encoding ?? 'utf-8');
  for (;;) {
    let next: IteratorResult<TableRow>;
    try {
      next = await source.next();
    } catch (err) {
      throw unreadable(format, err);
    }
    if (next.done) return;
    yield next.value;
  }
}

export interface SmallTable {
  format: FileFormat;
  encoding: CsvEncoding | null;
  /** Non-empty rows of the first worksheet (or the CSV), cells as trimmed text, 0-based. */
  rows: { row: number; cells: string[] }[];
}

/**
 * A small upload held in memory (an area tree, a target sheet): the first worksheet's
 * non-empty rows as text, with the row numbers the user sees.
 */
export async function readSmallTable(buf: Buffer): Promise<SmallTable> {
  if (buf.length === 0)
    throw unprocessable('IMPORT_FILE_EMPTY', bi('上传的文件为空', 'The uploaded file is empty'), [
      { field: 'file', code: 'empty', message: bi('文件为空', 'empty file') },
    ]);
  const ends = new UploadEnds();
  ends.push(buf);
  const format = await assertTableUpload(ends);
  const encoding = format === 'csv' ? await detectCsvEncoding(() => Readable.from([buf])) : null;
  const rows: SmallTable['rows'] = [];
  let firstSheet: string | null = null;
  for await (const r of readRows(() => Readable.from([buf]), format, encoding)) {
    firstSheet ??= r.sheet;
    if (r.sheet !== firstSheet) break;
    const cells = r.cells.slice(1).map(cellText);
    if (cells.some((c) => c !== '')) rows.push({ row: r.row, cells });
  }
  return { format, encoding, rows };
}

const HEAD_BYTES = 4096;
const TAIL_BYTES = 1024 * 1024;

/** The 413 an import answers for a file over its limit, in whole megabytes. */
export const importTooLarge = (maxBytes: number): AppError =>
  new AppError(
    413,
    'IMPORT_FILE_TOO_LARGE',
    bi(
      `文件超过 ${Math.round(maxBytes / 1048576)} MB，请拆分后分批导入`,
      `The file exceeds ${Math.round(maxBytes / 1048576)} MB; split it into several imports`,
    ),
  );

/**
 * An upload's pieces as buffers, refused (`tooLarge`, by default an import's 413) as soon as
 * they pass `maxBytes`, so an oversized file is never read to its end.
 */
export async function* uploadPieces(
  body: AsyncIterable<Buffer | string>,
  maxBytes: number,
  tooLarge: (maxBytes: number) => AppError = importTooLarge,
): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const piece of body) {
    const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytes += buf.length;
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    yield buf;
  }
}

/**
 * The first and last bytes of an upload, kept as it streams by: enough to tell its type and
 * to read a ZIP's central directory (XLSX) without holding the file.
 */
export class UploadEnds {
  head = Buffer.alloc(0);
  tail = Buffer.alloc(0);
  size = 0;

  push(buf: Buffer): void {
    this.size += buf.length;
    if (this.head.length < HEAD_BYTES)
      this.head = Buffer.concat([this.head, buf.subarray(0, HEAD_BYTES - this.head.length)]);
    const joined = this.tail.length + buf.length;
    this.tail =
      joined <= TAIL_BYTES
        ? Buffer.concat([this.tail, buf])
        : Buffer.concat([this.tail, buf]).subarray(joined - TAIL_BYTES);
  }
}

/** Decompressed XLSX above this, or far more compressed than any real workbook, is a zip bomb. */
const MAX_UNCOMPRESSED = 1024 * 1024 * 1024;
const SUSPICIOUS_UNCOMPRESSED = 100 * 1024 * 1024;
const MAX_RATIO = 100;

const NOT_A_TABLE: Buffer[] = [
  Buffer.from('89504e47', 'hex'), // PNG
  Buffer.from('ffd8ff', 'hex'), // JPEG
  Buffer.from('47494638', 'hex'), // GIF
  Buffer.from('25504446', 'hex'), // PDF
  Buffer.from('d0cf11e0', 'hex'), // OLE2: the old .xls
];

const wrongType = (detail: Bilingual) =>
  new AppError(
    415,
    'IMPORT_FILE_TYPE',
    bi(
      '只接受 .xlsx 或 .csv（UTF-8 或 GBK）文件',
      'Only .xlsx or .csv (UTF-8 or GBK) files are accepted',
    ),
    { errors: [{ field: 'file', code: 'type', message: detail }] },
  );

/**
 * Refuses, before any row is read, what is not a table — images, PDFs, the old .xls, UTF-16
 * text — and XLSX files whose ZIP directory promises more data than any real workbook holds.
 */
export async function assertTableUpload(ends: UploadEnds): Promise<FileFormat> {
  const format = formatOf(ends.head);
  if (format === 'csv') {
    const magic = NOT_A_TABLE.find((m) => ends.head.subarray(0, m.length).equals(m));
    if (magic || ends.head.includes(0))
      throw wrongType(
        bi(
          '文件内容不是表格（可能是图片、PDF 或旧版 .xls）',
          'the content is not a table (an image, a PDF or an old .xls?)',
        ),
      );
    return format;
  }
  const tailStart = ends.size - ends.tail.length;
  let directory: Awaited<ReturnType<typeof unzipper.Open.custom>>;
  try {
    directory = await unzipper.Open.custom({
      size: async () => ends.size,
      stream: (offset, length) => {
        const from =
          offset >= tailStart
            ? ends.tail
            : offset + (length || 0) <= ends.head.length
              ? ends.head
              : null;
        if (!from) throw new Error('the ZIP directory lies outside the kept bytes');
        const start = from === ends.tail ? offset - tailStart : offset;
        return Readable.from([from.subarray(start, length ? start + length : undefined)]);
      },
    });
  } catch (err) {
    throw unreadable('xlsx', err);
  }
  const uncompressed = directory.files.reduce((sum, f) => sum + (f.uncompressedSize ?? 0), 0);
  if (
    uncompressed > MAX_UNCOMPRESSED ||
    (uncompressed > SUSPICIOUS_UNCOMPRESSED && uncompressed / ends.size > MAX_RATIO)
  ) {
    throw unprocessable(
      'IMPORT_FILE_ZIP_BOMB',
      bi(
        '该 Excel 文件解压后异常巨大，已拒绝',
        'The Excel file expands to an abnormal size when unpacked; refused',
      ),
      [
        {
          field: 'file',
          code: 'too_big_unpacked',
          message: bi(
            `解压后 ${Math.round(uncompressed / 1048576)} MB`,
            `${Math.round(uncompressed / 1048576)} MB unpacked`,
          ),
        },
      ],
    );
  }
  return format;
}

/**
 * The name an upload is filed under: shown back to users, never used as a path. Names with
 * path separators, `..` or control characters are refused.
 */
export const uploadFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (n) => !/[/\\]|\.\./.test(n) && ![...n].some((c) => c.charCodeAt(0) < 32 || c === '\u007f'),
    {
      message:
        '文件名不能包含路径或控制字符 / the file name may not contain a path or control characters',
    },
  );
