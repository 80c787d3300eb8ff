import type { Actor } from '@fupin/contracts';
import {
  actorOf,
  allOf,
  areaWithin,
  escapeRegex,
  type Filter,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  READ_IN_SCOPE,
} from '@fupin/kit';
import type { InsuranceRecord, Person } from '../people/person.model';
import type { PersonService } from '../people/person.service';
import {
  type CoverageRate,
  coverageRate,
  INSURANCE_KINDS,
  type InsuranceKind,
  pensionLatestBirthDate,
} from './coverage.rules';
import { coverageRecorded } from './health.events';

export interface InsuranceFilter {
  kind?: InsuranceKind;
  /** With `kind`: only those enrolled (true) or not (false). */
  enrolled?: boolean;
  townshipCode?: string;
  areaCode?: string;
  q?: string;
}

export interface CoverageRow extends CoverageRate {
  areaCode: string;
  kind: InsuranceKind;
}

export interface InsuredPersonView {
  id: string;
  name: string;
  sex: string;
  birthDate: string;
  householdId: string;
  householdNo: string;
  areaCode: string;
  townshipCode: string;
  year: number;
  basic_medical: boolean;
  serious_illness: boolean;
  pension: boolean;
}

export interface RecordedEnrollment {
  person: Person;
  kind: InsuranceKind;
  enrolled: boolean;
}

const path = (year: number, kind: InsuranceKind) => `insurance.${year}.${kind}`;

/**
 * 参保 — insurance enrollment per registered person per year (kept on the person, so the
 * coverage of an area is one pass over its people), and coverage rates against the targets.
 */
