import { Department, fromLabel, townshipOf } from '@fupin/reference';
import type { DaySpan } from '../scoring/period';
import type { Fact } from './fact.model';

/** The assessment's own records an indicator counts: tasks, rectification orders, complaints. */
export type OwnFactKind = Extract<Fact['kind'], 'task' | 'rectification' | 'complaint'>;

/** Reads the records of one kind that may count for a period, as facts (never stored). */
export type OwnFactSource = (span: DaySpan) => Promise<Fact[]>;

export type OwnFactSources = Partial<Record<OwnFactKind, OwnFactSource>>;

/** A unit as the indicators count a record for it: a township, or county departments. */
export interface CountedFor {
  townshipCode: string | null;
  departments: string[];
}

/** `township:<code>` or `department:<code>` (the ranked units' ids); nothing for anything else. */
export function countedForUnitId(unitId: string | null): CountedFor {
  const m = unitId ? /^(township|department):(.+)$/.exec(unitId) : null;
  if (!m) return { townshipCode: null, departments: [] };
  return m[1] === 'township'
    ? { townshipCode: m[2]!, departments: [] }
    : { townshipCode: null, departments: [m[2]!] };
}

/**
 * A task's 责任单位 is written by the county (县卫健局, 城关镇人民政府 …): a department by its
 * name, else the township its area lies in; a county task of a unit not ranked counts for none.
 */
export function countedForOwner(ownerUnit: string, areaCode: string): CountedFor {
  const name = ownerUnit.normalize('NFKC').replace(/\s+/g, '');
  const department =
    fromLabel(Department, name) ?? fromLabel(Department, name.replace(/^县/, '')) ?? null;
  if (department) return { townshipCode: null, departments: [department] };
  let township: string | null = null;
  try {
    township = townshipOf(areaCode);
  } catch {
    township = null;
  }
  return { townshipCode: township, departments: [] };
}

/**
 * A record with a deadline as a fact: `day` is the day it is due (that day itself on time),
 * `from` the day it starts counting, `to` the day it was done (closed, answered, completed).
 */
export function deadlineFact(r: {
  kind: OwnFactKind;
  recordId: string;
  areaCode: string;
  unit: CountedFor;
  dueOn: string;
  from: string;
  doneOn: string | null;
  householdId?: string | null;
  status: string;
  note?: string;
}): Fact {
  const at = new Date(`${r.from}T00:00:00.000+08:00`);
  return {
    _id: `${r.kind}:${r.recordId}`,
    kind: r.kind,
    recordId: r.recordId,
    areaCode: r.areaCode,
    townshipCode: r.unit.townshipCode,
    departments: r.unit.departments,
    householdId: r.householdId ?? null,
    personId: null,
    day: r.dueOn,
    from: r.from,
    to: r.doneOn,
    status: r.status,
    year: Number(r.dueOn.slice(0, 4)),
    amounts: {},
    data: r.note ? { note: r.note } : {},
    firstDay: r.from,
    order: '',
    eventId: '',
    eventType: `assessment.${r.kind}`,
    occurredAt: at,
    receivedAt: at,
  };
}
