import path from 'node:path';
import { AuditRecorded } from '@fupin/contracts';
import {
  openOutbox,
  openRedis,
  personalDataCipherOf,
  createServiceApp,
  loadOpenApi,
  projectedHouseholdModel,
  RegistryProjection,
  registryProjectionRoutes,
  type ServiceRuntime,
  startPublishing,
} from '@fupin/kit';
import type { SupportConfig } from './config';
import { educationModule } from './education';
import { healthModule } from './health';
import { importsModule } from './imports';
import type { SupportContext } from './module';
import { personModel } from './people/person.model';
import { personRoutes } from './people/person.routes';
import { PersonService } from './people/person.service';
import { referenceRoutes } from './reference.routes';
import { statisticsRoutes } from './statistics/statistics.routes';
import { StatisticsService } from './statistics/statistics.service';

/**
 * Composition of the support service on an open runtime: the registry projection and the
 * person view derived from it, the education, health and import modules, the outbox relay
 * and the HTTP app. Used by main.ts and by the integration tests.
 */
export async function createSupport(
  rt: ServiceRuntime,
  config: SupportConfig,
  opts: { now?: () => Date; queuePrefix?: string; consume?: boolean } = {},
) {
  const now = opts.now ?? (() => new Date());
  const cipher = personalDataCipherOf(config);
  const persons = personModel(rt.conn);
  const households = projectedHouseholdModel(rt.conn);
  const {
    relay,
    models: relayModels,
    eventsStored,
    audit,
  } = openOutbox(rt, {
    service: 'support',
    models: [persons],
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    pollMs: config.OUTBOX_POLL_MS,
  });
  const people = new PersonService({ persons, households, logger: rt.logger, now });
  const projection = new RegistryProjection({
    model: households,
    logger: rt.logger,
    onChanges: (changes) => people.projectionChanged(changes),
    now,
  });
  const redis = openRedis(rt, config.REDIS_URL);

  const ctx: SupportContext = {
    rt,
    config,
    people,
    audit,
    cipher,
    redis,
    queuePrefix: opts.queuePrefix ?? config.KAFKA_TOPIC_PREFIX ?? '',
    eventsStored,
    now,
  };
  const education = educationModule(ctx);
  const health = healthModule(ctx);
  const modules = [education.module, health.module, importsModule(ctx, education, health)];
  for (const m of modules) relayModels.push(...(m.outboxModels ?? []));
  const statistics = new StatisticsService({ education, health });

  await startPublishing(rt, {
    relay,
    topics: [AuditRecorded.topic, ...modules.flatMap((m) => m.topics ?? [])],
  });
  for (const m of modules) {
    await m.start?.();
    if (m.stop) rt.shutdown.add(m.name, m.stop);
  }
  if (opts.consume !== false) {
    await projection.start(rt, { groupId: rt.group('registry-projection') });
    // A change hook that failed after the projection was written left a person behind.
    void people.reconcile().then(
      (r) => rt.logger.info(r, 'person view reconciled with the projection'),
      (err: unknown) => rt.logger.warn({ err }, 'person view reconciliation failed'),
    );
  }

  const app = createServiceApp({
    name: 'support',
    logger: rt.logger,
    verifier: rt.verifier,
    readiness: rt.readiness,
    metrics: rt.metrics,
    publicDocs: { '/openapi.json': loadOpenApi(path.join(__dirname, 'openapi')) },
    routes: (router) => {
      referenceRoutes(router, config);
      personRoutes(router, people);
      registryProjectionRoutes(router, projection, {
        module: 'support',
        registryUrl: config.REGISTRY_URL,
      });
      for (const m of modules) m.routes(router);
      statisticsRoutes(router, statistics, now);
    },
  });
  return { app, relay, projection, people, education, health, audit, cipher, ctx };
}
export type Support = Awaited<ReturnType<typeof createSupport>>;
