import {
  areaInScope,
  bi,
  conflict,
  countyWide,
  type ListQuery,
  notFound,
  outsideScope,
  type Principal,
  type RecordedFreshness,
  unprocessable,
} from '@fupin/kit';
import {
  type IndicatorCalculator,
  type MeasurePeriod,
  recordLink,
} from '../indicators/indicator.calculator';
import {
  lastClosedQuarter,
  previousQuarter,
  type Quarter,
  quarterClosed,
  quarterKey,
  quarterMonths,
  quarterSpan,
} from '../scoring/period';
import type { Scheme } from '../schemes/scheme.model';
import { type Computed, computePeriod } from './ranking.compute';
import {
  type PublishDeps,
  type RankOptions,
  type RankOutcome,
  RankingPublisher,
} from './ranking.publish';
import {
  PUBLISHED,
  type RankingRecords,
  type RankingResult,
  type RankingVersion,
  type TrackResult,
  VERSION_SUMMARY,
} from './ranking.model';
import { recomputeQuarter } from './ranking.recompute';

export type { Computed } from './ranking.compute';
export type { RankOutcome } from './ranking.publish';

export type RankingView = Omit<
  RankingVersion,
  '_id' | 'claim' | 'outbox' | 'hasOutbox' | 'outboxLease'
> & {
  id: string;
};

export interface RankingFilter {
  year?: number;
  quarter?: number;
  current?: boolean;
}

const rankingWhat = bi('排名', 'Ranking');
const resultMissing = {
  what: bi('该单位的排名结果', "The unit's result"),
  code: 'ASSESSMENT_RESULT_NOT_FOUND',
};

/** A unit is found in any area, so that another township's unit is refused (403), not hidden. */
const UNIT_LOOKUP = countyWide("a unit's area, to refuse another township's unit (403)");

/**
 * 季度考核排名 — freezes a quarter's indicator values, scores and ranks the units, warns the last
 * place and flags repeat warnings, and publishes the result as an immutable version
 * (computing in ranking.compute.ts, publishing in ranking.publish.ts, recomputing in
 * ranking.recompute.ts); and reads the versions, down to the records behind each value,
 * within the caller's area.
 */
export class RankingService {
  private readonly publisher: RankingPublisher;

  constructor(
    /** What publishing needs (its computation is this service's), and the calculator. */
    private readonly deps: Omit<PublishDeps, 'compute'> & { calculator: IndicatorCalculator },
  ) {
    this.publisher = new RankingPublisher({
      ...deps,
      compute: (q, scheme) => this.compute(q, scheme),
    });
  }

  // ------------------------------------------------------------------ computing and publishing

  /** Measures and scores every track of the scheme for a quarter; stores nothing. */
  async compute(q: Quarter, scheme: Scheme): Promise<Computed> {
    const previous = await this.current(previousQuarter(q));
    const streaks: Record<string, number> = {};
    for (const t of previous?.tracks ?? [])
      for (const u of t.units) streaks[u.unitId] = u.consecutiveYellowCards;
    const period: MeasurePeriod = {
      key: quarterKey(q),
      year: q.year,
      span: quarterSpan(q),
      months: quarterMonths(q),
    };
    return { quarter: q, ...(await this.computePeriod(period, q, scheme, streaks)) };
  }

  /**
   * Measures and scores a period (a quarter, or a month for the monthly bulletin) given the
   * yellow-card streaks that lead into it.
   */
  async computePeriod(
    period: MeasurePeriod,
    q: Quarter,
    scheme: Scheme,
    streaks: Record<string, number>,
  ): Promise<Omit<Computed, 'quarter'>> {
    return computePeriod(this.deps, period, q, scheme, streaks);
  }

  /** Ranks the last closed quarter unless a version of it exists (the quarterly job). */
  async rankClosedQuarter(): Promise<{
    quarterKey: string;
    outcome: RankOutcome;
    rankingId: string | null;
  }> {
    const q = lastClosedQuarter(this.deps.now());
    const r = await this.rankOnce(q, { trigger: 'schedule', reason: null, actor: null });
    return { quarterKey: quarterKey(q), ...r };
  }

  /**
   * Computes and publishes version 1 of a quarter if no version exists. Safe to call from any
   * number of workers at once: one claims the version, the others find it taken.
   */
  async rankOnce(
    q: Quarter,
    opts: RankOptions,
  ): Promise<{ outcome: RankOutcome; rankingId: string | null }> {
    return this.publisher.rankOnce(q, opts);
  }

