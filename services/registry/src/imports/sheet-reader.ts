import type { Readable } from 'node:stream';
import { unprocessable, bi } from '@fupin/kit';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell } from './household-sheet';
import type { SheetRow } from './household-rows';

/** Streams the rows of an uploaded XLSX or CSV file; nothing is read whole into memory. */

export type FileFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'gb18030';

/** ZIP files (XLSX) start with `PK\x03\x04`; anything else is read as CSV. */
export function formatOf(head: Buffer): FileFormat {
  return head.length >= 4 && head.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : 'csv';
}

/**
 * UTF-8 (with or without BOM) or GBK: a CSV saved by Excel on a Chinese Windows is GBK. The
 * whole file is checked, since the first rows may be plain ASCII in either. GB 18030 is read
 * for GBK: it is its superset.
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

type ExcelValue = ExcelJS.CellValue;

function cellOf(v: ExcelValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellOf(v.result as ExcelValue);
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

async function* xlsxRows(stream: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    for await (const row of sheet) {
      const values = row.values as ExcelValue[];
      const cells: Cell[] = [];
      for (let i = 0; i < values.length; i++) cells[i] = cellOf(values[i]);
      yield { sheet: name, row: row.number, cells };
    }
  }
}

async function* csvRows(stream: Readable, encoding: CsvEncoding): AsyncGenerator<SheetRow> {
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
    // Index 0 stays empty so cells are 1-based as in XLSX.
    yield { sheet: 'CSV', row: n, cells: [null, ...record] };
  }
}

/** Every row of the file, sheet by sheet; a file that cannot be parsed throws a 422 AppError. */
export async function* readRows(
  open: () => Readable,
  format: FileFormat,
  encoding: CsvEncoding | null,
): AsyncGenerator<SheetRow> {
  const source = format === 'xlsx' ? xlsxRows(open()) : csvRows(open(), encoding ?? 'utf-8');
  for (;;) {
    let next: IteratorResult<SheetRow>;
    try {
      next = await source.next();
    } catch (err) {
      throw unreadable(format, err);
    }
    if (next.done) return;
    yield next.value;
  }
}
