import type { Queue, Worker } from 'bullmq';
import { AppError } from './errors';
import { createQueue, createWorker, type QueueFactoryOptions } from './queue';

export interface ImportJobData {
  importId: string;
}

/**
 * The BullMQ worker of an import whose state lives in a stored job record: a problem with the
 * file itself (an AppError) ends the import as failed at once, since it will not go away on a
 * retry; a fault is retried, and ends the import as failed after the last attempt.
 */
export function createImportWorker(
  queue: string,
  handlers: {
    run(importId: string): Promise<void>;
    fail(importId: string, err: unknown): Promise<void>;
  },
  opts: QueueFactoryOptions & { concurrency?: number; lockDuration?: number },
): Worker<ImportJobData> {
  const log = opts.logger.child({ component: 'imports', queue });
  return createWorker<ImportJobData>(
    queue,
    async (job) => {
      const { importId } = job.data;
      try {
        await handlers.run(importId);
      } catch (err) {
        if (err instanceof AppError) return handlers.fail(importId, err);
        if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
          await handlers.fail(importId, err).catch(() => undefined);
        log.warn(
          { importId, err: err instanceof Error ? err.message : String(err) },
          'import attempt failed',
        );
        throw err;
      }
    },
    // Long imports renew their lock; a dead worker's job is picked up by another.
    { concurrency: 1, lockDuration: 120_000, ...opts },
  );
}

/**
 * An import's queue and its worker, started and stopped with the module that owns them: routes
 * enqueue an import by its id (the BullMQ job id, so a second enqueue of one import is a no-op).
 */
export function importQueue(
  queue: string,
  handlers: Parameters<typeof createImportWorker>[1],
  opts: QueueFactoryOptions,
) {
  let q: Queue<ImportJobData> | undefined;
  let worker: Worker<ImportJobData> | undefined;
  return {
    /** Queues the import's run (`jobName` names it in BullMQ's dashboards). */
    async enqueue(jobName: string, importId: string): Promise<void> {
      if (!q) throw new Error(`the ${queue} queue has not started`);
      await q.add(jobName, { importId }, { jobId: importId });
    },
    async start(): Promise<void> {
      q = createQueue<ImportJobData>(queue, opts);
      worker = createImportWorker(queue, handlers, opts);
    },
    async stop(): Promise<void> {
      await worker?.close();
      await q?.close();
    },
  };
}
