import { randomUUID } from 'node:crypto';
import type { Principal } from '@fupin/kit';
import type { HouseholdStatus } from '../households/household.model';
import type { HouseholdService } from '../households/household.service';
import {
  decide,
  pendingStep,
  type StepCommand,
  stateOf,
  type WorkflowRun,
  type WorkflowStep,
} from './workflow.machine';

/** A household's workflows as the API shows them. */
export interface WorkflowView {
  householdId: string;
  householdNo: string;
  status: HouseholdStatus;
  revision: number;
  /** The running workflow, or null. */
  active: WorkflowRun | null;
  /** The step the running workflow waits for, and when its notice ends. */
  pending: ReturnType<typeof pendingStep>;
  /** Earlier runs, approved or rejected, oldest first. */
  closed: WorkflowRun[];
}

export interface StepRequest extends StepCommand {
  /** The household revision the step is based on; a newer one is a 409. */
  revision?: number;
}

/**
 * 识别 / 退出 / 返贫 / 监测 — runs the workflow machines over households: load, decide (pure),
 * then one guarded write of the new status, workflow state, history entry and events.
 */
export class WorkflowService {
  constructor(private readonly deps: { households: HouseholdService; now: () => Date }) {}

  async get(p: Principal, householdId: string): Promise<WorkflowView> {
    const h = await this.deps.households.load(p, householdId);
    const state = stateOf(h.workflow);
    return {
      householdId: h._id,
      householdNo: h.householdNo,
      status: h.status,
      revision: h.revision,
      active: state.active,
      pending: pendingStep(h.workflow),
      closed: state.closed,
    };
  }

  async step(
    p: Principal,
    householdId: string,
    req: StepRequest,
  ): Promise<WorkflowView & { step: WorkflowStep }> {
    const { revision, ...cmd } = req;
    const h = await this.deps.households.load(p, householdId);
    const decision = decide(
      h,
      h.workflow,
      cmd,
      {
        id: p.userId,
        name: p.username,
        areaCode: p.areaCode,
        rights: p.rights.registry ?? [],
      },
      this.deps.now(),
      randomUUID,
    );
    const next = await this.deps.households.transition(p, householdId, {
      from: [h.status],
      to: decision.to,
      action: decision.historyAction,
      workflow: cmd.kind,
      reason: cmd.reason,
      evidence: cmd.evidence ?? [],
      workflowState: decision.state,
      set: decision.set,
      // The decision was made on this revision: a change in between must not be overwritten.
      revision: revision ?? h.revision,
    });
    return {
      householdId: next.id,
      householdNo: next.householdNo,
      status: next.status,
      revision: next.revision,
      active: decision.state.active,
      pending: pendingStep(decision.state),
      closed: decision.state.closed,
      step: decision.step,
    };
  }
}
