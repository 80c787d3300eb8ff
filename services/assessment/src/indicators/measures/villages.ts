import type { RecordItem } from '../../rankings/ranking.model';
import type { Fact } from '../fact.model';
import { type Indicator, type MeasureContext, percent } from '../measurement';

/** 未脱贫 — the statuses whose people count in the poverty incidence (as the registry counts). */
export const STILL_POOR = ['in_poverty', 'returned'];

/** The county's code (12 digits) of a township's. */
const countyOf = (code: string) => `${code.slice(0, 6)}000000`;

/** The year's targets that speak for a township: its own first, then the county's (pure). */
export function targetsFor(targets: readonly Fact[], township: string): Fact[] {
  return [township, countyOf(township)]
    .map((code) => targets.find((t) => t.areaCode === code))
    .filter((t): t is Fact => t !== undefined);
}

const numberOr = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * The incidence over the target in percentage points, never below 0 (pure): 0 at or below
 * the target. Rounded to two decimals like the incidence itself.
 */
export function pointsAboveTarget(incidence: number, target: number): number {
  return Math.max(0, Math.round((incidence - target) * 100) / 100);
}

function villagesOf(ctx: MeasureContext): Fact[] {
  return (ctx.data.facts.get('village') ?? []).filter((v) => v.townshipCode === ctx.unit.code);
}

/**
 * 贫困发生率对照目标 — the township's poverty incidence (people of still-poor households over the
 * rural population, the villages whose population is recorded) against the year's target.
 */
export const incidenceVsTarget: Indicator = {
  link: {
    service: 'registry',
    path: '/villages/{id}',
    label: {
      zh: '贫困发生率高于目标的村（备注为发生率）',
      en: 'Villages above the target incidence (note: the incidence)',
    },
  },
  facts: ['village', 'exit_target'],
  households: 'members',
  measure(ctx) {
    const { unit, data, result, none } = ctx;
    if (unit.kind !== 'township') return none();
    const target =
      targetsFor(data.facts.get('exit_target') ?? [], unit.code)
        .map((t) => numberOr(t.data.incidencePercent))
        .find((v) => v !== null) ?? null;
    if (target === null) return none();
    const population = new Map<string, number>();
    for (const v of villagesOf(ctx))
      if ((v.amounts.ruralPopulation ?? 0) > 0)
        population.set(v.recordId, v.amounts.ruralPopulation!);
    if (population.size === 0) return none();
    const poor = new Map<string, number>();
    for (const h of data.households) {
      if (!STILL_POOR.includes(h.status) || !population.has(h.areaCode)) continue;
      const people = (h.members ?? []).filter((m) => m.status === 'active').length;
      poor.set(h.areaCode, (poor.get(h.areaCode) ?? 0) + people);
    }
    let people = 0;
    let rural = 0;
    const above: RecordItem[] = [];
    for (const [code, pop] of population) {
      const p = poor.get(code) ?? 0;
      people += p;
      rural += pop;
      const village = percent(p, pop);
      if (village > target) above.push({ id: code, note: `${village.toFixed(2)}%` });
    }
    return result(pointsAboveTarget(percent(people, rural), target), people, rural, above);
  },
};

/**
 * 贫困村退出计划完成率 — the township's villages exited in the year over those to exit: the
 * number its own target sets, else the villages named in the township (by its own target, else
 * the county's). The named villages not exited yet are the records.
 */
export const villageExitRate: Indicator = {
  link: {
    service: 'registry',
    path: '/villages/{id}',
    label: {
      zh: '计划当年退出而尚未退出的村',
      en: 'Villages planned to exit this year and not exited',
    },
  },
  facts: ['village', 'exit_target'],
  measure(ctx) {
    const { unit, period, data, result, none } = ctx;
    if (unit.kind !== 'township') return none();
    const targets = targetsFor(data.facts.get('exit_target') ?? [], unit.code);
    const villages = villagesOf(ctx);
    const exited = villages.filter((v) => v.data.exited === true && v.year === period.year);
    const inTownship = (t: Fact) =>
      ((t.data.villageCodes ?? []) as string[]).filter((c) =>
        villages.some((v) => v.recordId === c),
      );
    const named = targets.map(inTownship).find((codes) => codes.length > 0) ?? [];
    const own = targets[0]?.areaCode === unit.code ? numberOr(targets[0].data.villages) : null;
    const goal = own ?? named.length;
    if (goal <= 0) return none();
    const done = new Set(exited.map((v) => v.recordId));
    const pending = named
      .filter((c) => !done.has(c))
      .map((c) => ({
        id: c,
        note: String(villages.find((v) => v.recordId === c)?.data.name ?? ''),
      }));
    return result(percent(Math.min(exited.length, goal), goal), exited.length, goal, pending);
  },
};
