import { bi } from '@fupin/kit';
import type { HouseholdStatus } from '../../households/household.model';
import { refuseChecks, removalChecks } from '../workflow.checks';
import type { WorkflowDefinition } from '../workflow.steps';
import { riskClearedChecks } from '../../monitoring/risk.rules';
import type { WorkflowHousehold, WorkflowState } from '../workflow.types';

/**
 * 风险消除 — leaving monitoring once the risk is cleared: income not below the line, every
 * guarantee met, and (given by the monitoring module) months of stable income above the
 * monitoring line, no open warning and a recent home check; the 公示 is the workflow's own step.
 * The approval restores the status the household had before.
 */
export const monitoringRemoval: WorkflowDefinition = {
  steps: ['appraise', 'notice', 'review', 'approve'],
  from: ['unstable', 'marginal', 'sudden_hardship'],
  onReject: null,
  start({ h, step, lineOf, risk }) {
    const checks = [...removalChecks(h, lineOf), ...(risk ? riskClearedChecks(risk) : [])];
    const failed = checks.filter((c) => !c.passed);
    if (failed.length) {
      throw refuseChecks(
        'REGISTRY_MONITORING_RISK_NOT_CLEARED',
        bi(
          `返贫致贫风险尚未消除：${failed.map((c) => c.message['zh-CN']).join('；')}`,
          `The risk has not been cleared: ${failed.map((c) => c.message.en).join('; ')}`,
        ),
        checks,
      );
    }
    step.details = { checks };
  },
  approve({ h, state, step }) {
    const to = statusAfterMonitoring(state, h);
    step.details = { restoredStatus: to };
    return to;
  },
};

/**
 * Leaving monitoring restores the status the household had when it entered; a household
 * registered straight into a category goes back to exited if it ever exited, else it is no
 * longer a registry household (cancelled).
 */
export function statusAfterMonitoring(state: WorkflowState, h: WorkflowHousehold): HouseholdStatus {
  const entry = [...state.closed]
    .reverse()
    .find((r) => r.kind === 'monitoring_entry' && r.outcome === 'approved');
  if (entry) return entry.fromStatus;
  return h.exitYear !== null ? 'exited' : 'cancelled';
}
