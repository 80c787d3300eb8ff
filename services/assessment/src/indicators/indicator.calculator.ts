import { countyWide, REGISTERED_HOUSEHOLDS, type ScopedRepository } from '@fupin/kit';
import type { RecordItem } from '../rankings/ranking.model';
import { INDICATORS, type IndicatorCode } from './catalogue';
import type { Fact, FactKind } from './fact.model';
import {
  ASSISTED_STATUSES,
  type Loaded,
  type MeasurePeriod,
  type Measurement,
  percent,
  type UnitRef,
} from './measurement';
import { MEASURES } from './measures';
import type { OwnFactKind, OwnFactSources } from './own-facts';

export {
  ASSISTED_STATUSES,
  type MeasurePeriod,
  type Measurement,
  type RecordSet,
  type UnitRef,
  unitIdOf,
} from './measurement';

/** Everyone registered counts for insurance, the exited included. */
const REGISTERED_STATUSES = [...ASSISTED_STATUSES, 'exited'];

/**
 * Every unit of the county is measured at once (the ranking, the monthly bulletin); a
 * bulletin cuts the rows to its reader's area afterwards.
 */
const MEASURING = countyWide('indicators are measured for every unit of the county');

const OWN: readonly FactKind[] = ['task', 'rectification', 'complaint'];
const isOwn = (kind: FactKind): kind is OwnFactKind => OWN.includes(kind);

/** Records kept with a value; the count is always exact. */
export const MAX_RECORD_ITEMS = 5000;

/** The link of one record through the gateway (`/api/<service>/…`). */
export function recordLink(service: string, path: string, id: string): string {
  return `/api/${service}${path.replace('{id}', encodeURIComponent(id))}`;
}

/**
 * 指标计算 — measures indicator values for units over a period, from the assessment's own
 * records only (the facts and the household projection), together with the records behind
 * each value. Values of a closed period depend only on the records, so measuring again from
 * the same events gives the same values.
 */
export class IndicatorCalculator {
  constructor(
    private readonly deps: {
      facts: ScopedRepository<Fact>;
      households: ScopedRepository<Loaded['households'][number]>;
      /** The assessment's own records (tasks, rectification orders, complaints), read live. */
      own?: OwnFactSources;
    },
  ) {}

  async measure(
    period: MeasurePeriod,
    units: UnitRef[],
    codes: IndicatorCode[],
    asOfDay: string,
  ): Promise<Measurement[]> {
    const loaded = await this.load(period, codes);
    const out: Measurement[] = [];
    for (const unit of units)
      for (const code of codes) out.push(this.one(code, unit, period, asOfDay, loaded));
    return out;
  }

  private async load(period: MeasurePeriod, codes: IndicatorCode[]): Promise<Loaded> {
    const kinds = new Set<FactKind>(codes.flatMap((c) => MEASURES[c].facts));
    const households = codes.some((c) => MEASURES[c].households);
    const { first, last } = period.span;
    const filters: Record<Exclude<FactKind, OwnFactKind>, Record<string, unknown>> = {
      visit: { day: { $gte: first, $lte: last } },
      measure: {},
      pairing: { 'data.role': 'key' },
      coverage: { year: period.year, 'data.kind': { $in: ['basic_medical', 'pension'] } },
      village: {},
      exit_target: { year: period.year },
      project: {},
      disbursement: { status: 'approved', day: { $lte: last } },
      idle: { day: { $gte: first, $lte: last } },
      finding: { from: { $lte: last } },
      dropout: { from: { $lte: last } },
      episode: { day: { $lte: last } },
      subsidy: {},
      // Due in the period, or decided in it (`day` the due day, `to` the decision day).
      warning: {
        from: { $lte: last },
        $or: [{ day: { $gte: first, $lte: last } }, { to: { $gte: first, $lte: last } }],
      },
    };
    const facts = new Map<FactKind, Fact[]>();
    for (const kind of kinds) {
      if (isOwn(kind)) {
        const source = this.deps.own?.[kind];
        facts.set(kind, source ? await source(period.span) : []);
        continue;
      }
      // Sorted by id so every list (and so every record list) comes out in one stable order.
      facts.set(
        kind,
        await this.deps.facts.find(MEASURING, { kind, ...filters[kind] }, { sort: { _id: 1 } }),
      );
    }
    const hh = households
      ? await this.deps.households.find(
          MEASURING,
          { ...REGISTERED_HOUSEHOLDS, status: { $in: REGISTERED_STATUSES } },
          {
            projection: {
              areaCode: 1,
              status: 1,
              exitYear: 1,
              ...(codes.some((c) => MEASURES[c].households === 'members') ? { members: 1 } : {}),
              ...(codes.some((c) => MEASURES[c].households === 'guarantees')
                ? { guarantees: 1, guaranteeStates: 1 }
                : {}),
            },
            sort: { _id: 1 },
          },
        )
      : [];
    return { households: hh, facts };
  }

  private one(
    code: IndicatorCode,
    unit: UnitRef,
    period: MeasurePeriod,
    asOfDay: string,
    data: Loaded,
  ): Measurement {
    const indicator = MEASURES[code];
    const result = (
      value: number | null,
      numerator: number | null,
      denominator: number | null,
      items: RecordItem[],
    ): Measurement => ({
      unitId: unit.unitId,
      code,
      value,
      numerator,
      denominator,
      records: { ...indicator.link, items: items.slice(0, MAX_RECORD_ITEMS), total: items.length },
    });
    const none = () => result(null, null, null, []);
    if (!INDICATORS[code].appliesTo.includes(unit.kind)) return none();
    const prefix = unit.code.slice(0, 9);
    return indicator.measure({
      code,
      unit,
      period,
      asOfDay,
      data,
      last: period.span.last,
      prefix,
      result,
      none,
      factsOf: (kind) =>
        (data.facts.get(kind) ?? []).filter((f) =>
          unit.kind === 'township'
            ? f.townshipCode === unit.code
            : f.departments.includes(unit.code),
        ),
      assisted: () =>
        unit.kind === 'township'
          ? data.households.filter(
              (h) => h.areaCode.startsWith(prefix) && ASSISTED_STATUSES.includes(h.status),
            )
          : [],
      coverageOf: (households, covered) => {
        if (households.length === 0) return none();
        const missing = households.filter((h) => !covered.has(h._id)).map((h) => ({ id: h._id }));
        const num = households.length - missing.length;
        return result(percent(num, households.length), num, households.length, missing);
      },
    });
  }
}
