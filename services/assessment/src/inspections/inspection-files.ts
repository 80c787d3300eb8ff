import {
  AttachedFiles,
  type AttachedFileView,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import type { HistoryEntry, InspectionFile } from './inspection.model';

/** At most this many bytes a file: far below MongoDB's 16 MB document. */
export const INSPECTION_FILE_MAX_BYTES = 10 * 1024 * 1024;

export type InspectionFileView = AttachedFileView<InspectionFile>;

/** 督查照片与整改材料 — the kit's attached files, uploaded first, then named by id. */
export class InspectionFiles extends AttachedFiles<InspectionFile> {
  constructor(deps: { files: ScopedRepository<InspectionFile>; now: () => Date }) {
    super({ ...deps, maxBytes: INSPECTION_FILE_MAX_BYTES, codePrefix: 'ASSESSMENT' });
  }
}

/** One line of a record's history. */
export function historyEntry(
  p: Principal,
  at: Date,
  action: string,
  opts: { from?: string | null; to?: string | null; note?: string | null } = {},
): HistoryEntry {
  return {
    at,
    actorId: p.userId,
    actorName: p.username,
    action,
    from: opts.from ?? null,
    to: opts.to ?? null,
    note: opts.note ?? null,
  };
}
