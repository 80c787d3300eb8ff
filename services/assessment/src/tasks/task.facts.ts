import { countyWide, type ScopedRepository } from '@fupin/kit';
import { countedForOwner, deadlineFact, type OwnFactSource } from '../indicators/own-facts';
import type { ScheduleTask } from './task.model';

const MEASURING = countyWide('the indicators count every unit’s scheduled tasks');

/** 倒排工期 as the indicator `tasks_on_time` reads them: started by the period's end. */
export function taskFacts(tasks: ScopedRepository<ScheduleTask>): OwnFactSource {
  return async (span) => {
    const rows = await tasks.find(
      MEASURING,
      { startOn: { $lte: span.last } },
      {
        projection: { ownerUnit: 1, areaCode: 1, startOn: 1, dueOn: 1, completedOn: 1, code: 1 },
      },
    );
    // Ordered by id here (one stable order for the records behind a value), not by the server.
    rows.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    return rows.map((t) =>
      deadlineFact({
        kind: 'task',
        recordId: t._id,
        areaCode: t.areaCode,
        unit: countedForOwner(t.ownerUnit, t.areaCode),
        dueOn: t.dueOn,
        from: t.startOn,
        doneOn: t.completedOn,
        status: t.completedOn ? 'done' : 'open',
        note: t.code,
      }),
    );
  };
}
