import type { Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// 到户资金确认 — at their latest visit a few households (the first townships') confirm a paid
// row of their 受益底册: most as received, one as never received and one with another amount,
// so the 截留预警 page shows both signals beside the payments still waiting for a confirmation. Evidence: the visit's photo when it has one, else
// the code the household gave.

type Result = 'confirmed' | 'not_received' | 'amount_differs';

interface Ledger {
  years: {
    sources: { rows: { id: string; source: string; amountFen: number; status: string }[] }[];
  }[];
}

interface Visit {
  id: string;
  householdId: string;
  photos: { id: string }[];
}

/** What the households say, in order: the two signals first, then confirmations. */
const SAID: Result[] = ['not_received', 'amount_differs', 'confirmed', 'confirmed', 'confirmed'];

const NOTE: Record<Result, string> = {
  not_received: '户主称未收到该笔资金',
  amount_differs: '户主称只收到一半',
  confirmed: '',
};

/** The household's paid 受益底册 rows, as the gateway assembles them. */
async function paidRows(office: Session, householdId: string) {
  const ledger = (await office.get<Ledger>(`/households/${encodeURIComponent(householdId)}/ledger`))
    .body;
  return ledger.years.flatMap((y) =>
    y.sources.flatMap((s) => s.rows.filter((r) => r.status === 'paid')),
  );
}

export const assistanceReceiptsPlugin: DemoPlugin = {
  name: 'assistance-receipts',
  probe: '/api/assistance/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/assistance/receipts')) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    let said = 0;
    let households = 0;
    for (const township of ctx.county.townships) {
      if (said >= SAID.length) break;
      // The township's latest visits, one per household: confirmations are made at a visit.
      const visits = await office.list<Visit>('/api/assistance/visits', {
        sort: ['date', 'DESC'],
        filter: { area: township.code },
        limit: 200,
      });
      const latest = new Map<string, Visit>();
      for (const v of visits) if (!latest.has(v.householdId)) latest.set(v.householdId, v);
      for (const visit of latest.values()) {
        if (said >= SAID.length) break;
        const rows = (await paidRows(office, visit.householdId)).slice(0, SAID.length - said);
        if (rows.length === 0) continue;
        const items = rows.map((row) => {
          const result = SAID[said++]!;
          const amountFen =
            result === 'not_received'
              ? 0
              : result === 'amount_differs'
                ? Math.floor(row.amountFen / 2)
                : row.amountFen;
          return { source: row.source, rowId: row.id, amountFen, result, note: NOTE[result] };
        });
        const photo = visit.photos[0]?.id;
        const path = `/api/assistance/visits/${encodeURIComponent(visit.id)}/receipts`;
        await office.request('POST', path, {
          json: {
            items,
            ...(photo ? { signaturePhotoId: photo } : { confirmationCode: `QR${1000 + said}` }),
          },
        });
        households++;
      }
    }
    ctx.log(
      `  到户资金确认: ${said} payments of ${households} households (${Math.min(said, 2)} signals)`,
    );
  },
};
