import { handle, parseLedgerQuery, principalOf, sendLedgerPage } from '@fupin/kit';
import type { SupportContext, SupportModule } from '../module';
import { allow } from '../scope';
import { SupportLedger } from './ledger.service';

/** 受益底册: support's rows at `GET /ledger/benefits` (support.read, the caller's scope). */
export function ledgerModule(ctx: SupportContext): SupportModule {
  const ledger = new SupportLedger({ repos: ctx.repos });
  return {
    name: 'ledger',
    routes: (router) =>
      router.get(
        '/ledger/benefits',
        ...allow('read'),
        handle(async (req, res) => {
          const q = parseLedgerQuery(req);
          sendLedgerPage(res, q, await ledger.rows(principalOf(req), q));
        }),
      ),
  };
}
