import { randomUUID } from 'node:crypto';
import {
  AppError,
  areaWithin,
  type AuditLog,
  bi,
  conflict,
  type ListQuery,
  allOf,
  type PersonalDataCipher,
  type Principal,
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  REGISTERED_HOUSEHOLDS,
  type ScopedRepository,
  unprocessable,
  isDuplicateKey,
} from '@fupin/kit';
import { maskPhone, shanghaiDateOf, townshipOf } from '@fupin/reference';
import { yuan } from '../shared/money';
import { historyEntry } from '../shared/principal';
import type { Unmask } from '../disbursements/disbursement.service';
import type { Loan, LoanKind, LoanStatus } from './loan.model';
import { applyRepayment, buildSchedule, firstUnpaid, owedFen, overdueOf } from './loan.schedule';

export type LoanInput = Pick<
  Loan,
  | 'contractNo'
  | 'kind'
  | 'householdId'
  | 'lender'
  | 'purpose'
  | 'principalFen'
  | 'termMonths'
  | 'intervalMonths'
  | 'annualRateBp'
  | 'discountBp'
  | 'repayment'
  | 'startOn'
> & {
  borrowerMemberId: string;
  guarantor: { name: string; phone?: string | null | undefined; role?: string | null | undefined };
};

export interface LoanFilter {
  kind?: LoanKind | undefined;
  status?: LoanStatus | undefined;
  householdId?: string | undefined;
  areaCode?: string | undefined;
  id?: string | string[] | undefined;
}

export type LoanView = Omit<Loan, '_id' | 'history' | 'guarantor'> & {
  id: string;
  guarantor: { name: string; phone: string | null; role: string | null };
  overdue: ReturnType<typeof overdueOf>;
};

const MISSING = { what: bi('贷款', 'Loan'), code: 'FUNDS_LOAN_NOT_FOUND' };

/** 扶贫小额信贷 and 党员脱贫工程 loans: contracts, schedules, repayments, overdue, write-off. */
export class LoanService {
  constructor(
    private readonly deps: {
      /** Loans, each in its household's area. */
      loans: ScopedRepository<Loan>;
      households: ProjectedHouseholdModel;
      cipher: PersonalDataCipher;
      audit: AuditLog;
      now: () => Date;
    },
  ) {}

  async create(p: Principal, input: LoanInput): Promise<LoanView> {
    const household = await this.deps.households
      .findOne({ _id: input.householdId, ...REGISTERED_HOUSEHOLDS })
      .lean<ProjectedHousehold>();
    if (!household) {
      throw unprocessable(
        'FUNDS_LOAN_HOUSEHOLD_NOT_REGISTERED',
        bi('贷款户不在建档立卡户库中', 'The household is not in the registry'),
        [
          {
            field: 'householdId',
            code: 'not_registered',
            message: bi('非建档立卡户', 'not registered'),
          },
        ],
      );
    }
    this.deps.loans.assertWritable(p, household.areaCode);
    const borrower = household.members.find(
      (m) => m.id === input.borrowerMemberId && m.status === 'active',
    );
    const errors = [];
    if (!borrower) {
      errors.push({
        field: 'borrowerMemberId',
        code: 'not_member',
        message: bi('借款人须为该户在册成员', 'the borrower must be an active member'),
      });
    }
    if (input.discountBp > input.annualRateBp) {
      errors.push({
        field: 'discountBp',
        code: 'above_rate',
        message: bi('贴息不能高于利率', 'the discount cannot exceed the rate'),
      });
    }
    if (input.startOn > shanghaiDateOf(this.deps.now())) {
      errors.push({
        field: 'startOn',
        code: 'in_future',
        message: bi('放款日期不能晚于今天', 'the start cannot be after today'),
      });
    }
    if (errors.length || !borrower) {
      throw unprocessable(
        'FUNDS_LOAN_INVALID',
        bi('贷款信息有误，请查看标出的字段', 'The loan is invalid; see the listed fields'),
        errors,
      );
    }
    const schedule = buildSchedule(input);
    const now = this.deps.now();
    const phone = input.guarantor.phone?.trim();
    const loan: Loan = {
      _id: randomUUID(),
      contractNo: input.contractNo,
      kind: input.kind,
      householdId: household._id,
      householdNo: household.householdNo,
      areaCode: household.areaCode,
      townshipCode: townshipOf(household.areaCode) ?? household.areaCode,
      borrower: { memberId: borrower.id, name: borrower.name },
      lender: input.lender,
      purpose: input.purpose,
      principalFen: input.principalFen,
      termMonths: input.termMonths,
      intervalMonths: input.intervalMonths,
      annualRateBp: input.annualRateBp,
      discountBp: input.discountBp,
      repayment: input.repayment,
      startOn: input.startOn,
      guarantor: {
        name: input.guarantor.name,
        phone: phone ? { ...this.deps.cipher.seal(phone), masked: maskPhone(phone) } : null,
        role: input.guarantor.role ?? null,
      },
      schedule,
      repayments: [],
      paidFen: 0,
      owedFen: owedFen(schedule),
      firstUnpaidDueOn: firstUnpaid(schedule)?.dueOn ?? null,
      status: 'active',
      writeOff: null,
      history: [historyEntry(p, now, 'register', { to: 'active' })],
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    try {
      await this.deps.loans.create(p, loan);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw conflict(
          'FUNDS_LOAN_CONTRACT_EXISTS',
          bi(
            `合同编号 ${input.contractNo} 已登记`,
            `Contract ${input.contractNo} is already recorded`,
          ),
        );
      }
      throw err;
    }
    return this.view(loan, null);
  }

