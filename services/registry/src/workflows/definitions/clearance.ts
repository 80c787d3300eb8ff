import { missing, type WorkflowDefinition } from '../workflow.steps';

/**
 * 清退 — a household found wrongly identified (a verified matching finding, or the village's own
 * finding) leaves the registry: 村民主评议, the 7-day 公示, the township review and the county
 * approval; the approval cancels it. A rejection at any step closes the run and the household
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
  approve({ h, run, step }) {
    step.details = { findingId: run.findingId ?? null, cancelledFrom: h.status };
    return 'cancelled';
  },
};
