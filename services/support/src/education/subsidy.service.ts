import { randomUUID } from 'node:crypto';
import type { Actor } from '@fupin/contracts';
import {
  actorOf,
  allOf,
  bi,
  conflict,
  type Filter,
  findPage,
  isDuplicateKey,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  READ_IN_SCOPE,
} from '@fupin/kit';
import type { Model } from 'mongoose';
import type { Enrollment, SubsidyPayment, SubsidyStandard } from './education.model';
import { subsidyPaid, subsidyVoided } from './education.events';
import type { SubsidyType } from './education.reference';
import { termOrdinal } from './school-calendar';
import type { StudentService } from './student.service';

export interface StandardInput {
  type: SubsidyType;
  stage: string;
  fromTerm: string;
  amountFen: number;
  note?: string | null | undefined;
}

export interface PaymentInput {
  studentId: string;
  type: SubsidyType;
  term: string;
  /** Omitted: the standard amount for the student's stage and the term. */
  amountFen?: number | undefined;
  paidOn: string;
  department: string;
}

export interface BatchInput {
  type: SubsidyType;
  term: string;
  stage: string;
  townshipCode?: string | undefined;
  amountFen?: number | undefined;
  paidOn: string;
  department: string;
}

export interface PaymentFilter {
  term?: string;
  type?: SubsidyType;
  stage?: string;
  townshipCode?: string;
  studentId?: string;
  personId?: string;
  voided?: boolean;
}

export type TotalsBy = 'type' | 'stage' | 'township';

export interface TotalsRow {
  key: string;
  payments: number;
  students: number;
  amountFen: number;
}

export type PaymentView = Omit<
  SubsidyPayment,
  '_id' | 'idHash' | 'outbox' | 'hasOutbox' | 'outboxLease' | 'activeKey'
> & {
  id: string;
};

const PAYMENT = {
  what: bi('资助发放记录', 'Subsidy payment'),
  code: 'SUPPORT_SUBSIDY_PAYMENT_NOT_FOUND',
};
const BATCH = 500;

const activeKeyOf = (studentId: string, type: string, term: string) =>
  `${studentId}:${type}:${term}`;

export function paymentView(x: SubsidyPayment): PaymentView {
  const {
    _id,
    idHash: _h,
    outbox: _o,
    hasOutbox: _ho,
    outboxLease: _l,
    activeKey: _k,
    ...rest
  } = x;
  return { id: _id, ...rest };
}

/**
 * 教育资助 — the standard amounts of each subsidy per stage and term (reference data the
 * education department keeps), the payments to students, and their totals.
 */
