import { areaInScope, type Principal } from '@fupin/kit';
import type { FrozenIndicator, RankingResult } from '../rankings/ranking.model';
import type { RankingService } from '../rankings/ranking.service';
import { monthSpan, quarterOfDay } from '../scoring/period';
import type { SchemeService } from '../schemes/scheme.service';
import { TASK_STATE_LABELS } from '../tasks/task.rules';
import type { TaskSummary } from '../tasks/task.service';
import { shanghaiDateOf } from '@fupin/reference';

/** One row of a bulletin table: a unit, its score and rank, its indicator values. */
export interface BulletinRow {
  unitId: string;
  name: string;
  scoreCenti: number;
  rank: number;
  values: Record<string, number | null>;
  yellowCard: boolean;
  accountability: boolean;
  consecutiveYellowCards: number;
}

export interface BulletinTrack {
  kind: 'township' | 'department';
  title: string;
  indicators: FrozenIndicator[];
  rows: BulletinRow[];
}

/** What a bulletin says, before it is laid out as a workbook or a PDF. */
export interface Bulletin {
  kind: 'monthly' | 'quarterly';
  title: string;
  fileName: string;
  subtitle: string;
  generatedAt: Date;
  tracks: BulletinTrack[];
  /** 倒排工期: the overdue and at-risk tasks on the day it was made (monthly bulletins). */
  lateTasks?: LateTask[];
  notes: string[];
}

/** One overdue or at-risk task of the schedule, as the bulletin prints it. */
export interface LateTask {
  code: string;
  title: string;
  ownerUnit: string;
  dueOn: string;
  progressPercent: number;
  state: string;
  reasons: string;
}

const TRACK_TITLE = { township: '乡镇', department: '县直部门' } as const;

function rowsOf(
  results: Pick<
    RankingResult,
    | 'unitId'
    | 'name'
    | 'scoreCenti'
    | 'rank'
    | 'indicators'
    | 'yellowCard'
    | 'accountability'
    | 'consecutiveYellowCards'
  >[],
): BulletinRow[] {
  return results
    .map((r) => ({
      unitId: r.unitId,
      name: r.name,
      scoreCenti: r.scoreCenti,
      rank: r.rank,
      values: Object.fromEntries(r.indicators.map((i) => [i.code, i.value])),
      yellowCard: r.yellowCard,
      accountability: r.accountability,
      consecutiveYellowCards: r.consecutiveYellowCards,
    }))
    .sort((a, b) => a.rank - b.rank || a.unitId.localeCompare(b.unitId));
}

/**
 * 月通报 and 季度排名通报 — the monthly progress bulletin (the month's values, scored with the
 * year's scheme, no warnings) and the quarterly ranking notice (a published version, with its
 * yellow cards and accountability flags). Rows are limited to the caller's area.
 */
export class BulletinService {
  constructor(
    private readonly deps: {
      rankings: RankingService;
      schemes: SchemeService;
      /** The schedule's figures for the caller, when the service keeps one. */
      tasks?: (p: Principal) => Promise<TaskSummary>;
      now: () => Date;
    },
  ) {}

  /** The schedule's late tasks and the note that counts them. */
  private async schedule(p: Principal): Promise<{ lateTasks: LateTask[]; note: string } | null> {
    const summary = await this.deps.tasks?.(p);
    if (!summary) return null;
    const { byState } = summary;
    const lateTasks = summary.late.map((t) => ({
      code: t.code,
      title: t.title,
      ownerUnit: t.ownerUnit,
      dueOn: t.dueOn,
      progressPercent: t.progressPercent,
      state: TASK_STATE_LABELS[t.standing.state]['zh-CN'],
      reasons: t.standing.reasons.map((r) => r['zh-CN']).join('；'),
    }));
    const note =
      `倒排工期（截至 ${summary.today}）：逾期 ${byState.overdue} 项，临期 ${byState.at_risk} 项，` +
      `按期推进 ${byState.on_track} 项，按期完成 ${byState.done} 项，逾期完成 ${byState.done_late} 项。`;
    return { lateTasks, note };
  }

