import { createQueue, createWorker, type QueueFactoryOptions } from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import { ZONE } from '../common/calendar';
import type { CoverageService } from './coverage.service';

const QUEUE = 'assistance-coverage';
const SCHEDULER = 'coverage-daily';

/**
 * The daily coverage check as a BullMQ job scheduler: one schedule in Redis whatever the
 * number of instances, each run taken by one worker, a failed run retried.
 */
export function coverageJob(
  coverage: CoverageService,
  opts: QueueFactoryOptions & { cron: string },
) {
  let queue: Queue | undefined;
  let worker: Worker | undefined;
  return {
    async start() {
      queue = createQueue(QUEUE, opts);
      await queue.upsertJobScheduler(
        SCHEDULER,
        { pattern: opts.cron, tz: ZONE },
        { name: 'coverage', data: {} },
      );
      worker = createWorker(
        QUEUE,
        async () => {
          const report = await coverage.runDaily();
          opts.logger.info(
            { date: report._id, uncovered: report.uncoveredTotal, loadsRepaired: report.loadsRepaired },
            'coverage check done',
          );
          return { date: report._id, uncovered: report.uncoveredTotal };
        },
        opts,
      );
    },
    /** Runs the check now (an administrator asked); resolves with the job id. */
    async runNow(): Promise<string> {
      if (!queue) throw new Error('the coverage job has not started');
      const job = await queue.add('coverage', {});
      return job.id ?? '';
    },
    /** The schedules stored in Redis (one, however many instances started). */
    async schedulers() {
      if (!queue) throw new Error('the coverage job has not started');
      return queue.getJobSchedulers();
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
