import {
  AppError,
  createQueue,
  createWorker,
  type ServiceContext,
  type ServiceModule,
} from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { MatchingConfig } from '../config';
import { runViewCheck } from './run-view';
import { runRoutes } from './run.routes';
import type { RunService } from './run.service';

export const RUNS_QUEUE = 'matching-runs';

interface RunJobData {
  runId: string;
}

export interface RunWorkerOptions {
  /** How long a worker holds a run without renewing; a dead worker's run is taken over after it. */
  lockDuration?: number;
  stalledInterval?: number;
  /** Whether this instance executes runs (an API-only instance only queues them). */
  enabled?: boolean;
}

/** Matching runs as BullMQ jobs: queued by the API, executed by the service's worker. */
export function runsModule(
  ctx: ServiceContext<MatchingConfig>,
  runs: RunService,
  opts: RunWorkerOptions = {},
): ServiceModule {
  const queueOpts = {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
  };
  let queue: Queue<RunJobData> | undefined;
  let worker: Worker<RunJobData> | undefined;
  const log = ctx.rt.logger.child({ component: 'runs' });

  return {
    name: 'runs',
    routes: (router) =>
      runRoutes(router, {
        runs,
        view: runViewCheck(ctx.rt, {
          registryUrl: ctx.config.REGISTRY_URL,
          maxWaitMs: ctx.config.VIEW_MAX_WAIT_MS,
        }),
        enqueue: async (runId) => {
          if (!queue) throw new Error('the runs module has not started');
          await queue.add('run', { runId }, { jobId: runId });
        },
      }),
    async start() {
      queue = createQueue<RunJobData>(RUNS_QUEUE, queueOpts);
      if (opts.enabled === false) return;
      worker = createWorker<RunJobData>(
        RUNS_QUEUE,
        async (job) => {
          const { runId } = job.data;
          try {
            await runs.execute(runId, (p) => job.updateProgress({ ...p }));
          } catch (err) {
            // A problem with the run itself (a list gone) will not go away on retry.
            if (err instanceof AppError) return runs.fail(runId, err);
            if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
              await runs.fail(runId, err).catch(() => undefined);
            log.warn(
              { runId, err: err instanceof Error ? err.message : String(err) },
              'run attempt failed',
            );
            throw err;
          }
        },
        {
          ...queueOpts,
          concurrency: 1,
          lockDuration: opts.lockDuration ?? 120_000,
          stalledInterval: opts.stalledInterval ?? 30_000,
        },
      );
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
