import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Something whose backlog is measured at scrape time (an outbox relay, a queue). */
interface Measured<T> {
  read: () => Promise<T>;
  /** The last value read, served when a read fails or is slow, so /metrics never hangs. */
  last?: T;
}

/** A consumer's lag per partition, kept up to date by the consumer itself. */
export interface LagSource {
  group: string;
  lag: () => ReadonlyMap<string, { topic: string; partition: number; lag: number }>;
}

/** The job counts a BullMQ queue reports (Queue.getJobCounts). */
export interface QueueLike {
  name: string;
  getJobCounts: (...states: (typeof QUEUE_STATES)[number][]) => Promise<Record<string, number>>;
}

/** An outbox relay's pending documents (OutboxRelay.backlog). */
export interface BacklogLike {
  backlog: () => Promise<number>;
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'paused'] as const;
const SCRAPE_READ_TIMEOUT_MS = 1500;

async function readWithin<T>(m: Measured<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    m.last = await Promise.race([
      m.read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), SCRAPE_READ_TIMEOUT_MS);
      }),
    ]);
  } catch {
    // Keep the previous value: a scrape must not fail because Mongo or Redis is slow.
  } finally {
    clearTimeout(timer);
  }
  return m.last;
}

/** HTTP latency by matched route, and requests in flight. */
function httpMetrics(registry: Registry): RequestHandler {
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpInFlight = new Gauge({
    name: 'http_requests_in_flight',
    help: 'HTTP requests being served',
    registers: [registry],
  });
  return (req, res, next) => {
    const end = httpDuration.startTimer();
    httpInFlight.inc();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      httpInFlight.dec();
      // The matched route pattern, not the raw path: IDs in paths would explode cardinality.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    };
    res.on('finish', finish);
    res.on('close', finish);
    next();
  };
}

/** Kafka consumer throughput, handling time, and the lag each consumer reports. */
function kafkaMetrics(registry: Registry) {
  const consumerMessages = new Counter({
    name: 'kafka_consumer_messages_total',
    help: 'Kafka messages handled by outcome: processed, duplicate (skipped), retried, dead_lettered',
    labelNames: ['topic', 'group', 'outcome'] as const,
    registers: [registry],
  });
  const consumerDuration = new Histogram({
    name: 'kafka_consumer_processing_seconds',
    help: 'Time to handle one Kafka message, retries included',
    labelNames: ['topic', 'group'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const lagSources = new Set<LagSource>();
  new Gauge({
    name: 'kafka_consumer_lag',
    help: 'Messages not yet consumed per partition this instance owns (high watermark minus position)',
    labelNames: ['topic', 'partition', 'group'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const source of lagSources) {
        for (const { topic, partition, lag } of source.lag().values())
          this.set({ topic, partition: String(partition), group: source.group }, lag);
      }
    },
  });
  return { consumerMessages, consumerDuration, lagSources };
}

/** Events the outbox relays published, their failed passes, and their backlog at scrape time. */
function outboxMetrics(registry: Registry) {
  const published = new Counter({
    name: 'outbox_events_published_total',
    help: 'Events the outbox relay published to Kafka, by topic',
    labelNames: ['topic'] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'outbox_relay_failures_total',
    help: 'Relay passes that failed (Kafka or Mongo unavailable); the events stay and are retried',
    registers: [registry],
  });
  const relays = new Set<Measured<number>>();
  new Gauge({
    name: 'outbox_backlog',
    help: 'Aggregates whose events are stored but not yet published',
    registers: [registry],
    async collect() {
      let total = 0;
      for (const r of relays) total += (await readWithin(r)) ?? 0;
      this.set(total);
    },
  });
  return { published, failures, relays };
}

/** BullMQ job counts by queue and state, read at scrape time. */
function queueMetrics(registry: Registry) {
  const queues = new Map<string, Measured<Record<string, number>>>();
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'BullMQ jobs by queue and state (waiting + prioritized + delayed is the queue depth)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [name, q] of queues) {
        const counts = await readWithin(q);
        for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts?.[state] ?? 0);
      }
    },
  });
  return queues;
}

/**
 * One Prometheus registry per service instance (tests start several apps in one process):
 * HTTP latency and in-flight requests, Kafka consumer throughput and lag, outbox publishing
 * and backlog, BullMQ queue depth, and the Node.js process metrics.
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const middleware = httpMetrics(registry);
  const { consumerMessages, consumerDuration, lagSources } = kafkaMetrics(registry);
  const outbox = outboxMetrics(registry);
  const queues = queueMetrics(registry);

  const handler: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };

  return {
    registry,
    middleware,
    handler,
    kafka: { consumerMessages, consumerDuration },
    outbox: { published: outbox.published, failures: outbox.failures },
    /** A consumer reports its per-partition lag until the returned function is called. */
    watchConsumerLag(source: LagSource): () => void {
      lagSources.add(source);
      return () => lagSources.delete(source);
    },
    /** The relay's backlog is read at each scrape (bounded by a timeout). */
    watchOutbox(relay: BacklogLike): () => void {
      const m: Measured<number> = { read: () => relay.backlog() };
      outbox.relays.add(m);
      return () => outbox.relays.delete(m);
    },
    /** The queue's job counts are read at each scrape (bounded by a timeout). */
    watchQueue(queue: QueueLike): () => void {
      const m: Measured<Record<string, number>> = {
        read: () => queue.getJobCounts(...QUEUE_STATES),
      };
      queues.set(queue.name, m);
      return () => queues.delete(queue.name);
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The service's metrics, found from a client the runtime opened (its Kafka client, producer
 * or logger), so the kit's consumers, relays and queues report without every service
 * passing the metrics along. `openRuntime` binds them.
 */
const boundMetrics = new WeakMap<object, Metrics>();

export function bindMetrics(metrics: Metrics, ...owners: object[]): void {
  for (const o of owners) boundMetrics.set(o, metrics);
}

export function metricsOf(...owners: (object | undefined)[]): Metrics | undefined {
  for (const o of owners) {
    const m = o ? boundMetrics.get(o) : undefined;
    if (m) return m;
  }
  return undefined;
}
