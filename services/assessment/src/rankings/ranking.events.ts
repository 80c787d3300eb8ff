import {
  type Actor,
  AssessmentRankingPublished,
  AssessmentWarningIssued,
  AssessmentWarningWithdrawn,
  createEvent,
  type Envelope,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import { actorOf, type Principal } from '@fupin/kit';
import type { Text } from '../scoring/scoring.engine';
import type { RankedUnitSummary, RankingVersion, TrackResult } from './ranking.model';

export const RANKING_TOPICS = [AssessmentRankingPublished.topic, AssessmentWarningIssued.topic];

/** The user who asked for a ranking, or the quarterly job when no one did. */
export const userOrJobActor = (p: Principal | null): Actor =>
  p ? actorOf(p) : { ...SYSTEM_ACTOR, name: 'assessment ranking job' };

const unitOf = (u: RankedUnitSummary) => ({
  unitId: u.unitId,
  kind: u.kind,
  code: u.code,
  name: u.name,
  areaCode: u.areaCode,
});

/** The events a version publishes with itself: the ranking, its warnings, and withdrawals. */
export function rankingEvents(
  v: RankingVersion,
  tracks: TrackResult[],
  previous: RankingVersion | null,
  reasons: Map<string, { yellow: Text; accountability: Text }>,
  countyCode: string,
  actor: Actor,
  occurredAt: Date,
): Envelope[] {
  const quarter = { rankingId: v._id, year: v.year, quarter: v.quarter, version: v.version };
  const events: Envelope[] = [
    createEvent(AssessmentRankingPublished, {
      aggregateId: v.quarterKey,
      areaCode: countyCode,
      actor,
      occurredAt,
      payload: {
        ...quarter,
        trigger: v.trigger,
        reason: v.reason,
        supersedes: v.supersedes,
        computedAt: (v.computedAt ?? occurredAt).toISOString(),
        lateEvents: v.lateEvents.count,
        tracks: tracks.map((t) => ({ kind: t.kind, units: t.units })),
      },
    }),
  ];
  for (const t of tracks) {
    for (const u of t.units) {
      const why = reasons.get(u.unitId);
      const levels = [
        ...(u.yellowCard ? (['yellow_card'] as const) : []),
        ...(u.accountability ? (['accountability'] as const) : []),
      ];
      for (const level of levels) {
        events.push(
          createEvent(AssessmentWarningIssued, {
            aggregateId: u.unitId,
            areaCode: u.areaCode,
            actor,
            occurredAt,
            payload: {
              ...quarter,
              unit: unitOf(u),
              level,
              rank: u.rank,
              of: t.units.length,
              scoreCenti: u.scoreCenti,
              consecutiveYellowCards: u.consecutiveYellowCards,
              reason: level === 'yellow_card' ? why!.yellow : why!.accountability,
            },
          }),
        );
      }
    }
  }
  for (const t of previous?.tracks ?? []) {
    for (const before of t.units) {
      const now = tracks.flatMap((x) => x.units).find((u) => u.unitId === before.unitId);
      const gone = [
        ...(before.yellowCard && !now?.yellowCard ? (['yellow_card'] as const) : []),
        ...(before.accountability && !now?.accountability ? (['accountability'] as const) : []),
      ];
      for (const level of gone) {
        events.push(
          createEvent(AssessmentWarningWithdrawn, {
            aggregateId: before.unitId,
            areaCode: before.areaCode,
            actor,
            occurredAt,
            payload: {
              ...quarter,
              supersededRankingId: previous!._id,
              unit: unitOf(before),
              level,
              reason: {
                zh: `第 ${v.version} 版重新计算后不再${level === 'yellow_card' ? '预黄牌' : '问责'}：${v.reason ?? ''}`,
                en: `Version ${v.version} no longer gives this ${level === 'yellow_card' ? 'yellow card' : 'accountability flag'}: ${v.reason ?? ''}`,
              },
            },
          }),
        );
      }
    }
  }
  return events;
}