export class InsuranceService {
  constructor(
    private readonly deps: {
      persons: ScopedRepository<Person>;
      people: PersonService;
      targets: Record<InsuranceKind, number>;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  private update(
    person: Person,
    year: number,
    e: { kind: InsuranceKind; enrolled: boolean },
    how: { source: 'manual' | 'import'; importId: string | null; by: string; actor: Actor },
  ) {
    const record: InsuranceRecord = {
      enrolled: e.enrolled,
      source: how.source,
      importId: how.importId,
      recordedAt: this.deps.now(),
      recordedBy: how.by,
    };
    const set = { [path(year, e.kind)]: record };
    const events = [
      coverageRecorded(
        person,
        { year, kind: e.kind, enrolled: e.enrolled, source: how.source },
        how.actor,
      ),
    ];
    return {
      // Only a change writes (and publishes): recording the same fact again is a no-op.
      filter: { _id: person._id, [`${path(year, e.kind)}.enrolled`]: { $ne: e.enrolled } },
      update: outboxUpdate({ $set: set }, events),
      set,
      events,
    };
  }

  async record(
    p: Principal,
    input: { personId: string; year: number; kind: InsuranceKind; enrolled: boolean },
  ): Promise<InsuredPersonView> {
    const person = await this.deps.people.loadRegistered(p, input.personId);
    const u = this.update(person, input.year, input, {
      source: 'manual',
      importId: null,
      by: p.userId,
      actor: actorOf(p),
    });
    const res = await this.deps.persons.updateOne(READ_IN_SCOPE, u.filter, u.update);
    if (res.modifiedCount) this.deps.eventsStored();
    const after = await this.deps.people.load(p, person._id);
    return insuredView(after, input.year);
  }

  /**
   * Enrollments read from the health department's list for the importer `p`: only those that
   * differ from the person as read are written, all of a person's kinds in one update (one
   * write and one outbox push per person, however many kinds the list names). Returns how many
   * differed. A list imported again writes nothing.
   */
  async importMany(
    p: Principal,
    year: number,
    importId: string,
    rows: RecordedEnrollment[],
  ): Promise<number> {
    const by = p.userId;
    const how = {
      source: 'import' as const,
      importId,
      by,
      actor: { kind: 'user', id: by } as Actor,
    };
    // The people were matched within the importer's scope (out-of-scope rows are only counted).
    const todo = rows.filter(
      (r) => r.person.insurance?.[String(year)]?.[r.kind]?.enrolled !== r.enrolled,
    );
    if (!todo.length) return 0;
    const byPerson = new Map<string, RecordedEnrollment[]>();
    for (const r of todo) byPerson.set(r.person._id, [...(byPerson.get(r.person._id) ?? []), r]);
    const ops = [...byPerson.values()].map((rs) => this.updateAll(rs[0]!.person, year, rs, how));
    const modified = await this.deps.persons.bulkUpdate(READ_IN_SCOPE, ops, { ordered: false });
    if (modified < ops.length) {
      // Someone recorded one of these meanwhile: each kind alone, written only if it still differs.
      await this.deps.persons.bulkUpdate(
        READ_IN_SCOPE,
        todo.map((r) => this.update(r.person, year, r, how)),
        { ordered: false },
      );
    }
    this.deps.eventsStored();
    return todo.length;
  }

  /** One person's kinds of a year in one update, guarded as `update` guards each. */
  private updateAll(
    person: Person,
    year: number,
    rows: { kind: InsuranceKind; enrolled: boolean }[],
    how: { source: 'manual' | 'import'; importId: string | null; by: string; actor: Actor },
  ) {
    const each = rows.map((r) => this.update(person, year, r, how));
    return {
      filter: Object.assign({}, ...each.map((u) => u.filter)) as Filter,
      update: outboxUpdate(
        { $set: Object.assign({}, ...each.map((u) => u.set)) as Record<string, InsuranceRecord> },
        each.flatMap((u) => u.events),
      ),
    };
  }

  private eligibleMatch(year: number, kind: InsuranceKind): Filter {
    const m: Filter = { registered: true };
    if (kind === 'pension') {
      m.birthDate = { $lte: pensionLatestBirthDate(year) };
      m.inSchool = false;
    }
    return m;
  }

  private filterOf(year: number, f: InsuranceFilter): Filter {
    const and: Filter[] = [{ registered: true }];
    if (f.kind) {
      and.push(this.eligibleMatch(year, f.kind));
      if (f.enrolled !== undefined)
        and.push({ [`${path(year, f.kind)}.enrolled`]: f.enrolled ? true : { $ne: true } });
    }
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.areaCode) and.push({ areaCode: f.areaCode });
    if (f.q) and.push({ name: { $regex: `^${escapeRegex(f.q)}` } });
    return allOf(...and);
  }

  async list(p: Principal, year: number, q: ListQuery<InsuranceFilter>) {
    const filter = this.filterOf(year, q.filter);
    const { items, total } = await this.deps.persons.page(p, filter, q, { outbox: 0 });
    return { items: items.map((x) => insuredView(x, year)), total };
  }

  cursor(p: Principal, year: number, f: InsuranceFilter) {
    return this.deps.persons.cursor(p, this.filterOf(year, f), {
      projection: { outbox: 0 },
      sort: { townshipCode: 1, areaCode: 1, name: 1, _id: 1 },
    });
  }

  /**
   * 参保覆盖率 by township or village within an area of the caller's scope: for each kind,
   * the eligible registered people, those enrolled, the rate and whether the target is met.
   */
  async coverage(
    p: Principal,
    q: { year: number; by: 'township' | 'village'; area?: string | undefined },
  ): Promise<{ year: number; by: string; rows: CoverageRow[]; total: CoverageRow[] }> {
    const scope = q.area ?? p.areaCode;
    // An area asked for must lie in the caller's scope (403 otherwise).
    if (q.area) this.deps.persons.assertWritable(p, q.area);
    const key = q.by === 'township' ? '$townshipCode' : '$areaCode';
    const rows: CoverageRow[] = [];
    const total: CoverageRow[] = [];
    for (const kind of INSURANCE_KINDS) {
      const groups = await this.deps.persons.aggregate<{
        _id: { a: string; e: boolean | null };
        n: number;
      }>(p, [
        { $match: allOf(areaWithin(scope), this.eligibleMatch(q.year, kind)) },
        { $group: { _id: { a: key, e: `$${path(q.year, kind)}.enrolled` }, n: { $sum: 1 } } },
      ]);
      const byArea = new Map<string, { eligible: number; enrolled: number }>();
      for (const g of groups) {
        const t = byArea.get(g._id.a) ?? { eligible: 0, enrolled: 0 };
        t.eligible += g.n;
        if (g._id.e === true) t.enrolled += g.n;
        byArea.set(g._id.a, t);
      }
      const target = this.deps.targets[kind];
      let eligible = 0;
      let enrolled = 0;
      for (const [areaCode, t] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
        rows.push({ areaCode, kind, ...coverageRate(t.eligible, t.enrolled, target) });
        eligible += t.eligible;
        enrolled += t.enrolled;
      }
      total.push({ areaCode: scope, kind, ...coverageRate(eligible, enrolled, target) });
    }
    return { year: q.year, by: q.by, rows, total };
  }
}

export function insuredView(x: Person, year: number): InsuredPersonView {
  const y = x.insurance?.[String(year)] ?? {};
  return {
    id: x._id,
    name: x.name,
    sex: x.sex,
    birthDate: x.birthDate,
    householdId: x.householdId,
    householdNo: x.householdNo,
    areaCode: x.areaCode,
    townshipCode: x.townshipCode,
    year,
    basic_medical: y.basic_medical?.enrolled === true,
    serious_illness: y.serious_illness?.enrolled === true,
    pension: y.pension?.enrolled === true,
  };
}