  /** 还款 — applied to the installments in order; more than what is owed is refused. */
  async repay(
    p: Principal,
    id: string,
    input: { on: string; amountFen: number; note?: string | null | undefined },
  ): Promise<LoanView> {
    const loan = await this.load(p, id);
    this.assertActive(loan);
    const now = this.deps.now();
    if (input.on > shanghaiDateOf(now) || input.on < loan.startOn) {
      throw unprocessable('FUNDS_LOAN_INVALID', bi('还款日期有误', 'Invalid repayment date'), [
        {
          field: 'on',
          code: 'out_of_range',
          message: bi('须在放款日期与今天之间', 'between the start and today'),
        },
      ]);
    }
    const schedule = applyRepayment(loan.schedule, input.amountFen);
    if (!schedule) {
      throw unprocessable(
        'FUNDS_LOAN_OVERPAID',
        bi(
          `还款金额超过尚欠金额 ${yuan(loan.owedFen)} 元`,
          `The repayment is more than the ${yuan(loan.owedFen)} yuan still owed`,
        ),
        [{ field: 'amountFen', code: 'above_owed', message: bi('超过尚欠金额', 'above owed') }],
      );
    }
    const repayment = {
      id: randomUUID(),
      on: input.on,
      amountFen: input.amountFen,
      note: input.note ?? null,
      by: p.username,
    };
    const owed = owedFen(schedule);
    const status: LoanStatus = owed === 0 ? 'repaid' : 'active';
    const next: Loan = {
      ...loan,
      schedule,
      repayments: [...loan.repayments, repayment],
      paidFen: loan.paidFen + input.amountFen,
      owedFen: owed,
      firstUnpaidDueOn: firstUnpaid(schedule)?.dueOn ?? null,
      status,
      updatedAt: now,
      revision: loan.revision + 1,
    };
    await this.save(p, loan, next, {
      $push: {
        repayments: repayment,
        history: historyEntry(p, now, 'repay', { changed: ['schedule'] }),
      },
    });
    return this.view(next, null);
  }

  /** 核销 — written off after a disaster: the reason, the disaster and the document are kept. */
  async writeOff(
    p: Principal,
    id: string,
    input: { on: string; reason: string; disaster: string; documentNo?: string | null | undefined },
  ): Promise<LoanView> {
    const loan = await this.load(p, id);
    this.assertActive(loan);
    const now = this.deps.now();
    const writeOff = {
      on: input.on,
      reason: input.reason,
      disaster: input.disaster,
      documentNo: input.documentNo ?? null,
      amountFen: loan.owedFen,
      by: p.username,
      at: now,
    };
    const next: Loan = {
      ...loan,
      status: 'written_off',
      writeOff,
      firstUnpaidDueOn: null,
      updatedAt: now,
      revision: loan.revision + 1,
    };
    await this.save(p, loan, next, {
      $push: {
        history: historyEntry(p, now, 'write_off', {
          from: 'active',
          to: 'written_off',
          note: input.reason,
        }),
      },
    });
    return this.view(next, null);
  }

