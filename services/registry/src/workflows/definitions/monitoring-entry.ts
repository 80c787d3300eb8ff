import type { HouseholdStatus } from '../../households/household.model';
import { missing, type WorkflowDefinition } from '../workflow.steps';
import type { MonitoringCategory } from '../workflow.types';

/** Which statuses may enter each monitoring category. */
const MONITORING_FROM: Record<MonitoringCategory, readonly HouseholdStatus[]> = {
  unstable: ['exited'],
  marginal: ['candidate', 'cancelled'],
  sudden_hardship: ['exited', 'candidate', 'cancelled'],
};

/**
 * 纳入监测 — entry into monitoring in a category (脱贫不稳定户, 边缘易致贫户, 突发严重困难户);
 * the approval moves the household to that category.
 */
export const monitoringEntry: WorkflowDefinition = {
  // A household in sudden hardship cannot wait out a 7-day notice to be helped.
  steps: ['appraise', 'review', 'approve'],
  from: ['exited', 'candidate', 'cancelled'],
  onReject: null,
  required(cmd) {
    if (!cmd.category) throw missing('category');
  },
  allowedFrom: (cmd) => (cmd.category ? MONITORING_FROM[cmd.category] : monitoringEntry.from),
  start({ cmd, run, step }) {
    run.category = cmd.category!;
    step.details = { category: run.category };
  },
  approve: ({ run }) => run.category!,
};
