import path from 'node:path';
import {
  openService,
  personalDataCipherOf,
  projectedHouseholdModel,
  RegistryProjection,
  registryProjectionModule,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
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
  opts: ServiceOptions = {},
) {
  const cipher = personalDataCipherOf(config);
  const persons = personModel(rt.conn);
  const households = projectedHouseholdModel(rt.conn);
  const service = openService(rt, config, { ...opts, outbox: [persons] });
  const { audit, now } = service;
  const people = new PersonService({ persons, households, logger: rt.logger, now });
  const projection = new RegistryProjection({
    model: households,
    logger: rt.logger,
    onChanges: (changes) => people.projectionChanged(changes),
    now,
  });

  const ctx: SupportContext = { ...service, people, cipher };
  const education = educationModule(ctx);
  const health = healthModule(ctx);
  const statistics = new StatisticsService({ education, health });
  const app = await startService(service, {
    modules: [
      education.module,
      health.module,
      importsModule(ctx, education, health),
      registryProjectionModule(service, projection, {
        routes: { module: 'support', registryUrl: config.REGISTRY_URL },
        // A change hook that failed after the projection was written left a person behind.
        started: () =>
          void people.reconcile().then(
            (r) => rt.logger.info(r, 'person view reconciled with the projection'),
            (err: unknown) => rt.logger.warn({ err }, 'person view reconciliation failed'),
          ),
      }),
      { name: 'statistics', routes: (router) => statisticsRoutes(router, statistics, now) },
    ],
    openapi: path.join(__dirname, 'openapi'),
    routes: (router) => {
      referenceRoutes(router, config);
      personRoutes(router, people);
    },
  });
  const { relay } = service;
  return { app, relay, projection, people, education, health, audit, cipher, ctx };
}
export type Support = Awaited<ReturnType<typeof createSupport>>;