  async get(p: Principal, id: string, unmask: Unmask | null): Promise<LoanView> {
    const loan = await this.deps.loans.get(p, id, MISSING);
    if (unmask) {
      await this.deps.audit.record(p, {
        action: 'unmask',
        subjectType: 'loan',
        subjectIds: [loan._id],
        fields: ['guarantor.phone'],
        reason: unmask.reason,
        requestId: unmask.requestId,
      });
    }
    return this.view(loan, unmask);
  }

  async list(p: Principal, q: ListQuery<LoanFilter>) {
    return this.page(p, this.filterOf(q.filter), q);
  }

  /** 逾期 — active loans with an installment due before today and not fully paid. */
  async overdue(p: Principal, q: ListQuery<LoanFilter>) {
    const today = shanghaiDateOf(this.deps.now());
    const filter = allOf(this.filterOf(q.filter), {
      status: 'active',
      firstUnpaidDueOn: { $lt: today },
    });
    return this.page(p, filter, q);
  }

  private async page(p: Principal, filter: Record<string, unknown>, q: ListQuery<LoanFilter>) {
    const { items, total } = await this.deps.loans.page(p, filter, q, { history: 0 });
    return { items: items.map((l) => this.view(l, null)), total };
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  private filterOf(f: LoanFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [];
    if (f.kind) and.push({ kind: f.kind });
    if (f.status) and.push({ status: f.status });
    if (f.householdId) and.push({ householdId: f.householdId });
    if (f.areaCode) and.push(areaWithin(f.areaCode, 'areaCode'));
    if (f.id) and.push({ _id: Array.isArray(f.id) ? { $in: f.id } : f.id });
    return allOf(...and);
  }

  /** A loan to change: another area's is forbidden (403). */
  private load(p: Principal, id: string): Promise<Loan> {
    return this.deps.loans.getForChange(p, id, MISSING);
  }

  private assertActive(loan: Loan): void {
    if (loan.status !== 'active') {
      throw new AppError(
        409,
        'FUNDS_LOAN_CLOSED',
        bi('贷款已还清或已核销', 'The loan is repaid or written off'),
        { extra: { status: loan.status } },
      );
    }
  }

  private async save(
    p: Principal,
    current: Loan,
    next: Loan,
    extra: { $push: Record<string, unknown> },
  ) {
    const res = await this.deps.loans.updateOne(
      p,
      { _id: current._id, revision: current.revision },
      {
        $set: {
          schedule: next.schedule,
          paidFen: next.paidFen,
          owedFen: next.owedFen,
          firstUnpaidDueOn: next.firstUnpaidDueOn,
          status: next.status,
          writeOff: next.writeOff,
          updatedAt: next.updatedAt,
          revision: next.revision,
        },
        ...extra,
      },
    );
    if (res.matchedCount !== 1) {
      throw conflict(
        'FUNDS_LOAN_STALE',
        bi(
          '贷款已被他人修改，请刷新后重试',
          'The loan was changed by someone else; reload and retry',
        ),
      );
    }
  }

  private view(l: Loan, unmask: Unmask | null): LoanView {
    const { _id, history: _h, guarantor, ...rest } = l;
    const phone = guarantor.phone
      ? unmask
        ? this.deps.cipher.open(guarantor.phone)
        : guarantor.phone.masked
      : null;
    return {
      id: _id,
      ...rest,
      guarantor: { name: guarantor.name, phone, role: guarantor.role },
      overdue:
        l.status === 'active'
          ? overdueOf(l.schedule, shanghaiDateOf(this.deps.now()))
          : { overdueFen: 0, since: null, daysOverdue: 0 },
    };
  }
}
