import path from 'node:path';
import {
  byteSealerOf,
  dossierPartRoute,
  openService,
  personalDataCipherOf,
  type ProjectedHousehold,
  projectedHouseholdModel,
  RegistryProjection,
  scopedRepository,
  registryProjectionModule,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import type { MatchingConfig } from './config';
import { MatchingDossier } from './dossier/dossier.service';
import { type Finding, findingModel } from './findings/finding.model';
import { FindingService } from './findings/finding.service';
import { findingsModule } from './findings';
import { registryOutcomesModule } from './findings/outcome.consumer';
import { type DepartmentList, type ListSeries, listModels } from './lists/list.model';
import { listRoutes } from './lists/list.routes';
import { ListService } from './lists/list.service';
import { ListRetention } from './lists/list-retention';
import { retentionModule } from './lists/retention.module';
import { personBucketModel } from './persons/person-index.model';
import { personIndexRoutes } from './persons/person-index.routes';
import { PersonIndex } from './persons/person-index.service';
import { qualityRoutes } from './quality/quality.routes';
import { QualityService } from './quality/quality.service';
import { type MatchingRun, matchingRunModel } from './runs/run.model';
import { type RunHooks, RunService } from './runs/run.service';
import { type RunWorkerOptions, runsModule } from './runs';
import { sealedFields } from './sealed-fields';

export interface MatchingOptions extends ServiceOptions {
  /** Findings recorded per write (tests use small batches). */
  batchSize?: number;
  hooks?: RunHooks;
  worker?: RunWorkerOptions;
}

/**
 * Composition of the matching service on an open runtime: the household projection and the
 * person index derived from it, department lists, runs (BullMQ) and findings with their
 * outbox relay, and the HTTP app. Used by main.ts, the tests and the benchmark.
 */
export async function createMatching(
  rt: ServiceRuntime,
  config: MatchingConfig,
  opts: MatchingOptions = {},
) {
  const cipher = personalDataCipherOf(config);
  const service = openService(rt, config, opts);
  const { audit, eventsStored, now } = service;

  const households = projectedHouseholdModel(rt.conn);
  const persons = new PersonIndex(personBucketModel(rt.conn), rt.logger, now);
  const projection = new RegistryProjection({
    model: households,
    logger: rt.logger,
    onChanges: (changes) => persons.applyMany(changes),
  });
  // The area-scoped collections are reached through their repositories only.
  const listModel = listModels(rt.conn);
  const findingsModel = findingModel(rt.conn);
  const sealer = byteSealerOf(config);
  const lists = new ListService({
    lists: scopedRepository<DepartmentList>(listModel.lists),
    series: scopedRepository<ListSeries>(listModel.series),
    segments: listModel.segments,
    cipher,
    sealer,
    now,
    maxBytes: config.MATCHING_MAX_UPLOAD_BYTES,
    retentionDays: config.LIST_RETENTION_DAYS,
  });
  const findings = new FindingService({
    findings: scopedRepository<Finding>(findingsModel, 'areaCodes'),
    outboxModel: findingsModel,
    eventsStored,
    now,
    overdueDays: config.MATCHING_OVERDUE_DAYS,
  });
  const quality = new QualityService({
    findings: scopedRepository<Finding>(findingsModel, 'areaCodes'),
    now,
  });
  const runsRepository = scopedRepository<MatchingRun>(
    matchingRunModel(rt.conn),
    'startedBy.areaCode',
  );
  const retention = new ListRetention({
    lists: scopedRepository<DepartmentList>(listModel.lists),
    segments: listModel.segments,
    findings: scopedRepository<Finding>(findingsModel, 'areaCodes'),
    runs: runsRepository,
    audit,
    sealer,
    days: config.LIST_RETENTION_DAYS,
    now,
    logger: rt.logger.child({ component: 'list-retention' }),
  });
  const runs = new RunService({
    runs: runsRepository,
    lists,
    persons,
    households,
    findings,
    logger: rt.logger,
    now,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    ...(opts.hooks ? { hooks: opts.hooks } : {}),
  });

  const dossier = new MatchingDossier({
    findings: scopedRepository<Finding>(findingsModel, 'areaCodes'),
    households: scopedRepository<ProjectedHousehold>(households),
    now,
  });

  const ctx = { ...service, cipher };
  const app = await startService(service, {
    modules: [
      registryProjectionModule(service, projection),
      runsModule(ctx, runs, opts.worker),
      retentionModule(ctx, retention, { enabled: opts.worker?.enabled !== false }),
      findingsModule(ctx, findings),
      registryOutcomesModule(ctx, findings),
    ],
    openapi: path.join(__dirname, 'openapi'),
    sealed: sealedFields(rt.conn),
    routes: (router) => {
      listRoutes(router, lists);
      qualityRoutes(router, { quality, audit });
      personIndexRoutes(router, {
        projection,
        households,
        index: persons,
        registryUrl: config.REGISTRY_URL,
      });
      dossierPartRoute(router, {
        module: 'matching',
        read: (p, id) => dossier.read(p, id),
        freshness: { rt, registryUrl: config.REGISTRY_URL },
      });
    },
  });
  const { relay } = service;
  return {
    app,
    relay,
    cipher,
    audit,
    ctx,
    projection,
    persons,
    lists,
    findings,
    quality,
    runs,
    retention,
    households,
  };
}
export type Matching = Awaited<ReturnType<typeof createMatching>>;
