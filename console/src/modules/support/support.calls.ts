import { downloadFile, httpClient } from '../../providers/http';
import type { EducationStatistics, HealthStatistics } from './dashboard/statistics';
import { dropoutCalls } from './dropout-cases/dropout.api';
import { payTopUp } from './inpatient-episodes/episode.api';
import { recordEnrollment } from './students/student.api';
import {
  type CoverageReport,
  SUPPORT,
  post,
  type SubsidyBatchResult,
  type SubsidyTotals,
  type SupportSchemas,
  supportCall,
} from './support.api';

type ImportRow = SupportSchemas['DepartmentImportRow'];

/** The support service's calls beyond react-admin's CRUD, as data-provider methods. */
export const supportCalls = {
  /** 控辍保学排查 of a term. */
  supportDropoutScan: dropoutCalls.scan,
  supportDropoutAssignOwner: dropoutCalls.assignOwner,
  supportDropoutFollowUp: dropoutCalls.followUp,
  supportDropoutClose: dropoutCalls.close,
  /** 登记学籍 — a student's status in a term. */
  supportRecordEnrollment: recordEnrollment,
  /** 追补发放 of an in-patient episode's top-up. */
  supportPayTopUp: payTopUp,
  /** 登记参保 — one person, one year, one insurance. */
  supportRecordInsurance: (body: {
    personId: string;
    year: number;
    kind: unknown;
    enrolled: boolean;
  }) => post('/health/insurance', body),
  /** 作废 — a payment recorded in error, voided with a reason (it stays listed as voided). */
  supportVoidPayment: (id: string, reason: string) =>
    post(`/education/subsidy-payments/${encodeURIComponent(id)}/void`, { reason }),
  /** 资助汇总 of a term, by subsidy type, school stage or township. */
  supportSubsidyTotals: (term: string, by: string) =>
    supportCall<SubsidyTotals>(`/education/subsidy-totals?${new URLSearchParams({ term, by })}`),
  /** The service's reference values (the guaranteed top-up ratio, 90% unless configured). */
  supportReference: () => supportCall<{ topUpTargetBasisPoints?: number }>('/reference'),
  /** 参保覆盖率 of a year by township or village, against the county's targets. */
  supportCoverage: (year: number, by: 'township' | 'village') =>
    supportCall<CoverageReport>(
      `/health/coverage?${new URLSearchParams({ year: String(year), by })}`,
    ),
  /** The education figures of the current term in the user's area. */
  supportEducationStatistics: () => supportCall<EducationStatistics>('/statistics/education'),
  /** Coverage, in-patient top-ups and care counts of this year in the user's area. */
  supportHealthStatistics: () => supportCall<HealthStatistics>('/statistics/health'),
  /** 批量发放 — a subsidy to every enrolled student of a stage; answers what was paid. */
  supportBatchPayment: (body: Record<string, unknown>) =>
    post<SubsidyBatchResult>('/education/subsidy-payments/batch', body),
  /** One page of a department import's rows (by outcome, if given) and their total. */
  supportImportRows: async (importId: string, outcome: string, size: number) => {
    const q = new URLSearchParams({
      range: JSON.stringify([0, size - 1]),
      sort: JSON.stringify(['seq', 'ASC']),
      filter: JSON.stringify(outcome ? { outcome } : {}),
    });
    const res = await httpClient(`${SUPPORT}/imports/${encodeURIComponent(importId)}/rows?${q}`);
    const total = Number((res.headers.get('content-range') ?? '').split('/').pop());
    return { rows: res.json as ImportRow[], total: Number.isFinite(total) ? total : 0 };
  },
  /** 比对报告 of a department import as XLSX. */
  supportImportReport: (importId: string): Promise<string> =>
    downloadFile(`${SUPPORT}/imports/${encodeURIComponent(importId)}/report.xlsx`, '比对报告.xlsx'),
};
