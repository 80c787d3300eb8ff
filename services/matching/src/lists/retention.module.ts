import { createQueue, createWorker, type ServiceContext, type ServiceModule } from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { MatchingConfig } from '../config';
import type { ListRetention } from './list-retention';

export const RETENTION_QUEUE = 'matching-list-retention';
const SCHEDULER_ID = 'matching-list-retention-daily';

interface RetentionJob {
  requestedBy: string;
}

/**
 * The daily retention job (BullMQ job scheduler, one run a day whichever instance picks it
 * up, at `LIST_RETENTION_CRON` in Asia/Shanghai): deletes the rows of the lists past their
 * retention period on the service clock. A crashed run is finished by the next one.
 */
export function retentionModule(
  ctx: ServiceContext<MatchingConfig>,
  retention: ListRetention,
  opts: { enabled?: boolean } = {},
): ServiceModule {
  const queueOpts = {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
  };
  const log = ctx.rt.logger.child({ component: 'list-retention' });
  let queue: Queue<RetentionJob> | undefined;
  let worker: Worker<RetentionJob> | undefined;

  return {
    name: 'list-retention',
    async start() {
      if (opts.enabled === false) return;
      queue = createQueue<RetentionJob>(RETENTION_QUEUE, queueOpts);
      await queue.upsertJobScheduler(
        SCHEDULER_ID,
        { pattern: ctx.config.LIST_RETENTION_CRON, tz: 'Asia/Shanghai' },
        { name: 'daily', data: { requestedBy: 'scheduler' } },
      );
      worker = createWorker<RetentionJob>(
        RETENTION_QUEUE,
        async (job) => {
          const done = await retention.run();
          log.info({ jobId: job.id, ...done }, 'list retention done');
          return done;
        },
        { ...queueOpts, concurrency: 1, lockDuration: 300_000 },
      );
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
