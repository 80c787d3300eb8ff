import {
  AppError,
  areaInScope,
  type AuditLog,
  bi,
  handle,
  idParam,
  outsideScope,
  parseInput,
  principalOf,
  requireReason,
  requireRight,
  sendPdf,
  zmsg,
} from '@fupin/kit';
import { areaLevel } from '@fupin/reference';
import type { Request, Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { callerOf } from '../upstream/ask';
import { requesterOf } from '../upstream/job-caller';
import { householdOf } from './handbook/handbook.read';
import { printDocument, rendererOf } from './print.document';
import { printHousehold, type UnmaskAsked, unmaskRefused, villageName } from './print.sources';
import { PRINT_KINDS, type PrintKind } from './print.types';
import { type PrintJobData, yearOf } from './print.village';

export interface PrintJobView {
  id: string;
  state: 'queued' | 'running' | 'completed' | 'failed';
  progress: { done: number; total: number | null };
  kind: PrintKind;
  areaCode: string;
  createdAt: string;
  error?: string;
}

/** The print jobs as the routes use them: each job seen only by the user who asked for it. */
export interface PrintJobs {
  enqueue(data: PrintJobData): Promise<string>;
  view(id: string, userId: string): Promise<PrintJobView>;
  file(id: string, userId: string): Promise<{ bytes: Buffer; job: PrintJobView }>;
}

const unmaskQuery = z.strictObject({
  unmask: z.enum(['true', 'false']).optional(),
  reason: z.string().max(200).optional(),
});

const areaCode = z
  .string()
  .regex(/^\d{12}$/, zmsg('须为12位数字的地区代码', 'must be a 12-digit area code'));

/** A village's code, or a 422 saying prints are made village by village. */
function villageCode(code: string): string {
  let level: string | null = null;
  try {
    level = areaLevel(code);
  } catch {
    level = null;
  }
  if (level !== 'village')
    throw new AppError(
      422,
      'GATEWAY_PRINT_VILLAGE_ONLY',
      bi(
        '只能按行政村打印：请选择一个村（乡镇请逐村打印）',
        'Prints are made per village: choose a village (a township village by village)',
      ),
      {
        errors: [
          { field: 'areaCode', code: 'village_only', message: bi('须为村', 'must be a village') },
        ],
      },
    );
  return code;
}

const jobBody = z.strictObject({
  areaCode,
  kind: z.enum(PRINT_KINDS).default('handbook'),
  unmask: z.boolean().optional(),
  reason: z.string().max(200).optional(),
});

/** In clear only for a caller with the unmask right (403) who gives a reason (400). */
function unmaskAsked(req: Request, asked: boolean, reason: string | undefined): UnmaskAsked | null {
  if (!asked) return null;
  const refused = unmaskRefused(principalOf(req));
  if (refused) throw refused;
  return { reason: requireReason(reason) };
}

/**
 * 扶贫手册 (issue 23, item 3): one household's handbook at once, and a village's printed file
 * (handbooks or 明白卡) as a job with progress whose file its requester downloads.
 */
export function printRoutes(
  router: Router,
  deps: {
    services: Record<string, string>;
    logger: Logger;
    audit: AuditLog;
    now: () => Date;
    jobs: PrintJobs;
  },
): void {
  const log = deps.logger.child({ component: 'prints' });

  router.get(
    '/households/:id/handbook.pdf',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const q = parseInput(unmaskQuery, req.query, { where: 'query' });
      const unmask = unmaskAsked(req, q.unmask === 'true', q.reason);
      const caller = callerOf(req);
      const now = deps.now();
      const h = await printHousehold(deps.services, p, id, caller, log, {
        unmask,
        now,
        parts: rendererOf('handbook').parts,
      });
      const facts = householdOf(h.dossier);
      if (unmask)
        await deps.audit.record(p, {
          action: 'export',
          subjectType: 'household',
          subjectIds: [id],
          fields: ['members.idNumber', 'members.phone', 'phone'],
          reason: unmask.reason,
          requestId: typeof req.id === 'string' ? req.id : null,
        });
      const name = await villageName(deps.services, facts.areaCode, caller);
      const bytes = await printDocument('handbook', [h], {
        year: yearOf(now),
        villageName: name,
        subject: facts.householdNo,
        now,
      });
      sendPdf(res, `扶贫手册-${facts.householdNo}.pdf`, bytes);
    }),
  );

  router.post(
    '/handbooks',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const body = parseInput(jobBody, req.body);
      const village = villageCode(body.areaCode);
      if (!areaInScope(principalOf(req), village)) throw outsideScope();
      rendererOf(body.kind);
      const unmask = unmaskAsked(req, body.unmask === true, body.reason);
      const id = await deps.jobs.enqueue({
        kind: body.kind,
        areaCode: village,
        requester: requesterOf(req),
        unmask,
        createdAt: deps.now().toISOString(),
      });
      res.status(202).json({ id });
    }),
  );

  router.get(
    '/handbooks/:id',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await deps.jobs.view(id, principalOf(req).userId));
    }),
  );

  router.get(
    '/handbooks/:id/file',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { bytes, job } = await deps.jobs.file(id, principalOf(req).userId);
      const what = job.kind === 'card' ? '明白卡' : '扶贫手册';
      sendPdf(res, `${what}-${job.areaCode}.pdf`, bytes);
    }),
  );
}
