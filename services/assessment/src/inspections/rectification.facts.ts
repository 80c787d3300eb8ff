import { countyWide, type ScopedRepository } from '@fupin/kit';
import { countedForUnitId, deadlineFact, type OwnFactSource } from '../indicators/own-facts';
import type { Rectification } from './inspection.model';

const MEASURING = countyWide('the indicators count every unit’s rectification orders');

/** 整改通知 as the indicator `rectifications_on_time` reads them: issued by the period's end. */
export function rectificationFacts(orders: ScopedRepository<Rectification>): OwnFactSource {
  return async (span) => {
    const rows = await orders.find(
      MEASURING,
      { issuedOn: { $lte: span.last } },
      {
        projection: {
          areaCode: 1,
          unitId: 1,
          issuedOn: 1,
          deadline: 1,
          closedOn: 1,
          status: 1,
          householdId: 1,
        },
      },
    );
    // Ordered by id here (one stable order for the records behind a value), not by the server.
    rows.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    return rows.map((r) =>
      deadlineFact({
        kind: 'rectification',
        recordId: r._id,
        areaCode: r.areaCode,
        unit: countedForUnitId(r.unitId),
        dueOn: r.deadline,
        from: r.issuedOn,
        doneOn: r.closedOn,
        householdId: r.householdId,
        status: r.status,
      }),
    );
  };
}
