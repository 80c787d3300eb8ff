import {
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  REGISTERED_HOUSEHOLDS,
} from '@fupin/kit';
import { fenToYuanString } from '@fupin/reference';
import type { RecordItem } from '../rankings/ranking.model';
import { type DaySpan, monthsUpTo } from '../scoring/period';
import type { Text } from '../scoring/scoring.engine';
import { INDICATORS, type IndicatorCode, type OwningService, type UnitKind } from './catalogue';
import type { Fact, FactKind, FactModel } from './fact.model';
import { RULE_DEPARTMENT } from './handlers/matching.handler';

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

export interface RecordSet {
  service: OwningService;
  /** The owning service's endpoint for one record, `{id}` replaced by the record's id. */
  path: string;
  label: Text;
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
/** Everyone registered counts for insurance, the exited included. */
const REGISTERED_STATUSES = [...ASSISTED_STATUSES, 'exited'];
const HEALTH_DEPARTMENTS = ['health', 'medical_security'];
const FINDING_DEPARTMENTS = new Set(Object.values(RULE_DEPARTMENT));

/** Records kept with a value; the count is always exact. */
export const MAX_RECORD_ITEMS = 5000;

const LINKS: Record<IndicatorCode, { service: OwningService; path: string; label: Text }> = {
  visit_coverage: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '当月未走访的户', en: 'Households not visited in the month' },
  },
  plan_coverage: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '未制定帮扶措施的户', en: 'Households without a plan measure' },
  },
  helper_coverage: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '未落实帮扶责任人的户', en: 'Households without a responsible helper' },
  },
  insurance_coverage: {
    service: 'registry',
    path: '/households/{id}',
    label: {
      zh: '有未参保成员的户（备注为成员编号）',
      en: 'Households with an uninsured member (note: member id)',
    },
  },
  exit_progress: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '当年已脱贫的户', en: 'Households exited this year' },
  },
  fund_disbursement_rate: {
    service: 'funds',
    path: '/projects/{id}',
    label: {
      zh: '资金未拨付完的项目（备注为未拨付金额）',
      en: 'Projects with money not disbursed (note: amount left)',
    },
  },
  idle_funds: {
    service: 'funds',
    path: '/projects/{id}',
    label: {
      zh: '有结余资金的项目（备注为结余金额）',
      en: 'Projects holding money (note: amount left)',
    },
  },
  project_start_rate: {
    service: 'funds',
    path: '/projects/{id}',
    label: { zh: '已入库未开工的项目', en: 'Approved projects not started' },
  },
  project_completion_rate: {
    service: 'funds',
    path: '/projects/{id}',
    label: { zh: '已入库未完工的项目', en: 'Approved projects not completed' },
  },
  findings_open: {
    service: 'matching',
    path: '/findings/{id}',
    label: { zh: '未销号的比对疑点', en: 'Open matching findings' },
  },
  findings_overdue: {
    service: 'matching',
    path: '/findings/{id}',
    label: { zh: '逾期未销号的比对疑点', en: 'Overdue matching findings' },
  },
  dropouts_open: {
    service: 'support',
    path: '/education/dropout-cases/{id}',
    label: { zh: '未劝返的辍学个案', en: 'Open dropout cases' },
  },
  topups_outstanding: {
    service: 'support',
    path: '/health/inpatient-episodes/{id}',
    label: {
      zh: '追补未到位的住院记录（备注为欠付金额）',
      en: 'In-patient episodes with a top-up owed (note: amount owed)',
    },
  },
};

/** The link of one record through the gateway (`/api/<service>/…`). */
export function recordLink(service: string, path: string, id: string): string {
  return `/api/${service}${path.replace('{id}', encodeURIComponent(id))}`;
}

const percent = (num: number, den: number) => Math.round((num * 10000) / den) / 100;
const yuan = (fen: number) => `${fenToYuanString(fen)}元`;

/** What one computation loads once and every unit reads. */
interface Loaded {
  households: Pick<ProjectedHousehold, '_id' | 'areaCode' | 'status' | 'exitYear' | 'members'>[];
  facts: Map<FactKind, Fact[]>;
}

/**
 * 指标计算 — measures indicator values for units over a period, from the assessment's own
 * records only (the facts and the household projection), together with the records behind
 * each value. Values of a closed period depend only on the records, so measuring again from
 * the same events gives the same values.
 */
