import { randomUUID } from 'node:crypto';
import {
  allOf,
  bi,
  conflict,
  escapeRegex,
  type Filter,
  isDuplicateKey,
  type ListQuery,
  type Principal,
  type OutboxFields,
  outboxUpdate,
  type ScopedRepository,
  READ_IN_SCOPE,
  actorOf,
  withOutbox,
} from '@fupin/kit';
import { staleRevision } from '../http';
import type { Person } from '../people/person.model';
import { linkOf } from '../people/person-link';
import type { PersonService } from '../people/person.service';
import type { EnrollmentStatus } from './education.reference';
import type { Enrollment, Student } from './education.model';
import { enrollmentRecorded } from './education.events';
import { compareTerms } from './school-calendar';

export interface StudentInput {
  personId: string;
  school: string;
  stage: string;
  grade: number;
}

export interface EnrollmentInput {
  status: EnrollmentStatus;
  school?: string | undefined;
  stage?: string | undefined;
  grade?: number | undefined;
}

export interface StudentFilter {
  q?: string;
  stage?: string;
  school?: string;
  townshipCode?: string;
  areaCode?: string;
  personId?: string;
  id?: string[];
}

export interface EnrollmentFilter {
  term?: string;
  status?: EnrollmentStatus;
  stage?: string;
  townshipCode?: string;
  studentId?: string;
}

/** An enrollment read from a department list, for a person the list matched. */
export interface ImportedEnrollment {
  person: Person;
  school: string;
  stage: string;
  grade: number;
  status: EnrollmentStatus;
}

const STUDENT = { what: bi('学生', 'Student'), code: 'SUPPORT_STUDENT_NOT_FOUND' };

export type StudentView = Omit<Student, '_id' | 'idHash'> & { id: string };
export type EnrollmentView = Omit<Enrollment, '_id' | 'idHash'> & { id: string };

const studentView = ({ _id, idHash: _h, ...rest }: Student): StudentView => ({ id: _id, ...rest });
const enrollmentView = ({ _id, idHash: _h, ...rest }: Enrollment): EnrollmentView => ({
  id: _id,
  ...rest,
});

/** 在校生与学籍 — registered members tracked through school, and their status per term. */
export class StudentService {
  constructor(
    private readonly deps: {
      students: ScopedRepository<Student>;
      enrollments: ScopedRepository<Enrollment>;
      people: PersonService;
      /** Wakes the outbox relay after enrollments (and their events) are stored. */
      eventsStored?: () => void;
      now: () => Date;
    },
  ) {}

  async create(p: Principal, input: StudentInput): Promise<StudentView> {
    const person = await this.deps.people.loadRegistered(p, input.personId);
    const now = this.deps.now();
    const doc: Student = {
      _id: randomUUID(),
      ...linkOf(person),
      birthDate: person.birthDate,
      school: input.school,
      stage: input.stage,
      grade: input.grade,
      latestTerm: null,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.deps.students.create(p, doc);
    } catch (err) {
      if (isDuplicateKey(err)) {
        const existing = await this.deps.students.findOne(p, { personId: person._id });
        throw conflict(
          'SUPPORT_STUDENT_EXISTS',
          bi('该人员已登记为学生', 'The person is already registered as a student'),
          { studentId: existing?._id ?? null },
        );
      }
      throw err;
    }
    return studentView(doc);
  }

  /** A student of the caller's area (404 when missing, 403 when another area's). */
  load(p: Principal, id: string): Promise<Student> {
    return this.deps.students.getForChange(p, id, STUDENT);
  }

  async get(p: Principal, id: string): Promise<StudentView> {
    return studentView(await this.load(p, id));
  }

  async update(
    p: Principal,
    id: string,
    patch: Partial<Omit<StudentInput, 'personId'>>,
    revision?: number,
  ): Promise<StudentView> {
    const s = await this.load(p, id);
    if (revision !== undefined && revision !== s.revision) throw staleRevision();
    const res = await this.deps.students.findOneAndUpdate(
      READ_IN_SCOPE,
      { _id: id, revision: s.revision },
      { $set: { ...patch, updatedAt: this.deps.now() }, $inc: { revision: 1 } },
    );
    if (!res) throw staleRevision();
    return studentView(res);
  }

