import { type Cell, cellText } from '@fupin/kit';
import { type HeaderMap, isHouseholdHeader, mapHeader, type SheetRow } from './household-rows';

/**
 * Finding the header of a household sheet as county offices really make them: a title row
 * (「XX县建档立卡贫困户花名册」, merged across the sheet) above the header, and headers over two
 * rows — group titles (「家庭收入」) merged over their columns with the columns' own headers
 * beneath, and single headers (「户编号」) merged down both rows. Pure and streaming: rows go
 * in one by one, and the header comes out with the first data row after it.
 */

/** The header must start within the sheet's first rows; a sheet without one is not read. */
export const HEADER_SEARCH_ROWS = 10;

/** A merged cell's value is in its first cell: the lower row's own text wins, else the upper's. */
export function stackHeaderRows(upper: Cell[], lower: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < Math.max(upper.length, lower.length); i++)
    out[i] = cellText(lower[i] ?? null) !== '' ? (lower[i] ?? null) : (upper[i] ?? null);
  return out;
}

function known(cells: Cell[]): number {
  return mapHeader(cells).indexOfKey.size;
}

export interface HeaderStep {
  /** The sheet's header, once known. */
  header?: HeaderMap;
  /** A data row that came with it (the row that showed the header had ended). */
  data?: SheetRow;
}

/** Reads the first rows of one sheet until its header is known (or given up). */
export class HeaderFinder {
  private previous: Cell[] | null = null;
  /** A household header seen, waiting to learn whether the next row continues it. */
  private pending: Cell[] | null = null;
  private seen = 0;

  push(row: SheetRow): HeaderStep {
    if (this.pending) {
      const pending = this.pending;
      this.pending = null;
      this.seen = Infinity;
      // Headers continued on the next row (columns under a group title).
      if (known(row.cells) > 0) return { header: mapHeader(stackHeaderRows(pending, row.cells)) };
      return { header: mapHeader(pending), data: row };
    }
    if (++this.seen > HEADER_SEARCH_ROWS) return {};
    const stacked = this.previous ? stackHeaderRows(this.previous, row.cells) : null;
    const candidate = stacked && known(stacked) > known(row.cells) ? stacked : row.cells.slice();
    if (isHouseholdHeader(candidate)) this.pending = candidate;
    this.previous = row.cells;
    return {};
  }

  /** The end of the sheet: a header with no row after it is still the sheet's header. */
  end(): HeaderMap | null {
    const pending = this.pending;
    this.pending = null;
    return pending ? mapHeader(pending) : null;
  }
}
