import type { ServiceContext, ServiceModule } from '@fupin/kit';
import type { AssistanceConfig } from '../config';
import type { HelperService } from '../helpers/helper.service';
import type { HouseholdDirectory } from '../households/household.directory';
import type { PairingService } from '../pairings/pairing.service';
import { coverageJob } from './coverage.job';
import type { CoverageReportModel } from './coverage-report.model';
import { coverageRoutes } from './coverage.routes';
import { CoverageService } from './coverage.service';

/**
 * 帮扶责任人全覆盖 — households without a helper, listed live and by the daily job (a BullMQ
 * job scheduler, which also repairs the helpers' pairing counters).
 */
export function coverageModule(
  ctx: ServiceContext<AssistanceConfig>,
  deps: {
    households: HouseholdDirectory;
    pairings: PairingService;
    helpers: HelperService;
    reports: CoverageReportModel;
  },
) {
  const service = new CoverageService({ ...deps, now: ctx.now });
  const job = coverageJob(service, {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
    cron: ctx.config.COVERAGE_CRON,
  });
  const module: ServiceModule = {
    name: 'coverage job',
    routes: (router) => coverageRoutes(router, service, () => job.runNow()),
    start: () => job.start(),
    stop: () => job.stop(),
  };
  return { module, service, job };
}
