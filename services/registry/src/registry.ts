import path from 'node:path';
import {
  openService,
  personalDataCipherOf,
  scopedRepository,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import { AREA_TOPICS } from './areas/area.events';
import { type Area, areaModel } from './areas/area.model';
import { areaRoutes } from './areas/area.routes';
import { AreaService } from './areas/area.service';
import type { RegistryConfig } from './config';
import type { mongo } from 'mongoose';
import { eventsModule } from './events';
import type { PendingDoc } from './events/event-position.service';
import { HOUSEHOLD_TOPICS } from './households/household.events';
import { type Household, householdModel, idClaimModel } from './households/household.model';
import { householdRoutes } from './households/household.routes';
import { HouseholdService } from './households/household.service';
import { householdListModel } from './households/list/household-list.model';
import { syncHouseholdListOnStart } from './household-list-start';
import { startGuaranteeDerivation } from './guarantee-derivation-start';
import { HouseholdListView } from './households/list/household-list.view';
import { importsModule } from './imports';
import { importChunkModel, type ImportJob, importJobModel } from './imports/import-job.model';
import type { RegistryContext, RegistryRepositories } from './module';
import { villagesModule } from './villages';
import { findingsModule } from './findings';
import { guaranteesModule } from './guarantees';
import { villageTapWater, villageTapWaters } from './guarantees/village-water';
import {
  type ExitTarget,
  exitTargetModel,
  type Village,
  villageModel,
} from './villages/village.model';
import { workflowsModule } from './workflows';
import { monitoringModule } from './monitoring';
import { dossierModule } from './dossier';
import { sealedFields } from './sealed-fields';

/**
 * Composition of the registry's modules on an open runtime: models, services, the outbox
 * relay, background work and the HTTP app. Used by main.ts and by the integration tests.
 */
export async function createRegistry(
  rt: ServiceRuntime,
  config: RegistryConfig,
  opts: Pick<ServiceOptions, 'now' | 'queuePrefix'> = {},
) {
  const cipher = personalDataCipherOf(config);
  const models = {
    areas: areaModel(rt.conn),
    households: householdModel(rt.conn),
    claims: idClaimModel(rt.conn),
    householdList: householdListModel(rt.conn),
    villages: villageModel(rt.conn),
    exitTargets: exitTargetModel(rt.conn),
    importJobs: importJobModel(rt.conn),
    importChunks: importChunkModel(rt.conn),
  };
  const repos: RegistryRepositories = {
    areas: scopedRepository<Area>(models.areas, 'code'),
    households: scopedRepository<Household>(models.households),
    villages: scopedRepository<Village>(models.villages, 'code'),
    exitTargets: scopedRepository<ExitTarget>(models.exitTargets),
    importJobs: scopedRepository<ImportJob>(models.importJobs, 'actorArea'),
  };
  const service = openService(rt, config, {
    ...opts,
    outbox: [models.areas, models.households, models.villages, models.exitTargets],
  });
  const { audit, eventsStored, now } = service;
  const householdList = new HouseholdListView({
    rows: models.householdList,
    households: repos.households,
    cipher,
  });
  await syncHouseholdListOnStart({
    households: models.households,
    rows: models.householdList,
    view: householdList,
    logger: rt.logger,
    now,
  });
  const services = {
    areas: new AreaService(repos.areas, eventsStored),
    households: new HouseholdService({
      households: repos.households,
      claims: models.claims,
      list: householdList,
      cipher,
      audit,
      eventsStored,
      now,
      villageTapWater: villageTapWater(repos.villages),
      villageTapWaters: villageTapWaters(repos.villages),
    }),
  };
  const ctx: RegistryContext = {
    ...service,
    repos,
    models: { claims: models.claims, importChunks: models.importChunks },
    services,
    cipher,
  };
  const modules = [
    workflowsModule(ctx),
    importsModule(ctx),
    villagesModule(ctx),
    guaranteesModule(ctx),
    findingsModule({ ...ctx, consume: service.consume }),
    monitoringModule({ ...ctx, consume: service.consume }),
    dossierModule(ctx),
    // The households' outboxes, for the event position (the relay's own view of them).
    eventsModule(ctx, models.households.collection as unknown as mongo.Collection<PendingDoc>),
  ];
  const app = await startService(service, {
    topics: [...AREA_TOPICS, ...HOUSEHOLD_TOPICS],
    modules,
    openapi: path.join(__dirname, 'openapi'),
    sealed: sealedFields(rt.conn, (ids) => services.households.afterRehash(ids)),
    routes: (router) => {
      areaRoutes(router, services.areas);
      householdRoutes(router, services.households);
    },
  });
  // Households of an older guarantee derivation, re-derived in the background (stopped first).
  const derivation = startGuaranteeDerivation({
    households: services.households,
    villages: repos.villages,
    logger: rt.logger,
    now,
  });
  rt.shutdown.add('guarantee derivation', derivation.stop);
  const { relay } = service;
  return {
    app,
    relay,
    models,
    repos,
    services,
    householdList,
    cipher,
    audit,
    ctx,
    modules,
    derivation,
  };
}
export type Registry = Awaited<ReturnType<typeof createRegistry>>;
