import type { Worker } from 'bullmq';
import { AppError } from './errors';
import { createWorker, type QueueFactoryOptions } from './queue';

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
