import type { ScopedRepository, ServiceModule } from '@fupin/kit';
import type { Logger } from 'pino';
import type { RankingModel, RankingResult } from '../rankings/ranking.model';
import type { AccountabilityCase } from './case.model';
import { caseRoutes } from './case.routes';
import { CaseService } from './case.service';
import { CaseSync } from './case.sync';

/**
 * 问责 on record, as a module: the cases opened from the rankings in force (synced after each
 * publication and, to catch up, at start) and the office's routes.
 */
export function accountabilityModule(deps: {
  rankings: RankingModel;
  results: ScopedRepository<RankingResult>;
  cases: ScopedRepository<AccountabilityCase>;
  countyCode: string;
  now: () => Date;
  logger: Logger;
}): { module: ServiceModule; sync: CaseSync; cases: CaseService } {
  const sync = new CaseSync(deps);
  const cases = new CaseService(deps);
  const module: ServiceModule = {
    name: 'accountability',
    start: async () => {
      await sync.syncAll().catch((err: unknown) => {
        deps.logger.error({ err }, 'accountability cases not synced at start');
      });
    },
    routes: (router) => caseRoutes(router, cases),
  };
  return { module, sync, cases };
}
