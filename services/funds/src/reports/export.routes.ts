import {
  type AuditLog,
  handle,
  principalOf,
  requireRight,
  sendXlsx,
  type SheetColumn,
  writeSheet,
} from '@fupin/kit';
import {
  FundingSource,
  labelOf,
  ProjectStatus,
  ProjectType,
  shanghaiDateOf,
} from '@fupin/reference';
import type { Router } from 'express';
import { disbursementListQuery } from '../disbursements/disbursement.routes';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { DisbursementService } from '../disbursements/disbursement.service';
import { projectListQuery } from '../projects/project.routes';
import type { Project } from '../projects/project.model';
import type { ProjectService } from '../projects/project.service';
import { yuan } from '../shared/money';
import { unmaskOf } from '../shared/unmask';

const PROJECT_COLUMNS: SheetColumn<Project>[] = [
  { header: '项目编号', value: (p) => p.code, text: true },
  { header: '项目名称', value: (p) => p.name, width: 30 },
  { header: '项目类型', value: (p) => labelOf(ProjectType, p.type, 'zh-CN') },
  { header: '年度', value: (p) => p.year },
  { header: '区划代码', value: (p) => p.areaCode, text: true },
  { header: '建设地点', value: (p) => p.location, width: 24 },
  { header: '状态', value: (p) => labelOf(ProjectStatus, p.status, 'zh-CN') },
  { header: '计划投资（元）', value: (p) => yuan(p.plannedTotalFen), text: true },
  { header: '已下达（元）', value: (p) => yuan(p.money.allocatedFen), text: true },
  { header: '已拨付（元）', value: (p) => yuan(p.money.disbursedFen), text: true },
  { header: '待审批（元）', value: (p) => yuan(p.money.reservedFen), text: true },
  { header: '结余（元）', value: (p) => yuan(p.money.availableFen), text: true },
  { header: '受益户数', value: (p) => p.beneficiaries.households },
  { header: '受益人数', value: (p) => p.beneficiaries.people },
  { header: '建档立卡户数', value: (p) => p.beneficiaries.poorHouseholds },
  { header: '建档立卡人数', value: (p) => p.beneficiaries.poorPeople },
  { header: '审批入库日期', value: (p) => p.dates.approvedOn },
  { header: '开工日期', value: (p) => p.dates.startedOn },
  { header: '完工日期', value: (p) => p.dates.completedOn },
  { header: '验收日期', value: (p) => p.dates.acceptedOn },
  { header: '计划开工日期', value: (p) => p.plannedStartOn ?? null },
  { header: '计划完工日期', value: (p) => p.plannedFinishOn ?? null },
  { header: '最近填报进度（%）', value: (p) => p.progressPercent ?? null },
];

/** 导出 — spreadsheets of the lists; each export is audited (payment lists carry personal data). */
export function exportRoutes(
  router: Router,
  deps: {
    projects: ProjectService;
    disbursements: DisbursementService;
    audit: AuditLog;
    now: () => Date;
  },
): void {
  router.get(
    '/exports/projects.xlsx',
    requireRight('funds', 'export'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const q = projectListQuery(req);
      const rows = deps.projects.cursor(p, q.filter);
      sendXlsx(res, `项目库导出-${shanghaiDateOf(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '项目库',
        columns: PROJECT_COLUMNS,
        rows,
        beforeBatch: (batch) =>
          deps.audit.record(p, {
            action: 'export',
            subjectType: 'project',
            subjectIds: batch.map((x) => x._id),
            fields: [],
            reason: null,
            requestId: typeof req.id === 'string' ? req.id : null,
          }),
      });
      if (!res.writableEnded) res.end();
    }),
  );
  router.get(
    '/exports/disbursements.xlsx',
    requireRight('funds', 'export'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const q = disbursementListQuery(req);
      const unmask = unmaskOf(req);
      const export_ = { reason: unmask?.reason ?? '导出', requestId: unmask?.requestId ?? null };
      const columns: SheetColumn<{ d: Disbursement; line: number }>[] = [
        { header: '项目编号', value: (r) => r.d.projectCode, text: true },
        { header: '项目名称', value: (r) => r.d.projectName, width: 26 },
        { header: '资金来源', value: (r) => labelOf(FundingSource, r.d.source, 'zh-CN') },
        { header: '用途', value: (r) => r.d.purpose, width: 24 },
        { header: '状态', value: (r) => r.d.status },
        { header: '拨付日期', value: (r) => r.d.paidOn },
        { header: '收款人', value: (r) => payeeOf(r).name },
        { header: '身份证号/账号', value: (r) => payeeOf(r).id, text: true, width: 22 },
        { header: '金额（元）', value: (r) => yuan(payeeOf(r).amountFen), text: true },
        { header: '经办人', value: (r) => r.d.submittedBy.name },
        { header: '审批人', value: (r) => r.d.decidedBy?.name ?? null },
      ];
      // One row per payee of a payment list, one row for any other payment.
      const view = (d: Disbursement) => deps.disbursements.view(d, unmask);
      const payeeOf = (r: { d: Disbursement; line: number }) => {
        const v = view(r.d);
        if (r.d.payeeKind === 'households') {
          const x = v.payees[r.line]!;
          return { name: x.name, id: x.idNumber, amountFen: x.amountFen };
        }
        return {
          name: v.payee?.name ?? '',
          id: v.payee?.bankAccount ?? null,
          amountFen: r.d.amountFen,
        };
      };
      const rows = (async function* () {
        for await (const d of deps.disbursements.cursor(p, q.filter)) {
          const n = d.payeeKind === 'households' ? d.payees.length : 1;
          for (let line = 0; line < n; line++) yield { d, line };
        }
      })();
      sendXlsx(res, `资金拨付导出-${shanghaiDateOf(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '资金拨付',
        columns,
        rows,
        beforeBatch: (batch) =>
          deps.disbursements.audited(p, [...new Set(batch.map((r) => r.d))], export_, 'export'),
      });
      if (!res.writableEnded) res.end();
    }),
  );
}
