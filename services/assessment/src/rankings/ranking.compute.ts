import { bi, unprocessable } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import { INDICATORS, type IndicatorCode } from '../indicators/catalogue';
import type {
  IndicatorCalculator,
  MeasurePeriod,
  Measurement,
} from '../indicators/indicator.calculator';
import type { Quarter } from '../scoring/period';
import { scoreTrack, ScoringError, type Text, type UnitScore } from '../scoring/scoring.engine';
import type { Scheme } from '../schemes/scheme.model';
import type { SchemeService } from '../schemes/scheme.service';
import type { RankingRecords, RankingResult, ScoredIndicator, TrackResult } from './ranking.model';

// Computing a ranking: every track of the scheme measured for the period, scored and ranked,
// with the results, the records behind each value and the reasons of each warning — nothing
// stored; publishing and recomputing are the service's.

/** What one computation produced, before it is stored. */
export interface Computed {
  quarter: Quarter;
  computedAt: Date;
  schemeRevision: number;
  tracks: TrackResult[];
  results: Omit<RankingResult, '_id' | 'rankingId' | 'version'>[];
  records: Omit<RankingRecords, '_id' | 'rankingId'>[];
  reasons: Map<string, { yellow: Text; accountability: Text }>;
}

/**
 * Measures and scores a period (a quarter, or a month for the monthly bulletin) given the
 * yellow-card streaks that lead into it.
 */
export async function computePeriod(
  deps: {
    schemes: SchemeService;
    calculator: IndicatorCalculator;
    now: () => Date;
  },
  period: MeasurePeriod,
  q: Quarter,
  scheme: Scheme,
  streaks: Record<string, number>,
): Promise<Omit<Computed, 'quarter'>> {
  const computedAt = deps.now();
  const out: Omit<Computed, 'quarter'> = {
    computedAt,
    schemeRevision: scheme.revision,
    tracks: [],
    results: [],
    records: [],
    reasons: new Map(),
  };
  for (const track of deps.schemes.resolve(scheme)) {
    const codes = track.indicators.map((i) => i.code as IndicatorCode);
    const measured = await deps.calculator.measure(
      period,
      track.units,
      codes,
      shanghaiDateOf(computedAt),
    );
    const byUnit = new Map<string, Map<string, Measurement>>();
    for (const m of measured) {
      const own = byUnit.get(m.unitId) ?? new Map<string, Measurement>();
      own.set(m.code, m);
      byUnit.set(m.unitId, own);
    }
    const scores = scoreUnits(track, codes, byUnit, streaks);
    const refOf = new Map(track.units.map((u) => [u.unitId, u]));
    const units = scores.map((s) => {
      const ref = refOf.get(s.unitId)!;
      return {
        unitId: s.unitId,
        kind: ref.kind,
        code: ref.code,
        name: ref.name,
        areaCode: ref.areaCode,
        scoreCenti: s.scoreCenti,
        rank: s.rank,
        tiedWith: s.tiedWith,
        yellowCard: s.yellowCard,
        consecutiveYellowCards: s.consecutiveYellowCards,
        accountability: s.accountability,
      };
    });
    out.tracks.push({
      kind: track.kind,
      indicators: track.indicators.map((i) => ({
        code: i.code,
        label: i.label,
        valueKind: i.valueKind,
        weight: i.weight,
        direction: i.direction,
        rule: i.rule,
        floor: i.floor,
        target: i.target,
      })),
      units,
    });
    for (const [i, s] of scores.entries()) {
      const unit = units[i]!;
      const measuredHere = byUnit.get(s.unitId)!;
      const indicators: ScoredIndicator[] = s.indicators.map((ind) => {
        const m = measuredHere.get(ind.code)!;
        const def = INDICATORS[ind.code as IndicatorCode];
        return {
          ...ind,
          label: def.label,
          valueKind: def.valueKind,
          direction: track.indicators.find((x) => x.code === ind.code)!.direction,
          numerator: m.numerator,
          denominator: m.denominator,
          records: m.records.total,
          recordsLabel: m.records.label,
        };
      });
      out.results.push({
        ...unit,
        quarterKey: period.key,
        year: q.year,
        quarter: q.quarter,
        of: scores.length,
        indicators,
        explanation: s.explanation,
      });
      for (const m of measuredHere.values()) {
        out.records.push({
          unitId: s.unitId,
          code: m.code,
          service: m.records.service,
          path: m.records.path,
          label: m.records.label,
          items: m.records.items,
          total: m.records.total,
        });
      }
      const line = (needle: string) => s.explanation.find((e) => e.zh.includes(needle));
      out.reasons.set(s.unitId, {
        yellow: line('预黄牌警告') ?? { zh: '排名倒数第一', en: 'Last place' },
        accountability: line('问责') ?? {
          zh: '连续两个季度预黄牌',
          en: 'Two yellow cards in a row',
        },
      });
    }
  }
  return out;
}

/** Scores a track's units from their measurements; a scheme the engine refuses is a 422. */
function scoreUnits(
  track: ReturnType<SchemeService['resolve']>[number],
  codes: IndicatorCode[],
  byUnit: Map<string, Map<string, Measurement>>,
  streaks: Record<string, number>,
): UnitScore[] {
  try {
    return scoreTrack({
      indicators: track.indicators,
      previousStreaks: streaks,
      units: track.units.map((u) => ({
        unitId: u.unitId,
        name: u.name,
        values: Object.fromEntries(
          codes.map((c) => [c, byUnit.get(u.unitId)?.get(c)?.value ?? null]),
        ),
        ...(track.targets.get(u.unitId) ? { targets: track.targets.get(u.unitId)! } : {}),
      })),
    });
  } catch (err) {
    if (err instanceof ScoringError) throw unprocessable(err.code, bi(err.text.zh, err.text.en));
    throw err;
  }
}
