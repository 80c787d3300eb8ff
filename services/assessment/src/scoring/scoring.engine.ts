import { fenToYuanString } from '@fupin/reference';

/**
 * 考核计分 — the pure scoring of one ranking track (the townships, or the county departments)
 * for one quarter: indicator points, the total, the ranks (ties shared and explained), the
 * yellow-card warning for the last place (预黄牌) and the accountability flag for two
 * consecutive yellow cards (问责), seed 002: "每季度对工作落实情况进行一次排名，排名倒数第一的要
 * 预黄牌警告，对连续两个季度预黄牌的县直部门、乡镇主要负责人和分管负责人给予问责".
 *
 * Numbers that people compare are kept in hundredths (`centi`): indicator points are rounded
 * to 0.01 point, the total is computed from those rounded points, and two units with the same
 * shown total share a rank. Every result carries its explanation in zh-CN and en.
 */

export type Direction = 'higher' | 'lower';
/** 线性插值 between a floor and a target, or 排名计分 by the order of the units. */
export type RuleKind = 'linear' | 'rank';
/** How a value is shown: a percentage, an amount in fen, or a count. */
export type ValueKind = 'percent' | 'fen' | 'count';

export interface Text {
  zh: string;
  en: string;
}

export interface IndicatorRule {
  code: string;
  label: Text;
  valueKind: ValueKind;
  /** Points the indicator is worth (the weights of a track add up to 100). */
  weight: number;
  direction: Direction;
  rule: RuleKind;
  /** Linear rule: the value worth nothing (底线值) and the value worth full points (目标值). */
  floor: number | null;
  target: number | null;
}

export interface UnitInput {
  unitId: string;
  name: string;
  /** The indicator values; `null` when the indicator does not apply (nothing to measure). */
  values: Record<string, number | null>;
  /** Per-unit floor and target from the task-decomposition sheet (考核任务分解表). */
  targets?: Record<string, { floor?: number | null; target?: number | null }>;
}

export interface ScoreInput {
  indicators: IndicatorRule[];
  units: UnitInput[];
  /** Consecutive yellow cards each unit had up to and including the previous quarter. */
  previousStreaks: Record<string, number>;
}

export interface IndicatorScore {
  code: string;
  value: number | null;
  applicable: boolean;
  rule: RuleKind;
  weight: number;
  floor: number | null;
  target: number | null;
  /** Share of the weight earned, 0..1 (rounded to 4 decimals for display). */
  fraction: number;
  pointsCenti: number;
  /** Rank-based rule: the unit's place for this indicator, shared on ties. */
  place: number | null;
  tiedWith: string[];
  explanation: Text;
}

export interface UnitScore {
  unitId: string;
  name: string;
  /** Total score out of 100, in hundredths. */
  scoreCenti: number;
  rank: number;
  tiedWith: string[];
  indicators: IndicatorScore[];
  yellowCard: boolean;
  /** Quarters in a row with a yellow card, this one included (0 without one now). */
  consecutiveYellowCards: number;
  accountability: boolean;
  explanation: Text[];
}

export class ScoringError extends Error {
  constructor(
    readonly code: string,
    readonly text: Text,
  ) {
    super(text.en);
    this.name = 'ScoringError';
  }
}

/** A value as people read it: `92.50%`, `1,234.56 元`, `3`. */
export function formatValue(value: number | null, kind: ValueKind): Text {
  if (value === null) return { zh: '无数据', en: 'no data' };
  if (kind === 'percent') return { zh: `${value.toFixed(2)}%`, en: `${value.toFixed(2)}%` };
  if (kind === 'fen') {
    const yuan = fenToYuanString(Math.round(value));
    return { zh: `${yuan} 元`, en: `¥${yuan}` };
  }
  return { zh: String(value), en: String(value) };
}

export const centiText = (centi: number) => (centi / 100).toFixed(2);

function better(direction: Direction, a: number, b: number): boolean {
  return direction === 'higher' ? a > b : a < b;
}

function linearFraction(direction: Direction, v: number, floor: number, target: number): number {
  if (direction === 'higher') {
    if (v >= target) return 1;
    if (v <= floor) return 0;
    return (v - floor) / (target - floor);
  }
  if (v <= target) return 1;
  if (v >= floor) return 0;
  return (floor - v) / (floor - target);
}

/** Checks a floor and target make sense for the direction (the worse end is the floor). */
export function checkLinearBounds(
  direction: Direction,
  floor: number | null,
  target: number | null,
): Text | null {
  if (floor === null || target === null || !Number.isFinite(floor) || !Number.isFinite(target))
    return { zh: '线性计分须设定底线值和目标值', en: 'The linear rule needs a floor and a target' };
  if (direction === 'higher' && target <= floor)
    return {
      zh: `越高越好的指标，目标值（${target}）须大于底线值（${floor}）`,
      en: `For a higher-is-better indicator the target (${target}) must exceed the floor (${floor})`,
    };
  if (direction === 'lower' && target >= floor)
    return {
      zh: `越低越好的指标，目标值（${target}）须小于底线值（${floor}）`,
      en: `For a lower-is-better indicator the target (${target}) must be below the floor (${floor})`,
    };
  return null;
}

