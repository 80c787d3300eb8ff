import type { AuditLog } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Logger } from 'pino';
import { areaHouseholds, mapLimit } from '../dossier/area-households';
import type { JobCaller, JobRequester } from '../upstream/job-caller';
import { printDocument, rendererOf } from './print.document';
import { benefitRows, printHousehold, type UnmaskAsked, villageName } from './print.sources';
import type { PrintFiles } from './print.store';
import type { PrintKind } from './print.types';

// A village's printed file (扶贫手册 or 明白卡 of every household) as a background job: the
// households in 户号 order, the village's 受益底册 rows asked once, the dossiers a few at a time,
// one PDF stored for the user who asked. Runs as that user, with a token issued when it runs.

/** Households asked at once: the services each answer a dossier part per household. */
export const PRINT_CONCURRENCY = 8;

/** What a print job keeps (no token: the requester's id only). */
export interface PrintJobData {
  kind: PrintKind;
  areaCode: string;
  requester: JobRequester;
  unmask: UnmaskAsked | null;
  createdAt: string;
}

export interface PrintProgress {
  done: number;
  total: number;
}

export interface VillagePrintDeps {
  services: Record<string, string>;
  jobCaller: JobCaller;
  files: PrintFiles;
  audit: AuditLog;
  logger: Logger;
  now: () => Date;
}

export const yearOf = (now: Date) => Number(shanghaiDateOf(now).slice(0, 4));

/** Prints the village of job `jobId`; returns the stored file's id. */
export async function printVillage(
  deps: VillagePrintDeps,
  jobId: string,
  data: PrintJobData,
  progress: (p: PrintProgress) => Promise<void>,
): Promise<{ fileId: string; households: number }> {
  const log = deps.logger.child({ component: 'prints', jobId });
  const { caller, principal: p } = await deps.jobCaller(data.requester, jobId);
  const [households, rows, name] = await Promise.all([
    areaHouseholds(deps.services, data.areaCode, caller, log),
    benefitRows(deps.services, p, { areaCode: data.areaCode }, caller, log),
    villageName(deps.services, data.areaCode, caller),
  ]);
  await progress({ done: 0, total: households.length });
  if (data.unmask)
    await deps.audit.record(p, {
      action: 'export',
      subjectType: 'household',
      subjectIds: households.map((h) => h.id),
      fields: ['members.idNumber', 'members.phone', 'phone'],
      reason: data.unmask.reason,
      requestId: data.requester.requestId ?? null,
    });
  const now = deps.now();
  const printed = await mapLimit(
    households,
    PRINT_CONCURRENCY,
    (h) =>
      printHousehold(deps.services, p, h.id, caller, log, {
        rows,
        unmask: data.unmask,
        now,
        parts: rendererOf(data.kind).parts,
      }),
    (done) => progress({ done, total: households.length }),
  );
  const bytes = await printDocument(data.kind, printed, {
    year: yearOf(now),
    villageName: name,
    subject: name,
    now,
  });
  const fileId = await deps.files.put(jobId, bytes, {
    userId: data.requester.userId,
    kind: data.kind,
    areaCode: data.areaCode,
  });
  log.info({ households: households.length, bytes: bytes.length }, 'village printed');
  return { fileId, households: households.length };
}
