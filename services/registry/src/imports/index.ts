import { createImportWorker, createQueue, type ImportJobData } from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { RegistryContext, RegistryModule } from '../module';
import { ExportService } from './export.service';
import { importRoutes } from './import.routes';
import { ImportService } from './import.service';

const QUEUE = 'registry-imports';
/** The largest upload the import accepts (the benchmark uses the same limit). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

/** Excel/CSV import of households and members as BullMQ jobs, and XLSX export of household lists. */
export function importsModule(ctx: RegistryContext): RegistryModule {
  const imports = new ImportService({
    jobs: ctx.repos.importJobs,
    chunks: ctx.models.importChunks,
    households: ctx.services.households,
    now: ctx.now,
  });
  const exports = new ExportService({ households: ctx.services.households, cipher: ctx.cipher });
  const queueOpts = {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
  };
  let queue: Queue<ImportJobData> | undefined;
  let worker: Worker<ImportJobData> | undefined;

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
      worker = createImportWorker(QUEUE, imports, queueOpts);
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