const namesOf = (ids: string[], names: Map<string, string>) => ({
  zh: ids.map((id) => names.get(id) ?? id).join('、'),
  en: ids.map((id) => names.get(id) ?? id).join(', '),
});

function scoreLinear(
  ind: IndicatorRule,
  unit: UnitInput,
  value: number,
): Omit<IndicatorScore, 'code' | 'value' | 'applicable' | 'rule' | 'weight'> {
  const own = unit.targets?.[ind.code];
  const floor = own?.floor ?? ind.floor;
  const target = own?.target ?? ind.target;
  const problem = checkLinearBounds(ind.direction, floor, target);
  if (problem) throw new ScoringError('ASSESSMENT_RULE_INVALID', problem);
  const fraction = linearFraction(ind.direction, value, floor!, target!);
  const pointsCenti = Math.round(ind.weight * 100 * fraction);
  const v = formatValue(value, ind.valueKind);
  const f = formatValue(floor, ind.valueKind);
  const t = formatValue(target, ind.valueKind);
  const source = own?.target != null || own?.floor != null ? '（分解表目标）' : '';
  const sourceEn = own?.target != null || own?.floor != null ? ' (from the target sheet)' : '';
  return {
    floor,
    target,
    fraction,
    pointsCenti,
    place: null,
    tiedWith: [],
    explanation: {
      zh: `${ind.label.zh} ${v.zh}，底线 ${f.zh}、目标 ${t.zh}${source}，按线性插值得权重 ${ind.weight} 分的 ${(fraction * 100).toFixed(2)}%，计 ${centiText(pointsCenti)} 分`,
      en: `${ind.label.en} ${v.en}; floor ${f.en}, target ${t.en}${sourceEn}; linear interpolation earns ${(fraction * 100).toFixed(2)}% of ${ind.weight} points = ${centiText(pointsCenti)}`,
    },
  };
}

function scoreByRank(
  ind: IndicatorRule,
  unit: UnitInput,
  value: number,
  applicable: UnitInput[],
  names: Map<string, string>,
): Omit<IndicatorScore, 'code' | 'value' | 'applicable' | 'rule' | 'weight'> {
  const n = applicable.length;
  let better_ = 0;
  let worse = 0;
  const tied: string[] = [];
  for (const other of applicable) {
    if (other.unitId === unit.unitId) continue;
    const ov = other.values[ind.code] as number;
    if (better(ind.direction, ov, value)) better_++;
    else if (better(ind.direction, value, ov)) worse++;
    else tied.push(other.unitId);
  }
  // Points by place: the first earns the full weight, the last place nothing, the places
  // between in equal steps. Tied units share the better place, so they earn the same, and
  // when every unit is tied every unit earns the full weight.
  const place = better_ + 1;
  const fraction = n <= 1 ? 1 : (n - place) / (n - 1);
  const pointsCenti = Math.round(ind.weight * 100 * fraction);
  const v = formatValue(value, ind.valueKind);
  const tie = tied.length
    ? {
        zh: `，与${namesOf(tied, names).zh}并列`,
        en: `, tied with ${namesOf(tied, names).en}`,
      }
    : { zh: '', en: '' };
  return {
    floor: null,
    target: null,
    fraction,
    pointsCenti,
    place,
    tiedWith: tied.sort(),
    explanation: {
      zh: `${ind.label.zh} ${v.zh}，在 ${n} 个单位中排第 ${place}${tie.zh}（优于 ${worse} 个单位），按名次得权重 ${ind.weight} 分的 ${n <= 1 ? 1 : n - place}/${Math.max(n - 1, 1)}，计 ${centiText(pointsCenti)} 分`,
      en: `${ind.label.en} ${v.en}; place ${place} of ${n}${tie.en} (better than ${worse}); by place earns ${n <= 1 ? 1 : n - place}/${Math.max(n - 1, 1)} of ${ind.weight} points = ${centiText(pointsCenti)}`,
    },
  };
}

/** How a unit's total comes from its indicator points (the weights of indicators without data left out). */
function totalExplanation(
  scoreCenti: number,
  pointsCenti: number,
  weightCenti: number,
  allWeightCenti: number,
): Text {
  return weightCenti === 0
    ? { zh: '没有适用的指标，总分记 0', en: 'No indicator applies; the total is 0' }
    : weightCenti === allWeightCenti
      ? {
          zh: `总分 ${centiText(scoreCenti)}：各指标得分之和 ${centiText(pointsCenti)}（满分 ${centiText(weightCenti)}）折算为百分制`,
          en: `Total ${centiText(scoreCenti)}: the indicator points ${centiText(pointsCenti)} out of ${centiText(weightCenti)}, on a 100-point scale`,
        }
      : {
          zh: `总分 ${centiText(scoreCenti)}：各指标得分之和 ${centiText(pointsCenti)} ÷ 适用指标权重合计 ${centiText(weightCenti)} × 100（无数据的指标不计）`,
          en: `Total ${centiText(scoreCenti)}: the indicator points ${centiText(pointsCenti)} ÷ the applicable weights ${centiText(weightCenti)} × 100 (indicators without data left out)`,
        };
}

