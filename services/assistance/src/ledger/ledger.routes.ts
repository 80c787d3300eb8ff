import { handle, parseLedgerQuery, principalOf, requireRight, sendLedgerPage } from '@fupin/kit';
import type { Router } from 'express';
import type { AssistanceLedger } from './ledger.service';

/** GET /ledger/benefits — the assistance rows of the 受益底册 (assistance.read, the caller's scope). */
export function ledgerRoutes(router: Router, ledger: AssistanceLedger): void {
  router.get(
    '/ledger/benefits',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = parseLedgerQuery(req);
      sendLedgerPage(res, q, await ledger.rows(principalOf(req), q));
    }),
  );
}
