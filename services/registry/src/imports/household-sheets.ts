import type { TableRow } from '@fupin/kit';
import { HeaderFinder } from './header-rows';
import {
  type HeaderMap,
  type HouseholdGroup,
  HouseholdGrouper,
  type SheetRow,
} from './household-rows';
import { missingColumns } from './import-rejections';

/** A household complete on its sheet, with the header its rows are read by. */
export interface SheetGroup {
  group: HouseholdGroup;
  header: HeaderMap;
}

/**
 * The rows of a whole file, sheet after sheet, into households: each sheet's header found
 * (see header-rows.ts), its data rows numbered across the file (`seq`, for progress and the
 * checkpoint) and grouped. Sheets without a household header are skipped; a household sheet
 * lacking a required column refuses the file. Pure and streaming.
 */
export class HouseholdSheets {
  /** Data rows read so far, across the file. */
  seq = 0;
  sawHouseholdSheet = false;
  readonly unknownHeaders = new Set<string>();
  private sheet: string | null = null;
  private finder = new HeaderFinder();
  private header: HeaderMap | null = null;
  private grouper: HouseholdGrouper | null = null;
  private last: TableRow | null = null;

  /** Takes the next row; answers the households it completed. */
  push(row: TableRow): SheetGroup[] {
    const out: SheetGroup[] = [];
    if (row.sheet !== this.sheet) {
      out.push(...this.endSheet());
      this.sheet = row.sheet;
      this.finder = new HeaderFinder();
    }
    this.last = row;
    if (this.grouper && this.header) {
      out.push(...this.data(row));
      return out;
    }
    const step = this.finder.push(row);
    if (step.header) this.start(step.header, row);
    if (step.data && this.grouper) out.push(...this.data(step.data));
    return out;
  }

  /** The end of the file: the households still open. */
  end(): SheetGroup[] {
    return this.endSheet();
  }

  private data(row: SheetRow): SheetGroup[] {
    const header = this.header!;
    return this.grouper!.push({ ...row, seq: ++this.seq }).map((group) => ({ group, header }));
  }

  private start(h: HeaderMap, row: TableRow): void {
    for (const u of h.unknown) this.unknownHeaders.add(u);
    if (h.missing.length) throw missingColumns(row, h.missing);
    this.header = h;
    this.grouper = new HouseholdGrouper(h);
    this.sawHouseholdSheet = true;
  }

  private endSheet(): SheetGroup[] {
    if (!this.grouper && this.last) {
      const h = this.finder.end();
      if (h) this.start(h, this.last);
    }
    const header = this.header;
    const groups =
      this.grouper && header ? this.grouper.end().map((group) => ({ group, header })) : [];
    this.header = null;
    this.grouper = null;
    return groups;
  }
}

/** The data rows of a file as an import reads them (the progress total). */
export class DataRowCounter {
  n = 0;
  private sheet: string | null = null;
  private finder = new HeaderFinder();
  private counting = false;

  push(row: TableRow): void {
    if (row.sheet !== this.sheet) {
      this.sheet = row.sheet;
      this.finder = new HeaderFinder();
      this.counting = false;
    }
    if (this.counting) {
      this.n++;
      return;
    }
    const step = this.finder.push(row);
    this.counting = step.header !== undefined;
    if (step.data) this.n++;
  }
}
