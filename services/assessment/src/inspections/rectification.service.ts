import { randomUUID } from 'node:crypto';
import {
  AppError,
  allOf,
  areaWithin,
  bi,
  conflict,
  type FieldError,
  type ListQuery,
  type Principal,
  READ_IN_SCOPE,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { Department, labelOf, shanghaiDateOf, townshipOf } from '@fupin/reference';
import { historyEntry, type InspectionFiles } from './inspection-files';
import type {
  Inspection,
  Rectification,
  RectificationStatus,
  ResponsibleUnit,
} from './inspection.model';
import type {
  EvidenceInput,
  RectificationFilter,
  RectificationInput,
  ReviewInput,
} from './inspection.schemas';
import type { InspectionService } from './inspection.service';
import {
  countsByUnit,
  isOverdue,
  mayReview,
  nextStatus,
  periodDays,
  quarterOf,
  type RectificationStep,
} from './rectification.rules';

const NOT_FOUND = {
  what: bi('整改通知', 'Rectification order'),
  code: 'ASSESSMENT_RECTIFICATION_NOT_FOUND',
};
const OPEN: RectificationStatus[] = ['rectifying', 'awaiting_review', 'returned'];

export type RectificationView = Omit<Rectification, '_id'> & { id: string; overdue: boolean };

const invalid = (errors: FieldError[]) =>
  unprocessable(
    'ASSESSMENT_RECTIFICATION_INVALID',
    bi('整改通知有误，请查看标出的字段', 'The rectification order is invalid; see the fields'),
    errors,
  );

function fourEyes(): AppError {
  return new AppError(
    403,
    'ASSESSMENT_RECTIFICATION_FOUR_EYES',
    bi(
      '提交整改材料的人不能复核自己的材料，须由另一人复核销号',
      'The person who submitted the evidence cannot review it; another person must',
    ),
  );
}

function stepRefused(step: RectificationStep, status: RectificationStatus): AppError {
  return conflict(
    'ASSESSMENT_RECTIFICATION_STEP_NOT_ALLOWED',
    step === 'submit'
      ? bi('整改通知已提交待复核或已销号，不能再提交材料', 'The order awaits review or is closed')
      : bi('整改通知不在待复核状态，不能复核', 'The order is not awaiting review'),
    { status },
  );
}

/** The days an order may carry: issued by today, not before the inspection; due after issue. */
function dayErrors(inspection: Inspection, issuedOn: string, deadline: string, today: string) {
  const errors: FieldError[] = [];
  if (issuedOn > today || issuedOn < inspection.inspectedOn) {
    errors.push({
      field: 'issuedOn',
      code: 'out_of_range',
      message: bi('下发日期须在督查日期与今天之间', 'between the inspection day and today'),
    });
  }
  if (deadline < issuedOn) {
    errors.push({
      field: 'deadline',
      code: 'before_issue',
      message: bi('整改时限不能早于下发日期', 'the deadline cannot be before the issue day'),
    });
  }
  return errors;
}

/**
 * 整改通知 — opened from an inspection's finding for a responsible unit with a deadline; the
 * unit sends evidence, another person closes it (销号) or sends it back (退回).
 */
export class RectificationService {
  constructor(
    private readonly deps: {
      rectifications: ScopedRepository<Rectification>;
      inspections: InspectionService;
      files: InspectionFiles;
      /** An area's name as the registry gives it, when known. */
      areaName: (code: string) => Promise<string | null>;
      now: () => Date;
    },
  ) {}

  private today() {
    return shanghaiDateOf(this.deps.now());
  }

  private view = ({ _id, ...rest }: Rectification): RectificationView => ({
    id: _id,
    ...rest,
    overdue: isOverdue(rest, this.today()),
  });

  private async unitOf(input: RectificationInput, inspection: Inspection) {
    if (input.unit.kind === 'department') {
      const code = input.unit.code;
      return { kind: 'department', code, name: labelOf(Department, code, 'zh-CN') } as const;
    }
    if (input.unit.code !== inspection.townshipCode) {
      throw invalid([
        {
          field: 'unit.code',
          code: 'not_the_township',
          message: bi('责任乡镇须为督查地点所在乡镇', "the township must be the inspected area's"),
        },
      ]);
    }
    const name = (await this.deps.areaName(input.unit.code)) ?? input.unit.code;
    return { kind: 'township', code: input.unit.code, name } as const;
  }

  async create(p: Principal, input: RectificationInput): Promise<RectificationView> {
    const inspection = await this.deps.inspections.load(p, input.inspectionId);
    this.deps.rectifications.assertWritable(p, inspection.areaCode);
    const finding = inspection.findings.find((f) => f.id === input.findingId);
    if (!finding) {
      throw invalid([
        {
          field: 'findingId',
          code: 'unknown_finding',
          message: bi('该督查记录中没有这个问题', 'no such finding in the inspection'),
        },
      ]);
    }
    if (finding.rectificationId) throw alreadyOpened(finding.rectificationId);
    const today = this.today();
    const issuedOn = input.issuedOn ?? today;
    const errors = dayErrors(inspection, issuedOn, input.deadline, today);
    if (errors.length) throw invalid(errors);
    const unit: ResponsibleUnit = await this.unitOf(input, inspection);
    const now = this.deps.now();
    const doc: Rectification = {
      _id: randomUUID(),
      inspectionId: inspection._id,
      findingId: finding.id,
      check: finding.check,
      severity: finding.severity,
      findingText: finding.text,
      householdId: finding.householdId,
      areaCode: inspection.areaCode,
      townshipCode: townshipOf(inspection.areaCode)!,
      unit,
      unitId: `${unit.kind}:${unit.code}`,
      requirement: input.requirement,
      issuedOn,
      deadline: input.deadline,
      status: 'rectifying',
      submissions: [],
      reviews: [],
      closedOn: null,
      revision: 1,
      createdBy: { id: p.userId, name: p.username },
      createdAt: now,
      updatedAt: now,
      history: [historyEntry(p, now, 'opened', { to: 'rectifying', note: input.deadline })],
    };
    try {
      await this.deps.rectifications.create(p, doc);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw alreadyOpened(null);
      throw err;
    }
    await this.deps.inspections.noteRectification(p, inspection._id, finding.id, doc._id);
    return this.view(doc);
  }

  async get(p: Principal, id: string): Promise<RectificationView> {
    return this.view(await this.deps.rectifications.get(p, id, NOT_FOUND));
  }

  /** 提交整改材料 — the unit's account and files; the order then awaits review. */
  async submit(p: Principal, id: string, input: EvidenceInput): Promise<RectificationView> {
    const cur = await this.deps.rectifications.getForChange(p, id, NOT_FOUND);
    if (input.revision !== undefined && input.revision !== cur.revision) throw stale(cur);
    const to = nextStatus(cur.status, 'submit');
    if (!to) throw stepRefused('submit', cur.status);
    const files = await this.deps.files.resolve(p, input.fileIds, 'fileIds');
    const now = this.deps.now();
    const submission = {
      id: randomUUID(),
      text: input.text,
      files,
      submittedBy: { id: p.userId, name: p.username },
      submittedAt: now,
      submittedOn: shanghaiDateOf(now),
    };
    await this.change(cur, {
      $set: { status: to, revision: cur.revision + 1, updatedAt: now },
      $push: {
        submissions: submission,
        history: historyEntry(p, now, 'evidence_submitted', { from: cur.status, to }),
      },
    });
    await this.deps.files.link(
      files.map((f) => f.fileId),
      cur.areaCode,
    );
    return this.get(p, id);
  }

  /** 复核 — closes (销号) or sends back (退回) the latest evidence; never by its sender. */
  async review(p: Principal, id: string, input: ReviewInput): Promise<RectificationView> {
    const cur = await this.deps.rectifications.getForChange(p, id, NOT_FOUND);
    if (input.revision !== undefined && input.revision !== cur.revision) throw stale(cur);
    const to = nextStatus(cur.status, input.decision);
    if (!to) throw stepRefused(input.decision, cur.status);
    const last = cur.submissions[cur.submissions.length - 1];
    if (!mayReview(last?.submittedBy, { id: p.userId })) throw fourEyes();
    if (input.decision === 'return' && !input.note?.trim()) {
      throw invalid([
        {
          field: 'note',
          code: 'required',
          message: bi('退回须说明原因', 'say why the evidence is sent back'),
        },
      ]);
    }
    const now = this.deps.now();
    const today = shanghaiDateOf(now);
    const review = {
      decision: input.decision,
      note: input.note ?? null,
      reviewedBy: { id: p.userId, name: p.username },
      reviewedAt: now,
      reviewedOn: today,
    };
    await this.change(cur, {
      $set: {
        status: to,
        closedOn: to === 'closed' ? today : null,
        revision: cur.revision + 1,
        updatedAt: now,
      },
      $push: {
        reviews: review,
        history: historyEntry(p, now, input.decision === 'close' ? 'closed' : 'returned', {
          from: cur.status,
          to,
          note: input.note ?? null,
        }),
      },
    });
    return this.get(p, id);
  }

  /** One conditional write: the order as it was read, or 409 when another write came first. */
  private async change(cur: Rectification, update: Record<string, unknown>) {
    const res = await this.deps.rectifications.updateOne(
      READ_IN_SCOPE,
      { _id: cur._id, status: cur.status, revision: cur.revision },
      update,
    );
    if (res.modifiedCount !== 1) throw stale(cur);
  }

  async list(p: Principal, q: ListQuery<RectificationFilter>) {
    const f = q.filter;
    const filter = allOf(
      f.status ? { status: f.status } : {},
      f.unitId ? { unitId: f.unitId } : {},
      f.inspectionId ? { inspectionId: f.inspectionId } : {},
      f.areaCode ? areaWithin(f.areaCode, 'areaCode') : {},
    );
    if (f.overdue !== true) {
      const { items, total } = await this.deps.rectifications.page(p, filter, q, { history: 0 });
      return { items: items.map(this.view), total };
    }
    // Overdue is decided on the day over the open orders, each open state read through
    // { status, areaCode } (an equality and the scope's range).
    const today = this.today();
    const states = OPEN.filter((s) => !f.status || s === f.status);
    const { items, total } = await this.deps.rectifications.pageDecided(
      p,
      states.map((status) => allOf(filter, { status })),
      q,
      (r) => today > r.deadline,
      { narrowBy: bi('按责任单位或地区', 'by unit or area'), projection: { history: 0 } },
    );
    return { items: items.map(this.view), total };
  }

  /**
   * 整改情况 by unit for a period (`2026-Q2` by default the current quarter): open, overdue,
   * closed on time and late — measured as of the period's last day, or today while it runs.
   */
  async countsByUnit(p: Principal, period?: string) {
    const today = this.today();
    const name = period ?? quarterOf(today);
    const days = periodDays(name)!;
    const asOf = days.to < today ? days.to : today;
    const orders = this.deps.rectifications.cursor(
      p,
      {},
      { projection: { unitId: 1, unit: 1, issuedOn: 1, deadline: 1, closedOn: 1 } },
    );
    const all = [];
    for await (const o of orders) all.push(o);
    return { period: name, ...days, asOf, units: countsByUnit(all, days, asOf) };
  }
}

function alreadyOpened(rectificationId: string | null) {
  return conflict(
    'ASSESSMENT_FINDING_ALREADY_RECTIFYING',
    bi('该问题已下发整改通知', 'A rectification order was already opened for this finding'),
    { rectificationId },
  );
}

function stale(cur: Rectification) {
  return conflict(
    'ASSESSMENT_RECTIFICATION_STALE',
    bi('整改通知已被他人处理，请刷新后重试', 'The order was changed by someone else; reload'),
    { currentRevision: cur.revision, status: cur.status },
  );
}
