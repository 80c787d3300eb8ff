import { bi } from '@fupin/kit';
import { refuseChecks, returnChecks } from '../workflow.checks';
import type { WorkflowDefinition } from '../workflow.steps';

/**
 * 返贫 — return to poverty: an exited or unstable household below the line or with a guarantee
 * unmet. Returning to poverty is a re-identification: it goes before the village and the
 * notice board.
 */
export const returnToPoverty: WorkflowDefinition = {
  steps: ['appraise', 'notice', 'review', 'approve'],
  from: ['exited', 'unstable'],
  onReject: null,
  start({ h, step, lineOf }) {
    const checks = returnChecks(h, lineOf);
    if (!checks[0]!.passed) {
      throw refuseChecks(
        'REGISTRY_RETURN_NOT_ELIGIBLE',
        bi('不符合返贫条件', 'The household does not meet the conditions of a return to poverty'),
        checks,
      );
    }
    step.details = { checks };
  },
  approve: () => 'returned',
};
