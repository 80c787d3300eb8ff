import type { Logger } from '@fupin/kit';
import { dropRetiredHouseholdIndexes, type HouseholdModel } from '../household.model';
import type { HouseholdListModel } from './household-list.model';
import { ROW_SOURCE_FIELDS, type RowSource } from './household-list.rows';
import type { HouseholdListView } from './household-list.view';

const BATCH = 1000;
/**
 * How far back a start looks for households whose row a crash may have missed (the row is
 * written right after its household; a process killed between the two leaves it behind).
 */
const CATCH_UP_WINDOW_MS = 60 * 60 * 1000;

/**
 * Writes the row of every household (or of those changed since `since`) from the households
 * themselves, in batches; a row already at the household's revision or newer stays.
 */
export async function rebuildHouseholdList(
  deps: { households: HouseholdModel; view: HouseholdListView },
  opts: { since?: Date; progress?: (done: number) => void; seen?: Set<string> } = {},
): Promise<number> {
  const cursor = deps.households
    .find(opts.since ? { updatedAt: { $gte: opts.since } } : {}, ROW_SOURCE_FIELDS)
    .lean<RowSource[]>()
    .cursor({ batchSize: BATCH });
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
 * The start's migration: the households' retired list indexes are dropped; a list holding fewer or more rows than there are households (a
 * registry from before the list existed, a restore) is rebuilt whole; otherwise the households
 * changed within the last hour are written again, in case a crash fell between a household's
 * write and its row's.
 */
export async function syncHouseholdListOnStart(deps: {
  households: HouseholdModel;
  rows: HouseholdListModel;
  view: HouseholdListView;
  logger: Logger;
  now: () => Date;
}): Promise<void> {
  const dropped = await dropRetiredHouseholdIndexes(deps.households);
  if (dropped.length > 0)
    deps.logger.info(
      { dropped },
      'households: list filter indexes retired (the list view has them)',
    );
  const [households, rows] = await Promise.all([
    deps.households.estimatedDocumentCount(),
    deps.rows.estimatedDocumentCount(),
  ]);
  const started = Date.now();
  if (households !== rows) {
    deps.logger.info({ households, rows }, 'household list: rebuilding from the households');
    const seen = new Set<string>();
    const written = await rebuildHouseholdList(deps, {
      seen,
      progress: (done) => {
        if (done % 50_000 === 0)
          deps.logger.info({ done, households }, 'household list: rebuilding');
      },
    });
    // A view that was empty has no rows of deleted households to look for.
    const removed = rows === 0 ? 0 : await removeOrphanRows(deps.rows, seen, new Date(started));
    deps.logger.info(
      { households: written, removed, ms: Date.now() - started },
      'household list: rebuilt from the households',
    );
    return;
  }
  const since = new Date(deps.now().getTime() - CATCH_UP_WINDOW_MS);
  const written = await rebuildHouseholdList(deps, { since });
  if (written > 0)
    deps.logger.info(
      { households: written, since },
      'household list: recent households written again',
    );
}

/**
 * Removes the rows of households that no longer exist (deleted outside the registry's API: it
 * has no delete). A row created after the rebuild began belongs to a household registered
 * meanwhile, which the rebuild's walk may have passed: it stays.
 */
async function removeOrphanRows(
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
