import { randomUUID } from 'node:crypto';
import { findPage } from '../shared/page';
import {
  AppError,
  areaScopeFilter,
  areaWithin,
  assertInScope,
  type AuditLog,
  bi,
  type FieldError,
  type ListQuery,
  notFound,
  outboxUpdate,
  type PersonalDataCipher,
  type Principal,
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  REGISTERED_HOUSEHOLDS,
  unprocessable,
  withOutbox,
  actorOf,
} from '@fupin/kit';
import {
  type FundingSource,
  maskBankAccount,
  maskIdNumber,
  parseIdNumber,
  shanghaiDateOf,
} from '@fupin/reference';
import type { FileService } from '../files/file.service';
import type { FindingService } from '../findings/finding.service';
import type { MisuseDetector } from '../findings/misuse.detector';
import type { ProjectLedger } from '../projects/project.ledger';
import type { Project, ProjectModel } from '../projects/project.model';
import { sumFen, yuan } from '../shared/money';
import { historyEntry, type HistoryEntry } from '../shared/principal';
import {
  disbursementApproved,
  disbursementRejected,
  disbursementSubmitted,
} from './disbursement.events';
import type {
  Disbursement,
  DisbursementModel,
  DisbursementStatus,
  PayeeKind,
  PayeeLine,
  Sealed,
} from './disbursement.model';

export interface DisbursementInput {
  projectId: string;
  source: FundingSource;
  amountFen: number;
  purpose: string;
  payeeKind: PayeeKind;
  payee?: { name: string; bankAccount?: string | null | undefined } | undefined;
  payees?:
    | {
        householdId?: string | undefined;
        name: string;
        idNumber?: string | undefined;
        amountFen: number;
      }[]
    | undefined;
  voucherFileIds: string[];
}

export interface DisbursementFilter {
  projectId?: string | undefined;
  status?: DisbursementStatus | undefined;
  source?: FundingSource | undefined;
  areaCode?: string | undefined;
  payeeKind?: PayeeKind | undefined;
  id?: string | string[] | undefined;
}

/** `?unmask=true&reason=…`: personal data in clear, for callers with the unmask right. */
export interface Unmask {
  reason: string;
  requestId: string | null;
}

export type DisbursementView = Omit<
  Disbursement,
  '_id' | 'outbox' | 'hasOutbox' | 'outboxLease' | 'payee' | 'payees' | 'history'
> & {
  id: string;
  payee: { name: string; bankAccount: string | null } | null;
  payees: (Omit<PayeeLine, 'idNumber'> & { idNumber: string | null })[];
};

const DISBURSEMENT = bi('拨付', 'Disbursement');
const PAYABLE: Project['status'][] = ['approved', 'in_progress', 'completed', 'accepted'];
/** Holds without their payment document are given back after this long (a crash in between). */
const ORPHAN_HOLD_MS = 60 * 60 * 1000;
const SYSTEM = { kind: 'system' as const, id: 'funds-reconcile' };

/**
 * 拨付 under the reimbursement rule (报账制): a payment is submitted with its vouchers and
 * reserves its amount on the project (refused, with nothing written to the ledger, when it
 * would exceed what the project has from that source); a second person approves it
 * (four-eyes) and only then is it disbursed. Misuse signals found on the way are stored as
 * findings and hold the payment back until resolved.
 */
