import { allOf, areaWithin, countyWide, type ListQuery, type Principal } from '@fupin/kit';
import type { FundingSource } from '@fupin/reference';
import type { HistoryEntry } from '../shared/principal';
import { approveDisbursement, rejectDisbursement } from './disbursement.decision';
import { type DisbursementDeps, loadDisbursement } from './disbursement.deps';
import type { Disbursement, DisbursementStatus, PayeeKind } from './disbursement.model';
import { type DisbursementInput, submitDisbursement } from './disbursement.submit';
import { type DisbursementView, disbursementView, type Unmask } from './disbursement.view';

export type { DisbursementInput } from './disbursement.submit';
export type { DisbursementView, Unmask } from './disbursement.view';

export interface DisbursementFilter {
  projectId?: string | undefined;
  status?: DisbursementStatus | undefined;
  source?: FundingSource | undefined;
  areaCode?: string | undefined;
  payeeKind?: PayeeKind | undefined;
  id?: string | string[] | undefined;
}

/** Holds without their payment document are given back after this long (a crash in between). */
const ORPHAN_HOLD_MS = 60 * 60 * 1000;
const SYSTEM = { kind: 'system' as const, id: 'funds-reconcile' };
const RECONCILE = countyWide('the daily job repairs the payment holds of every project');
const LEAN = { history: 0, outbox: 0 } as const;

/**
 * 拨付 under the reimbursement rule (报账制): a payment is submitted with its vouchers and
 * reserves its amount on the project; a second person approves it (four-eyes) and only then
 * is it disbursed. Misuse signals found on the way are stored as findings and hold the
 * payment back until resolved. Each step is its own file; this is their one entry point.
 */
export class DisbursementService {
  constructor(private readonly deps: DisbursementDeps) {}

  submit(p: Principal, input: DisbursementInput): Promise<DisbursementView> {
    return submitDisbursement(this.deps, p, input);
  }

  approve(
    p: Principal,
    id: string,
    input: { paidOn?: string | undefined },
  ): Promise<DisbursementView> {
    return approveDisbursement(this.deps, p, id, input);
  }

  reject(p: Principal, id: string, input: { reason: string }): Promise<DisbursementView> {
    return rejectDisbursement(this.deps, p, id, input);
  }

  async get(p: Principal, id: string, unmask: Unmask | null): Promise<DisbursementView> {
    const d = await loadDisbursement(this.deps, p, id);
    if (unmask) await this.audited(p, [d], unmask);
    return this.view(d, unmask);
  }

  async history(p: Principal, id: string): Promise<HistoryEntry[]> {
    return (await loadDisbursement(this.deps, p, id)).history;
  }

  async list(p: Principal, q: ListQuery<DisbursementFilter>) {
    const { items, total } = await this.deps.disbursements.page(p, filterOf(q.filter), q, LEAN);
    return { items: items.map((d) => this.view(d, null)), total };
  }

  /** Streams the payments of a filter (for exports), oldest first. */
  cursor(p: Principal, f: DisbursementFilter): AsyncIterable<Disbursement> {
    return this.deps.disbursements.cursor(p, filterOf(f), {
      projection: LEAN,
      sort: { submittedAt: 1, _id: 1 },
    });
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
    return disbursementView(this.deps.cipher, d, unmask);
  }

  /**
   * Repairs what a crash between two writes can leave: holds whose payment was decided (or
   * never stored) are settled or given back. The daily job runs it.
   */
  async reconcileHolds(): Promise<number> {
    const projects = await this.deps.projects.find(
      RECONCILE,
      { 'holds.0': { $exists: true } },
      { projection: { holds: 1 } },
    );
    let repaired = 0;
    for (const project of projects) {
      for (const hold of project.holds) {
        const d = await this.deps.disbursements.findOne(
          RECONCILE,
          { _id: hold.disbursementId },
          { projection: { status: 1, submittedAt: 1 } },
        );
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
}

/** A list's own conditions; the repository adds the caller's scope. */
function filterOf(f: DisbursementFilter) {
  const and: Record<string, unknown>[] = [];
  if (f.projectId) and.push({ projectId: f.projectId });
  if (f.status) and.push({ status: f.status });
  if (f.source) and.push({ source: f.source });
  if (f.payeeKind) and.push({ payeeKind: f.payeeKind });
  if (f.areaCode) and.push(areaWithin(f.areaCode, 'areaCode'));
  if (f.id) and.push({ _id: Array.isArray(f.id) ? { $in: f.id } : f.id });
  return allOf(...and);
}
