import { badRequest, bi } from '@fupin/kit';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One non-empty row of an uploaded table, with its row number as the spreadsheet shows it. */
export interface TableRow {
  row: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** How a CSV was decoded: Excel on Chinese Windows saves GBK unless told otherwise. */
  encoding: 'utf-8' | 'gbk' | null;
  rows: TableRow[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function unreadable(zh: string, en: string) {
  return badRequest('REGISTRY_TABLE_UNREADABLE', bi(zh, en), [
    { field: '(file)', code: 'unreadable', message: bi(zh, en) },
  ]);
}

/** Text of a CSV: UTF-8 (with or without BOM) when it decodes as such, otherwise GBK. */
export function decodeCsv(buf: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (buf.subarray(0, 3).equals(UTF8_BOM))
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gbk'), encoding: 'gbk' };
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * Reads an uploaded CSV or XLSX (first worksheet) into text rows; empty rows are dropped, row
 * numbers kept, so a rejection can point at the line the user sees.
 */
export async function readTable(buf: Buffer): Promise<Table> {
  if (buf.length === 0) throw unreadable('上传的文件为空', 'The uploaded file is empty');
  if (buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw unreadable(
        '无法读取该 Excel 文件（仅支持 .xlsx）',
        'The Excel file cannot be read (only .xlsx is supported)',
      );
    }
    const sheet = wb.worksheets[0];
    const rows: TableRow[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[];
      // exceljs rows are 1-based: values[0] is always empty.
      const cells = values.slice(1).map((v) => cellText(v).trim());
      if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
    });
    return { format: 'xlsx', encoding: null, rows };
  }
  const { text, encoding } = decodeCsv(buf);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw unreadable(
      `CSV 格式错误${line ? `（第 ${line} 行）` : ''}`,
      `The CSV is malformed${line ? ` (line ${line})` : ''}`,
    );
  }
  return {
    format: 'csv',
    encoding,
    rows: records
      .filter((r) => r.record.some((c) => c !== ''))
      .map((r) => ({ row: r.info.lines, cells: r.record })),
  };
}
