import { type Logger, scopedRepository } from '@fupin/kit';
import {
  dropRetiredHouseholdIndexes,
  type Household,
  type HouseholdModel,
} from './households/household.model';
import type { HouseholdListModel } from './households/list/household-list.model';
import { rebuildHouseholdList, removeOrphanRows } from './households/list/household-list.rebuild';
import type { HouseholdListView } from './households/list/household-list.view';

/**
 * How far back a start looks for households whose row a crash may have missed (the row is
 * written right after its household; a process killed between the two leaves it behind).
 */
const CATCH_UP_WINDOW_MS = 60 * 60 * 1000;

/**
 * The start's migration, part of the composition (it holds the households' model: their
 * indexes and their estimated count): the households' retired list indexes are dropped; a list
 * holding fewer or more rows than there are households (a registry from before the list
 * existed, a restore) is rebuilt whole; otherwise the households changed within the last hour
 * are written again, in case a crash fell between a household's write and its row's.
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
  const rebuild = { households: scopedRepository<Household>(deps.households), view: deps.view };
  const [households, rows] = await Promise.all([
    deps.households.estimatedDocumentCount(),
    deps.rows.estimatedDocumentCount(),
  ]);
  const started = Date.now();
  if (households !== rows) {
    deps.logger.info({ households, rows }, 'household list: rebuilding from the households');
    const seen = new Set<string>();
    const written = await rebuildHouseholdList(rebuild, {
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
  const written = await rebuildHouseholdList(rebuild, { since });
  if (written > 0)
    deps.logger.info(
      { households: written, since },
      'household list: recent households written again',
    );
}
