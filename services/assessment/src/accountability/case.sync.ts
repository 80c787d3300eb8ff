import { countyWide, isDuplicateKey, type ScopedRepository } from '@fupin/kit';
import type { Logger } from 'pino';
import { previousQuarter, type Quarter, quarterKey } from '../scoring/period';
import {
  PUBLISHED,
  type RankedUnitSummary,
  type RankingModel,
  type RankingResult,
  type RankingVersion,
  VERSION_SUMMARY,
} from '../rankings/ranking.model';
import type { AccountabilityCase, CaseFacts, CaseHistoryEntry, CaseRanking } from './case.model';
import { type FlagChange, flagChange } from './case.rules';

/** The sync reads and writes every unit's case and result, whatever the area. */
const SYNC = countyWide('a ranking in force opens or withdraws the cases of every unit it flags');
const ATTEMPTS = 5;
const ACTION_OF = {
  open: 'opened',
  refresh: 'refreshed',
  reinstate: 'reinstated',
  withdraw: 'withdrawn',
} as const;

export const caseIdOf = (quarterKeyOf: string, unit: { kind: string; code: string }) =>
  `${quarterKeyOf}.${unit.kind}.${unit.code}`;

const rankingOf = (r: RankingResult): CaseRanking => ({
  rankingId: r.rankingId,
  quarterKey: r.quarterKey,
  year: r.year,
  quarter: r.quarter,
  version: r.version,
  scoreCenti: r.scoreCenti,
  rank: r.rank,
  of: r.of,
  tiedWith: r.tiedWith,
  yellowCard: r.yellowCard,
  consecutiveYellowCards: r.consecutiveYellowCards,
  explanation: r.explanation,
});

/**
 * 问责案件 kept in step with the rankings in force: after a version is published (and, to
 * catch up after a crash, when the service starts), each unit the quarter's version in force
 * flags has its one case for the quarter, and a case whose unit a later version no longer flags
 * is withdrawn (kept, never deleted). Idempotent: a version the case has seen changes nothing.
 */
export class CaseSync {
  constructor(
    private readonly deps: {
      rankings: RankingModel;
      results: ScopedRepository<RankingResult>;
      cases: ScopedRepository<AccountabilityCase>;
      now: () => Date;
      logger: Logger;
    },
  ) {}

  /** After a version is published: its quarter's cases; a failure is logged (start catches up). */
  async afterPublish(rankingId: string): Promise<void> {
    const v = await this.deps.rankings
      .findOne({ _id: rankingId, ...PUBLISHED }, { year: 1, quarter: 1 })
      .lean<Pick<RankingVersion, 'year' | 'quarter'>>();
    if (!v) return;
    try {
      await this.syncQuarter({ year: v.year, quarter: v.quarter } as Quarter);
    } catch (err) {
      this.deps.logger.error(
        { err, rankingId },
        'accountability cases not synced; retried at start',
      );
    }
  }

  /** Every quarter with a version in force (at start: what a crash may have left undone). */
  async syncAll(): Promise<void> {
    const versions = await this.deps.rankings
      .find({ ...PUBLISHED, supersededBy: null }, { year: 1, quarter: 1 })
      .lean<Pick<RankingVersion, 'year' | 'quarter'>[]>();
    for (const v of versions)
      await this.syncQuarter({ year: v.year, quarter: v.quarter } as Quarter);
  }

  async syncQuarter(q: Quarter): Promise<void> {
    const inForce = await this.deps.rankings
      .findOne({ quarterKey: quarterKey(q), ...PUBLISHED, supersededBy: null }, VERSION_SUMMARY)
      .lean<RankingVersion>();
    if (!inForce) return;
    const units = new Map<string, RankedUnitSummary>();
    for (const t of inForce.tracks) for (const u of t.units) units.set(u.unitId, u);
    const existing = await this.deps.cases.find(
      SYNC,
      { quarterKey: quarterKey(q) },
      { projection: { unitId: 1 } },
    );
    const ids = new Set([
      ...[...units.values()].filter((u) => u.accountability).map((u) => u.unitId),
      ...existing.map((c) => c.unitId),
    ]);
    for (const unitId of ids) await this.syncUnit(inForce, unitId, units.get(unitId) ?? null);
  }

