import path from 'node:path';
import {
  openService,
  personalDataCipherOf,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import { AREA_TOPICS } from './areas/area.events';
import { areaModel } from './areas/area.model';
import { areaRoutes } from './areas/area.routes';
import { AreaService } from './areas/area.service';
import type { RegistryConfig } from './config';
import { eventsModule } from './events';
import { HOUSEHOLD_TOPICS } from './households/household.events';
import { householdModel, idClaimModel } from './households/household.model';
import { householdRoutes } from './households/household.routes';
import { HouseholdService } from './households/household.service';
import { householdListModel } from './households/list/household-list.model';
import { syncHouseholdListOnStart } from './households/list/household-list.rebuild';
import { HouseholdListView } from './households/list/household-list.view';
import { importsModule } from './imports';
import type { RegistryContext } from './module';
import { villagesModule } from './villages';
import { workflowsModule } from './workflows';

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
  };
  const service = openService(rt, config, {
    ...opts,
    outbox: [models.areas, models.households],
  });
  const { audit, eventsStored, now } = service;
  const householdList = new HouseholdListView({
    rows: models.householdList,
    households: models.households,
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
    areas: new AreaService(models.areas, eventsStored),
    households: new HouseholdService({
      households: models.households,
      claims: models.claims,
      list: householdList,
      cipher,
      audit,
      eventsStored,
      now,
    }),
  };
  const ctx: RegistryContext = { ...service, models, services, cipher };
  const modules = [
    workflowsModule(ctx),
    importsModule(ctx),
    villagesModule(ctx),
    eventsModule(ctx),
  ];
  const app = await startService(service, {
    topics: [...AREA_TOPICS, ...HOUSEHOLD_TOPICS],
    modules,
    openapi: path.join(__dirname, 'openapi'),
    routes: (router) => {
      areaRoutes(router, services.areas);
      householdRoutes(router, services.households);
    },
  });
  const { relay } = service;
  return { app, relay, models, services, householdList, cipher, audit, ctx, modules };
}
export type Registry = Awaited<ReturnType<typeof createRegistry>>;
