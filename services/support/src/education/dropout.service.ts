import { randomUUID } from 'node:crypto';
import { type Actor, SYSTEM_ACTOR } from '@fupin/contracts';
import {
  actorOf,
  allOf,
  bi,
  conflict,
  escapeRegex,
  type Filter,
  isDuplicateKey,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  READ_IN_SCOPE,
} from '@fupin/kit';
import { staleRevision } from '../http';
import type { Person } from '../people/person.model';
import type { PersonService } from '../people/person.service';
import { linkOf } from '../people/person-link';
import type { DropoutCase, Enrollment, FollowUp } from './education.model';
import { dropoutEvent } from './education.events';
import type { DropoutCloseReason } from './education.reference';
import { compulsoryBirthRange, compulsoryPlace, schoolYearOf } from './school-calendar';

/** Closures that settle a child's case for the rest of that school year (no new case opens). */
const SETTLES_THE_YEAR: DropoutCloseReason[] = [
  'home_schooling',
  'medical_deferral',
  'enrolled_elsewhere',
];
const BATCH = 500;
const CASE = { what: bi('控辍保学案件', 'Dropout case'), code: 'SUPPORT_DROPOUT_CASE_NOT_FOUND' };

export interface DropoutFilter {
  status?: 'open' | 'closed';
  schoolYear?: number;
  townshipCode?: string;
  areaCode?: string;
  expectedStage?: 'primary' | 'junior_secondary';
  q?: string;
  hasOwner?: boolean;
  personId?: string;
}

export interface ScanResult {
  term: string;
  schoolYear: number;
  /** Registered children of compulsory-education age in the caller's area. */
  checked: number;
  enrolled: number;
  opened: number;
  alreadyOpen: number;
  /** Children whose case this school year was closed for a reason that covers the year. */
  settled: number;
  closedReturned: number;
  closedLeftRegistry: number;
}

export interface CloseInput {
  reason: DropoutCloseReason;
  note: string;
  school?: string | undefined;
}

export type DropoutView = Omit<
  DropoutCase,
  '_id' | 'idHash' | 'outbox' | 'hasOutbox' | 'outboxLease' | 'openKey'
> & {
  id: string;
};

export function dropoutView(x: DropoutCase): DropoutView {
  const { _id, idHash: _h, outbox: _o, hasOutbox: _ho, outboxLease: _l, openKey: _k, ...rest } = x;
  return { id: _id, ...rest };
}

/**
 * 控辍保学 — every registered child of compulsory-education age who is not enrolled in a
 * term becomes a case with a responsible owner and a follow-up log, until it is closed by a
 * return to school or by one of the allowed reasons.
 */
