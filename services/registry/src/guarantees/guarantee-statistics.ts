import { areaWithin, type Principal, type ScopedRepository } from '@fupin/kit';
import { areaLevel } from '@fupin/reference';
import type { Area } from '../areas/area.model';
import { GUARANTEES, type GuaranteeCode, type Household } from '../households/household.model';
import { REGISTERED_STATUSES } from '../villages/village.rules';

/** One area's registered households against the guarantees (unknown is never met). */
export interface GuaranteeTally {
  areaCode: string;
  name: string;
  households: number;
  /** Every guarantee met. */
  allMet: number;
  /** Some guarantee not met or unknown. */
  notAllMet: number;
  /** Some guarantee unknown (no data): counted in notAllMet too. */
  withUnknown: number;
  /** Per guarantee: households where it is not met, and where it is unknown. */
  byGuarantee: { code: GuaranteeCode; notMet: number; unknown: number }[];
}

type Row = {
  _id: string;
  households: number;
  allMet: number;
  withUnknown: number;
} & Record<`u_${GuaranteeCode}` | `k_${GuaranteeCode}`, number>;

const has = (field: string, code: string) => ({
  $cond: [{ $in: [code, { $ifNull: [field, []] }] }, 1, 0],
});

/**
 * 两不愁三保障 statistics: registered households with every guarantee met, by township (a county
 * or the caller's scope), by village (a township) or for the village itself.
 */
export async function guaranteeStatistics(
  deps: { households: ScopedRepository<Household>; areas: ScopedRepository<Area> },
  p: Principal,
  area: string | undefined,
): Promise<{ areaCode: string; total: GuaranteeTally; byArea: GuaranteeTally[] }> {
  const scope = area ?? p.areaCode;
  if (area) deps.households.assertWritable(p, area);
  const level = areaLevel(scope);
  const key = level === 'township' || level === 'village' ? '$areaCode' : '$townshipCode';
  const rows = await deps.households.aggregate<Row>(p, [
    { $match: { $and: [areaWithin(scope), { status: { $in: [...REGISTERED_STATUSES] } }] } },
    {
      $group: {
        _id: key,
        households: { $sum: 1 },
        allMet: {
          $sum: { $cond: [{ $eq: [{ $size: { $ifNull: ['$guaranteesUnmet', []] } }, 0] }, 1, 0] },
        },
        withUnknown: {
          $sum: { $cond: [{ $gt: [{ $size: { $ifNull: ['$guaranteesUnknown', []] } }, 0] }, 1, 0] },
        },
        ...Object.fromEntries(
          GUARANTEES.flatMap((g) => [
            [`u_${g}`, { $sum: has('$guaranteesUnmet', g) }],
            [`k_${g}`, { $sum: has('$guaranteesUnknown', g) }],
          ]),
        ),
      },
    },
  ]);
  const names = new Map(
    (await deps.areas.find(p, { code: { $in: rows.map((r) => r._id) } })).map((a) => [
      a.code,
      a.name,
    ]),
  );
  const tally = (r: Row): GuaranteeTally => ({
    areaCode: r._id,
    name: names.get(r._id) ?? r._id,
    households: r.households,
    allMet: r.allMet,
    notAllMet: r.households - r.allMet,
    withUnknown: r.withUnknown,
    byGuarantee: GUARANTEES.map((code) => ({
      code,
      notMet: r[`u_${code}`] - r[`k_${code}`],
      unknown: r[`k_${code}`],
    })),
  });
  const byArea = rows.map(tally).sort((a, b) => a.areaCode.localeCompare(b.areaCode));
  const sum = (f: (t: GuaranteeTally) => number) => byArea.reduce((s, t) => s + f(t), 0);
  const total: GuaranteeTally = {
    areaCode: scope,
    name: (await deps.areas.findOne(p, { code: scope }))?.name ?? scope,
    households: sum((t) => t.households),
    allMet: sum((t) => t.allMet),
    notAllMet: sum((t) => t.notAllMet),
    withUnknown: sum((t) => t.withUnknown),
    byGuarantee: GUARANTEES.map((code, i) => ({
      code,
      notMet: sum((t) => t.byGuarantee[i]!.notMet),
      unknown: sum((t) => t.byGuarantee[i]!.unknown),
    })),
  };
  return { areaCode: scope, total, byArea };
}
