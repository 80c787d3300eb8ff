import path from 'node:path';
import {
  dossierPartRoute,
  openService,
  personalDataCipherOf,
  RegistryProjection,
  registryProjectionModule,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import { assistanceCollections } from './collections';
import type { AssistanceConfig } from './config';
import { coverageModule } from './coverage';
import { AssistanceDossier } from './dossier/dossier.service';
import { exportRoutes } from './exports/export.routes';
import { helperRoutes } from './helpers/helper.routes';
import { HelperService } from './helpers/helper.service';
import { HouseholdDirectory } from './households/household.directory';
import { followHouseholdMoves } from './households/household.moves';
import { householdRoutes } from './households/household.routes';
import { importRoutes } from './imports/import.routes';
import { PairingImportService } from './imports/pairing-import.service';
import { ledgerRoutes } from './ledger/ledger.routes';
import { AssistanceLedger } from './ledger/ledger.service';
import { MEASURE_TOPICS } from './measures/measure.events';
import { measureRoutes } from './measures/measure.routes';
import { MeasureService } from './measures/measure.service';
import { PAIRING_TOPICS } from './pairings/pairing.events';
import { PairingLimitService } from './pairings/pairing-limits.service';
import { pairingRoutes } from './pairings/pairing.routes';
import { PairingService } from './pairings/pairing.service';
import { planRoutes } from './plans/plan.routes';
import { PlanService } from './plans/plan.service';
import { receiptRoutes } from './receipts/receipt.routes';
import { ReceiptService } from './receipts/receipt.service';
import { statisticsRoutes } from './statistics/statistics.routes';
import { StatisticsService } from './statistics/statistics.service';
import { VillageAssignmentService } from './villages/village-assignment.service';
import { villageRoutes } from './villages/village.routes';
import { WorkTeamService } from './villages/work-team.service';
import { VISIT_TOPICS } from './visits/visit.events';
import { visitRoutes } from './visits/visit.routes';
import { VisitService } from './visits/visit.service';
import { sealedFields } from './sealed-fields';

/**
 * Composition of the assistance service (帮扶) on an open runtime: its collections, services
 * and modules (the registry projection, whose moves the kept records follow, and the daily
 * coverage job) on kit's service skeleton. Used by main.ts and by the integration tests.
 */
export async function createAssistance(
  rt: ServiceRuntime,
  config: AssistanceConfig,
  opts: ServiceOptions = {},
) {
  const cipher = personalDataCipherOf(config);
  const { models, repos } = assistanceCollections(rt.conn);
  const service = openService(rt, config, {
    ...opts,
    outbox: [models.pairings, models.measures, models.visits],
  });
  const { audit, eventsStored, now } = service;
  const households = new HouseholdDirectory(repos.households);
  const helpers = new HelperService({ helpers: repos.helpers, cipher, audit, now });
  const limits = new PairingLimitService({ limits: models.limits, now });
  // What pairings, measures and visits each check: the helper, the household; and the clock.
  const work = { helpers, households, eventsStored, now };
  const pairings = new PairingService({ pairings: repos.pairings, limits, ...work });
  const measures = new MeasureService({ measures: repos.measures, ...work });
  const plans = new PlanService({ plans: repos.plans, households, measures, now });
  const visits = new VisitService({
    visits: repos.visits,
    photos: repos.photos,
    pairings,
    ...work,
    photoMaxBytes: config.PHOTO_MAX_BYTES,
  });
  const assignments = new VillageAssignmentService({
    assignments: repos.assignments,
    helpers,
    now,
  });
  const teams = new WorkTeamService({ teams: repos.teams, helpers, now });
  const coverage = coverageModule(service, {
    households,
    pairings,
    helpers,
    reports: models.reports,
  });
  const statistics = new StatisticsService({ coverage: coverage.service, visits, measures });
  const imports = new PairingImportService({
    imports: repos.imports,
    helpers,
    pairings,
    households,
    now,
  });
  // 一户一档: the household's pairings, plan, measures and visits, read through their repositories.
  const dossier = new AssistanceDossier({ ...repos, households, helpers, now });
  const projection = new RegistryProjection({
    model: models.projected,
    logger: rt.logger,
    onChanges: followHouseholdMoves([pairings, measures, plans, visits]),
    now,
  });

  const app = await startService(service, {
    topics: [...PAIRING_TOPICS, ...MEASURE_TOPICS, ...VISIT_TOPICS],
    modules: [
      registryProjectionModule(service, projection, {
        routes: { module: 'assistance', registryUrl: config.REGISTRY_URL },
      }),
      coverage.module,
    ],
    openapi: path.join(__dirname, 'openapi'),
    sealed: sealedFields(rt.conn),
    routes: (router) => {
      householdRoutes(router, { households, pairings, measures, visits });
      helperRoutes(router, helpers);
      pairingRoutes(router, pairings, limits);
      villageRoutes(router, assignments, teams);
      planRoutes(router, plans);
      measureRoutes(router, measures);
      visitRoutes(router, visits);
      receiptRoutes(router, new ReceiptService({ receipts: repos.receipts, visits, audit, now }));
      statisticsRoutes(router, statistics);
      dossierPartRoute(router, {
        module: 'assistance',
        read: (p, id) => dossier.read(p, id),
        freshness: { rt, registryUrl: config.REGISTRY_URL },
      });
      importRoutes(router, imports);
      ledgerRoutes(router, new AssistanceLedger({ measures: repos.measures }));
      exportRoutes(router, {
        helpers,
        pairings,
        measures,
        visits,
        plans,
        coverage: coverage.service,
        audit,
        now,
      });
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
      coverage: coverage.service,
      statistics,
      imports,
    },
    job: coverage.job,
  };
}
export type Assistance = Awaited<ReturnType<typeof createAssistance>>;
