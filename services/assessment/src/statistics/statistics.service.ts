import { areaInScope, type Principal } from '@fupin/kit';
import type { LateEventModel } from '../indicators/fact.model';
import type { RankingModel, RankingVersion } from '../rankings/ranking.model';
import { shanghaiDateOf } from '@fupin/reference';

/** 考核统计 — what the dashboard shows of a year's rankings, within the caller's area. */
export class StatisticsService {
  constructor(
    private readonly deps: { rankings: RankingModel; late: LateEventModel; now: () => Date },
  ) {}

  async overview(p: Principal, year?: number) {
    const y = year ?? Number(shanghaiDateOf(this.deps.now()).slice(0, 4));
    const versions = await this.deps.rankings
      .find({ year: y, status: 'published', supersededBy: null }, { outbox: 0, claim: 0 })
      .sort({ quarter: 1 })
      .lean<RankingVersion[]>();
    const quarters = versions.map((v) => ({
      rankingId: v._id,
      quarterKey: v.quarterKey,
      version: v.version,
      publishedAt: v.publishedAt,
      tracks: v.tracks.map((t) => {
        const units = t.units.filter((u) => areaInScope(p, u.areaCode));
        const all = t.units;
        return {
          kind: t.kind,
          units: units.length,
          averageScoreCenti: all.length
            ? Math.round(all.reduce((s, u) => s + u.scoreCenti, 0) / all.length)
            : null,
          yellowCards: units
            .filter((u) => u.yellowCard)
            .map((u) => ({ unitId: u.unitId, name: u.name, rank: u.rank })),
          accountability: units
            .filter((u) => u.accountability)
            .map((u) => ({
              unitId: u.unitId,
              name: u.name,
              consecutiveYellowCards: u.consecutiveYellowCards,
            })),
        };
      }),
    }));
    const count = (pick: 'yellowCards' | 'accountability') =>
      quarters.reduce((s, q) => s + q.tracks.reduce((n, t) => n + t[pick].length, 0), 0);
    const pendingLate = await this.deps.late.countDocuments({
      quarterKey: { $regex: `^${y}-` },
      includedIn: null,
    });
    return {
      year: y,
      quartersRanked: quarters.length,
      yellowCards: count('yellowCards'),
      accountability: count('accountability'),
      lateEventsPending: pendingLate,
      latest: quarters.at(-1) ?? null,
      quarters,
    };
  }
}