  private filterOf(f: StudentFilter): Filter {
    const and: Filter[] = [];
    if (f.q) and.push({ name: { $regex: `^${escapeRegex(f.q)}` } });
    if (f.stage) and.push({ stage: f.stage });
    if (f.school) and.push({ school: f.school });
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.areaCode) and.push({ areaCode: f.areaCode });
    if (f.personId) and.push({ personId: f.personId });
    if (f.id) and.push({ _id: { $in: f.id } });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<StudentFilter>) {
    const { items, total } = await this.deps.students.page(p, this.filterOf(q.filter), q);
    return { items: items.map(studentView), total };
  }

  cursor(p: Principal, f: StudentFilter) {
    return this.deps.students.cursor(p, this.filterOf(f), { sort: { name: 1, _id: 1 } });
  }

  /** Records (or corrects) a student's status in a term; the latest term sets the current school. */
  async recordEnrollment(
    p: Principal,
    studentId: string,
    term: string,
    input: EnrollmentInput,
  ): Promise<EnrollmentView> {
    const s = await this.load(p, studentId);
    const e = this.enrollmentOf(s, term, input, { by: p.userId, source: 'manual', importId: null });
    const { _id, ...fields } = e;
    await this.deps.enrollments.updateOne(
      READ_IN_SCOPE,
      { _id },
      outboxUpdate({ $set: fields }, [enrollmentRecorded(e, actorOf(p))]),
      { upsert: true },
    );
    this.deps.eventsStored?.();
    await this.advance(s, e);
    return enrollmentView(e);
  }

  private enrollmentOf(
    s: Student,
    term: string,
    input: EnrollmentInput,
    how: { by: string; source: 'manual' | 'import'; importId: string | null },
  ): Enrollment {
    return {
      _id: `${s._id}:${term}`,
      personId: s.personId,
      householdId: s.householdId,
      idHash: s.idHash,
      name: s.name,
      areaCode: s.areaCode,
      townshipCode: s.townshipCode,
      studentId: s._id,
      term,
      school: input.school ?? s.school,
      stage: input.stage ?? s.stage,
      grade: input.grade ?? s.grade,
      status: input.status,
      source: how.source,
      importId: how.importId,
      recordedAt: this.deps.now(),
      recordedBy: how.by,
    };
  }

  /** Moves the student's current school, stage and grade to a term at least as late as theirs. */
  private async advance(s: Student, e: Enrollment): Promise<void> {
    if (!advances(s, e)) return;
    await this.deps.students.updateOne(READ_IN_SCOPE, { _id: s._id }, this.advanceTo(e));
  }

  /** The student's update to an enrollment's term: its school, stage and grade become theirs. */
  private advanceTo(e: Enrollment) {
    return {
      $set: {
        school: e.school,
        stage: e.stage,
        grade: e.grade,
        latestTerm: e.term,
        updatedAt: this.deps.now(),
      },
      $inc: { revision: 1 },
    };
  }

  /**
   * Enrollments read from the education department's list for one term, for the importer `p`:
   * a student record is made for a matched person who has none, and each enrollment replaces
   * the term's record. Only what differs is written: importing the same list twice changes
   * nothing. Returns how many enrollments differ from what was recorded before. A few round
   * trips per batch whatever its size (students, enrollments: one read, one insert, one bulk
   * update each).
   */
  async importEnrollments(
    p: Principal,
    term: string,
    importId: string,
    rows: ImportedEnrollment[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const known = await this.studentsOf(p, term, rows);
    const docs = rows.map((r) =>
      this.enrollmentOf(
        known.get(r.person._id)!,
        term,
        { status: r.status, school: r.school, stage: r.stage, grade: r.grade },
        { by: p.userId, source: 'import', importId },
      ),
    );
    const before = new Map(
      (
        await this.deps.enrollments.find(READ_IN_SCOPE, { _id: { $in: docs.map((e) => e._id) } })
      ).map((e) => [e._id, e]),
    );
    const changed = docs.filter((e) => {
      const b = before.get(e._id);
      return (
        !b ||
        b.status !== e.status ||
        b.school !== e.school ||
        b.stage !== e.stage ||
        b.grade !== e.grade
      );
    }).length;
    await this.replaceEnrollments(
      p,
      docs.filter((e) => !sameEnrollment(before.get(e._id), e)),
      before,
    );
    await this.deps.students.bulkUpdate(
      READ_IN_SCOPE,
      docs
        .filter((e) => movesStudent(known.get(e.personId)!, e))
        .map((e) => ({ filter: { _id: e.studentId }, update: this.advanceTo(e) })),
      { ordered: false },
    );
    return changed;
  }

  /**
   * The student record of each matched person, made for those who have none (already at the
   * term's school, stage and grade: nothing to move after).
   */
  private async studentsOf(p: Principal, term: string, rows: ImportedEnrollment[]) {
    const { students } = this.deps;
    const now = this.deps.now();
    const personIds = rows.map((r) => r.person._id);
    const known = new Map(
      (await students.find(READ_IN_SCOPE, { personId: { $in: personIds } })).map((s) => [
        s.personId,
        s,
      ]),
    );
    const missing = rows.filter((r) => !known.has(r.person._id));
    if (!missing.length) return known;
    const fresh: Student[] = missing.map((r) => ({
      _id: randomUUID(),
      ...linkOf(r.person),
      birthDate: r.person.birthDate,
      school: r.school,
      stage: r.stage,
      grade: r.grade,
      latestTerm: term,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    }));
    const raced = await students.insertMany(p, fresh, { ordered: false }).then(
      () => false,
      (err: unknown) => {
        // A student made meanwhile by someone else: read back below.
        if (!isDuplicateKey(err)) throw err;
        return true;
      },
    );
    if (!raced) {
      for (const s of fresh) known.set(s.personId, s);
      return known;
    }
    for (const s of await students.find(READ_IN_SCOPE, {
      personId: { $in: missing.map((r) => r.person._id) },
    }))
      known.set(s.personId, s);
    return known;
  }

  /** Stores each term's enrollment whole: the new ones inserted, the known ones replaced. */
  private async replaceEnrollments(
    p: Principal,
    docs: Enrollment[],
    before: Map<string, Enrollment>,
  ): Promise<void> {
    if (!docs.length) return;
    const fresh = docs.filter((e) => !before.has(e._id));
    let raced = false;
    // The registry hears of a new enrollment, or of one whose status or stage changed.
    const actor = actorOf(p);
    const events = (e: Enrollment) => {
      const b = before.get(e._id);
      return !b || b.status !== e.status || b.stage !== e.stage
        ? [enrollmentRecorded(e, actor)]
        : [];
    };
    if (fresh.length) {
      const withEvents = fresh.map((e) => withOutbox(e, events(e)));
      await this.deps.enrollments
        .insertMany(p, withEvents, { ordered: false })
        .catch((err: unknown) => {
          // Recorded meanwhile by another request: the update below settles it.
          if (!isDuplicateKey(err)) throw err;
          raced = true;
        });
    }
    const known = raced ? docs : docs.filter((e) => before.has(e._id));
    await this.deps.enrollments.bulkUpdate(
      READ_IN_SCOPE,
      known.map((e) => {
        const { _id, outbox: _o, hasOutbox: _h, ...fields } = e as Enrollment & OutboxFields;
        const emitted = raced ? [] : events(e);
        return {
          filter: { _id },
          update: emitted.length ? outboxUpdate({ $set: fields }, emitted) : { $set: fields },
        };
      }),
      { ordered: false },
    );
    this.deps.eventsStored?.();
  }

  async listEnrollments(p: Principal, q: ListQuery<EnrollmentFilter>) {
    const f = q.filter;
    const filter = allOf(
      f.term ? { term: f.term } : {},
      f.status ? { status: f.status } : {},
      f.stage ? { stage: f.stage } : {},
      f.townshipCode ? { townshipCode: f.townshipCode } : {},
      f.studentId ? { studentId: f.studentId } : {},
    );
    const { items, total } = await this.deps.enrollments.page(p, filter, q);
    return { items: items.map(enrollmentView), total };
  }
}

/** Whether an enrollment is of a term at least as late as the student's latest. */
function advances(s: Student, e: Enrollment): boolean {
  return !s.latestTerm || compareTerms(e.term, s.latestTerm) >= 0;
}

/** Whether an enrollment moves its student: a term at least as late, and something differs. */
export function movesStudent(s: Student, e: Enrollment): boolean {
  return (
    advances(s, e) &&
    (s.latestTerm !== e.term || s.school !== e.school || s.stage !== e.stage || s.grade !== e.grade)
  );
}

/**
 * Whether a term's enrollment already says what an import would record (who, where, which
 * school, stage, grade and status, from an import): writing it again would change nothing.
 */
export function sameEnrollment(b: Enrollment | undefined, e: Enrollment): boolean {
  if (!b) return false;
  const facts = [
    'personId',
    'householdId',
    'name',
    'areaCode',
    'townshipCode',
    'studentId',
    'school',
    'stage',
    'grade',
    'status',
    'source',
  ] as const;
  return facts.every((k) => b[k] === e[k]);
}
