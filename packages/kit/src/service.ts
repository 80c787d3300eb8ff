import { AuditRecorded } from '@fupin/contracts';
import type { Express, Router } from 'express';
import type { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import type { z } from 'zod';
import type { AuditLog } from './audit';
import { type BaseConfig, loadConfig } from './config';
import { createServiceApp, type ServiceAppOptions } from './http/app';
import { auditVerifyRoutes, documentAuditVerify } from './http/audit-verify';
import { documentKeyReseal, keyResealRoutes } from './http/key-reseal';
import type { OutboxRelay } from './kafka/outbox';
import { createLogger } from './logger';
import { loadOpenApi } from './openapi';
import {
  type RegistryProjection,
  registryProjectionRoutes,
} from './projection/registry-households';
import { openRedis } from './queue';
import { KeyResealJob } from './reseal/key-reseal-job';
import type { SealedCollection } from './reseal/sealed-fields';
import { openRuntime, serveHttp, type ServiceRuntime, startPublishing } from './runtime';
import {
  byteSealerOf,
  openOutbox,
  personalDataCipherOf,
  type PersonalDataKeys,
} from './service-outbox';

/** The options every service's composition takes (tests, tools and benchmarks set them). */
export interface ServiceOptions {
  /** The clock (tests move it across deadlines, terms and quarters). */
  now?: () => Date;
  /** Prefix of this deployment's BullMQ queues (tests use their own). */
  queuePrefix?: string;
  /** Consume the other services' events (off for tools and tests that only read what is stored). */
  consume?: boolean;
}

/**
 * The one default of a BullMQ queue prefix: the caller's, else the deployment's topic prefix,
 * else `fupin`, so deployments and test files sharing one Redis never take each other's jobs.
 */
export function queuePrefixOf(
  config: { KAFKA_TOPIC_PREFIX?: string },
  opts: { queuePrefix?: string },
): string {
  return opts.queuePrefix || config.KAFKA_TOPIC_PREFIX || 'fupin';
}

/** What every module of a service is given by its composition. */
export interface ServiceContext<C extends BaseConfig = BaseConfig> {
  rt: ServiceRuntime;
  config: C;
  audit: AuditLog;
  /** BullMQ connection for this service's jobs. */
  redis: Redis;
  /** Prefix for this deployment's BullMQ queues (see queuePrefixOf). */
  queuePrefix: string;
  /** Tells the outbox relay that events were stored. */
  eventsStored: () => void;
  /** The clock (tests move it). */
  now: () => Date;
}

/** A business module: its routes, its aggregates with outboxes, its background work. */
export interface ServiceModule {
  name: string;
  // Models whose documents carry an outbox, for the relay.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  outboxModels?: Model<any>[];
  topics?: string[];
  routes?(router: Router): void;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** A service opened by openService: its modules' context plus what startService needs. */
export interface OpenedService<C extends BaseConfig> extends ServiceContext<C> {
  relay: OutboxRelay;
  /** Whether this process consumes other services' events (ServiceOptions.consume). */
  consume: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  outboxModels: Model<any>[];
}

/**
 * What every service opens before its own parts: the clock, the outbox relay with the audit
 * log writing through it, and the Redis connection of its queues. `outbox` are the models
 * whose documents carry events; modules add theirs through `outboxModels`.
 */
export function openService<C extends BaseConfig & { REDIS_URL: string }>(
  rt: ServiceRuntime,
  config: C,
  opts: ServiceOptions & {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
    outbox?: Model<any>[];
  } = {},
): OpenedService<C> {
  const { relay, models, eventsStored, audit } = openOutbox(rt, {
    service: rt.name,
    models: opts.outbox ?? [],
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    pollMs: config.OUTBOX_POLL_MS,
  });
  return {
    rt,
    config,
    audit,
    redis: openRedis(rt, config.REDIS_URL),
    queuePrefix: queuePrefixOf(config, opts),
    eventsStored,
    now: opts.now ?? (() => new Date()),
    relay,
    consume: opts.consume ?? true,
    outboxModels: models,
  };
}

/** The parts a service declares: what it publishes, its modules, its routes and documents. */
export interface ServiceParts {
  /** Topics of the service's own aggregates (its modules' and the audit topic are added). */
  topics?: string[];
  /** Started in this order after publishing starts; stopped in the reverse order. */
  modules?: ServiceModule[];
  /** The folder of the service's OpenAPI document, served at /openapi.json. */
  openapi: string;
  /** Routes mounted before the modules' routes. */
  routes?: (router: Router) => void;
  /** Where the service keeps sealed personal data: resealed by `POST /keys/reseal`. */
  sealed?: SealedCollection[];
  app?: Pick<ServiceAppOptions, 'middleware' | 'beforeBody' | 'publicRoutes'> & {
    /** Public documents besides /openapi.json. */
    publicDocs?: Record<string, unknown>;
  };
}

/**
 * Starts an opened service: its modules' outbox models join the relay, publishing starts
 * (indexes, topics, relay), then each module in order, each stop joining the shutdown; returns
 * the HTTP app with the service's routes, then its modules'.
 */
export async function startService<C extends BaseConfig>(
  service: OpenedService<C>,
  parts: ServiceParts,
): Promise<Express> {
  const { rt, config } = service;
  const modules = [...(parts.modules ?? [])];
  if (parts.sealed) modules.push(keyResealModule(service, parts.sealed));
  for (const m of modules) service.outboxModels.push(...(m.outboxModels ?? []));
  const topics = new Set([
    ...(parts.topics ?? []),
    AuditRecorded.topic,
    ...modules.flatMap((m) => m.topics ?? []),
  ]);
  await startPublishing(rt, { relay: service.relay, topics: [...topics] });
  for (const m of modules) {
    await m.start?.();
    if (m.stop) rt.shutdown.add(m.name, m.stop);
  }
  return createServiceApp({
    name: rt.name,
    logger: rt.logger,
    verifier: rt.verifier,
    readiness: rt.readiness,
    metrics: rt.metrics,
    bodyLimit: config.HTTP_BODY_LIMIT,
    ...parts.app,
    publicDocs: {
      ...parts.app?.publicDocs,
      '/openapi.json': documentAuditVerify(
        parts.sealed ? documentKeyReseal(loadOpenApi(parts.openapi)) : loadOpenApi(parts.openapi),
      ),
    },
    routes: (router) => {
      auditVerifyRoutes(router, service.audit, service.now);
      parts.routes?.(router);
      for (const m of modules) m.routes?.(router);
    },
  });
}

/**
 * 重新加密 as a module: the service's reseal job (its worker in every instance) and its
 * `/keys/reseal` routes, with the service's own keys.
 */
function keyResealModule(
  service: OpenedService<BaseConfig>,
  collections: SealedCollection[],
): ServiceModule {
  const keys = service.config as BaseConfig & Partial<PersonalDataKeys>;
  if (!keys.PII_ENCRYPTION_KEY || !keys.PII_HMAC_KEY)
    throw new Error(`${service.rt.name} declares sealed fields but has no PII keys configured`);
  const job = new KeyResealJob({
    service: service.rt.name,
    collections,
    resealers: {
      values: personalDataCipherOf(keys as PersonalDataKeys),
      bytes: byteSealerOf(keys as PersonalDataKeys),
    },
    connection: service.redis,
    prefix: service.queuePrefix,
    logger: service.rt.logger,
  });
  return {
    name: 'key reseal',
    start: async () => job.start(),
    stop: () => job.stop(),
    routes: (router) => keyResealRoutes(router, job, service.audit),
  };
}

/**
 * The registry's households projected into this service as a module: consumed (when the
 * service consumes) under the group `registry-projection`, and with `routes` its
 * `/projection/*` routes under the service's rights.
 */
export function registryProjectionModule(
  service: Pick<OpenedService<BaseConfig>, 'rt' | 'consume'>,
  projection: RegistryProjection,
  opts: { routes?: { module: string; registryUrl: string }; started?: () => void } = {},
): ServiceModule {
  const routes = opts.routes;
  return {
    name: 'registry projection',
    start: async () => {
      if (!service.consume) return;
      await projection.start(service.rt, { groupId: service.rt.group('registry-projection') });
      opts.started?.();
    },
    ...(routes
      ? { routes: (router: Router) => registryProjectionRoutes(router, projection, routes) }
      : {}),
  };
}

/**
 * A service's process: config from the environment, the runtime, signal handlers, the
 * composition, HTTP; a failure to start goes to stderr (the logger may not exist yet) and
 * exits 1.
 */
export function runService<S extends z.ZodObject>(
  name: string,
  schema: S,
  compose: (rt: ServiceRuntime, config: z.infer<S>) => Promise<{ app: Express }>,
): void {
  serveService(name, async () => {
    const config = loadConfig(schema) as z.infer<S> & BaseConfig;
    const logger = createLogger({ name, level: config.LOG_LEVEL });
    const rt = await openRuntime(name, config, logger);
    return { rt, compose: () => compose(rt, config) };
  });
}

/** As runService, for a service that opens its runtime its own way (the gateway's keys). */
export function serveService(
  name: string,
  open: () => Promise<{ rt: ServiceRuntime; compose: () => Promise<{ app: Express }> }>,
): void {
  const main = async () => {
    const { rt, compose } = await open();
    rt.shutdown.installSignalHandlers();
    const { app } = await compose();
    await serveHttp(rt, app);
  };
  main().catch((err: unknown) => {
    process.stderr.write(
      `${name} failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  });
}
