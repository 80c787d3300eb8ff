import {
  type Admin,
  Kafka,
  logLevel,
  Partitioners,
  type Producer,
  type SASLOptions,
} from 'kafkajs';
import type { Logger } from 'pino';
import type { ReadinessCheck } from '../http/health';
import { kafkaLogLevel } from './log-level';

/**
 * A kafkajs client whose own logs go to the service's pino logger (warnings and up; the
 * transient answers of a start as warnings, see `kafkaLogLevel`). `ssl`
 * and `sasl` are for managed clusters (TLS listeners with SCRAM or PLAIN credentials).
 */
export function createKafka(opts: {
  brokers: string[];
  clientId: string;
  logger: Logger;
  ssl?: boolean;
  sasl?: {
    mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
    username: string;
    password: string;
  };
}): Kafka {
  const log = opts.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    ...(opts.ssl ? { ssl: true } : {}),
    ...(opts.sasl ? { sasl: opts.sasl as SASLOptions } : {}),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 300, retries: 10 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }) => {
        const { message, ...rest } = entry;
        log[kafkaLogLevel(level, entry)](rest, message);
      },
  });
}

/** A producer that waits for all in-sync replicas; keys pick the partition (Java-compatible murmur2). */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    retry: { retries: 8 },
  });
}

/** Prefixes a contract topic for a deployment or a test (`t42.registry.area.v1`). */
export function topicName(prefix: string, topic: string): string {
  return prefix ? `${prefix}.${topic}` : topic;
}

/**
 * The consumer group of one of a service's consumers: `<prefix or fupin>.<service>.<purpose>`,
 * so two stacks (or two test files) on one broker never share a group, and a group's name says
 * whose it is.
 */
export function consumerGroupName(prefix: string, service: string, purpose: string): string {
  return `${prefix || 'fupin'}.${service}.${purpose}`;
}

export const dlqTopic = (topic: string) => `${topic}.dlq`;

/**
 * Partitions of a new topic: 3 unless KAFKA_TOPIC_PARTITIONS says otherwise. The test setup
 * uses 1, since every test file makes its own topics and a broker keeps files open per partition.
 */
const defaultPartitions = () => Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3) || 3;

/** Creates the topics (and their DLQs) a service publishes or consumes, if missing. */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  numPartitions = defaultPartitions(),
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [
      ...new Set(topics.flatMap((t) => (t.endsWith('.dlq') ? [t] : [t, dlqTopic(t)]))),
    ];
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length) {
      // kafkajs' own waitForLeaders retries only LEADER_NOT_AVAILABLE, but a KRaft broker
      // answers UNKNOWN_TOPIC_OR_PARTITION until the new topic's metadata has propagated,
      // so the wait for leaders is done here.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions })),
      });
      await waitForLeaders(admin, missing);
    }
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      const ready = meta.every(
        (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
      );
      if (ready) return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) throw new Error(`topics have no leader yet: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Readiness of Kafka as seen from this service: the cluster answers metadata. */
export function kafkaReadiness(kafka: Kafka): ReadinessCheck & { close: () => Promise<void> } {
  const admin = kafka.admin({ retry: { retries: 0 } });
  let connected: Promise<void> | undefined;
  return {
    name: 'kafka',
    check: async () => {
      connected ??= admin.connect().catch((err: unknown) => {
        connected = undefined;
        throw err;
      });
      await connected;
      await admin.describeCluster();
    },
    close: () => admin.disconnect(),
  };
}
