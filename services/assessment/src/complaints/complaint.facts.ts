import { countyWide, type ScopedRepository } from '@fupin/kit';
import { countedForUnitId, deadlineFact, type OwnFactSource } from '../indicators/own-facts';
import type { Complaint } from './complaint.model';

const MEASURING = countyWide('the indicators count every unit’s complaints');

/**
 * 信访件 as the indicator `complaints_on_time` reads them: received by the period's end and
 * assigned to a unit; answered when the round in progress has its answer (a reopened complaint
 * is due again).
 */
export function complaintFacts(complaints: ScopedRepository<Complaint>): OwnFactSource {
  return async (span) => {
    const rows = await complaints.find(
      MEASURING,
      { receivedOn: { $lte: span.last } },
      {
        projection: {
          areaCode: 1,
          unitId: 1,
          receivedOn: 1,
          dueOn: 1,
          answer: 1,
          status: 1,
          householdId: 1,
        },
      },
    );
    // Ordered by id here (one stable order for the records behind a value), not by the server.
    rows.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    return rows
      .filter((c) => c.unitId !== null)
      .map((c) =>
        deadlineFact({
          kind: 'complaint',
          recordId: c._id,
          areaCode: c.areaCode,
          unit: countedForUnitId(c.unitId),
          dueOn: c.dueOn,
          from: c.receivedOn,
          doneOn: c.answer?.on ?? null,
          householdId: c.householdId,
          status: c.status,
        }),
      );
  };
}
