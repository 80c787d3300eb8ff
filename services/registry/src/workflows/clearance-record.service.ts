import { randomUUID } from 'node:crypto';
import type { Principal } from '@fupin/kit';
import { FindingOutcomes } from '../findings/finding-outcomes';
import { findingRecordModel } from '../findings/finding-record.model';
import type { HouseholdService } from '../households/household.service';
import type { RegistryContext } from '../module';
import { type ClearanceRecordCommand, recordPastClearance } from './clearance-record.rules';
import type { RunClosedHook, WorkflowView } from './workflow.service';
import { pendingStep, type WorkflowStep } from './workflow.machine';

/**
 * 补录清退 — records a 清退 completed off-line: decides (pure), then one guarded write of the
 * cancelled status, the closed run, the history entry and the same `registry.household.
 * status_changed` event the county approval of a running 清退 publishes; a finding named is told
 * the outcome as that approval tells it.
 */
export class ClearanceRecordService {
  constructor(
    private readonly deps: {
      households: HouseholdService;
      now: () => Date;
      onFindingRunClosed?: RunClosedHook;
    },
  ) {}

  async record(
    p: Principal,
    householdId: string,
    req: ClearanceRecordCommand & { revision?: number },
  ): Promise<WorkflowView & { step: WorkflowStep }> {
    const { revision, ...cmd } = req;
    const h = await this.deps.households.load(p, householdId);
    const decision = recordPastClearance(
      h,
      h.workflow,
      cmd,
      { id: p.userId, name: p.username, areaCode: p.areaCode, rights: p.rights.registry ?? [] },
      this.deps.now(),
      randomUUID,
    );
    const next = await this.deps.households.transition(p, householdId, {
      from: [h.status],
      to: decision.to,
      action: decision.historyAction,
      workflow: 'clearance',
      reason: `补录清退：${cmd.reason}`,
      evidence: decision.step.evidence,
      workflowState: decision.state,
      set: decision.set,
      revision: revision ?? h.revision,
    });
    const run = decision.state.closed.at(-1)!;
    if (run.findingId) await this.deps.onFindingRunClosed?.(run.findingId, run, cmd.reason);
    return {
      householdId: next.id,
      householdNo: next.householdNo,
      status: next.status,
      revision: next.revision,
      active: null,
      pending: pendingStep(decision.state),
      closed: decision.state.closed,
      proposals: decision.state.proposals ?? [],
      step: decision.step,
    };
  }
}

/** The 补录 service as the workflows module makes it: a finding named hears the approval. */
export function clearanceRecordServiceOf(ctx: RegistryContext): ClearanceRecordService {
  const outcomes = new FindingOutcomes({
    records: findingRecordModel(ctx.rt.conn),
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  return new ClearanceRecordService({
    households: ctx.services.households,
    now: ctx.now,
    onFindingRunClosed: (findingId, run, reason) =>
      outcomes.clearanceDecided(findingId, run, reason),
  });
}
