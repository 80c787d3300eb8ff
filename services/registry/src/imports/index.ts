import { AppError, createQueue, createWorker } from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { RegistryContext, RegistryModule } from '../module';
import { ExportService } from './export.service';
import { importChunkModel, importJobModel } from './import-job.model';
import { importRoutes } from './import.routes';
import { ImportService } from './import.service';

const QUEUE = 'registry-imports';
/** The largest upload the import accepts (the benchmark uses the same limit). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

interface ImportJobData {
  importId: string;
}

/** Excel/CSV import of households and members as BullMQ jobs, and XLSX export of household lists. */
export function importsModule(ctx: RegistryContext): RegistryModule {
  const imports = new ImportService({
    jobs: importJobModel(ctx.rt.conn),
    chunks: importChunkModel(ctx.rt.conn),
    households: ctx.services.households,
    now: ctx.now,
  });
  const exports = new ExportService({ households: ctx.services.households, cipher: ctx.cipher });
  const queueOpts = {
    connection: ctx.redis,
    prefix: ctx.queuePrefix || 'fupin',
    logger: ctx.rt.logger,
  };
  let queue: Queue<ImportJobData> | undefined;
  let worker: Worker<ImportJobData> | undefined;
  const log = ctx.rt.logger.child({ component: 'imports' });

  return {
    name: 'imports',
    routes: (router) =>
      importRoutes(router, {
        imports,
        exports,
        maxUploadBytes: MAX_UPLOAD_BYTES,
        now: ctx.now,
        enqueue: async (importId) => {
          if (!queue) throw new Error('the imports module has not started');
          await queue.add('households', { importId }, { jobId: importId });
        },
      }),
    async start() {
      queue = createQueue<ImportJobData>(QUEUE, queueOpts);
      worker = createWorker<ImportJobData>(
        QUEUE,
        async (job) => {
          const { importId } = job.data;
          try {
            await imports.run(importId);
          } catch (err) {
            // A problem with the file itself will not go away on retry.
            if (err instanceof AppError) return imports.fail(importId, err);
            if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
              await imports.fail(importId, err).catch(() => undefined);
            log.warn(
              { importId, err: err instanceof Error ? err.message : String(err) },
              'import attempt failed',
            );
            throw err;
          }
        },
        // Long imports renew their lock; a dead worker's job is picked up by another.
        { ...queueOpts, concurrency: 1, lockDuration: 120_000 },
      );
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
