import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Response } from 'express';

/**
 * Spreadsheet downloads (exports, templates, import reports): the response headers, and one
 * streamed worksheet written row by row, so a long list never sits in memory.
 */

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download's `Content-Disposition`; the file name may be Chinese (RFC 6266 `filename*`). */
export const attachment = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Starts an XLSX download; the file name may be Chinese (RFC 6266 `filename*`). */
export function sendXlsx(res: Response, fileName: string): void {
  res.status(200);
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', attachment(fileName));
}

export type SheetCell = string | number | boolean | Date | null;

export interface SheetColumn<T> {
  header: string;
  width?: number;
  /** Text format, so ID, account and area codes do not become 4.3e17. */
  text?: boolean;
  value: (row: T) => SheetCell;
}

/** One worksheet of a workbook: its columns, its rows, and what runs before each batch. */
export interface SheetSpec<T> {
  name: string;
  columns: SheetColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
  batchSize?: number;
  beforeBatch?: (rows: T[]) => Promise<void>;
}

/**
 * Writes one worksheet with a bold, frozen header row. `beforeBatch` runs before each batch of
 * `batchSize` rows is written (an export audits what it is about to hand out).
 */
export async function writeSheet<T>(out: Writable, sheet: SheetSpec<T>): Promise<number> {
  const [count] = await writeSheets(out, [sheet]);
  return count!;
}

/**
 * Writes a workbook of several worksheets, one after the other, each as `writeSheet` writes
 * one; answers how many rows each sheet got.
 */
export async function writeSheets(
  out: Writable,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  sheets: SheetSpec<any>[],
): Promise<number[]> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const counts: number[] = [];
  for (const sheet of sheets) counts.push(await addSheet(wb, sheet));
  await wb.commit();
  return counts;
}

async function addSheet<T>(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: SheetSpec<T>,
): Promise<number> {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width ?? Math.max(10, [...c.header].length * 2 + 2),
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  const size = sheet.batchSize ?? 500;
  let batch: T[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await sheet.beforeBatch?.(batch);
    for (const row of batch) {
      ws.addRow(sheet.columns.map((c) => c.value(row))).commit();
    }
    count += batch.length;
    batch = [];
  };
  for await (const row of sheet.rows) {
    batch.push(row);
    if (batch.length >= size) await flush();
  }
  await flush();
  await ws.commit();
  return count;
}
