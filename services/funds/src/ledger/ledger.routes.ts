import { handle, parseLedgerQuery, principalOf, requireRight, sendLedgerPage } from '@fupin/kit';
import type { Router } from 'express';
import type { FundsLedger } from './ledger.service';

/** GET /ledger/benefits — the funds rows of the 受益底册 (funds.read, the caller's scope). */
export function ledgerRoutes(router: Router, ledger: FundsLedger): void {
  router.get(
    '/ledger/benefits',
    requireRight('funds', 'read'),
    handle(async (req, res) => {
      const q = parseLedgerQuery(req);
      sendLedgerPage(res, q, await ledger.rows(principalOf(req), q));
    }),
  );
}