/** Scores, ranks and warns one track's units for one quarter. */
export function scoreTrack(input: ScoreInput): UnitScore[] {
  const names = new Map(input.units.map((u) => [u.unitId, u.name]));
  const ids = new Set<string>();
  for (const u of input.units) {
    if (ids.has(u.unitId))
      throw new ScoringError('ASSESSMENT_UNIT_TWICE', {
        zh: `考核单位重复：${u.name}`,
        en: `Unit listed twice: ${u.name}`,
      });
    ids.add(u.unitId);
  }
  const applicableBy = new Map(
    input.indicators.map((ind) => [
      ind.code,
      input.units.filter((u) => {
        const v = u.values[ind.code];
        return v !== null && v !== undefined && Number.isFinite(v);
      }),
    ]),
  );

  const partial = input.units.map((unit) => {
    const indicators: IndicatorScore[] = input.indicators.map((ind) => {
      const raw = unit.values[ind.code];
      const value = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
      const base = { code: ind.code, value, rule: ind.rule, weight: ind.weight };
      if (value === null) {
        return {
          ...base,
          applicable: false,
          floor: null,
          target: null,
          fraction: 0,
          pointsCenti: 0,
          place: null,
          tiedWith: [],
          explanation: {
            zh: `${ind.label.zh} 无数据（没有可考核的记录），不计分，其权重按比例折入其他指标`,
            en: `${ind.label.en}: no data (nothing to measure); not scored, its weight is spread over the other indicators`,
          },
        };
      }
      const scored =
        ind.rule === 'linear'
          ? scoreLinear(ind, unit, value)
          : scoreByRank(ind, unit, value, applicableBy.get(ind.code)!, names);
      return { ...base, applicable: true, ...scored };
    });
    const pointsCenti = indicators.reduce((s, i) => s + i.pointsCenti, 0);
    const weightCenti = indicators
      .filter((i) => i.applicable)
      .reduce((s, i) => s + Math.round(i.weight * 100), 0);
    const allWeightCenti = indicators.reduce((s, i) => s + Math.round(i.weight * 100), 0);
    const scoreCenti = weightCenti === 0 ? 0 : Math.round((pointsCenti * 10000) / weightCenti);
    const total = totalExplanation(scoreCenti, pointsCenti, weightCenti, allWeightCenti);
    return { unit, indicators, scoreCenti, total };
  });

  // Competition ranking (1, 2, 2, 4): units with the same shown total share the place.
  const n = partial.length;
  const results: UnitScore[] = partial.map((p) => {
    const above = partial.filter((o) => o.scoreCenti > p.scoreCenti).length;
    const tied = partial
      .filter((o) => o !== p && o.scoreCenti === p.scoreCenti)
      .map((o) => o.unit.unitId)
      .sort();
    return {
      unitId: p.unit.unitId,
      name: p.unit.name,
      scoreCenti: p.scoreCenti,
      rank: above + 1,
      tiedWith: tied,
      indicators: p.indicators,
      yellowCard: false,
      consecutiveYellowCards: 0,
      accountability: false,
      explanation: [p.total],
    };
  });
  const lastRank = Math.max(...results.map((r) => r.rank));
  for (const r of results) {
    const tie = r.tiedWith.length
      ? {
          zh: `，与${namesOf(r.tiedWith, names).zh}同分并列`,
          en: `, tied on the same total with ${namesOf(r.tiedWith, names).en}`,
        }
      : { zh: '', en: '' };
    r.explanation.push({
      zh: `在 ${n} 个单位中排第 ${r.rank} 名${tie.zh}`,
      en: `Rank ${r.rank} of ${n}${tie.en}`,
    });
    // Everyone tied on one total has no last place; otherwise every unit sharing the last
    // place is warned (none of them can fairly be singled out).
    r.yellowCard = n > 1 && lastRank > 1 && r.rank === lastRank;
    const before = input.previousStreaks[r.unitId] ?? 0;
    r.consecutiveYellowCards = r.yellowCard ? before + 1 : 0;
    r.accountability = r.yellowCard && r.consecutiveYellowCards >= 2;
    if (r.yellowCard) {
      r.explanation.push(
        r.tiedWith.length
          ? {
              zh: '并列排名倒数第一，给予预黄牌警告',
              en: 'Shares the last place: yellow-card warning (预黄牌)',
            }
          : { zh: '排名倒数第一，给予预黄牌警告', en: 'Last place: yellow-card warning (预黄牌)' },
      );
    }
    if (r.accountability) {
      r.explanation.push({
        zh: `连续 ${r.consecutiveYellowCards} 个季度预黄牌，对主要负责人和分管负责人问责`,
        en: `Yellow card in ${r.consecutiveYellowCards} consecutive quarters: the principal and the responsible leader are held accountable (问责)`,
      });
    }
  }
  return results.sort((a, b) => a.rank - b.rank || a.unitId.localeCompare(b.unitId));
}
