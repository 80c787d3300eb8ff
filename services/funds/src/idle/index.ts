import { randomUUID } from 'node:crypto';
import { FundsIdleAssessed } from '@fupin/contracts';
import {
  createQueue,
  createWorker,
  type ScopedRepository,
  type ServiceContext,
  type ServiceModule,
} from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { BatchService } from '../batches/batch.service';
import type { DisbursementService } from '../disbursements/disbursement.service';
import type { FundsConfig } from '../config';
import type { Project } from '../projects/project.model';
import { idleRunModel } from './idle.model';
import { idleRoutes } from './idle.routes';
import { IdleFundsService } from './idle.service';
import { shanghaiDateOf } from '@fupin/reference';

export const IDLE_QUEUE = 'funds-idle';
const SCHEDULER_ID = 'funds-idle-daily';

interface IdleJob {
  requestedBy: string;
}

/**
 * The daily idle-funds job (BullMQ job scheduler, one run per day whichever instance picks
 * it up): first it finishes what a crash may have left half done (batch allocations, payment
 * holds), then it computes the day's idle funds on the service clock.
 */
export function idleModule(
  ctx: ServiceContext<FundsConfig>,
  deps: {
    projects: ScopedRepository<Project>;
    batches: BatchService;
    disbursements: DisbursementService;
  },
): ServiceModule & { service: IdleFundsService; queue: () => Queue<IdleJob> | undefined } {
  const runs = idleRunModel(ctx.rt.conn);
  const service = new IdleFundsService({
    runs,
    projects: deps.projects,
    days: ctx.config.IDLE_FUNDS_DAYS,
    startDays: ctx.config.IDLE_START_DAYS,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const queueOpts = {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
  };
  const log = ctx.rt.logger.child({ component: 'idle-funds' });
  let queue: Queue<IdleJob> | undefined;
  let worker: Worker<IdleJob> | undefined;

  return {
    name: 'idle-funds',
    service,
    queue: () => queue,
    outboxModels: [runs],
    topics: [FundsIdleAssessed.topic],
    routes: (router) =>
      idleRoutes(router, service, async (requestedBy) => {
        if (!queue) throw new Error('the idle-funds module has not started');
        const job = await queue.add('manual', { requestedBy }, { jobId: `manual-${randomUUID()}` });
        return { jobId: job.id ?? '', date: shanghaiDateOf(ctx.now()) };
      }),
    async start() {
      queue = createQueue<IdleJob>(IDLE_QUEUE, queueOpts);
      await queue.upsertJobScheduler(
        SCHEDULER_ID,
        { pattern: ctx.config.IDLE_FUNDS_CRON, tz: 'Asia/Shanghai' },
        { name: 'daily', data: { requestedBy: 'scheduler' } },
      );
      worker = createWorker<IdleJob>(
        IDLE_QUEUE,
        async (job) => {
          const resumed = await deps.batches.resumeAll();
          const repaired = await deps.disbursements.reconcileHolds();
          const run = await service.run(ctx.now());
          log.info(
            {
              jobId: job.id,
              date: run.date,
              idleFen: run.totals.idleFen,
              townshipsWithIdle: run.totals.townshipsWithIdle,
              resumed,
              repaired,
            },
            'idle-funds check done',
          );
          return { date: run.date, idleFen: run.totals.idleFen };
        },
        { ...queueOpts, concurrency: 1, lockDuration: 120_000 },
      );
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
