import { countyWide, type ScopedRepository } from '@fupin/kit';
import type { Household } from '../household.model';
import type { HouseholdListModel } from './household-list.model';
import { ROW_SOURCE_FIELDS, type RowSource } from './household-list.rows';
import type { HouseholdListView } from './household-list.view';

const BATCH = 1000;

/** The rebuild reads every household of the county: the rows of all of them are written. */
const EVERY_HOUSEHOLD = countyWide('the household list rows are written from every household');

/**
 * Writes the row of every household (or of those changed since `since`) from the households
 * themselves, in batches; a row already at the household's revision or newer stays.
 */
export async function rebuildHouseholdList(
  deps: { households: ScopedRepository<Household>; view: HouseholdListView },
  opts: { since?: Date; progress?: (done: number) => void; seen?: Set<string> } = {},
): Promise<number> {
  const cursor = deps.households.cursor(
    EVERY_HOUSEHOLD,
    opts.since ? { updatedAt: { $gte: opts.since } } : {},
    { projection: ROW_SOURCE_FIELDS, batchSize: BATCH },
  ) as AsyncIterable<RowSource>;
  let batch: RowSource[] = [];
  let done = 0;
  for await (const h of cursor) {
    opts.seen?.add(h._id);
    batch.push(h);
    if (batch.length === BATCH) {
      await deps.view.record(batch);
      done += batch.length;
      batch = [];
      opts.progress?.(done);
    }
  }
  await deps.view.record(batch);
  done += batch.length;
  return done;
}

/**
 * Removes the rows of households that no longer exist (deleted outside the registry's API: it
 * has no delete). A row created after the rebuild began belongs to a household registered
 * meanwhile, which the rebuild's walk may have passed: it stays.
 */
export async function removeOrphanRows(
  rows: HouseholdListModel,
  seen: Set<string>,
  rebuildStart: Date,
): Promise<number> {
  const orphans: string[] = [];
  const cursor = rows
    .find({ createdAt: { $lt: rebuildStart } }, { _id: 1 })
    .lean<{ _id: string }[]>()
    .cursor({ batchSize: BATCH });
  for await (const row of cursor) if (!seen.has(row._id)) orphans.push(row._id);
  let removed = 0;
  for (let i = 0; i < orphans.length; i += BATCH) {
    const res = await rows.deleteMany({ _id: { $in: orphans.slice(i, i + BATCH) } });
    removed += res.deletedCount;
  }
  return removed;
}
