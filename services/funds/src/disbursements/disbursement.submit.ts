import { randomUUID } from 'node:crypto';
import { actorOf, AppError, bi, type FieldError, type Principal, withOutbox } from '@fupin/kit';
import type { FundingSource } from '@fupin/reference';
import type { Project } from '../projects/project.model';
import { yuan } from '../shared/money';
import { historyEntry } from '../shared/principal';
import { type DisbursementDeps, flagMisuse, invalid } from './disbursement.deps';
import { disbursementSubmitted } from './disbursement.events';
import { reserveWithinProgress } from './disbursement.progress';
import type { Disbursement, PayeeKind } from './disbursement.model';
import { payeesOf } from './disbursement.payees';
import { type DisbursementView, disbursementView } from './disbursement.view';

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

const PAYABLE: Project['status'][] = ['approved', 'in_progress', 'completed', 'accepted'];
const UNKNOWN_PROJECT = { what: bi('项目', 'Project'), code: 'FUNDS_DISBURSEMENT_PROJECT_UNKNOWN' };

/**
 * 报账 — a payment submitted with its vouchers: it reserves its amount on the project (refused,
 * with nothing written to the ledger, when it would exceed what the project has from that
 * source or what its progress allows), then the misuse checks run on it.
 */
export async function submitDisbursement(
  deps: DisbursementDeps,
  p: Principal,
  input: DisbursementInput,
): Promise<DisbursementView> {
  const project = await projectOf(deps, p, input.projectId);
  const errors: FieldError[] = [];
  if (!PAYABLE.includes(project.status)) {
    errors.push({
      field: 'projectId',
      code: 'not_in_library',
      message: bi('项目尚未审批入库，不能拨付', 'the project is not approved yet'),
    });
  }
  const { payee, payees } = await payeesOf(deps, input, errors);
  if (errors.length) throw invalid(errors);
  const vouchers = await deps.files.resolve(p, input.voucherFileIds, 'voucherFileIds');

  const id = randomUUID();
  const hold = {
    disbursementId: id,
    source: input.source,
    amountFen: input.amountFen,
    at: deps.now(),
  };
  if ((await reserveWithinProgress(deps, p, project, hold)) === 'over_allocation') {
    throw await overAllocation(deps, p, project, input);
  }
  const now = deps.now();
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
    await deps.disbursements.create(
      p,
      withOutbox(doc, [disbursementSubmitted(doc, actorOf(p), now)]),
    );
  } catch (err) {
    await deps.ledger.release(project._id, hold);
    throw err;
  }
  deps.eventsStored();
  await deps.files.link(
    vouchers.map((v) => v.fileId),
    project.areaCode,
  );
  doc.findingIds = await flagMisuse(deps, p, doc, project);
  return disbursementView(deps.cipher, doc, null);
}

/** The project a payment names: unknown is a field error (422), another area's a 403. */
async function projectOf(deps: DisbursementDeps, p: Principal, id: string): Promise<Project> {
  try {
    return await deps.projects.getForChange(p, id, UNKNOWN_PROJECT, { outbox: 0, history: 0 });
  } catch (err) {
    if (err instanceof AppError && err.code === UNKNOWN_PROJECT.code) {
      throw invalid([
        { field: 'projectId', code: 'unknown', message: bi('项目不存在', 'no such project') },
      ]);
    }
    throw err;
  }
}

/**
 * The refusal of a payment above what the project has: nothing is written to the ledger or
 * the payments, but the attempt itself is kept as a finding (a misuse signal).
 */
async function overAllocation(
  deps: DisbursementDeps,
  p: Principal,
  project: Project,
  input: DisbursementInput,
): Promise<AppError> {
  const fresh = (await deps.projects.findOne(
    p,
    { _id: project._id },
    { projection: { funding: 1, money: 1 } },
  ))!;
  const money = fresh.funding[input.source];
  const findingId = await deps.findings.record({
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