export class SubsidyService {
  constructor(
    private readonly deps: {
      /** The county's standard amounts (reference data, not placed in an area). */
      standards: Model<SubsidyStandard>;
      enrollments: ScopedRepository<Enrollment>;
      payments: ScopedRepository<SubsidyPayment>;
      students: StudentService;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  // ------------------------------------------------------------------ standards

  async setStandard(p: Principal, input: StandardInput): Promise<SubsidyStandard> {
    const doc: SubsidyStandard = {
      _id: `${input.type}:${input.stage}:${input.fromTerm}`,
      type: input.type,
      stage: input.stage,
      fromTerm: input.fromTerm,
      fromOrdinal: termOrdinal(input.fromTerm),
      amountFen: input.amountFen,
      note: input.note ?? null,
      updatedAt: this.deps.now(),
      updatedBy: p.userId,
    };
    await this.deps.standards.replaceOne({ _id: doc._id }, doc, { upsert: true });
    return doc;
  }

  async listStandards(q: ListQuery<{ type?: SubsidyType; stage?: string }>) {
    const filter: Record<string, unknown> = {};
    if (q.filter.type) filter.type = q.filter.type;
    if (q.filter.stage) filter.stage = q.filter.stage;
    const { items, total } = await findPage<SubsidyStandard>(this.deps.standards, filter, q);
    return { items: items.map(({ _id, ...rest }) => ({ id: _id, ...rest })), total };
  }

  /** The standard in force for a term: the one with the latest start not after it. */
  async standardFor(type: string, stage: string, term: string): Promise<number | null> {
    const s = await this.deps.standards
      .findOne({ type, stage, fromOrdinal: { $lte: termOrdinal(term) } })
      .sort({ fromOrdinal: -1 })
      .lean<SubsidyStandard>();
    return s?.amountFen ?? null;
  }

  private async amountOf(type: string, stage: string, term: string, typed: number | undefined) {
    if (typed !== undefined) return { amountFen: typed, standard: false };
    const standard = await this.standardFor(type, stage, term);
    if (standard === null) {
      throw unprocessable(
        'SUPPORT_SUBSIDY_NO_STANDARD',
        bi(
          '该资助类型在该学段和学期没有标准金额，请先设定资助标准或填写金额',
          'No standard amount is set for this subsidy, stage and term; set the standard or give the amount',
        ),
        [{ field: 'amountFen', code: 'required', message: bi('请填写金额', 'give the amount') }],
      );
    }
    return { amountFen: standard, standard: true };
  }

  // ------------------------------------------------------------------ payments

  private paymentOf(
    e: Enrollment,
    input: { type: SubsidyType; term: string; paidOn: string; department: string },
    amount: { amountFen: number; standard: boolean },
    by: string,
  ): SubsidyPayment {
    return {
      _id: randomUUID(),
      personId: e.personId,
      householdId: e.householdId,
      idHash: e.idHash,
      name: e.name,
      areaCode: e.areaCode,
      townshipCode: e.townshipCode,
      studentId: e.studentId,
      type: input.type,
      stage: e.stage,
      term: input.term,
      amountFen: amount.amountFen,
      standard: amount.standard,
      paidOn: input.paidOn,
      department: input.department,
      activeKey: activeKeyOf(e.studentId, input.type, input.term),
      voided: false,
      voidReason: null,
      recordedAt: this.deps.now(),
      recordedBy: by,
    };
  }

  /** One subsidy for one student in a term they are enrolled in; once per type and term. */
  async pay(p: Principal, input: PaymentInput): Promise<PaymentView> {
    const student = await this.deps.students.load(p, input.studentId);
    const e = await this.deps.enrollments.findOne(READ_IN_SCOPE, {
      _id: `${student._id}:${input.term}`,
      status: 'enrolled',
    });
    if (!e) {
      throw unprocessable(
        'SUPPORT_SUBSIDY_NOT_ENROLLED',
        bi('该学生在该学期没有在读学籍记录', 'The student has no enrollment in that term'),
        [
          {
            field: 'term',
            code: 'not_enrolled',
            message: bi('该学期未在读', 'not enrolled that term'),
          },
        ],
      );
    }
    const amount = await this.amountOf(input.type, e.stage, input.term, input.amountFen);
    const doc = this.paymentOf(e, input, amount, p.userId);
    try {
      await this.deps.payments.create(p, withOutbox(doc, [subsidyPaid(doc, actorOf(p))]));
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw conflict(
          'SUPPORT_SUBSIDY_ALREADY_PAID',
          bi(
            '该学生本学期已发放过该项资助',
            'This subsidy was already paid to the student for the term',
          ),
        );
      }
      throw err;
    }
    this.deps.eventsStored();
    return paymentView(doc);
  }

  /**
   * Pays a subsidy to every student of a stage enrolled in the term within the caller's
   * area (and township, when given) who has not had it yet. Repeating a batch pays no one twice.
   */
  async payBatch(p: Principal, input: BatchInput) {
    const amount = await this.amountOf(input.type, input.stage, input.term, input.amountFen);
    const cursor = this.deps.enrollments.cursor(
      p,
      allOf(
        { term: input.term, status: 'enrolled', stage: input.stage },
        input.townshipCode ? { townshipCode: input.townshipCode } : {},
      ),
      { sort: { _id: 1 } },
    );
    const totals = { created: 0, skipped: 0, amountFen: 0 };
    const actor = actorOf(p);
    let batch: Enrollment[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const keys = batch.map((e) => activeKeyOf(e.studentId, input.type, input.term));
      const paid = new Set(
        (
          await this.deps.payments.find(
            READ_IN_SCOPE,
            { activeKey: { $in: keys } },
            { projection: { activeKey: 1 } },
          )
        ).map((x) => x.activeKey),
      );
      const docs = batch
        .filter((e) => !paid.has(activeKeyOf(e.studentId, input.type, input.term)))
        .map((e) => this.paymentOf(e, input, amount, p.userId));
      totals.skipped += batch.length - docs.length;
      batch = [];
      if (!docs.length) return;
      const inserted = await this.insertIgnoringDuplicates(p, docs, actor);
      totals.created += inserted.length;
      totals.amountFen += inserted.reduce((n, d) => n + d.amountFen, 0);
      totals.skipped += docs.length - inserted.length;
      this.deps.eventsStored();
    };
    for await (const e of cursor) {
      batch.push(e);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return { ...totals, perStudentFen: amount.amountFen, standard: amount.standard };
  }

  /** Inserts payments; one paid meanwhile by another request is skipped, not doubled. */
  private async insertIgnoringDuplicates(
    p: Principal,
    docs: SubsidyPayment[],
    actor: Actor,
  ): Promise<SubsidyPayment[]> {
    try {
      await this.deps.payments.insertMany(
        p,
        docs.map((d) => withOutbox(d, [subsidyPaid(d, actor)])),
        { ordered: false },
      );
      return docs;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const stored = new Set(
        (
          await this.deps.payments.find(
            READ_IN_SCOPE,
            { _id: { $in: docs.map((d) => d._id) } },
            { projection: { _id: 1 } },
          )
        ).map((d) => d._id),
      );
      return docs.filter((d) => stored.has(d._id));
    }
  }

  async void(p: Principal, id: string, reason: string): Promise<PaymentView> {
    const x = await this.load(p, id);
    if (x.voided) {
      throw conflict(
        'SUPPORT_SUBSIDY_ALREADY_VOIDED',
        bi('该发放记录已作废', 'The payment is already voided'),
      );
    }
    const after: SubsidyPayment = {
      ...x,
      voided: true,
      voidReason: reason,
      activeKey: `void:${x._id}`,
    };
    const res = await this.deps.payments.updateOne(
      READ_IN_SCOPE,
      { _id: id, voided: false },
      outboxUpdate({ $set: { voided: true, voidReason: reason, activeKey: after.activeKey } }, [
        subsidyVoided(after, reason, actorOf(p)),
      ]),
    );
    if (res.modifiedCount === 0) {
      throw conflict(
        'SUPPORT_SUBSIDY_ALREADY_VOIDED',
        bi('该发放记录已作废', 'The payment is already voided'),
      );
    }
    this.deps.eventsStored();
    return paymentView(after);
  }

  /** A payment of the caller's area (404 when missing, 403 when another area's). */
  load(p: Principal, id: string): Promise<SubsidyPayment> {
    return this.deps.payments.getForChange(p, id, PAYMENT);
  }

  private filterOf(f: PaymentFilter): Filter {
    const and: Filter[] = [];
    if (f.term) and.push({ term: f.term });
    if (f.type) and.push({ type: f.type });
    if (f.stage) and.push({ stage: f.stage });
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.studentId) and.push({ studentId: f.studentId });
    if (f.personId) and.push({ personId: f.personId });
    if (f.voided !== undefined) and.push({ voided: f.voided });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<PaymentFilter>) {
    const { items, total } = await this.deps.payments.page(p, this.filterOf(q.filter), q, {
      outbox: 0,
    });
    return { items: items.map(paymentView), total };
  }

  cursor(p: Principal, f: PaymentFilter) {
    return this.deps.payments.cursor(p, this.filterOf(f), {
      projection: { outbox: 0 },
      sort: { term: 1, _id: 1 },
    });
  }

  /**
   * Payments that count (not voided) of a term, grouped by type, stage or township: how many
   * payments, how many different students, and the amount in fen.
   */
  async totals(
    p: Principal,
    q: { term: string; by: TotalsBy; type?: SubsidyType | undefined; stage?: string | undefined },
  ): Promise<{ term: string; by: TotalsBy; rows: TotalsRow[]; total: TotalsRow }> {
    const field = q.by === 'township' ? '$townshipCode' : `$${q.by}`;
    const match = allOf(
      { term: q.term, voided: false },
      q.type ? { type: q.type } : {},
      q.stage ? { stage: q.stage } : {},
    );
    const rows = await this.deps.payments.aggregate<{
      _id: { k: string; s: string };
      payments: number;
      amountFen: number;
    }>(p, [
      { $match: match },
      {
        $group: {
          _id: { k: field, s: '$studentId' },
          payments: { $sum: 1 },
          amountFen: { $sum: '$amountFen' },
        },
      },
    ]);
    const byKey = new Map<string, TotalsRow>();
    const total: TotalsRow = { key: 'total', payments: 0, students: 0, amountFen: 0 };
    const studentsSeen = new Set<string>();
    for (const r of rows) {
      const row = byKey.get(r._id.k) ?? { key: r._id.k, payments: 0, students: 0, amountFen: 0 };
      row.payments += r.payments;
      row.students += 1;
      row.amountFen += r.amountFen;
      byKey.set(r._id.k, row);
      total.payments += r.payments;
      total.amountFen += r.amountFen;
      studentsSeen.add(r._id.s);
    }
    total.students = studentsSeen.size;
    return {
      term: q.term,
      by: q.by,
      rows: [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key)),
      total,
    };
  }
}