  async monthly(p: Principal, month: string): Promise<Bulletin> {
    const year = Number(month.slice(0, 4));
    const scheme = await this.deps.schemes.find(year);
    if (!scheme) await this.deps.schemes.get(year);
    const span = monthSpan(month);
    const c = await this.deps.rankings.computePeriod(
      { key: month, year, span, months: [month] },
      quarterOfDay(span.first),
      scheme!,
      {},
    );
    const m = Number(month.slice(5, 7));
    const asOf = shanghaiDateOf(c.computedAt);
    const schedule = await this.schedule(p);
    return {
      kind: 'monthly',
      title: `${year}年${m}月脱贫攻坚工作月通报`,
      fileName: `${year}年${m}月脱贫攻坚工作月通报`,
      subtitle: `统计期间：${span.first} 至 ${span.last}\u3000数据截至：${asOf}`,
      generatedAt: c.computedAt,
      tracks: c.tracks.map((t) => ({
        kind: t.kind,
        title: `${TRACK_TITLE[t.kind]}工作进度`,
        indicators: t.indicators,
        // A month is not ranked for warnings: the bulletin shows progress only.
        rows: rowsOf(
          c.results
            .filter((r) => r.kind === t.kind && areaInScope(p, r.areaCode))
            .map((r) => ({
              ...r,
              yellowCard: false,
              accountability: false,
              consecutiveYellowCards: 0,
            })),
        ),
      })),
      ...(schedule ? { lateTasks: schedule.lateTasks } : {}),
      notes: [
        '本通报按当年考核方案对本月工作进度计分，仅作进度通报，不作季度排名和预黄牌依据。',
        span.last >= asOf ? '本月尚未结束，数据为截至生成时的进度。' : '',
        schedule?.note ?? '',
      ].filter(Boolean),
    };
  }

  async quarterly(p: Principal, rankingId: string): Promise<Bulletin> {
    const v = await this.deps.rankings.find(rankingId);
    const results = await this.deps.rankings.results(p, rankingId, {
      skip: 0,
      limit: 10_000,
      sort: { rank: 1, unitId: 1 },
      filter: {},
    });
    const warned = results.items.filter((r) => r.yellowCard);
    const notes = [
      '依据：每季度对工作落实情况进行一次排名，排名倒数第一的预黄牌警告；连续两个季度预黄牌的，对主要负责人和分管负责人给予问责。',
      ...warned.map(
        (r) =>
          `${r.name}：排名第 ${r.rank} 名（共 ${r.of} 个），给予预黄牌警告${r.accountability ? `；已连续 ${r.consecutiveYellowCards} 个季度预黄牌，给予问责` : ''}。`,
      ),
      ...(v.version > 1
        ? [
            `本通报为第 ${v.version} 版，取代第 ${v.version - 1} 版。重新计算原因：${v.reason ?? ''}`,
          ]
        : []),
      ...(v.lateEvents.count ? [`本版纳入迟到数据 ${v.lateEvents.count} 条。`] : []),
    ];
    return {
      kind: 'quarterly',
      title: `${v.year}年第${v.quarter}季度脱贫攻坚工作考核排名通报`,
      fileName: `${v.year}年第${v.quarter}季度考核排名通报（第${v.version}版）`,
      subtitle: `考核期间：${v.period.first} 至 ${v.period.last}\u3000第 ${v.version} 版\u3000发布：${shanghaiDateOf(v.publishedAt ?? v.computedAt ?? this.deps.now())}`,
      generatedAt: this.deps.now(),
      tracks: v.tracks.map((t) => ({
        kind: t.kind,
        title: `${TRACK_TITLE[t.kind]}考核排名`,
        indicators: t.indicators,
        rows: rowsOf(results.items.filter((r) => r.kind === t.kind)),
      })),
      notes,
    };
  }
}
