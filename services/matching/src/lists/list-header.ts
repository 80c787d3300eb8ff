import { badRequest, bi, type Cell, cellText, type MergedRange } from '@fupin/kit';
import { headerKey, isIdHeader } from './list-columns';

// The header of a department list as counties' files come: one or two title rows above it (a
// merged title cell), the header found as the row that holds a known ID-number header (or the
// row the user picked), merged header cells read from their master cell, and a two-row header
// (a group header merged over its sub-headers) read with the sub-header where there is one.

/** Rows looked through for the header. */
export const HEADER_SEARCH_ROWS = 10;
/** Rows a header may span below the row found (a group header over its sub-headers). */
const MAX_BAND = 3;
/** The highest header row a user may pick. */
export const MAX_HEADER_ROW = 50;

export interface SheetRow {
  /** The row number the user sees (CSV: the record number). */
  row: number;
  /** Cells by 1-based column (index 0 empty). */
  cells: Cell[];
}

export interface HeaderBand {
  /** The first row of the header (the one found or picked). */
  row: number;
  /** Its last row: data starts below. */
  lastRow: number;
  /** The header of each column, by 1-based index (index 0 empty). */
  headers: string[];
  /** Whether it was found by an ID-number header (rather than picked, or the first row). */
  found: boolean;
}

/** Rows to read before the header can be decided. */
export const rowsToBuffer = (headerRow: number | undefined) =>
  (headerRow ?? HEADER_SEARCH_ROWS) + MAX_BAND;

/** The text of every cell of the first rows, a merged cell answering its master's text. */
class SheetHead {
  private readonly byRow = new Map<number, Cell[]>();

  constructor(
    rows: SheetRow[],
    private readonly merges: MergedRange[],
  ) {
    for (const r of rows) this.byRow.set(r.row, r.cells);
  }

  own(row: number, col: number): string {
    return cellText(this.byRow.get(row)?.[col]);
  }

  mergeAt(row: number, col: number): MergedRange | undefined {
    return this.merges.find(
      (m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right,
    );
  }

  text(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? this.own(m.top, m.left) : this.own(row, col);
  }

  width(row: number): number {
    let w = (this.byRow.get(row)?.length ?? 1) - 1;
    for (const m of this.merges) if (m.top <= row && row <= m.bottom) w = Math.max(w, m.right);
    return w;
  }

  rowTexts(row: number): string[] {
    const out = [''];
    for (let c = 1; c <= this.width(row); c++) out.push(this.text(row, c));
    return out;
  }

  has(row: number): boolean {
    return this.rowTexts(row).some((t) => t !== '');
  }
}

/**
 * The header's last row: below the found row while a merge in it reaches further down (a
 * header cell merged over two rows), or while a group header merged across columns has
 * sub-headers under every one of its columns and the row below has no ID number (a data row
 * under a header merged across two columns has).
 */
function lastRowOf(head: SheetHead, merges: MergedRange[], row: number): number {
  const idCol = head.rowTexts(row).findIndex((t) => isIdHeader(t));
  const idBelow = idCol > 0 && head.own(row + 1, idCol) !== '' && !head.mergeAt(row + 1, idCol);
  let last = row;
  for (const m of merges)
    if (m.top <= row && row <= m.bottom && m.bottom > last)
      last = Math.min(m.bottom, row + MAX_BAND);
  const grouped = merges.some(
    (m) =>
      m.top === row &&
      m.bottom === row &&
      m.right > m.left &&
      Array.from({ length: m.right - m.left + 1 }, (_, i) => head.text(row + 1, m.left + i)).every(
        (t) => t !== '',
      ),
  );
  return grouped && !idBelow ? Math.max(last, row + 1) : last;
}

/**
 * The header of a list from its first rows: the row picked (`headerRow`), else the first of
 * the first ten rows that holds a known ID-number header (or the chosen ID column's header
 * text), else its first non-empty row. Null when there is no row at all.
 */
export function findHeader(
  rows: SheetRow[],
  merges: MergedRange[],
  options: { headerRow?: number | undefined; idColumn?: string | undefined } = {},
): HeaderBand | null {
  const head = new SheetHead(rows, merges);
  const chosen = options.idColumn ? headerKey(options.idColumn) : '';
  let row: number | undefined;
  let found = false;
  if (options.headerRow !== undefined) {
    row = options.headerRow;
    if (!head.has(row))
      throw badRequest(
        'MATCHING_LIST_HEADER_ROW_EMPTY',
        bi(`第 ${row} 行是空行，不能作为表头`, `Row ${row} is empty and cannot be the header`),
        [{ field: 'headerRow', code: 'empty', message: bi('该行为空', 'the row is empty') }],
      );
  } else {
    row = rows
      .map((r) => r.row)
      .filter((n) => n <= HEADER_SEARCH_ROWS)
      .find((n) =>
        head.rowTexts(n).some((t) => isIdHeader(t) || (chosen !== '' && headerKey(t) === chosen)),
      );
    found = row !== undefined;
    row ??= rows.map((r) => r.row).find((n) => head.has(n));
  }
  if (row === undefined) return null;
  const lastRow = lastRowOf(head, merges, row);
  const headers = [''];
  const width = Math.max(
    ...Array.from({ length: lastRow - row + 1 }, (_, i) => head.width(row + i)),
  );
  for (let c = 1; c <= width; c++) {
    let text = '';
    // The sub-header wins where there is one.
    for (let r = lastRow; r >= row && text === ''; r--) text = head.text(r, c);
    headers.push(text);
  }
  return { row, lastRow, headers, found };
}
