import { allOf, badRequest, bi, type Principal, type ScopedRepository } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Finding } from '../findings/finding.model';
import { ownListTypeFilter } from '../lists/list-departments';
import type { ListType } from '../lists/list-types';
import { QualityCounter, type QualityFinding, type RuleQuality } from './rule-quality';

const DAY_MS = 24 * 3600 * 1000;
/** The longest period asked at once (a little over three years). */
const MAX_DAYS = 1200;

const FIELDS = {
  _id: 1,
  rule: 1,
  listType: 1,
  evidence: 1,
  conclusion: 1,
  conclusionReasonCode: 1,
  verifiedBy: 1,
  createdAt: 1,
  dueAt: 1,
  roundStartedAt: 1,
  rounds: 1,
} as const;

export interface QualityQuery {
  /** First and last day, `YYYY-MM-DD` in Asia/Shanghai; by default the last twelve months. */
  from?: string | undefined;
  to?: string | undefined;
  listType?: ListType | undefined;
}

const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The first day of the month `months` before the day's month: (2026-05-31, 11) → 2025-06-01. */
export function firstOfMonthsBefore(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** 规则质量 — the figures of the findings in the caller's scope for a period. */
export class QualityService {
  constructor(private readonly deps: { findings: ScopedRepository<Finding>; now: () => Date }) {}

  periodOf(q: QualityQuery): { from: string; to: string; start: Date; end: Date } {
    const to = q.to ?? shanghaiDateOf(this.deps.now());
    const from = q.from ?? firstOfMonthsBefore(to, 11);
    const start = startOf(from);
    const end = new Date(startOf(to).getTime() + DAY_MS);
    const days = (end.getTime() - start.getTime()) / DAY_MS;
    if (days < 1 || days > MAX_DAYS)
      throw badRequest(
        'MATCHING_QUALITY_PERIOD_INVALID',
        bi(
          '统计期间无效：起始日期须不晚于截止日期，且不超过1200天',
          'The period is invalid: from must not be after to, and it spans at most 1200 days',
        ),
        [{ field: 'from', code: 'invalid', message: bi('期间无效', 'invalid period') }],
      );
    return { from, to, start, end };
  }

  async compute(p: Principal, q: QualityQuery): Promise<RuleQuality> {
    const period = this.periodOf(q);
    const counter = new QualityCounter(period, q.listType ?? null);
    // Found before the period's end; a finding closed before it began counts only when a
    // later round reopened it (its earlier decisions are in its rounds). A department counts
    // the findings on its own list types only, as it sees only those.
    const filter = allOf(
      {
        createdAt: { $lt: period.end },
        $or: [{ closedAt: null }, { closedAt: { $gte: period.start } }, { reopenings: { $gt: 0 } }],
        ...(q.listType ? { listType: q.listType } : {}),
      },
      ownListTypeFilter(p, 'listType'),
    );
    for await (const f of this.deps.findings.cursor(p, filter, { projection: FIELDS }))
      counter.add(f as QualityFinding);
    return counter.result();
  }
}
