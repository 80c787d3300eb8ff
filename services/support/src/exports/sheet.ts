import type { AuditLog, Principal } from '@fupin/kit';
import { type EnumDefinition, labelOf } from '@fupin/reference';

// Cells of the support service's workbooks (the kit's writeSheet writes them).

/** `20260302T100000` for file names. */
export function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** The zh-CN label of a code, or the code itself when it is not in the list. */
export function zh(e: EnumDefinition, code: string | null | undefined): string | null {
  if (!code) return null;
  return code in e ? labelOf(e, code, 'zh-CN') : code;
}

/** Yuan for a spreadsheet cell (people sum them in Excel); stored amounts stay in fen. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? null : fen / 100;

/**
 * An export of people's data is audited batch by batch, before the batch is written, so
 * nothing is handed out unrecorded whatever the export's size.
 */
export function auditedBatches<T extends { _id: string }>(
  log: AuditLog,
  p: Principal,
  subjectType: string,
  fields: string[],
): (rows: T[]) => Promise<void> {
  return (rows) =>
    log.record(p, {
      action: 'export',
      subjectType,
      subjectIds: rows.map((r) => r._id),
      fields,
      reason: null,
    });
}
