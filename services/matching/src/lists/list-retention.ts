import {
  type AuditLog,
  type ByteSealer,
  countyWide,
  type Logger,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Finding } from '../findings/finding.model';
import type { MatchingRun } from '../runs/run.model';
import { SegmentReader, SegmentWriter } from './list-rows';
import type { DepartmentList, ListSegmentModel } from './list.model';

const DAY_MS = 24 * 60 * 60 * 1000;
const JOB = countyWide('the retention job deletes the rows of every area’s old lists');

/** The rows a list stores: the accepted ones and those kept with an invalid ID number. */
export function storedRows(l: Pick<DepartmentList, 'rowsAccepted' | 'rowsWithInvalidId'>): number {
  return l.rowsAccepted + l.rowsWithInvalidId;
}

/**
 * The day (`YYYY-MM-DD`, Asia/Shanghai) a list's rows are deleted: its upload plus the
 * retention period. Null for a list that stores no rows (still receiving, or failed).
 */
export function rowsDeleteOn(
  l: Pick<DepartmentList, 'status' | 'createdAt'>,
  days: number,
): string | null {
  if (l.status !== 'ready') return null;
  return shanghaiDateOf(new Date(l.createdAt.getTime() + days * DAY_MS));
}

/** Whether a list can no longer be matched: its rows are being, or have been, deleted. */
export function rowsGone(l: Pick<DepartmentList, 'rowsDeletingSince' | 'rowsDeletedAt'>): boolean {
  return Boolean(l.rowsDeletingSince ?? l.rowsDeletedAt);
}

/** Who the audit log names for the retention job, in the list's area. */
function jobPrincipal(areaCode: string): Principal {
  return {
    userId: 'system:list-retention',
    username: '名单保留期限',
    roles: [],
    areaCode,
    rights: {},
  };
}

export interface RetentionOutcome {
  /** The lists whose rows were deleted this time. */
  lists: number;
  kept: number;
  deleted: number;
  /** Lists due but left for the next day: a queued or running run reads them. */
  busy: number;
}

/**
 * 保留期限 — the rows of a department list that led to no open finding are deleted once the
 * list is older than the retention period. Rows are stored in sealed segments: a segment is
 * read, the rows behind an open finding (its evidence names the list and the row) kept, and
 * written back; a list without such a row has every segment emptied at once. Findings keep
 * their own masked evidence and are not touched.
 *
 * A rerun after a crash is safe: the list is marked first (no run may use it from then on),
 * rewriting a segment again keeps the same rows, the counts come from what the segments hold,
 * and the audit entry is written once (it is looked up before it is written).
 */
export class ListRetention {
  constructor(
    private readonly deps: {
      lists: ScopedRepository<DepartmentList>;
      segments: ListSegmentModel;
      findings: ScopedRepository<Finding>;
      runs: ScopedRepository<MatchingRun>;
      audit: AuditLog;
      sealer: ByteSealer;
      days: number;
      now: () => Date;
      logger: Logger;
    },
  ) {}

  /** Deletes the rows of every list past its retention period; answers what it did. */
  async run(): Promise<RetentionOutcome> {
    const now = this.deps.now();
    const today = shanghaiDateOf(now);
    // A superset by instant (the period ends on a Shanghai day), narrowed by the day below.
    const before = new Date(now.getTime() - (this.deps.days - 1) * DAY_MS);
    const candidates = await this.deps.lists.find(
      JOB,
      { status: 'ready', rowsDeletedAt: null, createdAt: { $lte: before } },
      { projection: { rejected: 0, warnings: 0 }, sort: { createdAt: 1 } },
    );
    const due = candidates.filter((l) => (rowsDeleteOn(l, this.deps.days) ?? '9999') <= today);
    const out: RetentionOutcome = { lists: 0, kept: 0, deleted: 0, busy: 0 };
    for (const list of due) {
      const done = await this.purge(list);
      if (!done) {
        out.busy++;
        continue;
      }
      out.lists++;
      out.kept += done.kept;
      out.deleted += done.deleted;
    }
    return out;
  }

