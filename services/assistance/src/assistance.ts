import path from 'node:path';
import {
  openService,
  personalDataCipherOf,
  type ProjectionChange,
  type ProjectedHousehold,
  projectedHouseholdModel,
  RegistryProjection,
  registryProjectionModule,
  scopedRepository,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import type { AssistanceConfig } from './config';
import { coverageJob } from './coverage/coverage.job';
import { coverageReportModel } from './coverage/coverage-report.model';
import { coverageRoutes } from './coverage/coverage.routes';
import { CoverageService } from './coverage/coverage.service';
import { exportRoutes } from './exports/export.routes';
import { type Helper, helperModel } from './helpers/helper.model';
import { helperRoutes } from './helpers/helper.routes';
import { HelperService } from './helpers/helper.service';
import { HouseholdDirectory } from './households/household.directory';
import { householdRoutes } from './households/household.routes';
import { importRoutes } from './imports/import.routes';
import { type PairingImport, pairingImportModel } from './imports/pairing-import.model';
import { PairingImportService } from './imports/pairing-import.service';
import { MEASURE_TOPICS } from './measures/measure.events';
import { type Measure, measureModel } from './measures/measure.model';
import { measureRoutes } from './measures/measure.routes';
import { MeasureService } from './measures/measure.service';
import { PAIRING_TOPICS } from './pairings/pairing.events';
import { pairingLimitModel } from './pairings/pairing-limit.model';
import { PairingLimitService } from './pairings/pairing-limits.service';
import { type Pairing, pairingModel } from './pairings/pairing.model';
import { pairingRoutes } from './pairings/pairing.routes';
import { PairingService } from './pairings/pairing.service';
import { type Plan, planModel } from './plans/plan.model';
import { planRoutes } from './plans/plan.routes';
import { PlanService } from './plans/plan.service';
import { statisticsRoutes } from './statistics/statistics.routes';
import { StatisticsService } from './statistics/statistics.service';
import {
  type VillageAssignment,
  villageAssignmentModel,
  type WorkTeam,
  workTeamModel,
} from './villages/village-assignment.model';
import { VillageAssignmentService } from './villages/village-assignment.service';
import { villageRoutes } from './villages/village.routes';
import { WorkTeamService } from './villages/work-team.service';
import { VISIT_TOPICS } from './visits/visit.events';
import { photoModel, type StoredPhoto, type Visit, visitModel } from './visits/visit.model';
import { visitRoutes } from './visits/visit.routes';
import { VisitService } from './visits/visit.service';

/**
 * Composition of the assistance service on an open runtime: models, services, the registry
 * projection and its consumer, the outbox relay, the daily coverage job and the HTTP app.
 * Used by main.ts and by the integration tests.
 */
export async function createAssistance(
  rt: ServiceRuntime,
  config: AssistanceConfig,
  opts: ServiceOptions = {},
) {
  const cipher = personalDataCipherOf(config);
  const models = {
    projected: projectedHouseholdModel(rt.conn),
    helpers: helperModel(rt.conn),
    limits: pairingLimitModel(rt.conn),
    pairings: pairingModel(rt.conn),
    measures: measureModel(rt.conn),
    plans: planModel(rt.conn),
    visits: visitModel(rt.conn),
    photos: photoModel(rt.conn),
    assignments: villageAssignmentModel(rt.conn),
    teams: workTeamModel(rt.conn),
    reports: coverageReportModel(rt.conn),
    imports: pairingImportModel(rt.conn),
  };
  const service = openService(rt, config, {
    ...opts,
    outbox: [models.pairings, models.measures, models.visits],
  });
  const { audit, eventsStored, now } = service;

  const households = new HouseholdDirectory(scopedRepository<ProjectedHousehold>(models.projected));
  const helpers = new HelperService({
    helpers: scopedRepository<Helper>(models.helpers),
    cipher,
    audit,
    now,
  });
  const limits = new PairingLimitService({ limits: models.limits, now });
  const pairings = new PairingService({
    pairings: scopedRepository<Pairing>(models.pairings),
    helpers,
    households,
    limits,
    eventsStored,
    now,
  });
  const measures = new MeasureService({
    measures: scopedRepository<Measure>(models.measures),
    helpers,
    households,
    eventsStored,
    now,
  });
  const plans = new PlanService({
    plans: scopedRepository<Plan>(models.plans),
    households,
    measures,
    now,
  });
  const visits = new VisitService({
    visits: scopedRepository<Visit>(models.visits),
    photos: scopedRepository<StoredPhoto>(models.photos),
    helpers,
    households,
    pairings,
    eventsStored,
    now,
    photoMaxBytes: config.PHOTO_MAX_BYTES,
  });
  const assignments = new VillageAssignmentService({
    assignments: scopedRepository<VillageAssignment>(models.assignments),
    helpers,
    now,
  });
  const teams = new WorkTeamService({
    teams: scopedRepository<WorkTeam>(models.teams),
    helpers,
    now,
  });
  const coverage = new CoverageService({
    households,
    pairings,
    helpers,
    reports: models.reports,
    now,
  });
  const statistics = new StatisticsService({ coverage, visits, measures });
  const imports = new PairingImportService({
    imports: scopedRepository<PairingImport>(models.imports, 'actorArea'),
    helpers,
    pairings,
    households,
    now,
  });

  // Households moved to another village: what assistance keeps of them follows, so area
  // scoping keeps matching the registry. One bulk write per collection for a whole batch.
  const onChanges = async (changes: ProjectionChange[]) => {
    const moves = changes
      .filter((c) => c.before && c.before.revision > 0 && c.before.areaCode !== c.after.areaCode)
      .map((c) => ({ householdId: c.householdId, areaCode: c.after.areaCode }));
    if (moves.length === 0) return;
    await Promise.all([
      pairings.householdsMoved(moves),
      measures.householdsMoved(moves),
      plans.householdsMoved(moves),
      visits.householdsMoved(moves),
    ]);
  };
  const projection = new RegistryProjection({
    model: models.projected,
    logger: rt.logger,
    onChanges,
    now,
  });

  const job = coverageJob(coverage, {
    connection: service.redis,
    prefix: service.queuePrefix,
    logger: rt.logger,
    cron: config.COVERAGE_CRON,
  });

  const app = await startService(service, {
    topics: [...PAIRING_TOPICS, ...MEASURE_TOPICS, ...VISIT_TOPICS],
    modules: [
      registryProjectionModule(service, projection, {
        routes: { module: 'assistance', registryUrl: config.REGISTRY_URL },
      }),
      { name: 'coverage job', start: () => job.start(), stop: () => job.stop() },
    ],
    openapi: path.join(__dirname, 'openapi'),
    routes: (router) => {
      householdRoutes(router, { households, pairings, measures, visits });
      helperRoutes(router, helpers);
      pairingRoutes(router, pairings, limits);
      villageRoutes(router, assignments, teams);
      planRoutes(router, plans);
      measureRoutes(router, measures);
      visitRoutes(router, visits);
      coverageRoutes(router, coverage, () => job.runNow());
      statisticsRoutes(router, statistics);
      importRoutes(router, imports);
      exportRoutes(router, { helpers, pairings, measures, visits, plans, coverage, audit, now });
    },
  });
  const { relay } = service;
  return {
    app,
    relay,
    models,
    projection,
    cipher,
    audit,
    services: {
      households,
      helpers,
      limits,
      pairings,
      measures,
      plans,
      visits,
      assignments,
      teams,
      coverage,
      statistics,
      imports,
    },
    job,
  };
}
export type Assistance = Awaited<ReturnType<typeof createAssistance>>;
