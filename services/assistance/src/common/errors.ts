import { bi, conflict } from '@fupin/kit';

/** The record changed since the caller read it (optimistic concurrency by `revision`). */
export function revisionConflict(currentRevision?: number) {
  return conflict(
    'ASSISTANCE_REVISION_CONFLICT',
    bi('数据已被他人修改，请刷新后重试', 'Changed by someone else meanwhile; reload and retry'),
    currentRevision === undefined ? {} : { currentRevision },
  );
}

/** Refuses a change made against an older revision than the stored one. */
export function checkRevision(stored: number, sent: number | undefined): void {
  if (sent !== undefined && sent !== stored) throw revisionConflict(stored);
}
