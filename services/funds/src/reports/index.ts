import type { AuditLog, ScopedRepository, ServiceModule } from '@fupin/kit';
import type { FundBatch } from '../batches/batch.model';
import type { DisbursementService } from '../disbursements/disbursement.service';
import type { Project } from '../projects/project.model';
import type { ProjectService } from '../projects/project.service';
import { exportRoutes } from './export.routes';
import { statisticsRoutes } from './statistics.routes';
import { StatisticsService } from './statistics.service';

/** 统计与导出 — the statistics of projects and money, and the xlsx exports of both lists. */
export function reportsModule(deps: {
  projects: ProjectService;
  disbursements: DisbursementService;
  repos: { projects: ScopedRepository<Project>; batches: ScopedRepository<FundBatch> };
  audit: AuditLog;
  now: () => Date;
}): ServiceModule {
  const statistics = new StatisticsService(deps.repos);
  return {
    name: 'reports',
    routes: (router) => {
      exportRoutes(router, deps);
      statisticsRoutes(router, statistics);
    },
  };
}
