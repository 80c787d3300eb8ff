import { importQueue } from '@fupin/kit';
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
    areas: ctx.repos.areas,
    chunks: ctx.models.importChunks,
    households: ctx.services.households,
    now: ctx.now,
  });
  const exports = new ExportService({ households: ctx.services.households, cipher: ctx.cipher });
  const queue = importQueue(QUEUE, imports, {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
  });

  return {
    name: 'imports',
    routes: (router) =>
      importRoutes(router, {
        imports,
        exports,
        maxUploadBytes: MAX_UPLOAD_BYTES,
        now: ctx.now,
        enqueue: (importId) => queue.enqueue('households', importId),
      }),
    start: queue.start,
    stop: queue.stop,
  };
}
