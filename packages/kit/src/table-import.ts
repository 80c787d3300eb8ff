import { normaliseAreaCode, parseCalendarDate, parseYuan } from '@fupin/reference';
import { AppError, type Bilingual, badRequest, bi, type FieldError } from './errors';
import { readSmallTable, type SmallTable } from './tables';

/*
 * A department's or the county's sheet read as records: its columns found by their headers
 * (any of the names counties give them), each row's cells read with every problem kept against
 * its row and column, and the import's report. Used by every import that reads a small table.
 */

/**
 * A day as spreadsheets hold it: `2017-11-01`, `2017/11/1`, `2017年11月1日`, `20171101`, or
 * an Excel date cell read as an ISO timestamp. Undefined when not a real day.
 */
export function sheetDay(text: string): string | undefined {
  const t = text.trim();
  const stamp = /^(\d{4}-\d{2}-\d{2})T[\d:.]+Z?$/.exec(t);
  return parseCalendarDate(stamp ? stamp[1]! : t);
}

type Row = SmallTable['rows'][number];

/** Why a row of the file was not stored: its row number, the column, a reason in both languages. */
export interface RowRejection {
  row: number;
  column: string;
  code: string;
  message: Bilingual;
}

export interface ImportReport {
  format: 'csv' | 'xlsx';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: RowRejection[];
}

export interface ColumnDef {
  label: string;
  aliases: string[];
  required: boolean;
}

export const comparable = (s: string) =>
  s.normalize('NFKC').replace(/\s+/g, '').replace(/\*$/, '').toLowerCase();

/** Finds each column by its header (any alias); a missing required column refuses the file. */
export function columnsOf<K extends string>(
  header: Row | undefined,
  defs: Record<K, ColumnDef>,
  code: string,
): Partial<Record<K, number>> {
  if (!header) throw badRequest(code, bi('文件中没有数据', 'The file has no rows'));
  const columns: Partial<Record<K, number>> = {};
  header.cells.forEach((cell, i) => {
    const text = comparable(cell);
    for (const [key, def] of Object.entries(defs) as [K, ColumnDef][]) {
      if (columns[key] === undefined && def.aliases.some((a) => comparable(a) === text)) {
        columns[key] = i;
      }
    }
  });
  const missing = (Object.keys(defs) as K[]).filter(
    (k) => defs[k].required && columns[k] === undefined,
  );
  if (missing.length) {
    const names = missing.map((k) => defs[k].label);
    throw new AppError(
      400,
      code,
      bi(
        `第 ${header.row} 行应为表头，缺少列：${names.join('、')}`,
        `Row ${header.row} should be the header; missing columns: ${names.join(', ')}`,
      ),
      {
        errors: missing.map((k) => ({
          field: defs[k].label,
          code: 'missing_column',
          message: bi(`缺少「${defs[k].label}」列`, `the ${defs[k].label} column is missing`),
        })),
      },
    );
  }
  return columns;
}

/** Reads the cells of one row, collecting every problem against its column. */
export class RowReader<K extends string> {
  readonly problems: RowRejection[] = [];
  constructor(
    private readonly row: Row,
    private readonly columns: Partial<Record<K, number>>,
    private readonly defs: Record<K, ColumnDef>,
  ) {}

  text(k: K): string {
    const i = this.columns[k];
    return i === undefined ? '' : (this.row.cells[i] ?? '').trim();
  }

  has(k: K): boolean {
    return this.columns[k] !== undefined && this.text(k) !== '';
  }

  reject(k: K, code: string, message: Bilingual): void {
    this.problems.push({ row: this.row.row, column: this.defs[k].label, code, message });
  }

  required(k: K): string | null {
    const v = this.text(k);
    if (v) return v;
    this.reject(k, 'required', bi('必填', 'required'));
    return null;
  }

  /** Yuan as written (`1,234.56`, `12元`) to integer fen; empty is 0 when not required. */
  fen(k: K, required = false): number | null {
    const v = this.text(k);
    if (!v) {
      if (required) this.reject(k, 'required', bi('必填', 'required'));
      return required ? null : 0;
    }
    const r = parseYuan(v);
    if (!r.ok) {
      this.reject(k, r.code, bi(r.reason.zh, r.reason.en));
      return null;
    }
    if (r.fen < 0) {
      this.reject(k, 'negative', bi('金额不能为负', 'cannot be negative'));
      return null;
    }
    return r.fen;
  }

  int(k: K, min: number, max: number): number | null {
    const v = this.text(k);
    if (!v) return 0;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.reject(k, 'invalid', bi(`须为 ${min}–${max} 的整数`, `a whole number ${min}–${max}`));
      return null;
    }
    return n;
  }

  area(k: K): string | null {
    const v = this.required(k);
    if (v === null) return null;
    const r = normaliseAreaCode(v);
    if (!r.ok) {
      this.reject(k, r.code, bi(r.reason.zh, r.reason.en));
      return null;
    }
    return r.value;
  }

  date(k: K): string | null {
    const v = this.required(k);
    if (v === null) return null;
    const day = sheetDay(v);
    if (!day) this.reject(k, 'invalid_date', bi('不是有效的日期', 'not a real date'));
    return day ?? null;
  }
}

/** A service's refusal of a row, told against the columns its fields came from. */
export function rejectionsOf(
  row: number,
  err: unknown,
  columnOf: (field: string) => string,
): RowRejection[] {
  if (!(err instanceof AppError)) throw err;
  const fields: FieldError[] = err.errors.length
    ? err.errors
    : [
        {
          field: err.code === 'FORBIDDEN_AREA' ? 'areaCode' : '',
          code: err.code,
          message: err.messages,
        },
      ];
  return fields.map((f) => ({
    row,
    column: columnOf(f.field),
    code: f.code === 'invalid' ? err.code : f.code,
    message: f.message,
  }));
}

export function finish(report: ImportReport): ImportReport {
  report.rejections.sort((a, b) => a.row - b.row);
  report.rejected = new Set(report.rejections.map((r) => r.row)).size;
  return report;
}

/** Reads an uploaded table: its columns found by header, its data rows, an empty report. */
export async function openImport<K extends string>(
  file: Buffer,
  defs: Record<K, ColumnDef>,
  headerCode: string,
) {
  const table = await readSmallTable(file);
  const [header, ...body] = table.rows;
  const columns = columnsOf(header, defs, headerCode);
  const report: ImportReport = {
    format: table.format,
    rows: body.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejections: [],
  };
  return { columns, body, report };
}