  /** On demand: the first version of a closed quarter (`authorization` asks the registry). */
  async rankQuarter(p: Principal, q: Quarter, authorization?: string): Promise<RankingView> {
    this.deps.schemes.assertCountyWide(p);
    if (!quarterClosed(q, this.deps.now()))
      throw unprocessable(
        'ASSESSMENT_QUARTER_NOT_CLOSED',
        bi(
          `${q.year}年第${q.quarter}季度尚未结束，不能排名（可先预览）`,
          `Quarter ${quarterKey(q)} has not closed yet; preview it instead`,
        ),
        [
          {
            field: 'quarter',
            code: 'not_closed',
            message: bi('季度未结束', 'quarter still running'),
          },
        ],
      );
    await this.deps.schemes.get(q.year);
    const r = await this.rankOnce(q, { trigger: 'manual', reason: null, actor: p, authorization });
    if (r.outcome === 'already_ranked' || r.outcome === 'in_progress')
      throw conflict(
        r.outcome === 'already_ranked'
          ? 'ASSESSMENT_RANKING_EXISTS'
          : 'ASSESSMENT_RANKING_IN_PROGRESS',
        r.outcome === 'already_ranked'
          ? bi(
              '该季度已有排名，如需更正请说明原因后重新计算',
              'The quarter is ranked already; recompute it with a reason to correct it',
            )
          : bi('该季度的排名正在计算中', 'The quarter is being ranked right now'),
        { rankingId: r.rankingId },
      );
    return this.get(p, r.rankingId!);
  }

  /** 重新计算 — a new version of a published quarter, with the reason; late events go into it. */
  async recompute(
    p: Principal,
    q: Quarter,
    reason: string,
    authorization?: string,
  ): Promise<RankingView> {
    const id = await recomputeQuarter(
      { rankings: this.deps.rankings, schemes: this.deps.schemes, publisher: this.publisher },
      p,
      q,
      reason,
      authorization,
    );
    return this.get(p, id);
  }

  /**
   * What the quarter's ranking would be now, without storing or publishing anything — on a
   * household projection caught up with the registry, as a ranking (waited for, else 409
   * ASSESSMENT_VIEW_BEHIND), with that freshness in the answer.
   */
  async preview(
    p: Principal,
    q: Quarter,
    authorization?: string,
  ): Promise<{
    quarterKey: string;
    computedAt: Date;
    view: RecordedFreshness | null;
    tracks: TrackResult[];
    results: Computed['results'];
  }> {
    const scheme = await this.deps.schemes.find(q.year);
    if (!scheme) await this.deps.schemes.get(q.year);
    const view = this.deps.view ? await this.deps.view(authorization, this.deps.logger) : null;
    const c = await this.compute(q, scheme!);
    return {
      quarterKey: quarterKey(q),
      computedAt: c.computedAt,
      view,
      tracks: c.tracks.map((t) => ({
        ...t,
        units: t.units.filter((u) => areaInScope(p, u.areaCode)),
      })),
      results: c.results.filter((r) => areaInScope(p, r.areaCode)),
    };
  }

  // ------------------------------------------------------------------ reading

  /** The version in force for a quarter: the latest published one. */
  async current(q: Quarter): Promise<RankingVersion | null> {
    return this.deps.rankings
      .findOne({ quarterKey: quarterKey(q), ...PUBLISHED, supersededBy: null }, VERSION_SUMMARY)
      .lean<RankingVersion>();
  }

  private view(p: Principal, v: RankingVersion): RankingView {
    const { _id, claim: _c, ...rest } = v;
    return {
      id: _id,
      ...rest,
      tracks: v.tracks.map((t) => ({
        ...t,
        units: t.units.filter((u) => areaInScope(p, u.areaCode)),
      })),
    };
  }

  async list(
    p: Principal,
    q: ListQuery<RankingFilter>,
  ): Promise<{ items: RankingView[]; total: number }> {
    const filter: Record<string, unknown> = { ...PUBLISHED };
    if (q.filter.year !== undefined) filter.year = q.filter.year;
    if (q.filter.quarter !== undefined) filter.quarter = q.filter.quarter;
    if (q.filter.current === true) filter.supersededBy = null;
    if (q.filter.current === false) filter.supersededBy = { $ne: null };
    const [items, total] = await Promise.all([
      this.deps.rankings
        .find(filter, VERSION_SUMMARY)
        .sort(q.sort)
        .skip(q.skip)
        .limit(q.limit)
        .lean<RankingVersion[]>(),
      this.deps.rankings.countDocuments(filter),
    ]);
    return { items: items.map((v) => this.view(p, v)), total };
  }

  async find(id: string): Promise<RankingVersion> {
    const v = await this.deps.rankings
      .findOne({ _id: id, ...PUBLISHED }, VERSION_SUMMARY)
      .lean<RankingVersion>();
    if (!v) throw notFound(rankingWhat, 'ASSESSMENT_RANKING_NOT_FOUND');
    return v;
  }

  async get(p: Principal, id: string): Promise<RankingView> {
    return this.view(p, await this.find(id));
  }

