import type { BenefitRow } from '@fupin/contracts';
import {
  areaWithin,
  type LedgerQuery,
  type Principal,
  type ProjectedHousehold,
  registeredHouseholdInScope,
  type ScopedRepository,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { Loan } from '../loans/loan.model';
import { loanRows, paymentRows } from './ledger.rows';

/**
 * 受益底册 (issue 23), the funds rows of one household or of the households of a village or
 * township: the households read in the caller's scope from the registry view first (none outside
 * it), then their payments and loans at once by their ids (refused payments dropped in the rows), through the indexes led by the payee's
 * and the loan's household id and followed by the scope range.
 */
export class FundsLedger {
  constructor(
    private readonly deps: {
      households: ScopedRepository<ProjectedHousehold>;
      disbursements: ScopedRepository<Disbursement>;
      loans: ScopedRepository<Loan>;
      now: () => Date;
    },
  ) {}

  async rows(p: Principal, q: LedgerQuery): Promise<BenefitRow[]> {
    const villages = await this.households(p, q);
    if (villages.size === 0) return [];
    const ids = [...villages.keys()];
    const [payments, loans] = await Promise.all([
      this.deps.disbursements.find(
        p,
        { 'payees.householdId': { $in: ids } },
        { projection: { history: 0, outbox: 0, outboxLease: 0, payee: 0, vouchers: 0 } },
      ),
      this.deps.loans.find(p, { householdId: { $in: ids } }, { projection: { history: 0 } }),
    ]);
    const today = shanghaiDateOf(this.deps.now());
    return [...paymentRows(payments, (id) => villages.get(id)), ...loanRows(loans, today)];
  }

  /** The households of the ledger in the caller's scope, with their village. */
  private async households(p: Principal, q: LedgerQuery): Promise<Map<string, string>> {
    if (q.householdId !== undefined) {
      const h = await registeredHouseholdInScope(this.deps.households, p, q.householdId, {
        areaCode: 1,
        revision: 1,
      });
      return new Map(h ? [[h._id, h.areaCode]] : []);
    }
    // Registered ones only (members may arrive before their household), checked here: a filter
    // field beside the area range is not planned onto the area's index by every server.
    const rows = await this.deps.households.find(p, areaWithin(q.areaCode), {
      projection: { _id: 1, areaCode: 1, revision: 1 },
    });
    return new Map(rows.filter((h) => h.revision > 0).map((h) => [h._id, h.areaCode]));
  }
}
