import type { IndicatorCode } from '../catalogue';
import type { Indicator } from '../measurement';
import { dropoutsOpen } from './dropouts-open';
import { exitProgress } from './exit-progress';
import { findingsOpen, findingsOverdue } from './findings';
import { fundDisbursementRate } from './fund-disbursement-rate';
import { guaranteesMet } from './guarantees-met';
import { helperCoverage } from './helper-coverage';
import { idleFunds } from './idle-funds';
import { insuranceCoverage, pensionCoverage } from './insurance-coverage';
import { complaintsOnTime, rectificationsOnTime, tasksOnTime } from './on-time';
import { planCoverage } from './plan-coverage';
import { projectCompletionRate, projectStartRate } from './project-rates';
import { topupsOutstanding } from './topups-outstanding';
import { visitCoverage } from './visit-coverage';
import { incidenceVsTarget, villageExitRate } from './villages';
import { warningsOnTime } from './warnings-on-time';

/** Every indicator of the catalogue and how it is measured, one file each. */
export const MEASURES: Record<IndicatorCode, Indicator> = {
  visit_coverage: visitCoverage,
  plan_coverage: planCoverage,
  helper_coverage: helperCoverage,
  fund_disbursement_rate: fundDisbursementRate,
  idle_funds: idleFunds,
  project_start_rate: projectStartRate,
  project_completion_rate: projectCompletionRate,
  findings_open: findingsOpen,
  findings_overdue: findingsOverdue,
  insurance_coverage: insuranceCoverage,
  dropouts_open: dropoutsOpen,
  exit_progress: exitProgress,
  topups_outstanding: topupsOutstanding,
  guarantees_met: guaranteesMet,
  warnings_verified_on_time: warningsOnTime,
  incidence_vs_target: incidenceVsTarget,
  village_exit_rate: villageExitRate,
  pension_coverage: pensionCoverage,
  tasks_on_time: tasksOnTime,
  rectifications_on_time: rectificationsOnTime,
  complaints_on_time: complaintsOnTime,
};
