import { Queue, Worker, type JobsOptions, type Processor, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ReadinessCheck } from './http/health';
import type { Shutdown } from './lifecycle';
import { type Metrics, metricsOf } from './http/metrics';

/**
 * A Redis connection for BullMQ. Workers need `maxRetriesPerRequest: null` so blocking
 * commands survive a Redis restart instead of failing the worker.
 */
export function createRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  return redis;
}

/**
 * The service's Redis connection: closed by its shutdown and part of its readiness, so /readyz
 * answers 503 while Redis is away.
 */
export function openRedis(
  rt: { logger: Logger; shutdown: Shutdown; readiness: ReadinessCheck[] },
  url: string,
): Redis {
  const redis = createRedis(url, rt.logger);
  rt.shutdown.add('redis', async () => redis.disconnect());
  rt.readiness.push(redisReadiness(redis));
  return redis;
}

export function redisReadiness(redis: Redis): ReadinessCheck {
  return {
    name: 'redis',
    check: async () => {
      if ((await redis.ping()) !== 'PONG') throw new Error('redis did not answer PONG');
    },
  };
}

export interface QueueFactoryOptions {
  connection: Redis;
  /** Separates deployments and test files that share one Redis. */
  prefix?: string;
  logger: Logger;
  /** Where the queue's depth is reported; by default the runtime's (found from `logger`). */
  metrics?: Metrics;
}

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** A queue whose job counts by state the service's /metrics reports until it is closed. */
export function createQueue<T = unknown, R = unknown>(
  name: string,
  opts: QueueFactoryOptions,
): Queue<T, R> {
  const queue = new Queue<T, R>(name, {
    connection: opts.connection,
    prefix: opts.prefix ?? 'fupin',
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  // A queue re-emits its connection's errors; without a listener an error while closing (the
  // connection already gone) would be thrown as an unhandled 'error' event and end the process.
  queue.on('error', (err) =>
    opts.logger.warn({ err: err.message, queue: name }, 'queue connection error'),
  );
  closeOnceReady(queue);
  const metrics = opts.metrics ?? metricsOf(opts.logger, opts.connection);
  if (metrics) {
    const unwatch = metrics.watchQueue(queue);
    const close = queue.close.bind(queue);
    queue.close = async () => {
      unwatch();
      await close();
    };
  }
  return queue;
}

/**
 * A worker whose jobs are retried when it dies: a job whose lock is not renewed (the
 * process was killed) is found stalled and handed to another worker. `close()` (called on
 * SIGTERM by the service's shutdown) lets running jobs finish first.
 */
export function createWorker<T = unknown, R = unknown>(
  name: string,
  processor: Processor<T, R>,
  opts: QueueFactoryOptions &
    Partial<
      Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>
    >,
): Worker<T, R> {
  const worker = new Worker<T, R>(name, processor, {
    connection: opts.connection,
    prefix: opts.prefix ?? 'fupin',
    concurrency: opts.concurrency ?? 1,
    lockDuration: opts.lockDuration ?? 30_000,
    stalledInterval: opts.stalledInterval ?? 30_000,
    maxStalledCount: opts.maxStalledCount ?? 2,
  });
  const log = opts.logger.child({ component: 'worker', queue: name });
  worker.on('failed', (job, err) =>
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'),
  );
  worker.on('error', (err) => log.error({ err: err.message }, 'worker error'));
  closeOnceReady(worker);
  return worker;
}

/**
 * Closes a queue or worker once its connection is ready (or after 2 s): bullmq's connection, closed while
 * it is still connecting, drops its listeners and then reports the failed connect as an
 * 'error' nobody hears, which ends the process (seen when a test stops two replicas at once).
 */
function closeOnceReady(x: {
  waitUntilReady(): Promise<unknown>;
  close(force?: boolean): Promise<void>;
}): void {
  const close = x.close.bind(x);
  x.close = async (force?: boolean) => {
    // Bounded: with Redis away the connection is never ready, and the close must go on.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      x.waitUntilReady().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, 2000))),
    ]);
    clearTimeout(timer);
    await close(force);
  };
}
