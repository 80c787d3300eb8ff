import { randomUUID } from 'node:crypto';
import {
  type ListQuery,
  type Principal,
  type ScopedRepository,
  unprocessable,
  bi,
} from '@fupin/kit';
import { shanghaiDateOf, townshipOf } from '@fupin/reference';
import type { Household } from '../households/household.model';
import type { DisasterKind, DisasterRecord } from './monitoring-facts.model';
import { dueAtOf, type MonitoringWarning } from './warning.model';

export interface DisasterInput {
  kind: DisasterKind;
  areaCode: string;
  day: string;
  householdIds: string[];
  lossesFen: number | null;
  description: string;
}

/** 灾情登记 — township staff record a disaster for a village or some of its households. */
export class DisasterService {
  constructor(
    private readonly deps: {
      disasters: ScopedRepository<DisasterRecord>;
      households: ScopedRepository<Household>;
      now: () => Date;
    },
  ) {}

  async create(p: Principal, input: DisasterInput): Promise<DisasterRecord> {
    if (input.day > shanghaiDateOf(this.deps.now())) {
      throw unprocessable(
        'REGISTRY_DISASTER_IN_FUTURE',
        bi('灾害日期不能晚于今天', 'The day cannot be in the future'),
        [{ field: 'day', code: 'future', message: bi('不能晚于今天', 'not after today') }],
      );
    }
    if (input.householdIds.length) {
      const found = await this.deps.households.find(
        p,
        { _id: { $in: input.householdIds }, areaCode: input.areaCode },
        { projection: { _id: 1 } },
      );
      const known = new Set(found.map((h) => h._id));
      const unknown = input.householdIds.filter((id) => !known.has(id));
      if (unknown.length) {
        throw unprocessable(
          'REGISTRY_DISASTER_HOUSEHOLD_UNKNOWN',
          bi(
            `有 ${unknown.length} 户不在该村或不在您的管辖范围内`,
            `${unknown.length} households are not of this village or not in your area`,
          ),
          unknown.map((id) => ({
            field: 'householdIds',
            code: 'unknown',
            message: bi(`户 ${id} 不在该村`, `household ${id} is not of this village`),
          })),
        );
      }
    }
    const record: DisasterRecord = {
      _id: randomUUID(),
      ...input,
      townshipCode: townshipOf(input.areaCode) ?? input.areaCode,
      recordedBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
      recordedAt: this.deps.now(),
    };
    await this.deps.disasters.create(p, record);
    return record;
  }

  list(p: Principal, q: ListQuery<{ areaCode?: string; kind?: string }>) {
    return this.deps.disasters.page(
      p,
      {
        ...(q.filter.areaCode ? { areaCode: q.filter.areaCode } : {}),
        ...(q.filter.kind ? { kind: q.filter.kind } : {}),
      },
      q,
    );
  }
}

/** Per township: open, overdue, confirmed and dismissed, and verified within the deadline. */
export interface WarningTownshipFigures {
  townshipCode: string;
  open: number;
  overdue: number;
  confirmed: number;
  dismissed: number;
  confirmedThisMonth: number;
  verifiedOnTime: number;
  verified: number;
}

/**
 * The warnings counted by township (pure): the dashboard card and the assessment indicator.
 * Overdue: open past its deadline (an instant, `dueAtOf`); verified on time: decided at or
 * before it.
 */
export function warningFigures(
  warnings: (Pick<MonitoringWarning, 'townshipCode' | 'status' | 'dueOn' | 'decision'> & {
    dueAt?: Date | null;
  })[],
  now: Date,
): WarningTownshipFigures[] {
  const by = new Map<string, WarningTownshipFigures>();
  const month = shanghaiDateOf(now).slice(0, 7);
  for (const w of warnings) {
    const f =
      by.get(w.townshipCode) ??
      by
        .set(w.townshipCode, {
          townshipCode: w.townshipCode,
          open: 0,
          overdue: 0,
          confirmed: 0,
          dismissed: 0,
          confirmedThisMonth: 0,
          verifiedOnTime: 0,
          verified: 0,
        })
        .get(w.townshipCode)!;
    const dueAt = dueAtOf(w).getTime();
    if (w.status === 'open') {
      f.open++;
      if (dueAt < now.getTime()) f.overdue++;
      continue;
    }
    f.verified++;
    f[w.status]++;
    const at = w.decision ? new Date(w.decision.at) : now;
    if (at.getTime() <= dueAt) f.verifiedOnTime++;
    if (w.status === 'confirmed' && shanghaiDateOf(at).slice(0, 7) === month)
      f.confirmedThisMonth++;
  }
  return [...by.values()].sort((a, b) => a.townshipCode.localeCompare(b.townshipCode));
}
