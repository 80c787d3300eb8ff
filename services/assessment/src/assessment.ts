import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  openService,
  type Principal,
  RegistryProjection,
  registryProjectionModule,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import { accountabilityModule } from './accountability';
import { bulletinRoutes } from './bulletins/bulletin.routes';
import { BulletinService } from './bulletins/bulletin.service';
import { assessmentCollections } from './collections';
import type { AssessmentConfig } from './config';
import { indicatorsModule } from './indicators';
import { IndicatorCalculator } from './indicators/indicator.calculator';
import { rankingViewCheck } from './rankings/ranking-view';
import { RANKING_TOPICS } from './rankings/ranking.events';
import { RankingJob } from './rankings/ranking.job';
import { rankingRoutes } from './rankings/ranking.routes';
import { RankingService } from './rankings/ranking.service';
import { schemeRoutes } from './schemes/scheme.routes';
import { SchemeService } from './schemes/scheme.service';
import { TargetImport } from './schemes/target-import';
import { statisticsRoutes } from './statistics/statistics.routes';
import { StatisticsService } from './statistics/statistics.service';
import { supervisionModules } from './supervision';
import { sealedFields } from './sealed-fields';

/**
 * Composition of the assessment on an open runtime: its records built from the other
 * services' events, the scheme, the rankings with their quarterly job, bulletins, statistics
 * and the HTTP app. Used by main.ts and by the integration tests.
 */
export async function createAssessment(
  rt: ServiceRuntime,
  config: AssessmentConfig,
  opts: ServiceOptions & {
    /** Tests start the job only where they need it. */
    startJob?: boolean;
    instance?: string;
  } = {},
) {
  const { models, repos } = assessmentCollections(rt.conn);
  const service = openService(rt, config, { ...opts, outbox: [models.rankings] });
  const { now } = service;
  const householdProjection = new RegistryProjection({
    model: models.households,
    logger: rt.logger,
    now,
  });
  const indicators = indicatorsModule(service, {
    facts: repos.facts,
    areas: models.areas,
    households: householdProjection,
    rankings: models.rankings,
    late: models.late,
  });
  const schemes = new SchemeService({
    schemes: models.schemes,
    areas: models.areas,
    countyCode: config.COUNTY_AREA_CODE,
    now,
  });
  const supervision = supervisionModules(service, {
    conn: rt.conn,
    areas: models.areas,
    complaints: repos.complaints,
  });
  const calculator = new IndicatorCalculator({
    facts: repos.facts,
    households: repos.households,
    own: supervision.facts,
  });
  const accountability = accountabilityModule({
    rankings: models.rankings,
    results: repos.results,
    cases: repos.cases,
    countyCode: config.COUNTY_AREA_CODE,
    now,
    logger: rt.logger,
  });
  const rankings = new RankingService({
    rankings: models.rankings,
    results: repos.results,
    records: models.records,
    late: models.late,
    schemes,
    calculator,
    countyCode: config.COUNTY_AREA_CODE,
    eventsStored: service.eventsStored,
    now,
    logger: rt.logger,
    afterPublish: (id) => accountability.sync.afterPublish(id),
    view: rankingViewCheck(rt, {
      registryUrl: config.REGISTRY_URL,
      maxWaitMs: config.VIEW_MAX_WAIT_MS,
    }),
  });
  const targets = new TargetImport(schemes);
  const tasks = (p: Principal) => supervision.tasks.service.summary(p);
  const bulletins = new BulletinService({ rankings, schemes, tasks, now });
  const statistics = new StatisticsService({ rankings: models.rankings, late: models.late, now });

  const { job, jobModules } = rankingJobOf(service, rankings, opts);
  const app = await startService(service, {
    topics: RANKING_TOPICS,
    modules: [
      indicators.module,
      accountability.module,
      ...jobModules,
      // Its household projection is fed by the indicator consumer; only the routes here.
      registryProjectionModule({ ...service, consume: false }, householdProjection, {
        routes: { module: 'assessment', registryUrl: config.REGISTRY_URL },
      }),
      ...supervision.modules,
    ],
    openapi: path.join(__dirname, 'openapi'),
    sealed: sealedFields(rt.conn),
    routes: (router) => {
      schemeRoutes(router, schemes, targets);
      rankingRoutes(router, rankings);
      bulletinRoutes(router, bulletins);
      statisticsRoutes(router, statistics);
    },
  });
  const { relay, redis } = service;
  return {
    tasks: supervision.tasks,
    app,
    consumerGroup: indicators.consumerGroup,
    relay,
    models,
    projection: indicators.projection,
    householdProjection,
    schemes,
    rankings,
    calculator,
    bulletins,
    accountability,
    complaints: supervision.complaints.complaints,
    job,
    redis,
  };
}
export type Assessment = Awaited<ReturnType<typeof createAssessment>>;

/** The scheduler ranking each quarter just closed, and its module (tests start it if asked). */
function rankingJobOf(
  service: ReturnType<typeof openService<AssessmentConfig>>,
  rankings: RankingService,
  opts: { startJob?: boolean; instance?: string },
) {
  const job = new RankingJob({
    rankings,
    connection: service.redis,
    prefix: service.queuePrefix,
    logger: service.rt.logger,
    pattern: service.config.RANKING_SCHEDULE,
    instance: opts.instance ?? randomUUID(),
  });
  const jobModules =
    (opts.startJob ?? true)
      ? [{ name: 'ranking job', start: () => job.start(), stop: () => job.stop() }]
      : [];
  return { job, jobModules };
}
