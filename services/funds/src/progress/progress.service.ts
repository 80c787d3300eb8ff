import { randomUUID } from 'node:crypto';
import {
  actorOf,
  allOf,
  areaWithin,
  bi,
  conflict,
  type ListQuery,
  type Principal,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { shanghaiDateOf, slowThresholdFor } from '@fupin/reference';
import type { FileService } from '../files/file.service';
import { historyEntry } from '../shared/principal';
import { projectProgressReported } from '../projects/project.events';
import type { Project, ProgressReport } from '../projects/project.model';
import { type ProjectService, type ProjectView, viewOf } from '../projects/project.service';
import { reportErrors, type SlowMeasure, slowMeasureOf } from './progress.rules';
import type { ProgressReportInput, SlowFilter } from './progress.schemas';

/** Progress is reported on projects in the library and not yet accepted. */
const REPORTABLE: Project['status'][] = ['approved', 'in_progress', 'completed'];
/** The projects whose work is under way or due to be: the ones that can be slow. */
const UNDER_WAY: Project['status'][] = ['approved', 'in_progress'];

const SLOW_FIELDS = {
  code: 1,
  name: 1,
  type: 1,
  areaCode: 1,
  townshipCode: 1,
  status: 1,
  plannedTotalFen: 1,
  plannedStartOn: 1,
  plannedFinishOn: 1,
  progressPercent: 1,
  progressReports: 1,
} as const;

export interface SlowProjectRow extends SlowMeasure {
  id: string;
  code: string;
  name: string;
  type: Project['type'];
  areaCode: string;
  townshipCode: string;
  status: Project['status'];
  plannedTotalFen: number;
  plannedStartOn: string;
  plannedFinishOn: string;
  lastReportedOn: string | null;
  /** The reference threshold used, and its version. */
  thresholdPoints: number;
  thresholdVersion: number;
}

/** The row of a project behind its plan by more than the threshold; null when it is not. */
function slowRowOf(
  x: Project,
  today: string,
  threshold: { behindPercentPoints: number; version: number },
): SlowProjectRow | null {
  const m = slowMeasureOf(
    { ...x, progressPercent: x.progressPercent ?? null },
    today,
    threshold.behindPercentPoints,
  );
  if (!m?.slow) return null;
  const reports = x.progressReports ?? [];
  return {
    id: x._id,
    code: x.code,
    name: x.name,
    type: x.type,
    areaCode: x.areaCode,
    townshipCode: x.townshipCode,
    status: x.status,
    plannedTotalFen: x.plannedTotalFen,
    plannedStartOn: x.plannedStartOn!,
    plannedFinishOn: x.plannedFinishOn!,
    lastReportedOn: reports[reports.length - 1]?.reportedOn ?? null,
    thresholdPoints: threshold.behindPercentPoints,
    thresholdVersion: threshold.version,
    ...m,
  };
}

/** 项目进度 — progress reports on a project, and the projects behind their plan (进展缓慢). */
export class ProgressService {
  constructor(
    private readonly deps: {
      projects: ProjectService;
      repo: ScopedRepository<Project>;
      files: FileService;
      now: () => Date;
    },
  ) {}

  /** Stores a report with its evidence in the project's history and publishes it. */
  async report(p: Principal, id: string, input: ProgressReportInput): Promise<ProjectView> {
    const current = await this.deps.projects.load(p, id);
    if (input.revision !== undefined && input.revision !== current.revision) {
      throw conflict(
        'FUNDS_PROJECT_STALE',
        bi(
          '项目已被他人修改，请刷新后重试',
          'The project was changed by someone else; reload and retry',
        ),
        { currentRevision: current.revision },
      );
    }
    if (!REPORTABLE.includes(current.status)) {
      throw conflict(
        'FUNDS_PROJECT_PROGRESS_NOT_OPEN',
        bi(
          '项目未审批入库或已验收，不能填报进度',
          'Progress is reported only on approved projects not yet accepted',
        ),
        { status: current.status },
      );
    }
    const now = this.deps.now();
    const reports = current.progressReports ?? [];
    const last = reports[reports.length - 1] ?? null;
    const errors = reportErrors(input, last, shanghaiDateOf(now));
    if (errors.length) {
      throw unprocessable(
        'FUNDS_PROJECT_PROGRESS_INVALID',
        bi(
          '进度填报有误，请查看标出的字段',
          'The progress report is invalid; see the listed fields',
        ),
        errors,
      );
    }
    const files = await this.deps.files.resolve(p, input.evidenceFileIds, 'evidenceFileIds');
    const report: ProgressReport = {
      id: randomUUID(),
      percent: input.percent,
      reportedOn: input.reportedOn,
      note: input.note ?? null,
      reason: input.reason ?? null,
      evidence: files.map((f) => ({ fileId: f.fileId, fileName: f.fileName, sha256: f.sha256 })),
      reportedAt: now,
      reportedBy: { id: p.userId, name: p.username },
    };
    const next: Project = {
      ...current,
      progressPercent: report.percent,
      progressReports: [...reports, report],
      revision: current.revision + 1,
      updatedAt: now,
    };
    await this.deps.files.link(input.evidenceFileIds, current.areaCode);
    await this.deps.projects.save(p, current, {
      $set: { progressPercent: report.percent, revision: next.revision, updatedAt: now },
      $push: { progressReports: report },
      history: historyEntry(p, now, 'progress', {
        from: last ? `${last.percent}%` : null,
        to: `${report.percent}%`,
        changed: ['progressPercent', 'progressReports'],
        note: report.reason ?? report.note,
      }),
      events: [
        projectProgressReported(
          next,
          {
            id: report.id,
            percent: report.percent,
            reportedOn: report.reportedOn,
            evidenceFileIds: input.evidenceFileIds,
          },
          last?.percent ?? null,
          actorOf(p),
          now,
        ),
      ],
    });
    return viewOf(next);
  }

  /**
   * 进展缓慢 — the projects under way in the caller's scope whose reported progress is behind
   * the plan by more than the reference threshold today; found like idle funds are (the
   * projects read once, the pure rule on each), most behind first.
   */
  async slow(p: Principal, q: ListQuery<SlowFilter>) {
    const today = shanghaiDateOf(this.deps.now());
    const threshold = slowThresholdFor(today);
    if (!threshold) return { items: [], total: 0 };
    const rows: SlowProjectRow[] = [];
    // One read per status, each an equality the status index answers with the scope range.
    for (const status of UNDER_WAY) {
      const and: Record<string, unknown>[] = [{ status }];
      if (q.filter.areaCode) and.push(areaWithin(q.filter.areaCode, 'areaCode'));
      // A township is the range of its codes, so the same index serves it.
      if (q.filter.townshipCode) and.push(areaWithin(q.filter.townshipCode, 'areaCode'));
      const found = this.deps.repo.cursor(p, allOf(...and), { projection: SLOW_FIELDS });
      for await (const x of found) {
        const row = slowRowOf(x, today, threshold);
        if (row) rows.push(row);
      }
    }
    const [[key, dir]] = Object.entries(q.sort) as [[keyof SlowProjectRow, 1 | -1]];
    rows.sort((a, b) => {
      const [x, y] = [a[key], b[key]];
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (c || a.code.localeCompare(b.code)) * dir;
    });
    return { items: rows.slice(q.skip, q.skip + q.limit), total: rows.length };
  }
}