  private async syncUnit(
    v: RankingVersion,
    unitId: string,
    ranked: RankedUnitSummary | null,
  ): Promise<void> {
    const flagged = ranked?.accountability === true;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const c = await this.deps.cases.findOne(SYNC, { quarterKey: v.quarterKey, unitId });
      const change = flagChange(
        c && {
          status: c.status,
          decided: c.decision !== null,
          version: Math.max(c.facts.version, c.withdrawal?.version ?? 0),
          withdrawn: c.withdrawal !== null,
        },
        flagged,
        v.version,
      );
      if (change.kind === 'none') return;
      if (await this.apply(v, c, ranked, change)) return;
    }
    this.deps.logger.warn({ unitId, rankingId: v._id }, 'accountability case kept changing');
  }

  /** Writes the change; false when the case changed in between (read again and retried). */
  private async apply(
    v: RankingVersion,
    c: AccountabilityCase | null,
    ranked: RankedUnitSummary | null,
    change: Exclude<FlagChange, { kind: 'none' }>,
  ): Promise<boolean> {
    const now = this.deps.now();
    const entry = (to: AccountabilityCase['status'], note: string): CaseHistoryEntry => ({
      at: now,
      action: ACTION_OF[change.kind],
      by: null,
      from: c?.status ?? null,
      to,
      note,
    });
    if (change.kind === 'open') {
      const facts = await this.factsOf(v, ranked!);
      const doc: AccountabilityCase = {
        _id: caseIdOf(v.quarterKey, ranked!),
        unitId: ranked!.unitId,
        unit: {
          unitId: ranked!.unitId,
          kind: ranked!.kind,
          code: ranked!.code,
          name: ranked!.name,
          areaCode: ranked!.areaCode,
        },
        areaCode: ranked!.areaCode,
        quarterKey: v.quarterKey,
        year: v.year,
        quarter: v.quarter,
        status: 'open',
        facts,
        decision: null,
        followUps: [],
        closing: null,
        withdrawal: null,
        history: [entry('open', `${v._id}：${facts.reason.zh}`)],
        openedAt: now,
        updatedAt: now,
        revision: 0,
      };
      try {
        await this.deps.cases.create(SYNC, doc);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    }
    const current = c!;
    const guard = { _id: current._id, revision: current.revision };
    const bump = { $inc: { revision: 1 }, $set: { updatedAt: now } };
    let update: Record<string, unknown>;
    if (change.kind === 'withdraw') {
      const reason = {
        zh: `第 ${v.version} 版重新计算后不再问责：${v.reason ?? ''}`,
        en: `Version ${v.version} no longer holds the unit accountable: ${v.reason ?? ''}`,
      };
      update = {
        ...bump,
        $set: {
          ...bump.$set,
          status: change.to,
          withdrawal: { rankingId: v._id, version: v.version, reason, at: now },
        },
        $push: { history: entry(change.to, reason.zh) },
      };
    } else {
      const facts = await this.factsOf(v, ranked!);
      update = {
        ...bump,
        $set: {
          ...bump.$set,
          facts,
          withdrawal: null,
          ...(change.kind === 'reinstate' ? { status: change.to } : {}),
        },
        $push: {
          history: entry(
            change.kind === 'reinstate' ? change.to : current.status,
            `${v._id}：${v.reason ?? ''}`,
          ),
        },
      };
    }
    const res = await this.deps.cases.updateOne(SYNC, guard, update);
    return res.modifiedCount === 1;
  }

  /** The flagging result and the previous quarter's (the version in force of each). */
  private async factsOf(v: RankingVersion, unit: RankedUnitSummary): Promise<CaseFacts> {
    const prevKey = quarterKey(previousQuarter({ year: v.year, quarter: v.quarter } as Quarter));
    const prev = await this.deps.rankings
      .findOne({ quarterKey: prevKey, ...PUBLISHED, supersededBy: null }, { _id: 1 })
      .lean<Pick<RankingVersion, '_id'>>();
    const ids = [...(prev ? [`${prev._id}|${unit.unitId}`] : []), `${v._id}|${unit.unitId}`];
    const rows = await this.deps.results.find(SYNC, { _id: { $in: ids } });
    const rankings = ids
      .map((id) => rows.find((r) => r._id === id))
      .filter((r): r is RankingResult => r !== undefined)
      .map(rankingOf);
    const current = rankings.at(-1);
    const line = current?.explanation.find((e) => e.zh.includes('问责'));
    return {
      rankingId: v._id,
      version: v.version,
      reason: line ?? {
        zh: `连续 ${unit.consecutiveYellowCards} 个季度预黄牌`,
        en: `Yellow card in ${unit.consecutiveYellowCards} consecutive quarters`,
      },
      rankings,
    };
  }
}