export class IndicatorCalculator {
  constructor(private readonly deps: { facts: FactModel; households: ProjectedHouseholdModel }) {}

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
    const kinds = new Set<FactKind>();
    let households = false;
    for (const c of codes) {
      if (
        [
          'visit_coverage',
          'plan_coverage',
          'helper_coverage',
          'insurance_coverage',
          'exit_progress',
        ].includes(c)
      )
        households = true;
      if (c === 'visit_coverage') kinds.add('visit');
      if (c === 'plan_coverage') kinds.add('measure');
      if (c === 'helper_coverage') kinds.add('pairing');
      if (c === 'insurance_coverage') kinds.add('coverage');
      if (c === 'exit_progress') kinds.add('exit_target');
      if (c.startsWith('project_') || c === 'fund_disbursement_rate' || c === 'idle_funds')
        kinds.add('project');
      if (c === 'fund_disbursement_rate') kinds.add('disbursement');
      if (c === 'idle_funds') kinds.add('idle');
      if (c.startsWith('findings_')) kinds.add('finding');
      if (c === 'dropouts_open') kinds.add('dropout');
      if (c === 'topups_outstanding') kinds.add('episode');
    }
    const { first, last } = period.span;
    const filters: Record<FactKind, Record<string, unknown>> = {
      visit: { day: { $gte: first, $lte: last } },
      measure: {},
      pairing: { 'data.role': 'key' },
      coverage: { year: period.year, 'data.kind': 'basic_medical' },
      exit_target: { year: period.year },
      project: {},
      disbursement: { status: 'approved', day: { $lte: last } },
      idle: { day: { $gte: first, $lte: last } },
      finding: { from: { $lte: last } },
      dropout: { from: { $lte: last } },
      episode: { day: { $lte: last } },
      subsidy: {},
    };
    const facts = new Map<FactKind, Fact[]>();
    for (const kind of kinds) {
      // Sorted by id so every list (and so every record list) comes out in one stable order.
      facts.set(
        kind,
        await this.deps.facts
          .find({ kind, ...filters[kind] })
          .sort({ _id: 1 })
          .lean<Fact[]>(),
      );
    }
    const hh = households
      ? await this.deps.households
          .find(
            { ...REGISTERED_HOUSEHOLDS, status: { $in: REGISTERED_STATUSES } },
            {
              areaCode: 1,
              status: 1,
              exitYear: 1,
              ...(codes.includes('insurance_coverage') ? { members: 1 } : {}),
            },
          )
          .sort({ _id: 1 })
          .lean<Loaded['households']>()
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
    const link = LINKS[code];
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
      records: { ...link, items: items.slice(0, MAX_RECORD_ITEMS), total: items.length },
    });
    const none = () => result(null, null, null, []);
    if (!INDICATORS[code].appliesTo.includes(unit.kind)) return none();
    const last = period.span.last;
    const prefix = unit.code.slice(0, 9);
    const factsOf = (kind: FactKind) =>
      (data.facts.get(kind) ?? []).filter((f) =>
        unit.kind === 'township' ? f.townshipCode === unit.code : f.departments.includes(unit.code),
      );
    const assisted = () =>
      unit.kind === 'township'
        ? data.households.filter(
            (h) => h.areaCode.startsWith(prefix) && ASSISTED_STATUSES.includes(h.status),
          )
        : [];
    const coverageOf = (households: Loaded['households'], covered: Set<string>) => {
      if (households.length === 0) return none();
      const missing = households.filter((h) => !covered.has(h._id)).map((h) => ({ id: h._id }));
      const num = households.length - missing.length;
      return result(percent(num, households.length), num, households.length, missing);
    };

    switch (code) {
      case 'visit_coverage': {
        const hh = assisted();
        const months = monthsUpTo(period.months, asOfDay);
        if (hh.length === 0 || months.length === 0) return none();
        const visited = new Map<string, Set<string>>(months.map((m) => [m, new Set()]));
        for (const v of data.facts.get('visit') ?? [])
          if (v.householdId && v.day) visited.get(v.day.slice(0, 7))?.add(v.householdId);
        const missing: RecordItem[] = [];
        for (const m of months)
          for (const h of hh) if (!visited.get(m)!.has(h._id)) missing.push({ id: h._id, note: m });
        const den = hh.length * months.length;
        return result(percent(den - missing.length, den), den - missing.length, den, missing);
      }
      case 'plan_coverage': {
        const planned = new Set(
          (data.facts.get('measure') ?? [])
            .filter((m) => m.status !== 'cancelled' && (m.from ?? m.firstDay) <= last)
            .map((m) => m.householdId ?? ''),
        );
        return coverageOf(assisted(), planned);
      }
      case 'helper_coverage': {
        const helped = new Set(
          (data.facts.get('pairing') ?? [])
            .filter(
              (p) =>
                (p.from ?? p.firstDay) <= last &&
                (p.to === null ? p.status !== 'ended' : p.to > last),
            )
            .map((p) => p.householdId ?? ''),
        );
        return coverageOf(assisted(), helped);
      }
      case 'insurance_coverage': {
        const households =
          unit.kind === 'township'
            ? data.households.filter((h) => h.areaCode.startsWith(prefix))
            : HEALTH_DEPARTMENTS.includes(unit.code)
              ? data.households
              : null;
        if (!households) return none();
        const enrolled = new Map(
          (data.facts.get('coverage') ?? []).map((c) => [
            c.personId ?? '',
            c.status === 'enrolled',
          ]),
        );
        let people = 0;
        const missing: RecordItem[] = [];
        for (const h of households)
          for (const m of h.members ?? []) {
            if (m.status !== 'active') continue;
            people++;
            if (!(enrolled.get(m.id) ?? m.medicalInsurance))
              missing.push({ id: h._id, note: m.id });
          }
        if (people === 0) return none();
        return result(
          percent(people - missing.length, people),
          people - missing.length,
          people,
          missing,
        );
      }
      case 'exit_progress': {
        if (unit.kind !== 'township') return none();
        const target = (data.facts.get('exit_target') ?? []).find((t) => t.areaCode === unit.code);
        const goal = target?.amounts.households ?? 0;
        if (goal <= 0) return none();
        const exited = data.households
          .filter(
            (h) =>
              h.areaCode.startsWith(prefix) && h.status === 'exited' && h.exitYear === period.year,
          )
          .map((h) => ({ id: h._id }));
        return result(percent(exited.length, goal), exited.length, goal, exited);
      }
      case 'project_start_rate':
      case 'project_completion_rate': {
        const approved = factsOf('project').filter(
          (p) => p.year === period.year && dayOf(p, 'approvedOn', last),
        );
        if (approved.length === 0) return none();
        const done = (p: Fact) =>
          code === 'project_start_rate'
            ? dayOf(p, 'startedOn', last)
            : dayOf(p, 'completedOn', last) || dayOf(p, 'acceptedOn', last);
        const missing = approved.filter((p) => !done(p)).map((p) => ({ id: p.recordId }));
        const num = approved.length - missing.length;
        return result(percent(num, approved.length), num, approved.length, missing);
      }
      case 'fund_disbursement_rate': {
        const projects = factsOf('project').filter(
          (p) => p.year === period.year && (p.amounts.allocated ?? 0) > 0,
        );
        const allocated = projects.reduce((s, p) => s + (p.amounts.allocated ?? 0), 0);
        if (allocated === 0) return none();
        const paid = new Map<string, number>();
        for (const d of data.facts.get('disbursement') ?? []) {
          const pid = String(d.data.projectId ?? '');
          paid.set(pid, (paid.get(pid) ?? 0) + (d.amounts.amount ?? 0));
        }
        let disbursed = 0;
        const missing: RecordItem[] = [];
        for (const p of projects) {
          const got = paid.get(p.recordId) ?? 0;
          disbursed += got;
          const left = (p.amounts.allocated ?? 0) - got;
          if (left > 0) missing.push({ id: p.recordId, note: yuan(left) });
        }
        return result(percent(disbursed, allocated), disbursed, allocated, missing);
      }
      case 'idle_funds': {
        if (unit.kind !== 'township') return none();
        const checks = factsOf('idle');
        const latest = checks.reduce<Fact | null>(
          (a, c) => (!a || (c.day ?? '') > (a.day ?? '') ? c : a),
          null,
        );
        if (!latest) return none();
        const holding = factsOf('project')
          .map((p) => ({ p, left: (p.amounts.allocated ?? 0) - (p.amounts.disbursed ?? 0) }))
          .filter((x) => x.left > 0)
          .map((x) => ({ id: x.p.recordId, note: yuan(x.left) }));
        const idle = latest.amounts.idle ?? 0;
        return result(idle, idle, null, holding);
      }
      case 'findings_open':
      case 'findings_overdue': {
        if (unit.kind === 'department' && !FINDING_DEPARTMENTS.has(unit.code)) return none();
        const open = factsOf('finding').filter((f) =>
          f.to === null ? f.status !== 'closed' : f.to > last,
        );
        const counted =
          code === 'findings_open'
            ? open
            : open.filter((f) => String(f.data.dueDay ?? '9999-12-31') <= last);
        return result(
          counted.length,
          counted.length,
          null,
          counted.map((f) => ({ id: f.recordId })),
        );
      }
      case 'dropouts_open': {
        if (unit.kind === 'department' && unit.code !== 'education') return none();
        const open = factsOf('dropout').filter((c) =>
          c.to === null ? c.status !== 'closed' : c.to > last,
        );
        return result(
          open.length,
          open.length,
          null,
          open.map((c) => ({ id: c.recordId })),
        );
      }
      case 'topups_outstanding': {
        if (unit.kind === 'department' && !HEALTH_DEPARTMENTS.includes(unit.code)) return none();
        let owed = 0;
        const items: RecordItem[] = [];
        for (const e of factsOf('episode')) {
          const left = Math.max((e.amounts.topUp ?? 0) - (e.amounts.topUpPaid ?? 0), 0);
          if (left > 0) {
            owed += left;
            items.push({ id: e.recordId, note: yuan(left) });
          }
        }
        return result(owed, owed, null, items);
      }
    }
  }
}

/** Whether a project's dated step (入库, 开工 …) happened by a day. */
function dayOf(p: Fact, step: string, last: string): boolean {
  const dates = (p.data.dates ?? {}) as Record<string, string | null>;
  const d = dates[step];
  return typeof d === 'string' && d <= last;
}
