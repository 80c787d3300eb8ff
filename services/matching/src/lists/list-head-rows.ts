import {
  AppError,
  badRequest,
  bi,
  type Bilingual,
  cellText,
  redactString,
  type TableRow,
  worksheetMerges,
} from '@fupin/kit';
import { maskIdNumber } from '@fupin/reference';
import { factColumnOf, idColumnOf } from './list-columns';
import { findHeader, type HeaderBand, rowsToBuffer, type SheetRow } from './list-header';
import { EVIDENCE_COLUMNS, type ListColumns } from './list-row';
import type { ListType } from './list-types';

/** Where the header of an upload is looked for, and how its ID column is chosen. */
export interface HeadOptions {
  idColumn?: string | undefined;
  headerRow?: number | undefined;
}

/**
 * The first rows of a list's first worksheet, held until its header is decided: the header
 * band and the columns it is read by. Rows of other worksheets are not the list.
 */
export class HeadRows {
  readonly rows: SheetRow[] = [];
  private sheet: string | null = null;
  private decided = false;
  private readonly limit: number;

  constructor(
    private readonly type: ListType,
    private readonly xlsx: Buffer | null,
    private readonly options: HeadOptions,
  ) {
    this.limit = rowsToBuffer(options.headerRow);
  }

  /** Takes a row; false once the rows have left the first worksheet. */
  push(r: TableRow): boolean {
    this.sheet ??= r.sheet;
    if (r.sheet !== this.sheet) return false;
    if (!this.decided) this.rows.push({ row: r.row, cells: r.cells });
    return true;
  }

  /** Enough rows are held to decide the header. */
  get full(): boolean {
    return (this.rows.at(-1)?.row ?? 0) > this.limit;
  }

  async band(): Promise<HeaderBand | null> {
    this.decided = true;
    const merges = this.xlsx
      ? await worksheetMerges(this.xlsx, this.sheet ?? undefined, this.limit)
      : [];
    return findHeader(this.rows, merges, this.options);
  }

  /** The columns the list is read by; refused when there is no header or no ID column. */
  async columns(): Promise<ListColumns & { lastRow: number }> {
    const band = await this.band();
    if (!band)
      throw badRequest(
        'MATCHING_LIST_EMPTY',
        bi('名单没有表头和数据', 'The list has no header and no rows'),
        [{ field: 'file', code: 'empty', message: bi('没有内容', 'no content') }],
      );
    return { ...columnsOf(this.type, band.headers, this.options.idColumn), lastRow: band.lastRow };
  }

  /** The rows held below the header: the first data rows. */
  after(lastRow: number): SheetRow[] {
    return this.rows.filter((r) => r.row > lastRow);
  }
}

function columnsOf(type: ListType, headers: string[], idColumn: string | undefined): ListColumns {
  const id = idColumnOf(headers, idColumn);
  const fact = factColumnOf(type, headers);
  const evidence = headers
    .map((h, i) => (i > 0 && h !== '' && i !== id.index ? i : -1))
    .filter((i) => i > 0)
    .slice(0, EVIDENCE_COLUMNS);
  return { headers, id, fact, evidence };
}

/** Rows a preview shows; columns of each. */
export const PREVIEW_ROWS = 10;
const PREVIEW_COLUMNS = 40;
const PREVIEW_CHARS = 40;

/** Excel's column letters: 1 → `A`, 28 → `AB`. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface ListPreview {
  /** The first rows as read, cells as text (long numbers masked), with their row numbers. */
  rows: { row: number; cells: string[] }[];
  /** The header's first and last row (1-based), or null when the file has no row. */
  headerRow: number | null;
  headerLastRow: number | null;
  /** Whether the header was found by an ID-number header. */
  headerFound: boolean;
  headers: { column: string; text: string }[];
  /** The ID-number column read, or null with the reason it was not found. */
  idColumn: { column: string; header: string } | null;
  problem: { code: string; message: Bilingual } | null;
}

const previewCell = (text: string) => {
  // An ID number (of 15 or 18 characters) or any long number shows its first and last four.
  const masked = /\d{11}/.test(text)
    ? redactString(text).replace(/\d{11,}[\dXx]?/g, (n) => maskIdNumber(n))
    : text;
  return masked.length > PREVIEW_CHARS ? `${masked.slice(0, PREVIEW_CHARS)}…` : masked;
};

/** What an upload with these options would read: the first rows, its header and ID column. */
export async function previewOf(head: HeadRows, options: HeadOptions): Promise<ListPreview> {
  const band = await head.band();
  const last = Math.max(PREVIEW_ROWS, (band?.lastRow ?? 0) + 3);
  const preview: ListPreview = {
    rows: head.rows
      .filter((r) => r.row <= last)
      .map((r) => ({
        row: r.row,
        cells: r.cells.slice(1, PREVIEW_COLUMNS + 1).map((c) => previewCell(cellText(c))),
      })),
    headerRow: band?.row ?? null,
    headerLastRow: band?.lastRow ?? null,
    headerFound: band?.found ?? false,
    headers: (band?.headers ?? [])
      .map((text, i) => ({ column: columnLetter(i), text }))
      .filter((h, i) => i > 0 && h.text !== ''),
    idColumn: null,
    problem: null,
  };
  if (!band) return preview;
  try {
    const id = idColumnOf(band.headers, options.idColumn);
    preview.idColumn = { column: columnLetter(id.index), header: id.header };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    preview.problem = { code: err.code, message: err.messages };
  }
  return preview;
}