  async results(
    p: Principal,
    rankingId: string,
    q: ListQuery<{ kind?: string; yellowCard?: boolean; accountability?: boolean }>,
  ): Promise<{ items: (RankingResult & { id: string })[]; total: number }> {
    await this.find(rankingId);
    const filter: Record<string, unknown> = { rankingId };
    if (q.filter.kind) filter.kind = q.filter.kind;
    if (q.filter.yellowCard !== undefined) filter.yellowCard = q.filter.yellowCard;
    if (q.filter.accountability !== undefined) filter.accountability = q.filter.accountability;
    const { items, total } = await this.deps.results.page(p, filter, q);
    return { items: items.map((r) => ({ id: r._id, ...r })), total };
  }

  /** 得分说明 — one unit's score, indicator by indicator, with the links to the records. */
  async explain(p: Principal, rankingId: string, unitId: string) {
    await this.find(rankingId);
    const r = await this.deps.results.getForChange(p, `${rankingId}|${unitId}`, resultMissing);
    const records = await this.deps.records
      .find({ rankingId, unitId }, { items: 0 })
      .lean<Omit<RankingRecords, 'items'>[]>();
    const byCode = new Map(records.map((x) => [x.code, x]));
    const { _id, ...rest } = r;
    return {
      id: _id,
      ...rest,
      indicators: r.indicators.map((i) => {
        const rec = byCode.get(i.code);
        return {
          ...i,
          recordsOf: rec
            ? {
                service: rec.service,
                label: rec.label,
                total: rec.total,
                href: `/api/assessment/rankings/${encodeURIComponent(rankingId)}/results/${encodeURIComponent(unitId)}/records/${i.code}`,
                linkTemplate: `/api/${rec.service}${rec.path}`,
              }
            : null,
        };
      }),
    };
  }

  /** The records behind one indicator value, each linked to its owning service. */
  async recordsOf(
    p: Principal,
    rankingId: string,
    unitId: string,
    code: string,
    q: { skip: number; limit: number },
  ): Promise<{
    items: { id: string; note: string | null; link: string }[];
    total: number;
    listed: number;
  }> {
    await this.find(rankingId);
    await this.deps.results.getForChange(p, `${rankingId}|${unitId}`, resultMissing, {
      areaCode: 1,
    });
    const rec = await this.deps.records
      .findById(`${rankingId}|${unitId}|${code}`)
      .lean<RankingRecords>();
    if (!rec) throw notFound(bi('该指标', 'The indicator'), 'ASSESSMENT_INDICATOR_NOT_FOUND');
    const page = rec.items.slice(q.skip, q.skip + q.limit).map((i) => ({
      id: i.id,
      note: i.note ?? null,
      link: recordLink(rec.service, rec.path, i.id),
    }));
    return { items: page, total: rec.items.length, listed: rec.total };
  }

  /** 排名历史 — a unit's results quarter by quarter (the version in force, or every version). */
  async history(
    p: Principal,
    unitId: string,
    q: ListQuery<{ year?: number; allVersions?: boolean }>,
  ): Promise<{ items: Record<string, unknown>[]; total: number }> {
    const probe = await this.deps.results.findOne(
      UNIT_LOOKUP,
      { unitId },
      { projection: { areaCode: 1 } },
    );
    if (!probe)
      throw notFound(bi('该考核单位的排名', "The unit's rankings"), 'ASSESSMENT_UNIT_NOT_FOUND');
    if (!this.deps.results.contains(p, probe)) throw outsideScope();
    const versions = await this.deps.rankings
      .find(
        { ...PUBLISHED, ...(q.filter.allVersions ? {} : { supersededBy: null }) },
        { _id: 1, supersededBy: 1 },
      )
      .lean<Pick<RankingVersion, '_id' | 'supersededBy'>[]>();
    const superseded = new Map(versions.map((v) => [v._id, v.supersededBy]));
    const filter: Record<string, unknown> = { unitId, rankingId: { $in: [...superseded.keys()] } };
    if (q.filter.year !== undefined) filter.year = q.filter.year;
    const { items, total } = await this.deps.results.page(p, filter, q, {
      indicators: 0,
      explanation: 0,
    });
    return {
      items: items.map(({ _id, ...r }) => ({
        id: _id,
        ...r,
        current: superseded.get(r.rankingId) === null,
      })),
      total,
    };
  }

  /** 迟到数据 — events that came after a quarter's ranking, and the version that took them in. */
  async lateEvents(p: Principal, q: Quarter, list: { skip: number; limit: number }) {
    this.deps.schemes.assertCountyWide(p);
    const filter = { quarterKey: quarterKey(q) };
    const [items, total] = await Promise.all([
      this.deps.late
        .find(filter)
        .sort({ receivedAt: 1, _id: 1 })
        .skip(list.skip)
        .limit(list.limit)
        .lean(),
      this.deps.late.countDocuments(filter),
    ]);
    return { items: items.map(({ _id, ...l }) => ({ id: _id, ...l })), total };
  }
}
