import { randomUUID } from 'node:crypto';
import {
  allOf,
  areaWithin,
  type AuditLog,
  bi,
  type ListQuery,
  type Principal,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import type { VisitService } from '../visits/visit.service';
import type { Receipt } from './receipt.model';
import { evidenceProblems } from './receipt.rules';
import type { ReceiptCreate, ReceiptFilter } from './receipt.schemas';

export type ReceiptView = Omit<Receipt, '_id'> & { id: string };

export const receiptView = ({ _id, ...rest }: Receipt): ReceiptView => ({ id: _id, ...rest });

/**
 * 到户资金确认 — the household's confirmations of its payments, recorded at a helper's visit
 * with their evidence. The rows named are the gateway's 受益底册 rows (other services' records,
 * which this service cannot read): kept as given, and joined to the ledger by the gateway.
 */
export class ReceiptService {
  constructor(
    private readonly deps: {
      receipts: ScopedRepository<Receipt>;
      visits: VisitService;
      audit: AuditLog;
      now: () => Date;
    },
  ) {}

  /** Records the confirmations of one visit: the visit in the caller's scope, evidence given. */
  async record(p: Principal, visitId: string, input: ReceiptCreate): Promise<ReceiptView[]> {
    const visit = await this.deps.visits.get(p, visitId);
    const problems = evidenceProblems(
      input,
      visit.photos.map((ph) => ph.id),
    );
    if (problems.length)
      throw unprocessable(
        'ASSISTANCE_RECEIPT_EVIDENCE',
        bi(
          '到户资金确认须有本次走访的签字照片或确认码',
          'A confirmation needs a signature photo of this visit or a confirmation code',
        ),
        problems,
      );
    const now = this.deps.now();
    const docs: Receipt[] = input.items.map((i) => ({
      _id: randomUUID(),
      visitId: visit.id,
      visitDate: visit.date,
      householdId: visit.householdId,
      householdNo: visit.householdNo,
      areaCode: visit.areaCode,
      source: i.source,
      rowId: i.rowId,
      amountFen: i.amountFen,
      result: i.result,
      note: i.note,
      signaturePhotoId: input.signaturePhotoId ?? null,
      confirmationCode: input.confirmationCode ?? null,
      recordedAt: now,
      recordedBy: p.userId,
      recordedByName: p.username,
    }));
    await this.deps.receipts.create(p, docs);
    // The audit log keeps who recorded what the household said, its signals counted.
    const count = (r: Receipt['result']) => docs.filter((d) => d.result === r).length;
    await this.deps.audit.record(p, {
      action: 'receipt_confirmation',
      subjectType: 'household',
      subjectIds: [visit.householdId],
      fields: ['receipts'],
      reason: null,
      after: {
        visitId: visit.id,
        confirmed: count('confirmed'),
        notReceived: count('not_received'),
        amountDiffers: count('amount_differs'),
        evidence: input.signaturePhotoId ? 'photo' : 'code',
      },
    });
    return docs.map(receiptView);
  }

  private filterOf(f: ReceiptFilter): Record<string, unknown> {
    return allOf(
      f.area ? areaWithin(f.area) : undefined,
      f.householdId ? { householdId: f.householdId } : undefined,
      f.visitId ? { visitId: f.visitId } : undefined,
      f.result ? { result: f.result } : undefined,
    );
  }

  async list(p: Principal, q: ListQuery<ReceiptFilter>) {
    const { items, total } = await this.deps.receipts.page(p, this.filterOf(q.filter), q);
    return { items: items.map(receiptView), total };
  }

  /** A page of the receipts of a household or an area in the caller's scope (the gateway's). */
  async ofLedger(
    p: Principal,
    of: { householdId?: string; areaCode?: string },
    q: ListQuery<unknown>,
  ) {
    const where =
      of.householdId !== undefined ? { householdId: of.householdId } : areaWithin(of.areaCode!);
    const { items, total } = await this.deps.receipts.page(p, where, q);
    return { items: items.map(receiptView), total };
  }
}
