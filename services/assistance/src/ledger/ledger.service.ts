import type { BenefitRow } from '@fupin/contracts';
import { areaWithin, type LedgerQuery, type Principal, type ScopedRepository } from '@fupin/kit';
import type { Measure } from '../measures/measure.model';
import { measureRows } from './ledger.rows';

/**
 * 受益底册 (issue 23), the assistance rows of one household or of a village or township: its
 * measures read in the caller's scope, by household or by area on their indexes (a household
 * outside the scope has none); those without an amount or cancelled are left out in the rows.
 */
export class AssistanceLedger {
  constructor(private readonly deps: { measures: ScopedRepository<Measure> }) {}

  async rows(p: Principal, q: LedgerQuery): Promise<BenefitRow[]> {
    const of =
      q.householdId !== undefined ? { householdId: q.householdId } : areaWithin(q.areaCode);
    const measures = await this.deps.measures.find(p, of, {
      projection: { steps: 0, outbox: 0, outboxLease: 0 },
    });
    return measureRows(measures);
  }
}
