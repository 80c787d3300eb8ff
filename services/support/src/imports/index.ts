import { importQueue } from '@fupin/kit';
import type { Model } from 'mongoose';
import type { Education } from '../education';
import type { Health } from '../health';
import type { SupportContext, SupportModule } from '../module';
import type { ImportRow, PendingRows } from './import.model';
import { importRoutes } from './import.routes';
import { ImportReconciliation } from './import-reconciliation';
import { ImportService } from './import.service';

const QUEUE = 'support-imports';

/** Department lists (education enrollment, health insurance) reconciled as BullMQ jobs. */
export function importsModule(
  ctx: SupportContext,
  education: Education,
  health: Health,
  models: { rows: Model<ImportRow>; pending: Model<PendingRows> },
): SupportModule {
  const imports = new ImportService({
    imports: ctx.repos.imports,
    rows: models.rows,
    pending: models.pending,
    cipher: ctx.cipher,
    now: ctx.now,
  });
  const reconciliation = new ImportReconciliation({
    imports: ctx.repos.imports,
    rows: models.rows,
    pending: models.pending,
    persons: ctx.repos.persons,
    people: ctx.people,
    students: education.students,
    insurance: health.insurance,
    now: ctx.now,
  });
  const queue = importQueue(QUEUE, reconciliation, {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
  });

  return {
    name: 'imports',
    routes: (router) =>
      importRoutes(router, {
        imports,
        maxUploadBytes: ctx.config.IMPORT_MAX_BYTES,
        enqueue: (importId) => queue.enqueue('reconcile', importId),
      }),
    start: queue.start,
    stop: queue.stop,
  };
}
