import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  openService,
  projectedHouseholdModel,
  RegistryProjection,
  registryProjectionModule,
  scopedRepository,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import { bulletinRoutes } from './bulletins/bulletin.routes';
import { BulletinService } from './bulletins/bulletin.service';
import { rankingViewCheck } from './rankings/ranking-view';
import type { AssessmentConfig } from './config';
import { areaNameModel, type Fact, factModel, lateEventModel } from './indicators/fact.model';
import { FactStore } from './indicators/fact.store';
import { IndicatorCalculator } from './indicators/indicator.calculator';
import { IndicatorProjection } from './indicators/indicator.consumer';
import { RankingJob } from './rankings/ranking.job';
import {
  rankingModel,
  rankingRecordsModel,
  type RankingResult,
  rankingResultModel,
} from './rankings/ranking.model';
import { RANKING_TOPICS } from './rankings/ranking.events';
import { rankingRoutes } from './rankings/ranking.routes';
import { RankingService } from './rankings/ranking.service';
import { schemeModel } from './schemes/scheme.model';
import { schemeRoutes } from './schemes/scheme.routes';
import { SchemeService } from './schemes/scheme.service';
import { TargetImport } from './schemes/target-import';
import { statisticsRoutes } from './statistics/statistics.routes';
import { StatisticsService } from './statistics/statistics.service';

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
  const models = {
    facts: factModel(rt.conn),
    areas: areaNameModel(rt.conn),
    late: lateEventModel(rt.conn),
    households: projectedHouseholdModel(rt.conn),
    schemes: schemeModel(rt.conn),
    rankings: rankingModel(rt.conn),
    results: rankingResultModel(rt.conn),
    records: rankingRecordsModel(rt.conn),
  };
  const service = openService(rt, config, { ...opts, outbox: [models.rankings] });
  const { now } = service;
  // The area-scoped collections: a record's area in `areaCode`.
  const facts = scopedRepository<Fact>(models.facts);
  const householdProjection = new RegistryProjection({
    model: models.households,
    logger: rt.logger,
    now,
  });
  const projection = new IndicatorProjection({
    ctx: {
      facts: new FactStore(facts, now),
      areas: models.areas,
      households: householdProjection,
    },
    rankings: models.rankings,
    late: models.late,
    now,
  });
  const schemes = new SchemeService({
    schemes: models.schemes,
    areas: models.areas,
    countyCode: config.COUNTY_AREA_CODE,
    now,
  });
  const calculator = new IndicatorCalculator({
    facts,
    households: scopedRepository(models.households),
  });
  const rankings = new RankingService({
    rankings: models.rankings,
    results: scopedRepository<RankingResult>(models.results),
    records: models.records,
    late: models.late,
    schemes,
    calculator,
    countyCode: config.COUNTY_AREA_CODE,
    eventsStored: service.eventsStored,
    now,
    logger: rt.logger,
    view: rankingViewCheck(rt, {
      registryUrl: config.REGISTRY_URL,
      maxWaitMs: config.VIEW_MAX_WAIT_MS,
    }),
  });
  const targets = new TargetImport(schemes);
  const bulletins = new BulletinService({ rankings, schemes, now });
  const statistics = new StatisticsService({ rankings: models.rankings, late: models.late, now });

  // One group per deployment (its topic prefix), so deployments sharing a cluster never split
  // each other's partitions.
  const consumerGroup = rt.group('indicators');
  const job = new RankingJob({
    rankings,
    connection: service.redis,
    prefix: service.queuePrefix,
    logger: rt.logger,
    pattern: config.RANKING_SCHEDULE,
    instance: opts.instance ?? randomUUID(),
  });
  const app = await startService(service, {
    topics: RANKING_TOPICS,
    modules: [
      {
        name: 'indicators',
        start: async () => {
          if (service.consume) await projection.start(rt, { groupId: consumerGroup });
        },
      },
      ...((opts.startJob ?? true)
        ? [{ name: 'ranking job', start: () => job.start(), stop: () => job.stop() }]
        : []),
      // Its household projection is fed by the indicator consumer; only the routes here.
      registryProjectionModule({ ...service, consume: false }, householdProjection, {
        routes: { module: 'assessment', registryUrl: config.REGISTRY_URL },
      }),
    ],
    openapi: path.join(__dirname, 'openapi'),
    routes: (router) => {
      schemeRoutes(router, schemes, targets);
      rankingRoutes(router, rankings);
      bulletinRoutes(router, bulletins);
      statisticsRoutes(router, statistics);
    },
  });
  const { relay, redis } = service;
  return {
    app,
    consumerGroup,
    relay,
    models,
    projection,
    householdProjection,
    schemes,
    rankings,
    calculator,
    bulletins,
    job,
    redis,
  };
}
export type Assessment = Awaited<ReturnType<typeof createAssessment>>;
