import { randomUUID } from 'node:crypto';
import {
  type AuditLog,
  areaWithin,
  bi,
  conflict,
  type ListQuery,
  type PersonalDataCipher,
  type Principal,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import {
  addDays,
  areaLevel,
  ComplaintSatisfaction,
  Department,
  labelOf,
  maskPhone,
  shanghaiDateOf,
} from '@fupin/reference';
import type { AreaNameModel } from '../indicators/fact.model';
import type { Complaint, ComplaintStep, ComplaintUnit, PersonalValue } from './complaint.model';
import {
  canReopen,
  countPerUnit,
  defaultDueOn,
  dueOnProblem,
  type ComplaintStep as Step,
  stateAfter,
  stepAllowed,
  type UnitComplaintCounts,
} from './complaint.rules';
import type {
  ComplaintAnswerInput,
  ComplaintAssignInput,
  ComplaintCreateInput,
  ComplaintFilter,
  ComplaintReopenInput,
} from './complaint.schemas';

const COMPLAINT = { what: bi('信访件', 'Complaint'), code: 'ASSESSMENT_COMPLAINT_NOT_FOUND' };
const PERSONAL_FIELDS = ['complainantName', 'complainantPhone'];

/** `?unmask=true&reason=…`: the complainant in clear, for a caller with the unmask right (audited). */
export interface UnmaskRequest {
  reason: string;
  requestId: string | null;
}

export type ComplaintView = Omit<
  Complaint,
  '_id' | 'complainantName' | 'complainantPhone' | 'unitId' | 'awaitingAnswer'
> & {
  id: string;
  complainantName: string | null;
  complainantPhone: string | null;
  /** Not answered and past the due day, today. */
  overdue: boolean;
  unmasked: boolean;
};

/** 张三 → 张*: enough to recognise, not to identify (as the registry masks a head's name). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * 涉贫信访 — complaints about poverty work: received, assigned to a unit with a due day,
 * answered, rated by the complainant, and reopened when unsatisfied. The complainant's name and
 * phone are sealed at rest and masked unless a caller with the unmask right gives a reason.
 */
export class ComplaintService {
  constructor(
    private readonly deps: {
      complaints: ScopedRepository<Complaint>;
      areas: AreaNameModel;
      cipher: PersonalDataCipher;
      audit: AuditLog;
      now: () => Date;
    },
  ) {}

  private today(): string {
    return shanghaiDateOf(this.deps.now());
  }

  private seal(value: string, mask: (v: string) => string): PersonalValue {
    return { ...this.deps.cipher.seal(value), masked: mask(value) };
  }

  view(c: Complaint, unmask: UnmaskRequest | null = null): ComplaintView {
    const { _id, complainantName, complainantPhone, unitId: _u, awaitingAnswer: _a, ...rest } = c;
    const show = (v: PersonalValue | null) =>
      v === null ? null : unmask ? this.deps.cipher.open(v) : v.masked;
    return {
      id: _id,
      ...rest,
      complainantName: show(complainantName),
      complainantPhone: show(complainantPhone),
      overdue: c.answer === null && this.today() > c.dueOn,
      unmasked: unmask !== null,
    };
  }

  /** The unit as the ranked units are named: a township's name, or a department's label. */
  async unitOf(unitId: string): Promise<ComplaintUnit> {
    const [kind, code = ''] = unitId.split(':');
    if (kind === 'department')
      return { id: unitId, name: labelOf(Department, code as Department, 'zh-CN') };
    const area = await this.deps.areas.findById(code).lean().exec();
    return { id: unitId, name: area?.name ?? code };
  }

  private step(p: Principal, action: ComplaintStep['action'], note: string | null = null) {
    return { at: this.deps.now(), action, byId: p.userId, byName: p.username, note };
  }

  private checkDue(from: string, dueOn: string): void {
    const problem = dueOnProblem(from, dueOn);
    if (problem === null) return;
    throw unprocessable(
      'ASSESSMENT_COMPLAINT_DUE_INVALID',
      problem === 'before_start'
        ? bi(`办理期限 ${dueOn} 早于 ${from}`, `The due day ${dueOn} is before ${from}`)
        : bi(
            `办理期限不得超过 60 日（信访条例），${from} 起最迟 ${dueOn}`,
            `The due day may be at most 60 days after ${from} (Regulations on Letters and Visits)`,
          ),
      [{ field: 'dueOn', code: problem, message: bi('办理期限不符合规定', 'due day not allowed') }],
    );
  }

  async create(p: Principal, input: ComplaintCreateInput): Promise<ComplaintView> {
    const level = areaLevel(input.areaCode);
    if (level !== 'township' && level !== 'village')
      throw unprocessable(
        'ASSESSMENT_COMPLAINT_AREA_LEVEL',
        bi('信访件须归属到乡镇或行政村', 'A complaint belongs to a township or a village'),
        [{ field: 'areaCode', code: 'level', message: bi('须为乡镇或村', 'township or village') }],
      );
    this.deps.complaints.assertWritable(p, input.areaCode);
    if (input.receivedOn > this.today())
      throw unprocessable(
        'ASSESSMENT_COMPLAINT_RECEIVED_FUTURE',
        bi('受理日期不能晚于今天', 'The day received cannot be in the future'),
        [{ field: 'receivedOn', code: 'future', message: bi('晚于今天', 'in the future') }],
      );
    const rule = defaultDueOn(input.receivedOn);
    const dueOn = input.dueOn ?? rule.dueOn;
    this.checkDue(input.receivedOn, dueOn);
    const unit = input.unitId ? await this.unitOf(input.unitId) : null;
    const now = this.deps.now();
    const id = randomUUID();
    const doc: Complaint = {
      _id: id,
      complaintNo: `XF${input.receivedOn.replaceAll('-', '')}-${id.slice(0, 6).toUpperCase()}`,
      receivedOn: input.receivedOn,
      channel: input.channel,
      complainantName: input.complainantName ? this.seal(input.complainantName, maskName) : null,
      complainantPhone: input.complainantPhone
        ? this.seal(input.complainantPhone, maskPhone)
        : null,
      areaCode: input.areaCode,
      subject: input.subject,
      text: input.text,
      householdId: input.householdId ?? null,
      status: unit ? 'in_progress' : 'pending',
      unit,
      unitId: unit?.id ?? null,
      dueOn,
      deadlineRule: rule.rule,
      answer: null,
      awaitingAnswer: true,
      satisfaction: null,
      rounds: [],
      steps: [
        this.step(p, 'create'),
        ...(unit ? [this.step(p, 'assign', `${unit.name}，${dueOn} 前答复`)] : []),
      ],
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await this.deps.complaints.create(p, doc);
    return this.view(doc);
  }

  async get(p: Principal, id: string, unmask: UnmaskRequest | null = null) {
    const c = await this.deps.complaints.get(p, id, COMPLAINT);
    if (unmask)
      await this.deps.audit.record(p, {
        action: 'unmask',
        subjectType: 'complaint',
        subjectIds: [c._id],
        fields: PERSONAL_FIELDS,
        reason: unmask.reason,
        requestId: unmask.requestId,
      });
    return this.view(c, unmask);
  }

  filterOf(f: ComplaintFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [];
    if (f.area) and.push(areaWithin(f.area, 'areaCode'));
    if (f.status?.length) and.push({ status: { $in: f.status } });
    if (f.channel?.length) and.push({ channel: { $in: f.channel } });
    if (f.subject?.length) and.push({ subject: { $in: f.subject } });
    if (f.unitId) and.push({ unitId: f.unitId });
    if (f.householdId) and.push({ householdId: f.householdId });
    if (f.id?.length) and.push({ _id: { $in: f.id } });
    if (f.overdue === true) and.push({ awaitingAnswer: true });
    return and.length ? { $and: and } : {};
  }

  /** A page; `overdue` is decided on the day over the complaints awaiting an answer. */
  async list(p: Principal, q: ListQuery<ComplaintFilter>) {
    const filter = this.filterOf(q.filter);
    const today = this.today();
    const { items, total } =
      q.filter.overdue === true
        ? await this.deps.complaints.pageDecided(p, filter, q, (c) => today > c.dueOn, {
            narrowBy: bi('按承办单位或地区', 'by unit or area'),
          })
        : await this.deps.complaints.page(p, filter, q);
    return { items: items.map((c) => this.view(c)), total };
  }

  /** Loads for a step: 404/403 as for any change, 409 on a stale revision or a wrong state. */
  private async forStep(p: Principal, id: string, step: Step, revision: number) {
    const c = await this.deps.complaints.getForChange(p, id, COMPLAINT);
    if (c.revision !== revision)
      throw conflict(
        'ASSESSMENT_COMPLAINT_REVISION_CONFLICT',
        bi(
          '信访件已被他人修改，请刷新后重试',
          'Changed by someone else meanwhile; reload and retry',
        ),
        { currentRevision: c.revision },
      );
    if (!stepAllowed(step, c.status))
      throw conflict(
        'ASSESSMENT_COMPLAINT_STATE',
        bi(`信访件当前状态不能${STEP_ZH[step]}`, `A complaint in state ${c.status} cannot ${step}`),
        { status: c.status },
      );
    return c;
  }

  private async write(p: Principal, c: Complaint, set: Partial<Complaint>, s: ComplaintStep) {
    const after = await this.deps.complaints.findOneAndUpdate(
      p,
      { _id: c._id, revision: c.revision },
      { $set: { ...set, updatedAt: this.deps.now() }, $inc: { revision: 1 }, $push: { steps: s } },
    );
    if (!after)
      throw conflict(
        'ASSESSMENT_COMPLAINT_REVISION_CONFLICT',
        bi(
          '信访件已被他人修改，请刷新后重试',
          'Changed by someone else meanwhile; reload and retry',
        ),
      );
    return this.view(after);
  }

  /** 交办 — to a unit with a due day (the rule's from receipt or the reopening, unless given). */
  async assign(p: Principal, id: string, input: ComplaintAssignInput) {
    const c = await this.forStep(p, id, 'assign', input.revision);
    const from = c.rounds.at(-1)?.reopenedOn ?? c.receivedOn;
    const dueOn = input.dueOn ?? c.dueOn;
    this.checkDue(from, dueOn);
    const unit = await this.unitOf(input.unitId);
    return this.write(
      p,
      c,
      { unit, unitId: unit.id, dueOn, status: stateAfter('assign') },
      this.step(p, 'assign', `${unit.name}，${dueOn} 前答复`),
    );
  }

  /** 答复 — the unit's answer; its day decides whether it came on time. */
  async answer(p: Principal, id: string, input: ComplaintAnswerInput) {
    const c = await this.forStep(p, id, 'answer', input.revision);
    const on = input.answeredOn ?? this.today();
    if (on > this.today() || on < c.receivedOn)
      throw unprocessable(
        'ASSESSMENT_COMPLAINT_ANSWER_DAY',
        bi('答复日期须在受理日期与今天之间', 'The answer day must be between receipt and today'),
        [{ field: 'answeredOn', code: 'range', message: bi('日期超出范围', 'out of range') }],
      );
    const answer = { text: input.text, on, byId: p.userId, byName: p.username };
    return this.write(
      p,
      c,
      { answer, awaitingAnswer: false, status: stateAfter('answer') },
      this.step(p, 'answer', on > c.dueOn ? `逾期答复（期限 ${c.dueOn}）` : null),
    );
  }

  /** 满意度 — the complainant's rating closes the round (已办结). */
  async rate(p: Principal, id: string, satisfaction: ComplaintSatisfaction, revision: number) {
    const c = await this.forStep(p, id, 'satisfaction', revision);
    return this.write(
      p,
      c,
      { satisfaction, status: stateAfter('satisfaction') },
      this.step(p, 'satisfaction', labelOf(ComplaintSatisfaction, satisfaction, 'zh-CN')),
    );
  }

  /** 重新办理 — an 不满意 round reopened with a new due day; the round before is kept. */
  async reopen(p: Principal, id: string, input: ComplaintReopenInput) {
    const c = await this.forStep(p, id, 'reopen', input.revision);
    if (!canReopen(c.satisfaction))
      throw conflict(
        'ASSESSMENT_COMPLAINT_NOT_UNSATISFIED',
        bi('只有不满意的信访件可以重新办理', 'Only an unsatisfied complaint can be reopened'),
        { satisfaction: c.satisfaction },
      );
    const today = this.today();
    const rule = defaultDueOn(today);
    const dueOn = input.dueOn ?? rule.dueOn;
    this.checkDue(today, dueOn);
    const round = {
      unit: c.unit,
      dueOn: c.dueOn,
      answer: c.answer,
      satisfaction: c.satisfaction,
      reopenedOn: today,
      reopenReason: input.reason,
    };
    return this.write(
      p,
      c,
      {
        rounds: [...c.rounds, round],
        dueOn,
        deadlineRule: rule.rule,
        answer: null,
        awaitingAnswer: true,
        satisfaction: null,
        status: stateAfter('reopen'),
      },
      this.step(p, 'reopen', input.reason),
    );
  }

  /**
   * 承办单位办理情况 — per assigned unit, the complaints received in a period: received,
   * answered, answered on time, overdue and the satisfaction rate (the current round of each).
   */
  async perUnit(
    p: Principal,
    period: { from?: string | undefined; to?: string | undefined },
  ): Promise<UnitComplaintCounts[]> {
    const today = this.today();
    const to = period.to ?? today;
    const from = period.from ?? `${to.slice(0, 4)}-01-01`;
    const rows = await this.deps.complaints.find(
      p,
      // $lt the next day: an inclusive upper bound loses its equal entries on the local engine.
      { receivedOn: { $gte: from, $lt: addDays(to, 1) } },
      { projection: { unitId: 1, unit: 1, dueOn: 1, answer: 1, satisfaction: 1 } },
    );
    return countPerUnit(
      rows.map((c) => ({
        unitId: c.unitId,
        unitName: c.unit?.name ?? null,
        dueOn: c.dueOn,
        answeredOn: c.answer?.on ?? null,
        satisfaction: c.satisfaction,
      })),
      today,
    );
  }
}

const STEP_ZH: Record<Step, string> = {
  assign: '交办',
  answer: '答复',
  satisfaction: '登记满意度',
  reopen: '重新办理',
};
