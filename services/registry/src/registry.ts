import path from 'node:path';
import { AuditRecorded } from '@fupin/contracts';
import {
  openOutbox,
  openRedis,
  personalDataCipherOf,
  createServiceApp,
  loadOpenApi,
  type ServiceRuntime,
  startPublishing,
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
  opts: { now?: () => Date; queuePrefix?: string } = {},
) {
  const now = opts.now ?? (() => new Date());
  const cipher = personalDataCipherOf(config);
  const models = {
    areas: areaModel(rt.conn),
    households: householdModel(rt.conn),
    claims: idClaimModel(rt.conn),
    householdList: householdListModel(rt.conn),
  };
  // The relay is created first so every writer can notify it; models are added below.
  const {
    relay,
    models: relayModels,
    eventsStored,
    audit,
  } = openOutbox(rt, {
    service: 'registry',
    models: [models.areas, models.households],
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    pollMs: config.OUTBOX_POLL_MS,
  });
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
  const redis = openRedis(rt, config.REDIS_URL);

  const ctx: RegistryContext = {
    rt,
    config,
    models,
    services,
    cipher,
    audit,
    redis,
    queuePrefix: opts.queuePrefix ?? config.KAFKA_TOPIC_PREFIX ?? '',
    eventsStored,
    now,
  };
  const modules = [
    workflowsModule(ctx),
    importsModule(ctx),
    villagesModule(ctx),
    eventsModule(ctx),
  ];
  for (const m of modules) relayModels.push(...(m.outboxModels ?? []));

  await startPublishing(rt, {
    relay,
    topics: [
      ...AREA_TOPICS,
      ...HOUSEHOLD_TOPICS,
      AuditRecorded.topic,
      ...modules.flatMap((m) => m.topics ?? []),
    ],
  });
  for (const m of modules) {
    await m.start?.();
    if (m.stop) rt.shutdown.add(m.name, m.stop);
  }

  const app = createServiceApp({
    name: 'registry',
    logger: rt.logger,
    verifier: rt.verifier,
    readiness: rt.readiness,
    metrics: rt.metrics,
    publicDocs: { '/openapi.json': loadOpenApi(path.join(__dirname, 'openapi')) },
    routes: (router) => {
      areaRoutes(router, services.areas);
      householdRoutes(router, services.households);
      for (const m of modules) m.routes(router);
    },
  });
  return { app, relay, models, services, householdList, cipher, audit, ctx, modules };
}
export type Registry = Awaited<ReturnType<typeof createRegistry>>;
