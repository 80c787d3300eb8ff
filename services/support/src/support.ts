import path from 'node:path';
import {
  openService,
  personalDataCipherOf,
  projectedHouseholdModel,
  RegistryProjection,
  registryProjectionModule,
  scopedRepository,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import type { SupportConfig } from './config';
import { dossierModule } from './dossier';
import { educationModule } from './education';
import { educationModels } from './education/education.model';
import { healthModule } from './health';
import { healthModels } from './health/health.model';
import { importsModule } from './imports';
import { importModels } from './imports/import.model';
import { ledgerModule } from './ledger';
import type { SupportContext, SupportRepositories } from './module';
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
  const models = {
    persons: personModel(rt.conn),
    ...educationModels(rt.conn),
    ...healthModels(rt.conn),
    ...importModels(rt.conn),
  };
  const households = projectedHouseholdModel(rt.conn);
  const service = openService(rt, config, {
    ...opts,
    outbox: [models.persons, models.payments, models.dropouts, models.episodes, models.enrollments],
  });
  const { audit, now } = service;
  const repos: SupportRepositories = {
    persons: scopedRepository(models.persons),
    students: scopedRepository(models.students),
    enrollments: scopedRepository(models.enrollments),
    payments: scopedRepository(models.payments),
    dropouts: scopedRepository(models.dropouts),
    episodes: scopedRepository(models.episodes),
    contracts: scopedRepository(models.contracts),
    illnesses: scopedRepository(models.illnesses),
    imports: scopedRepository(models.imports, 'actorArea'),
  };
  const people = new PersonService({ persons: repos.persons, households, logger: rt.logger, now });
  const projection = new RegistryProjection({
    model: households,
    logger: rt.logger,
    onChanges: (changes) => people.projectionChanged(changes),
    now,
  });

  const ctx: SupportContext = { ...service, people, cipher, repos };
  // Subsidy standards and an import's rows are not placed in an area: the standards are the
  // county's reference data, the rows are reached only through their (scoped) import.
  const education = educationModule(ctx, { standards: models.standards });
  const health = healthModule(ctx);
  const statistics = new StatisticsService({ repos, education, health });
  const app = await startService(service, {
    modules: [
      education.module,
      health.module,
      importsModule(ctx, education, health, { rows: models.rows, pending: models.pending }),
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
      dossierModule(ctx),
      ledgerModule(ctx),
    ],
    openapi: path.join(__dirname, 'openapi'),
    routes: (router) => {
      referenceRoutes(router, config);
      personRoutes(router, people);
    },
  });
  const { relay } = service;
  return { app, relay, models, projection, people, education, health, audit, cipher, ctx };
}
export type Support = Awaited<ReturnType<typeof createSupport>>;
