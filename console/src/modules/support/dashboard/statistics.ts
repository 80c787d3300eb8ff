import type { CoverageRow } from '../support.api';

/** GET /statistics/education — the figures of the current term in the user's area. */
export interface EducationStatistics {
  term: string;
  /** The current term had no data: the latest earlier term with enrollments is shown. */
  latestWithData?: boolean;
  schoolYear: number;
  enrolledByStage: { stage: string; students: number }[];
  enrollmentsByStatus: { status: string; students: number }[];
  dropoutCases: { open: number; openWithoutOwner: number; closedThisSchoolYear: number };
  subsidies: {
    byType: { key: string; payments: number; students: number; amountFen: number }[];
    total: { payments: number; students: number; amountFen: number };
  };
}

/** GET /statistics/health — coverage, in-patient top-ups and care counts of this year. */
export interface HealthStatistics {
  year: number;
  /** The current year had no records: the latest earlier year with records is shown. */
  latestWithData?: boolean;
  coverage: CoverageRow[];
  inpatient: {
    episodes: number;
    totalCostFen: number;
    reimbursedFen: number;
    topUpFen: number;
    topUpPaidFen: number;
    topUpOutstandingFen: number;
    byStatus: Record<string, number>;
  };
  chronicCareContracts: number;
  seriousIllnessCases: number;
}
