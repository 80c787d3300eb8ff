import { AppError } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import { approvalWaitsFor } from '../household-notice.rules';
import { missing, type WorkflowDefinition } from '../workflow.steps';

/**
 * 清退 — a household found wrongly identified (a verified matching finding, or the village's own
 * finding) leaves the registry: 村民主评议, the 7-day 公示, the township review and the county
 * approval; the approval cancels it. Opened for a finding, the approval also waits until the
 * household was told and answered or its window to answer ended (告知与答复). A rejection at any step closes the run and the household
 * keeps its status.
 */
export const clearance: WorkflowDefinition = {
  steps: ['appraise', 'notice', 'review', 'approve'],
  from: ['in_poverty', 'returned', 'unstable', 'candidate'],
  onReject: null,
  required(cmd) {
    if (cmd.reason.trim().length < 2) throw missing('reason');
  },
  start({ cmd, run, step }) {
    run.findingId = cmd.findingId ?? null;
    step.details = { findingId: run.findingId };
  },
  approve({ h, run, step, now }) {
    // Opened for another department's data: the household was told and had its time to answer.
    const waits = approvalWaitsFor(run, shanghaiDateOf(now));
    if (waits) throw new AppError(409, 'REGISTRY_CLEARANCE_WAITS_FOR_HOUSEHOLD', waits);
    step.details = {
      findingId: run.findingId ?? null,
      cancelledFrom: h.status,
      householdNotice: run.householdNotice ?? null,
    };
    return 'cancelled';
  },
};
