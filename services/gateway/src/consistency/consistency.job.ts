import { AppError, createQueue, createWorker } from '@fupin/kit';
import { type Queue, UnrecoverableError, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { JobCaller, JobRequester } from '../upstream/job-caller';
import { type CheckDeps, failRun, runCheck } from './consistency.check';

export const CONSISTENCY_QUEUE = 'gateway-consistency-check';

export interface CheckJobData {
  runId: string;
  requester: JobRequester;
}

/** Where a run's job reports its progress (BullMQ's own progress of the job). */
export interface CheckProgress {
  done: number;
  total: number;
}

/**
 * The consistency check as a BullMQ job: one job per run (its id the run's), run as the user
 * who started it with a token issued when it runs. A refusal (the user disabled, the area no
 * longer theirs) fails the run at once; anything else is retried, and the run failed with the
 * last attempt.
 */
export class ConsistencyJob {
  private queue: Queue<CheckJobData> | undefined;
  private worker: Worker<CheckJobData> | undefined;

  constructor(
    private readonly deps: {
      check: CheckDeps;
      jobCaller: JobCaller;
      connection: Redis;
      prefix: string;
      logger: Logger;
      /** Run the worker in this process (the tests of the routes alone may not). */
      work: boolean;
    },
  ) {}

  async start(): Promise<void> {
    const opts = {
      connection: this.deps.connection,
      prefix: this.deps.prefix,
      logger: this.deps.logger,
    };
    this.queue = createQueue<CheckJobData>(CONSISTENCY_QUEUE, opts);
    if (!this.deps.work) return;
    this.worker = createWorker<CheckJobData>(CONSISTENCY_QUEUE, async (job) => this.run(job), {
      ...opts,
      concurrency: 2,
      lockDuration: 2 * 60_000,
    });
  }

  async enqueue(data: CheckJobData): Promise<void> {
    if (!this.queue) throw new Error('the consistency job is not started');
    await this.queue.add('check', data, { jobId: data.runId, attempts: 3 });
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  private async run(job: {
    data: CheckJobData;
    attemptsMade: number;
    opts: { attempts?: number };
    updateProgress(p: CheckProgress): Promise<void>;
  }): Promise<void> {
    const { runId, requester } = job.data;
    const actAs = async () => {
      const { caller, principal } = await this.deps.jobCaller(requester, runId);
      return { caller, p: principal };
    };
    try {
      await runCheck(this.deps.check, runId, actAs, (done, total) =>
        job.updateProgress({ done, total }),
      );
    } catch (err) {
      const refused = err instanceof AppError && err.status < 500;
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (refused || last) await failRun(this.deps.check, runId, err);
      if (refused) throw new UnrecoverableError(err.message);
      throw err;
    }
  }
}
