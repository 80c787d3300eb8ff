import { type ColumnDef, openImport as openTable } from '@fupin/kit';

export {
  type ColumnDef,
  columnsOf,
  comparable,
  finish,
  type ImportReport,
  rejectionsOf,
  RowReader,
  type RowRejection,
} from '@fupin/kit';

/** Reads an uploaded funds table: its columns found by header, its data rows, an empty report. */
export const openImport = <K extends string>(file: Buffer, defs: Record<K, ColumnDef>) =>
  openTable(file, defs, 'FUNDS_IMPORT_HEADER');
