import type { ProjectedHousehold } from '@fupin/kit';
import { fenToYuanString } from '@fupin/reference';
import type { RecordItem } from '../rankings/ranking.model';
import type { DaySpan } from '../scoring/period';
import type { Text } from '../scoring/scoring.engine';
import type { IndicatorCode, OwningService, UnitKind } from './catalogue';
import type { Fact, FactKind } from './fact.model';

// What measuring an indicator takes and gives: the unit and the period, the data loaded once
// for a computation, the context each indicator's measure reads, and the measurement.

/** A unit as the calculator sees it. */
export interface UnitRef {
  unitId: string;
  kind: UnitKind;
  code: string;
  name: string;
  areaCode: string;
}

export const unitIdOf = (kind: UnitKind, code: string) => `${kind}:${code}`;

/** A quarter or a month, as the days and months it holds. */
export interface MeasurePeriod {
  key: string;
  year: number;
  span: DaySpan;
  months: string[];
}

/** Where the records behind an indicator's value are shown. */
export interface RecordLink {
  service: OwningService;
  /** The owning service's endpoint for one record, `{id}` replaced by the record's id. */
  path: string;
  label: Text;
}

export interface RecordSet extends RecordLink {
  items: RecordItem[];
  total: number;
}

export interface Measurement {
  unitId: string;
  code: IndicatorCode;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  records: RecordSet;
}

/** 帮扶对象 — households still assisted or monitored (not exited, not cancelled). */
export const ASSISTED_STATUSES = [
  'in_poverty',
  'returned',
  'unstable',
  'marginal',
  'sudden_hardship',
];
export const HEALTH_DEPARTMENTS = ['health', 'medical_security'];

/** What one computation loads once and every unit reads. */
export interface Loaded {
  households: (Pick<ProjectedHousehold, '_id' | 'areaCode' | 'status' | 'exitYear' | 'members'> &
    Partial<Pick<ProjectedHousehold, 'guarantees' | 'guaranteeStates'>>)[];
  facts: Map<FactKind, Fact[]>;
}

/** What an indicator's measure reads for one unit, and how it answers. */
export interface MeasureContext {
  code: IndicatorCode;
  unit: UnitRef;
  period: MeasurePeriod;
  asOfDay: string;
  data: Loaded;
  /** The period's last day. */
  last: string;
  /** The township's 9-digit prefix (a township unit). */
  prefix: string;
  result(
    value: number | null,
    numerator: number | null,
    denominator: number | null,
    items: RecordItem[],
  ): Measurement;
  /** No value for this unit. */
  none(): Measurement;
  /** The facts of a kind that belong to the unit (its township, or its department). */
  factsOf(kind: FactKind): Fact[];
  /** The township's assisted households (none for a department). */
  assisted(): Loaded['households'];
  /** The share of households covered; the ones not covered are the records. */
  coverageOf(households: Loaded['households'], covered: Set<string>): Measurement;
}

/** One indicator: where its records are shown, what it reads, and how it is measured. */
export interface Indicator {
  link: RecordLink;
  /** The fact kinds it reads. */
  facts: readonly FactKind[];
  /** Whether it reads the household projection, and the members or the guarantees too. */
  households?: 'status' | 'members' | 'guarantees';
  measure(ctx: MeasureContext): Measurement;
}

export const percent = (num: number, den: number) => Math.round((num * 10000) / den) / 100;
export const yuan = (fen: number) => `${fenToYuanString(fen)}元`;

/** Whether a project's dated step (入库, 开工 …) happened by a day. */
export function dayOf(p: Fact, step: string, last: string): boolean {
  const dates = (p.data.dates ?? {}) as Record<string, string | null>;
  const d = dates[step];
  return typeof d === 'string' && d <= last;
}