export class DisbursementService {
  constructor(
    private readonly deps: {
      disbursements: DisbursementModel;
      projects: ProjectModel;
      households: ProjectedHouseholdModel;
      ledger: ProjectLedger;
      files: FileService;
      findings: FindingService;
      detector: MisuseDetector;
      cipher: PersonalDataCipher;
      audit: AuditLog;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  async submit(p: Principal, input: DisbursementInput): Promise<DisbursementView> {
    const project = await this.project(p, input.projectId);
    const errors: FieldError[] = [];
    if (!PAYABLE.includes(project.status)) {
      errors.push({
        field: 'projectId',
        code: 'not_in_library',
        message: bi('项目尚未审批入库，不能拨付', 'the project is not approved yet'),
      });
    }
    const { payee, payees } = await this.payeesOf(input, errors);
    if (errors.length) throw invalid(errors);
    const vouchers = await this.deps.files.resolve(p, input.voucherFileIds, 'voucherFileIds');

    const id = randomUUID();
    const hold = {
      disbursementId: id,
      source: input.source,
      amountFen: input.amountFen,
      at: this.deps.now(),
    };
    if (!(await this.deps.ledger.reserve(project._id, hold))) {
      throw await this.overAllocation(p, project, input);
    }
    const now = this.deps.now();
    const doc: Disbursement = {
      _id: id,
      projectId: project._id,
      projectCode: project.code,
      projectName: project.name,
      areaCode: project.areaCode,
      townshipCode: project.townshipCode,
      source: input.source,
      amountFen: input.amountFen,
      purpose: input.purpose,
      payeeKind: input.payeeKind,
      payee,
      payees,
      vouchers,
      status: 'submitted',
      submittedBy: { id: p.userId, name: p.username },
      submittedAt: now,
      decidedBy: null,
      decidedAt: null,
      paidOn: null,
      rejectionReason: null,
      findingIds: [],
      history: [historyEntry(p, now, 'submit', { to: 'submitted' })],
      revision: 1,
    };
    try {
      await this.deps.disbursements.create(
        withOutbox(doc, [disbursementSubmitted(doc, actorOf(p), now)]),
      );
    } catch (err) {
      await this.deps.ledger.release(project._id, hold);
      throw err;
    }
    this.deps.eventsStored();
    await this.deps.files.link(
      vouchers.map((v) => v.fileId),
      project.areaCode,
    );
    doc.findingIds = await this.flag(doc, project);
    return this.view(doc, null);
  }

  /** The second signature: another person with the approve right; then the money is paid. */
  async approve(
    p: Principal,
    id: string,
    input: { paidOn?: string | undefined },
  ): Promise<DisbursementView> {
    const d = await this.load(p, id);
    this.assertDecidable(p, d, true);
    const project = await this.deps.projects
      .findById(d.projectId, { contractor: 1 })
      .lean<Project>();
    await this.flag(d, project ?? { contractor: null });
    const open = await this.deps.findings.openFor(d._id);
    if (open.length) {
      throw new AppError(
        409,
        'FUNDS_DISBURSEMENT_HAS_OPEN_FINDINGS',
        bi(
          `该笔拨付有 ${open.length} 条未核实的问题线索，核实后才能审批`,
          `The payment has ${open.length} open findings; resolve them before approving`,
        ),
        { extra: { findingIds: open.map((f) => f.id) } },
      );
    }
    const now = this.deps.now();
    const today = shanghaiDateOf(now);
    const paidOn = input.paidOn ?? today;
    if (paidOn > today || paidOn < shanghaiDateOf(d.submittedAt)) {
      throw invalid([
        {
          field: 'paidOn',
          code: 'out_of_range',
          message: bi('拨付日期须在报账日期与今天之间', 'between the submission day and today'),
        },
      ]);
    }
    const next: Disbursement = {
      ...d,
      status: 'approved',
      decidedBy: { id: p.userId, name: p.username },
      decidedAt: now,
      paidOn,
      revision: d.revision + 1,
    };
    await this.decide(
      p,
      d,
      next,
      historyEntry(p, now, 'approve', { from: d.status, to: 'approved' }),
      [disbursementApproved(next, actorOf(p), now)],
    );
    await this.deps.ledger.settle(d.projectId, holdOf(d), actorOf(p));
    return this.view(next, null);
  }

  /** Refuses a submitted payment; its reservation goes back to the project. */
  async reject(p: Principal, id: string, input: { reason: string }): Promise<DisbursementView> {
    const d = await this.load(p, id);
    this.assertDecidable(p, d, false);
    const now = this.deps.now();
    const next: Disbursement = {
      ...d,
      status: 'rejected',
      decidedBy: { id: p.userId, name: p.username },
      decidedAt: now,
      rejectionReason: input.reason,
      revision: d.revision + 1,
    };
    await this.decide(
      p,
      d,
      next,
      historyEntry(p, now, 'reject', { from: d.status, to: 'rejected', note: input.reason }),
      [disbursementRejected(next, input.reason, actorOf(p), now)],
    );
    await this.deps.ledger.release(d.projectId, holdOf(d));
    return this.view(next, null);
  }

  async get(p: Principal, id: string, unmask: Unmask | null): Promise<DisbursementView> {
    const d = await this.load(p, id);
    if (unmask) await this.audited(p, [d], unmask);
    return this.view(d, unmask);
  }

  async history(p: Principal, id: string): Promise<HistoryEntry[]> {
    return (await this.load(p, id)).history;
  }

  async list(p: Principal, q: ListQuery<DisbursementFilter>) {
    const filter = this.filterOf(p, q.filter);
    const { items, total } = await findPage(this.deps.disbursements, filter, q, {
      history: 0,
      outbox: 0,
    });
    return { items: items.map((d) => this.view(d, null)), total };
  }

  filterOf(p: Principal, f: DisbursementFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [areaScopeFilter(p)];
    if (f.projectId) and.push({ projectId: f.projectId });
    if (f.status) and.push({ status: f.status });
    if (f.source) and.push({ source: f.source });
    if (f.payeeKind) and.push({ payeeKind: f.payeeKind });
    if (f.areaCode) and.push(areaWithin(f.areaCode, 'areaCode'));
    if (f.id) and.push({ _id: Array.isArray(f.id) ? { $in: f.id } : f.id });
    return { $and: and };
  }

  /** Streams the payments of a filter (for exports), oldest first. */
  cursor(p: Principal, f: DisbursementFilter) {
    return this.deps.disbursements
      .find(this.filterOf(p, f), { history: 0, outbox: 0 })
      .sort({ submittedAt: 1, _id: 1 })
      .lean<Disbursement[]>()
      .cursor();
  }

  /** Writes the audit entry for personal data about to be shown or handed out in clear. */
  async audited(
    p: Principal,
    items: Disbursement[],
    unmask: Unmask,
    action: 'unmask' | 'export' = 'unmask',
  ) {
    await this.deps.audit.record(p, {
      action,
      subjectType: 'disbursement',
      subjectIds: items.map((d) => d._id),
      fields: ['payees.idNumber', 'payee.bankAccount'],
      reason: unmask.reason,
      requestId: unmask.requestId,
    });
  }

  view(d: Disbursement, unmask: Unmask | null): DisbursementView {
    const {
      _id,
      outbox: _o,
      hasOutbox: _ho,
      outboxLease: _ol,
      history: _h,
      payee,
      payees,
      ...rest
    } = d;
    const show = (s: Sealed | null) =>
      s === null ? null : unmask ? this.deps.cipher.open(s) : s.masked;
    return {
      id: _id,
      ...rest,
      payee: payee ? { name: payee.name, bankAccount: show(payee.bankAccount) } : null,
      payees: payees.map((x) => ({ ...x, idNumber: show(x.idNumber) })),
    };
  }

  /**
   * Repairs what a crash between two writes can leave: holds whose payment was decided (or
   * never stored) are settled or given back. The daily job runs it.
   */
  async reconcileHolds(): Promise<number> {
    const projects = await this.deps.projects
      .find({ 'holds.0': { $exists: true } }, { holds: 1 })
      .lean<Pick<Project, '_id' | 'holds'>[]>();
    let repaired = 0;
    for (const project of projects) {
      for (const hold of project.holds) {
        const d = await this.deps.disbursements
          .findById(hold.disbursementId, { status: 1, submittedAt: 1 })
          .lean<Pick<Disbursement, 'status' | 'submittedAt'>>();
        if (d?.status === 'approved') await this.deps.ledger.settle(project._id, hold, SYSTEM);
        else if (d?.status === 'rejected') await this.deps.ledger.release(project._id, hold);
        else if (!d && this.deps.now().getTime() - new Date(hold.at).getTime() > ORPHAN_HOLD_MS)
          await this.deps.ledger.release(project._id, hold);
        else continue;
        repaired++;
      }
    }
    return repaired;
  }

  private async load(p: Principal, id: string): Promise<Disbursement> {
    const d = await this.deps.disbursements.findById(id, { outbox: 0 }).lean<Disbursement>();
    if (!d) throw notFound(DISBURSEMENT, 'FUNDS_DISBURSEMENT_NOT_FOUND');
    assertInScope(p, d.areaCode);
    return d;
  }

  private async project(p: Principal, id: string): Promise<Project> {
    const project = await this.deps.projects
      .findById(id, { outbox: 0, history: 0 })
      .lean<Project>();
    if (!project) {
      throw invalid([
        { field: 'projectId', code: 'unknown', message: bi('项目不存在', 'no such project') },
      ]);
    }
    assertInScope(p, project.areaCode);
    return project;
  }

  private assertDecidable(p: Principal, d: Disbursement, approving: boolean): void {
    if (d.status !== 'submitted') {
      throw new AppError(
        409,
        'FUNDS_DISBURSEMENT_DECIDED',
        bi('该笔拨付已审批或已退回', 'The payment has already been decided'),
        { extra: { status: d.status } },
      );
    }
    if (approving && d.submittedBy.id === p.userId) throw fourEyes();
  }

  private async decide(
    p: Principal,
    d: Disbursement,
    next: Disbursement,
    entry: HistoryEntry,
    events: Parameters<typeof outboxUpdate>[1],
  ): Promise<void> {
    const res = await this.deps.disbursements.updateOne(
      {
        _id: d._id,
        status: 'submitted',
        ...(next.status === 'approved' ? { 'submittedBy.id': { $ne: p.userId } } : {}),
      },
      outboxUpdate(
        {
          $set: {
            status: next.status,
            decidedBy: next.decidedBy,
            decidedAt: next.decidedAt,
            paidOn: next.paidOn,
            rejectionReason: next.rejectionReason,
            revision: next.revision,
          },
          $push: { history: entry },
        },
        events,
      ),
    );
    if (res.matchedCount !== 1) {
      throw new AppError(
        409,
        'FUNDS_DISBURSEMENT_DECIDED',
        bi('该笔拨付已审批或已退回', 'The payment has already been decided'),
      );
    }
    this.deps.eventsStored();
  }

  /** Runs the misuse checks and ties the findings to the payment. */
  private async flag(d: Disbursement, project: Pick<Project, 'contractor'>): Promise<string[]> {
    const ids = await this.deps.detector.detect(d, project);
    if (ids.length) {
      await this.deps.disbursements.updateOne(
        { _id: d._id },
        { $addToSet: { findingIds: { $each: ids } } },
      );
    }
    return [...new Set([...d.findingIds, ...ids])];
  }

  /**
   * The refusal of a payment above what the project has: nothing is written to the ledger or
   * the payments, but the attempt itself is kept as a finding (a misuse signal).
   */
  private async overAllocation(p: Principal, project: Project, input: DisbursementInput) {
    const fresh = (await this.deps.projects
      .findById(project._id, { funding: 1, money: 1 })
      .lean<Pick<Project, 'funding' | 'money'>>())!;
    const money = fresh.funding[input.source];
    const findingId = await this.deps.findings.record({
      key: `over_allocation_attempt:${randomUUID()}`,
      kind: 'over_allocation_attempt',
      areaCode: project.areaCode,
      projectId: project._id,
      projectCode: project.code,
      disbursementId: null,
      amountFen: input.amountFen,
      subjectUserId: p.userId,
      summary: bi(
        `申请拨付 ${yuan(input.amountFen)} 元，超过项目该来源可用资金 ${yuan(money.availableFen)} 元`,
        `A payment of ${yuan(input.amountFen)} yuan was attempted with ${yuan(money.availableFen)} yuan available`,
      ),
      evidence: {
        source: input.source,
        requestedFen: input.amountFen,
        availableFen: money.availableFen,
        allocatedFen: money.allocatedFen,
        reservedFen: money.reservedFen,
        disbursedFen: money.disbursedFen,
        purpose: input.purpose,
        submittedBy: { id: p.userId, name: p.username },
      },
    });
    return new AppError(
      422,
      'FUNDS_DISBURSEMENT_OVER_ALLOCATION',
      bi(
        `拨付金额超过项目该资金来源的可用余额（可用 ${yuan(money.availableFen)} 元），不予拨付`,
        `The payment exceeds what the project has available from this source (${yuan(money.availableFen)} yuan); refused`,
      ),
      {
        errors: [
          {
            field: 'amountFen',
            code: 'above_allocation',
            message: bi('超过可用余额', 'above the available balance'),
          },
        ],
        extra: { availableFen: money.availableFen, requestedFen: input.amountFen, findingId },
      },
    );
  }

  private async payeesOf(
    input: DisbursementInput,
    errors: FieldError[],
  ): Promise<{ payee: Disbursement['payee']; payees: PayeeLine[] }> {
    if (input.payeeKind !== 'households') {
      if (!input.payee) {
        errors.push({
          field: 'payee',
          code: 'required',
          message: bi('请填写收款单位', 'the payee is required'),
        });
        return { payee: null, payees: [] };
      }
      const account = input.payee.bankAccount?.trim();
      return {
        payee: {
          name: input.payee.name.trim(),
          bankAccount: account ? this.seal(account, maskBankAccount(account)) : null,
        },
        payees: [],
      };
    }
    const lines = input.payees ?? [];
    if (lines.length === 0) {
      errors.push({
        field: 'payees',
        code: 'required',
        message: bi('请填写发放名单', 'the payment list is required'),
      });
    } else if (sumFen(lines.map((l) => l.amountFen)) !== input.amountFen) {
      errors.push({
        field: 'payees',
        code: 'sum_mismatch',
        message: bi('发放名单金额合计与拨付金额不符', 'the list does not add up to the amount'),
      });
    }
    const out: PayeeLine[] = [];
    for (const [i, line] of lines.entries()) {
      let idNumber: Sealed | null = null;
      let hash: string | null = null;
      if (line.idNumber) {
        const parsed = parseIdNumber(line.idNumber);
        if (!parsed.ok) {
          errors.push({
            field: `payees.${i}.idNumber`,
            code: parsed.code,
            message: bi(parsed.reason.zh, parsed.reason.en),
          });
          continue;
        }
        idNumber = this.seal(parsed.value, maskIdNumber(parsed.value));
        hash = idNumber.hash;
      } else if (!line.householdId) {
        errors.push({
          field: `payees.${i}`,
          code: 'required',
          message: bi('须填写身份证号或户编号', 'an ID number or a household id is required'),
        });
        continue;
      }
      const household = await this.registered(line.householdId, hash);
      out.push({
        householdId: household?._id ?? line.householdId ?? null,
        name: line.name.trim(),
        idNumber,
        amountFen: line.amountFen,
        registered: household !== null,
      });
    }
    return { payee: null, payees: out };
  }

  /** The registered household (in the registry projection) of a payee, or null. */
  private async registered(
    householdId: string | undefined,
    idHash: string | null,
  ): Promise<Pick<ProjectedHousehold, '_id'> | null> {
    const where: Record<string, unknown> = {
      ...REGISTERED_HOUSEHOLDS,
      status: { $ne: 'cancelled' },
    };
    if (householdId) where._id = householdId;
    if (idHash) where['members.idHash'] = idHash;
    const h = await this.deps.households
      .findOne(where, { members: 1 })
      .lean<Pick<ProjectedHousehold, '_id' | 'members'>>();
    if (!h) return null;
    if (idHash && !h.members.some((m) => m.idHash === idHash && m.status === 'active')) return null;
    return { _id: h._id };
  }

  private seal(value: string, masked: string): Sealed {
    return { ...this.deps.cipher.seal(value), masked };
  }
}

function holdOf(d: Disbursement) {
  return { disbursementId: d._id, source: d.source, amountFen: d.amountFen, at: d.submittedAt };
}

function fourEyes(): AppError {
  return new AppError(
    403,
    'FUNDS_FOUR_EYES',
    bi(
      '经办人不能审批自己提交的拨付，须由另一名有审批权限的人员审批',
      'The person who submitted a payment cannot approve it; another approver must',
    ),
  );
}

function invalid(errors: FieldError[]): AppError {
  return unprocessable(
    'FUNDS_DISBURSEMENT_INVALID',
    bi('拨付信息有误，请查看标出的字段', 'The payment is invalid; see the listed fields'),
    errors,
  );
}
