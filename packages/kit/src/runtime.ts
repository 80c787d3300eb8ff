import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Kafka, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BaseConfig } from './config';
import { closeServer, listen } from './http/app';
import { createTokenVerifier, type TokenVerifier } from './http/auth';
import { redisRevocationCheck } from './http/revocation';
import type { ReadinessCheck } from './http/health';
import { bindMetrics, createMetrics, type Metrics } from './http/metrics';
import {
  createKafka,
  createProducer,
  ensureTopics,
  kafkaReadiness,
  topicName,
  consumerGroupName,
} from './kafka/client';
import { OutboxRelay } from './kafka/outbox';
import { Shutdown } from './lifecycle';
import { connectMongo, ensureIndexes, mongoReadiness } from './mongo';
import { setupTracing } from './observability/tracing';

/** The connections every service holds, opened once by its composition root. */
export interface ServiceRuntime {
  name: string;
  config: BaseConfig;
  logger: Logger;
  conn: Connection;
  kafka: Kafka;
  producer: Producer;
  verifier: TokenVerifier;
  metrics: Metrics;
  readiness: ReadinessCheck[];
  shutdown: Shutdown;
  topic: (contractTopic: string) => string;
  /** The group id of this service's consumer for `purpose` (see consumerGroupName). */
  group: (purpose: string) => string;
}

/**
 * Connects Mongo and the Kafka producer, prepares auth, metrics, tracing and ordered shutdown.
 * The metrics are bound to the Kafka client, the producer and the logger, so the consumers,
 * relays and queues made with them report to this service's /metrics by themselves.
 */
export async function openRuntime(
  name: string,
  config: BaseConfig,
  logger: Logger,
): Promise<ServiceRuntime> {
  const shutdown = new Shutdown(logger);
  const tracing = setupTracing(name);
  // Last step of the shutdown: spans of the final requests still reach the collector.
  if (tracing.exporting) shutdown.add('trace export', () => tracing.flush());
  const conn = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, logger });
  shutdown.add('mongo', () => conn.close());
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: name,
    logger,
    ssl: config.KAFKA_SSL,
    ...(config.KAFKA_SASL_MECHANISM && config.KAFKA_SASL_USERNAME
      ? {
          sasl: {
            mechanism: config.KAFKA_SASL_MECHANISM,
            username: config.KAFKA_SASL_USERNAME,
            password: config.KAFKA_SASL_PASSWORD ?? '',
          },
        }
      : {}),
  });
  const producer = createProducer(kafka);
  await producer.connect();
  shutdown.add('kafka producer', () => producer.disconnect());
  const kafkaCheck = kafkaReadiness(kafka);
  shutdown.add('kafka readiness', () => kafkaCheck.close());
  // With Redis configured, every request also checks the gateway's revocations (logout,
  // lock, rights change); a dedicated client that fails fast instead of queueing forever.
  let isRevoked: ReturnType<typeof redisRevocationCheck> | undefined;
  if (config.REDIS_URL) {
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, commandTimeout: 2000 });
    redis.on('error', (err) => logger.warn({ err: err.message }, 'redis (revocations) error'));
    shutdown.add('redis revocations', async () => redis.disconnect());
    isRevoked = redisRevocationCheck(redis, config.KAFKA_TOPIC_PREFIX);
  }
  const verifier = await createTokenVerifier({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    ...(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : {}),
    ...(config.AUTH_PUBLIC_KEY ? { publicKeyPem: config.AUTH_PUBLIC_KEY } : {}),
    ...(isRevoked ? { isRevoked } : {}),
  });
  const metrics = createMetrics(name);
  bindMetrics(metrics, kafka, producer, logger);
  return {
    name,
    config,
    logger,
    conn,
    kafka,
    producer,
    verifier,
    metrics,
    readiness: [mongoReadiness(conn), kafkaCheck],
    shutdown,
    topic: (t) => topicName(config.KAFKA_TOPIC_PREFIX, t),
    group: (purpose) => consumerGroupName(config.KAFKA_TOPIC_PREFIX, name, purpose),
  };
}

/**
 * Prepares what the service publishes (indexes, topics) and starts its outbox relay, whose
 * backlog the service's /metrics then reports.
 */
export async function startPublishing(
  rt: ServiceRuntime,
  opts: { relay: OutboxRelay; topics: string[] },
): Promise<void> {
  await ensureIndexes(rt.conn);
  await ensureTopics(rt.kafka, opts.topics.map(rt.topic));
  opts.relay.start();
  const unwatch = rt.metrics.watchOutbox(opts.relay);
  rt.shutdown.add('outbox relay', async () => {
    unwatch();
    await opts.relay.stop();
  });
}

/** Listens, and on shutdown stops taking requests first and waits for in-flight ones. */
export async function serveHttp(rt: ServiceRuntime, app: Express): Promise<Server> {
  const server = await listen(app, rt.config.PORT);
  rt.shutdown.add('http', () => closeServer(server));
  const address = server.address();
  rt.logger.info(
    { port: typeof address === 'object' && address ? address.port : rt.config.PORT },
    `${rt.name} listening`,
  );
  return server;
}