export class DropoutService {
  constructor(
    private readonly deps: {
      dropouts: ScopedRepository<DropoutCase>;
      enrollments: ScopedRepository<Enrollment>;
      persons: ScopedRepository<Person>;
      people: PersonService;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  /**
   * Compares the registered children of compulsory-education age in the caller's area with
   * the term's enrollment records: opens a case for each child missing (one open case per
   * child), and closes open cases whose child is enrolled again or left the registry.
   * Running it twice changes nothing the second time.
   */
  async scan(p: Principal, term: string): Promise<ScanResult> {
    const schoolYear = schoolYearOf(term);
    const range = compulsoryBirthRange(schoolYear);
    const result: ScanResult = {
      term,
      schoolYear,
      checked: 0,
      enrolled: 0,
      opened: 0,
      alreadyOpen: 0,
      settled: 0,
      closedReturned: 0,
      closedLeftRegistry: 0,
    };
    const cursor = this.deps.persons.cursor(
      p,
      { registered: true, birthDate: { $gte: range.from, $lte: range.to } },
      { projection: { outbox: 0, insurance: 0 }, sort: { _id: 1 } },
    );
    let batch: Person[] = [];
    const flush = async () => {
      if (batch.length) await this.scanBatch(p, batch, term, schoolYear, result);
      batch = [];
    };
    for await (const person of cursor) {
      if (!compulsoryPlace(person.birthDate, term)) continue;
      batch.push(person);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await this.closeResolved(p, term, result);
    return result;
  }

  private async scanBatch(
    p: Principal,
    people: Person[],
    term: string,
    schoolYear: number,
    r: ScanResult,
  ) {
    const { enrollments, dropouts } = this.deps;
    const ids = people.map((x) => x._id);
    const personId = { projection: { personId: 1 as const } };
    const [enrolledRows, openRows, settledRows] = await Promise.all([
      enrollments.find(
        READ_IN_SCOPE,
        { term, status: 'enrolled', personId: { $in: ids } },
        personId,
      ),
      dropouts.find(READ_IN_SCOPE, { personId: { $in: ids }, status: 'open' }, personId),
      dropouts.find(
        READ_IN_SCOPE,
        {
          personId: { $in: ids },
          schoolYear,
          status: 'closed',
          closeReason: { $in: SETTLES_THE_YEAR },
        },
        personId,
      ),
    ]);
    const enrolled = new Set(enrolledRows.map((x) => x.personId));
    const open = new Set(openRows.map((x) => x.personId));
    const settled = new Set(settledRows.map((x) => x.personId));
    const now = this.deps.now();
    const fresh: DropoutCase[] = [];
    for (const person of people) {
      r.checked++;
      if (enrolled.has(person._id)) r.enrolled++;
      else if (open.has(person._id)) r.alreadyOpen++;
      else if (settled.has(person._id)) r.settled++;
      else {
        const place = compulsoryPlace(person.birthDate, term)!;
        fresh.push({
          _id: randomUUID(),
          ...linkOf(person),
          birthDate: person.birthDate,
          schoolYear,
          term,
          expectedStage: place.stage,
          expectedGrade: place.grade,
          status: 'open',
          openKey: `open:${person._id}`,
          owner: null,
          followUps: [],
          closeReason: null,
          closeNote: null,
          returnedTo: null,
          openedAt: now,
          closedAt: null,
          closedBy: null,
          revision: 1,
        });
      }
    }
    if (!fresh.length) return;
    try {
      await dropouts.insertMany(
        p,
        fresh.map((c) => withOutbox(c, [dropoutEvent('opened', c, SYSTEM_ACTOR)])),
        { ordered: false },
      );
      r.opened += fresh.length;
    } catch (err) {
      // A concurrent scan opened some of them: each child still has one open case.
      if (!isDuplicateKey(err)) throw err;
      const stored = await dropouts.count(READ_IN_SCOPE, { _id: { $in: fresh.map((c) => c._id) } });
      r.opened += stored;
      r.alreadyOpen += fresh.length - stored;
    }
    this.deps.eventsStored();
  }

  /** Open cases in the area whose child is enrolled in the term again, or left the registry. */
  private async closeResolved(p: Principal, term: string, r: ScanResult) {
    const { dropouts, enrollments, persons } = this.deps;
    const cursor = dropouts.cursor(p, { status: 'open' }, { projection: { outbox: 0 } });
    for await (const c of cursor) {
      const [back, person] = await Promise.all([
        enrollments.findOne(
          READ_IN_SCOPE,
          { personId: c.personId, term, status: 'enrolled' },
          { projection: { _id: 1 } },
        ),
        persons.findOne(READ_IN_SCOPE, { _id: c.personId }, { projection: { registered: 1 } }),
      ]);
      if (back) {
        const e = await enrollments.findOne(READ_IN_SCOPE, { personId: c.personId, term });
        const closed = await this.closeCase(c, SYSTEM_ACTOR, 'system', {
          reason: 'returned_to_school',
          note: `${term} 学籍在读 / enrolled in ${term}`,
          school: e?.school,
        });
        if (closed) r.closedReturned++;
      } else if (!person?.registered) {
        const closed = await this.closeCase(c, SYSTEM_ACTOR, 'system', {
          reason: 'left_registry',
          note: '已不在建档立卡名单 / no longer in the registry',
        });
        if (closed) r.closedLeftRegistry++;
      }
    }
    if (r.closedReturned + r.closedLeftRegistry > 0) this.deps.eventsStored();
  }

  private async closeCase(
    c: DropoutCase,
    actor: Actor,
    by: string,
    input: CloseInput,
  ): Promise<DropoutCase | null> {
    const now = this.deps.now();
    const after: DropoutCase = {
      ...c,
      status: 'closed',
      openKey: `closed:${c._id}`,
      closeReason: input.reason,
      closeNote: input.note,
      returnedTo: input.school ?? null,
      closedAt: now,
      closedBy: by,
      revision: c.revision + 1,
    };
    const res = await this.deps.dropouts.updateOne(
      READ_IN_SCOPE,
      { _id: c._id, status: 'open', revision: c.revision },
      outboxUpdate(
        {
          $set: {
            status: after.status,
            openKey: after.openKey,
            closeReason: after.closeReason,
            closeNote: after.closeNote,
            returnedTo: after.returnedTo,
            closedAt: now,
            closedBy: by,
          },
          $inc: { revision: 1 },
        },
        [dropoutEvent('closed', after, actor)],
      ),
    );
    return res.modifiedCount === 1 ? after : null;
  }

  /** A case of the caller's area (404 when missing, 403 when another area's). */
  load(p: Principal, id: string): Promise<DropoutCase> {
    return this.deps.dropouts.getForChange(p, id, CASE, { outbox: 0 });
  }

  async get(p: Principal, id: string): Promise<DropoutView> {
    return dropoutView(await this.load(p, id));
  }

  private async loadOpen(p: Principal, id: string, revision?: number): Promise<DropoutCase> {
    const c = await this.load(p, id);
    if (c.status !== 'open') {
      throw conflict(
        'SUPPORT_DROPOUT_CASE_CLOSED',
        bi('该案件已销号', 'The case is already closed'),
      );
    }
    if (revision !== undefined && revision !== c.revision) throw staleRevision();
    return c;
  }

  /** 包保责任人 — names (or changes) the person responsible for bringing the child back. */
  async assignOwner(
    p: Principal,
    id: string,
    owner: { name: string; unit?: string | null | undefined; userId?: string | null | undefined },
    revision?: number,
  ): Promise<DropoutView> {
    const c = await this.loadOpen(p, id, revision);
    const after: DropoutCase = {
      ...c,
      owner: { name: owner.name, unit: owner.unit ?? null, userId: owner.userId ?? null },
      revision: c.revision + 1,
    };
    const res = await this.deps.dropouts.updateOne(
      READ_IN_SCOPE,
      { _id: id, status: 'open', revision: c.revision },
      outboxUpdate({ $set: { owner: after.owner }, $inc: { revision: 1 } }, [
        dropoutEvent('owner_assigned', after, actorOf(p)),
      ]),
    );
    if (res.modifiedCount === 0) throw staleRevision();
    this.deps.eventsStored();
    return dropoutView(after);
  }

  /** 跟踪记录 — one visit or call: when, and what was found and done. */
  async addFollowUp(
    p: Principal,
    id: string,
    input: { on: string; note: string },
  ): Promise<DropoutView> {
    const c = await this.loadOpen(p, id);
    const entry: FollowUp = {
      id: randomUUID(),
      on: input.on,
      note: input.note,
      by: p.userId,
      byName: p.username,
      at: this.deps.now(),
    };
    const res = await this.deps.dropouts.updateOne(
      READ_IN_SCOPE,
      { _id: id, status: 'open' },
      { $push: { followUps: entry }, $inc: { revision: 1 } },
    );
    if (res.modifiedCount === 0) throw staleRevision();
    return dropoutView({ ...c, followUps: [...c.followUps, entry], revision: c.revision + 1 });
  }

  /**
   * 销号 — closes a case for an allowed reason. A person must own the case and have logged at
   * least one follow-up; a return to school names the school.
   */
  async close(
    p: Principal,
    id: string,
    input: CloseInput,
    revision?: number,
  ): Promise<DropoutView> {
    const c = await this.loadOpen(p, id, revision);
    const problems = [];
    if (!c.owner)
      problems.push({
        field: 'owner',
        code: 'required',
        message: bi('销号前须指定包保责任人', 'Assign the responsible person before closing'),
      });
    if (c.followUps.length === 0)
      problems.push({
        field: 'followUps',
        code: 'required',
        message: bi('销号前须至少有一条跟踪记录', 'Log at least one follow-up before closing'),
      });
    if (input.reason === 'returned_to_school' && !input.school)
      problems.push({
        field: 'school',
        code: 'required',
        message: bi('劝返复学须填写就读学校', 'Name the school the child returned to'),
      });
    if (problems.length) {
      throw unprocessable(
        'SUPPORT_DROPOUT_CLOSE_REFUSED',
        bi('该案件还不能销号', 'The case cannot be closed yet'),
        problems,
      );
    }
    const closed = await this.closeCase(c, actorOf(p), p.userId, input);
    if (!closed) throw staleRevision();
    this.deps.eventsStored();
    return dropoutView(closed);
  }

  private filterOf(f: DropoutFilter): Filter {
    const and: Filter[] = [];
    if (f.status) and.push({ status: f.status });
    if (f.schoolYear) and.push({ schoolYear: f.schoolYear });
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.areaCode) and.push({ areaCode: f.areaCode });
    if (f.expectedStage) and.push({ expectedStage: f.expectedStage });
    if (f.q) and.push({ name: { $regex: `^${escapeRegex(f.q)}` } });
    if (f.hasOwner !== undefined) and.push({ owner: f.hasOwner ? { $ne: null } : null });
    if (f.personId) and.push({ personId: f.personId });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<DropoutFilter>) {
    const { items, total } = await this.deps.dropouts.page(p, this.filterOf(q.filter), q, {
      outbox: 0,
    });
    return { items: items.map(dropoutView), total };
  }

  cursor(p: Principal, f: DropoutFilter) {
    return this.deps.dropouts.cursor(p, this.filterOf(f), {
      projection: { outbox: 0 },
      sort: { openedAt: 1, _id: 1 },
    });
  }
}
