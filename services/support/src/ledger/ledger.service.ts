import type { BenefitRow } from '@fupin/contracts';
import { areaWithin, type LedgerQuery, type Principal } from '@fupin/kit';
import type { SupportRepositories } from '../module';
import { seesArea } from '../scope';
import { subsidyRows, topUpRows } from './ledger.rows';

const NO_OUTBOX = { outbox: 0, hasOutbox: 0, outboxLease: 0 } as const;

/**
 * 受益底册 (issue 23), the support rows of one household or of a village or township: its
 * subsidy payments and in-patient episodes read at once in the caller's scope, by household or by
 * area on their `{ householdId, areaCode }` and area indexes. A department's staff read their own
 * half only (教育 the subsidies, 卫健 and 医保 the top-ups).
 */
export class SupportLedger {
  constructor(private readonly deps: { repos: SupportRepositories }) {}

  async rows(p: Principal, q: LedgerQuery): Promise<BenefitRow[]> {
    const of =
      q.householdId !== undefined ? { householdId: q.householdId } : areaWithin(q.areaCode);
    const { payments, episodes } = this.deps.repos;
    const [paid, stays] = await Promise.all([
      seesArea(p, 'education') ? payments.find(p, of, { projection: NO_OUTBOX }) : [],
      seesArea(p, 'health') ? episodes.find(p, of, { projection: NO_OUTBOX }) : [],
    ]);
    return [...subsidyRows(paid), ...topUpRows(stays)];
  }
}
