import {
  AppError,
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  type SheetColumn,
  sendXlsx,
  uploadFileNameSchema,
  writeSheet,
  idParam,
} from '@fupin/kit';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { getRoute } from '../routes';
import { SchoolStage } from '@fupin/reference';
import { EnrollmentStatus } from '../education/education.reference';
import { InsuranceKind } from '../health/coverage.rules';
import { zh } from '../exports/sheet';
import { term, year } from '../http';
import { requireArea } from '../scope';
import type { EnrollmentData, ImportKind, InsuranceData } from './department-rows';
import { type ImportRow, OUTCOMES } from './import.model';
import { AREA_OF, type ImportService } from './import.service';

const OUTCOME_LABEL: Record<string, string> = {
  pending: '待比对',
  enrolled: '已比对入库',
  unknown_person: '非建档立卡人员',
  out_of_scope: '不在本辖区',
  rejected: '数据有误',
  duplicate: '名单内重复',
  not_found: '名单中未找到',
};

function fileNameOf(req: Request, q: { fileName?: string | undefined }): string {
  const header = req.headers['x-file-name'];
  return q.fileName ?? (typeof header === 'string' ? decodeURIComponent(header) : 'upload');
}

type ImportDeps = {
  imports: ImportService;
  enqueue: (importId: string) => Promise<void>;
  maxUploadBytes: number;
};

/** 部门名单导入 — upload, progress, the row-level reconciliation report. */
export function importRoutes(router: Router, deps: ImportDeps): void {
  uploadRoutes(router, deps);
  jobRoutes(router, deps.imports);
  reportRoute(router, deps.imports);
}

/** The two department lists, each uploaded by its own department and queued at once. */
function uploadRoutes(router: Router, deps: ImportDeps): void {
  const { imports } = deps;
  const upload = async (
    req: Request,
    res: Response,
    kind: ImportKind,
    period: { term?: string; year?: number },
  ) => {
    const q = parseInput(
      z.object({ fileName: uploadFileNameSchema.optional() }).passthrough(),
      req.query,
      {
        where: 'query',
      },
    );
    const job = await imports.accept(principalOf(req), req, {
      kind,
      ...period,
      fileName: fileNameOf(req, q),
      maxBytes: deps.maxUploadBytes,
    });
    await deps.enqueue(job.id);
    res.status(202).setHeader('Location', `/imports/${job.id}`).json(job);
  };

  router.post(
    '/imports/education-enrollment',
    requireRight('support', 'write'),
    requireArea('education'),
    handle(async (req, res) => {
      const q = parseInput(z.object({ term }).passthrough(), req.query, { where: 'query' });
      await upload(req, res, 'education_enrollment', { term: q.term });
    }),
  );
  router.post(
    '/imports/health-insurance',
    requireRight('support', 'write'),
    requireArea('health'),
    handle(async (req, res) => {
      const q = parseInput(z.object({ year }).passthrough(), req.query, { where: 'query' });
      await upload(req, res, 'health_insurance', { year: q.year });
    }),
  );
}

/** The jobs the caller may see, one job's progress and its rows. */
function jobRoutes(router: Router, imports: ImportService): void {
  router.get(
    '/imports',
    requireRight('support', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['createdAt', 'status', 'fileName'],
        defaultSort: ['createdAt', 'DESC'],
        filter: z.strictObject({
          kind: z.enum(['education_enrollment', 'health_insurance']).optional(),
          status: z.enum(['queued', 'running', 'completed', 'failed']).optional(),
        }),
      });
      const { items, total } = await imports.list(principalOf(req), q);
      sendList(res, 'imports', q, items, total);
    }),
  );
  getRoute(router, '/imports/:id', requireRight('support', 'read'), (p, id) => imports.get(p, id));
  router.get(
    '/imports/:id/rows',
    requireRight('support', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['seq', 'row', 'outcome', 'name'],
        defaultSort: ['seq', 'ASC'],
        filter: z.strictObject({ outcome: z.enum(OUTCOMES).optional() }),
      });
      const { items, total } = await imports.listRows(principalOf(req), id, q);
      sendList(res, 'import-rows', q, items, total);
    }),
  );
}

/** The row-level reconciliation report of a finished job. */
function reportRoute(router: Router, imports: ImportService): void {
  router.get(
    '/imports/:id/report.xlsx',
    requireRight('support', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const job = await imports.load(principalOf(req), id);
      if (job.status !== 'completed') {
        throw new AppError(409, 'IMPORT_NOT_FINISHED', {
          'zh-CN': '比对尚未完成，请稍后下载报告',
          en: 'The reconciliation has not finished; download the report later',
        });
      }
      sendXlsx(res, `名单比对报告-${id.slice(0, 8)}.xlsx`);
      await writeSheet(res, {
        name: '比对报告',
        rows: imports.rowsCursor(id),
        columns: reportColumns(AREA_OF[job.kind] === 'education'),
      });
    }),
  );
}

/** The report's columns: the list's own (by department), then what the matching found. */
function reportColumns(education: boolean): SheetColumn<ImportRow>[] {
  return [
    { header: '工作表', value: (x) => x.sheet },
    { header: '行号', value: (x) => x.row, width: 8 },
    { header: '身份证号（脱敏）', value: (x) => x.idMasked, width: 22 },
    { header: '姓名', value: (x) => x.name },
    ...(education
      ? [
          {
            header: '学校',
            value: (x: { data: unknown }) => (x.data as EnrollmentData | null)?.school ?? null,
            width: 24,
          },
          {
            header: '学段',
            value: (x: { data: unknown }) =>
              zh(SchoolStage, (x.data as EnrollmentData | null)?.stage),
          },
          {
            header: '学籍状态',
            value: (x: { data: unknown }) =>
              zh(EnrollmentStatus, (x.data as EnrollmentData | null)?.status),
          },
        ]
      : [
          {
            header: '险种',
            value: (x: { data: unknown }) =>
              zh(InsuranceKind, (x.data as InsuranceData | null)?.kind),
          },
        ]),
    { header: '比对结果', value: (x) => OUTCOME_LABEL[x.outcome] ?? x.outcome, width: 16 },
    { header: '行政村', value: (x) => x.areaCode, width: 14 },
    {
      header: '原因',
      value: (x) => x.problems.map((p) => `${p.field}：${p.message['zh-CN']}`).join('；') || null,
      width: 60,
    },
  ];
}
