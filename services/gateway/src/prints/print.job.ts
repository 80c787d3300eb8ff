import { randomUUID } from 'node:crypto';
import {
  AppError,
  bi,
  createQueue,
  createWorker,
  type ServiceContext,
  type ServiceModule,
} from '@fupin/kit';
import { type Job, type Queue, UnrecoverableError, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { printRoutes, type PrintJobs, type PrintJobView } from './print.routes';
import { PrintFiles } from './print.store';
import {
  type PrintJobData,
  type PrintProgress,
  printVillage,
  type VillagePrintDeps,
} from './print.village';

export const PRINTS_QUEUE = 'gateway-prints';

type PrintJob = Job<PrintJobData, { fileId: string; households: number }>;

const notFound = () => new AppError(404, 'NOT_FOUND', bi('打印任务不存在', 'Print job not found'));

const STATES: Record<string, PrintJobView['state']> = {
  waiting: 'queued',
  delayed: 'queued',
  prioritized: 'queued',
  'waiting-children': 'queued',
  active: 'running',
  completed: 'completed',
  failed: 'failed',
};

function viewOf(job: PrintJob, state: string): PrintJobView {
  const p = job.progress as Partial<PrintProgress> | number;
  const progress =
    typeof p === 'object' && p !== null
      ? { done: p.done ?? 0, total: p.total ?? null }
      : { done: 0, total: null };
  return {
    id: job.id!,
    state: STATES[state] ?? 'queued',
    progress,
    kind: job.data.kind,
    areaCode: job.data.areaCode,
    createdAt: job.data.createdAt,
    ...(state === 'failed' ? { error: job.failedReason || '打印失败' } : {}),
  };
}

/**
 * A village's prints as BullMQ jobs: queued by `POST /handbooks`, run by the gateway's worker
 * (a problem of the request itself, an AppError, is not retried), the file kept in GridFS.
 */
export function printsModule(
  service: Pick<ServiceContext, 'rt' | 'audit' | 'redis' | 'queuePrefix' | 'now'>,
  upstream: Pick<VillagePrintDeps, 'services' | 'logger' | 'jobCaller'>,
  opts: { enabled?: boolean } = {},
): ServiceModule {
  const deps: VillagePrintDeps & { redis: Redis; queuePrefix: string } = {
    ...upstream,
    files: new PrintFiles(service.rt.conn),
    audit: service.audit,
    now: service.now,
    redis: service.redis,
    queuePrefix: service.queuePrefix,
  };
  const queueOpts = { connection: deps.redis, prefix: deps.queuePrefix, logger: deps.logger };
  const log: Logger = deps.logger.child({ component: 'prints' });
  let queue: Queue<PrintJobData> | undefined;
  let worker: Worker<PrintJobData> | undefined;

  const mine = async (id: string, userId: string): Promise<PrintJob> => {
    const job = (await queue?.getJob(id)) as PrintJob | undefined;
    if (!job || job.data.requester.userId !== userId) throw notFound();
    return job;
  };

  const jobs: PrintJobs = {
    async enqueue(data) {
      if (!queue) throw new Error('the prints module has not started');
      // Each new job clears the files of a day ago (no TTL index: expiry is done by jobs).
      await deps.files
        .deleteOlderThanADay(deps.now())
        .catch((err: unknown) => log.warn({ err }, 'old print files not deleted'));
      const id = randomUUID();
      await queue.add('print', data, { jobId: id, attempts: 2 });
      return id;
    },
    async view(id, userId) {
      const job = await mine(id, userId);
      return viewOf(job, await job.getState());
    },
    async file(id, userId) {
      const job = await mine(id, userId);
      const state = await job.getState();
      if (state !== 'completed' || !job.returnvalue)
        throw new AppError(
          409,
          'GATEWAY_PRINT_NOT_READY',
          bi('打印任务尚未完成，请稍后再下载', 'The print job has not finished: download it later'),
        );
      const bytes = await deps.files.get(job.returnvalue.fileId);
      if (!bytes)
        throw new AppError(
          410,
          'GATEWAY_PRINT_FILE_GONE',
          bi(
            '文件已超过保留期限被删除，请重新打印',
            'The file was deleted after a day: print it again',
          ),
        );
      return { bytes, job: viewOf(job, state) };
    },
  };

  return {
    name: 'prints',
    routes: (router) => printRoutes(router, { ...deps, jobs }),
    async start() {
      queue = createQueue<PrintJobData>(PRINTS_QUEUE, queueOpts);
      if (opts.enabled === false) return;
      worker = createWorker<PrintJobData>(
        PRINTS_QUEUE,
        async (job) => {
          try {
            return await printVillage(deps, job.id!, job.data, (p) => job.updateProgress({ ...p }));
          } catch (err) {
            // The user disabled, the area out of scope: asking again will not help.
            if (err instanceof AppError) throw new UnrecoverableError(err.messages['zh-CN']);
            throw err;
          }
        },
        { ...queueOpts, concurrency: 2, lockDuration: 120_000 },
      );
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