  /** One list's rows: null when a run still reads the list (it is tried again the next day). */
  private async purge(list: DepartmentList): Promise<{ kept: number; deleted: number } | null> {
    const marked = list.rowsDeletingSince != null;
    if (!marked)
      await this.deps.lists.updateOne(
        JOB,
        { _id: list._id, rowsDeletingSince: null },
        { $set: { rowsDeletingSince: this.deps.now() } },
      );
    // Marked first, so no new run takes the list; one already queued keeps it for a day.
    if (await this.inUse(list._id)) {
      if (!marked)
        await this.deps.lists.updateOne(
          JOB,
          { _id: list._id, rowsDeletedAt: null },
          { $set: { rowsDeletingSince: null } },
        );
      return null;
    }
    const keep = await this.rowsBehindOpenFindings(list._id);
    const kept = keep.size === 0 ? await this.emptyAll(list) : await this.filter(list, keep);
    const total = storedRows(list);
    const deleted = Math.max(0, total - kept);
    await this.audited(list, total, kept, deleted);
    await this.deps.lists.updateOne(
      JOB,
      { _id: list._id, rowsDeletedAt: null },
      { $set: { rowsDeletedAt: this.deps.now(), rowsKept: kept, rowsDeleted: deleted } },
    );
    this.deps.logger.info(
      { listId: list._id, type: list.type, kept, deleted },
      'list rows deleted after the retention period',
    );
    return { kept, deleted };
  }

  private async inUse(listId: string): Promise<boolean> {
    const active = await this.deps.runs.count(JOB, {
      status: { $in: ['queued', 'running'] },
      'lists.listId': listId,
    });
    return active > 0;
  }

  /** The row numbers of the list that an open finding's evidence names. */
  private async rowsBehindOpenFindings(listId: string): Promise<Set<number>> {
    const open = await this.deps.findings.find(
      JOB,
      { status: { $ne: 'closed' }, 'evidence.kind': 'list_row', 'evidence.listId': listId },
      { projection: { 'evidence.row': 1 } },
    );
    // Only the row is read back (the query asked for row evidence).
    return new Set(open.map((f) => (f.evidence as { row: number }).row));
  }

  /** No row is kept: every segment emptied in one write. */
  private async emptyAll(list: DepartmentList): Promise<number> {
    await this.deps.segments.updateMany(
      { listId: list._id, rows: { $gt: 0 } },
      { $set: { rows: 0, data: this.deps.sealer.seal(Buffer.alloc(0)) } },
    );
    return 0;
  }

  /** Each segment rewritten with only the rows to keep; answers how many the list keeps. */
  private async filter(list: DepartmentList, keep: Set<number>): Promise<number> {
    let kept = 0;
    for (let n = 0; n < list.segments; n++) {
      const s = await this.deps.segments.findById(`${list._id}:${n}`).lean();
      if (!s) continue;
      if (s.rows === 0) continue;
      const data = Buffer.isBuffer(s.data)
        ? s.data
        : Buffer.from((s.data as unknown as { buffer: Uint8Array }).buffer);
      const reader = new SegmentReader(this.deps.sealer.open(data));
      const writer = new SegmentWriter(Number.MAX_SAFE_INTEGER);
      while (reader.next()) {
        const row = reader.row();
        if (keep.has(row.row)) writer.push(row);
      }
      kept += writer.rows;
      if (writer.rows === s.rows) continue;
      const packed = writer.take();
      await this.deps.segments.updateOne(
        { _id: s._id, rows: s.rows },
        { $set: { rows: packed.rows, data: this.deps.sealer.seal(packed.data) } },
      );
    }
    return kept;
  }

  /** The list's audit entry, written once even when a crash made the job run it twice. */
  private async audited(
    list: DepartmentList,
    total: number,
    kept: number,
    deleted: number,
  ): Promise<void> {
    const exists = await this.deps.audit.model.exists({
      action: 'list_rows_deleted',
      subjectIds: list._id,
    });
    if (exists) return;
    await this.deps.audit.record(jobPrincipal(list.areaCode), {
      action: 'list_rows_deleted',
      subjectType: 'department_list',
      subjectIds: [list._id],
      fields: ['rows'],
      reason: `保留期限${this.deps.days}天已到 (retention period of ${this.deps.days} days ended)`,
      before: { listType: list.type, listVersion: list.version, rows: total, rowsDeleted: 0 },
      after: { listType: list.type, listVersion: list.version, rows: kept, rowsDeleted: deleted },
    });
  }
}
