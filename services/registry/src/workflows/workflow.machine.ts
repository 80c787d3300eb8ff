import { bi } from '@fupin/kit';
import { statusLabel } from '../households/household.rules';
import type { RiskFacts } from '../monitoring/risk.rules';
import type { HouseholdStatus } from '../households/household.model';
import { DEFINITIONS } from './definitions';
import { nationalLine } from './workflow.eligibility';
import {
  assertMayAct,
  conflictOf,
  STAGE_AFTER,
  type StepContext,
  type WorkflowDefinition,
} from './workflow.steps';
import {
  ACTION_LABELS,
  type Caller,
  DAY_MS,
  type Decision,
  type ForwardAction,
  KIND_LABELS,
  type LineLookup,
  NOTICE_DAYS,
  type StepCommand,
  stateOf,
  type WorkflowHousehold,
  type WorkflowKind,
  type WorkflowRun,
  type WorkflowState,
  type WorkflowStep,
} from './workflow.types';

/*
 * The registry's workflows as pure state machines: given the household's facts, its workflow
 * state, a step and who asks, either the next state (and the status to move to) or a refusal
 * with a stable code. No database, no HTTP: the service loads, decides and saves.
 * What every workflow shares is here; what each does in its own steps is its definition
 * (definitions/).
 */

export * from './workflow.types';
export { exitChecks, removalChecks, returnChecks, type CheckResult } from './workflow.checks';
export { statusAfterMonitoring } from './definitions/monitoring-removal';
export { identificationChecks, nationalLine } from './workflow.eligibility';

export function stepsOf(kind: WorkflowKind): readonly ForwardAction[] {
  return ['start', ...DEFINITIONS[kind].steps];
}

/** The steps that follow a start. */
type LaterAction = Exclude<ForwardAction, 'start'>;

function nextAction(run: WorkflowRun): ForwardAction | null {
  const steps = stepsOf(run.kind);
  const done = run.steps.filter((s) => s.action !== 'reject').length;
  return steps[done] ?? null;
}

/**
 * What each step after the start does beyond the checks every step passes, with the workflow's
 * own handler inside; an approval answers the status the household moves to.
 */
const STEP_HANDLERS: Record<
  LaterAction,
  (def: WorkflowDefinition, ctx: StepContext) => HouseholdStatus | null
> = {
  appraise(def, ctx) {
    if (ctx.cmd.votes) ctx.step.details.votes = ctx.cmd.votes;
    def.appraise?.(ctx);
    return null;
  },
  notice(_def, { run, step, now }) {
    run.notice = {
      startsAt: now.toISOString(),
      endsAt: new Date(now.getTime() + NOTICE_DAYS * DAY_MS).toISOString(),
    };
    step.details = { ...run.notice };
    return null;
  },
  review(def, ctx) {
    def.review?.(ctx);
    return null;
  },
  approve(def, ctx) {
    const to = def.approve(ctx);
    ctx.run.outcome = 'approved';
    ctx.run.closedAt = ctx.now.toISOString();
    return to;
  },
};

/**
 * Decides one workflow step. Refusals, in the order they are checked: who may act; a run to
 * start or continue; the status the household is in; a running notice (nothing moves past
 * 公示 before it ends); the order of the steps; the step's own conditions (exit checks,
 * exclusions).
 */
export function decide(
  h: WorkflowHousehold,
  stored: unknown,
  cmd: StepCommand,
  caller: Caller,
  now: Date,
  newId: () => string,
  env: { lineOf?: LineLookup; risk?: RiskFacts } = {},
): Decision {
  const state = stateOf(stored);
  const lineOf = env.lineOf ?? nationalLine;
  const step: WorkflowStep = {
    action: cmd.action,
    at: now.toISOString(),
    actor: { id: caller.id, name: caller.name, areaCode: caller.areaCode },
    reason: cmd.reason,
    evidence: cmd.evidence ?? [],
    details: {},
  };
  if (cmd.action === 'start')
    return start(h, state, cmd, caller, now, newId, step, lineOf, env.risk);

  const active = state.active;
  const kindLabel = KIND_LABELS[cmd.kind];
  if (!active || active.kind !== cmd.kind) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_NOT_STARTED',
      bi(
        `该户没有进行中的${kindLabel['zh-CN']}流程`,
        `The household has no ${kindLabel.en} workflow in progress`,
      ),
      { activeWorkflow: active?.kind ?? null },
    );
  }
  const pending = nextAction(active);
  if (!pending) {
    throw conflictOf('REGISTRY_WORKFLOW_NOT_STARTED', bi('流程已办结', 'The workflow is closed'));
  }
  if (cmd.action === 'reject') return reject(h, state, active, pending, cmd, caller, now, step);
  return advance(
    h,
    state,
    active,
    pending,
    { ...cmd, action: cmd.action },
    caller,
    now,
    step,
    lineOf,
  );
}

/** Starts a run: nothing else running, the fields the workflow needs, a status it starts from. */
function start(
  h: WorkflowHousehold,
  state: WorkflowState,
  cmd: StepCommand,
  caller: Caller,
  now: Date,
  newId: () => string,
  step: WorkflowStep,
  lineOf: LineLookup,
  risk?: RiskFacts,
): Decision {
  const def = DEFINITIONS[cmd.kind];
  const active = state.active;
  const kindLabel = KIND_LABELS[cmd.kind];
  assertMayAct('start', cmd.kind, h, caller);
  if (active) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_ALREADY_ACTIVE',
      bi(
        `该户已有进行中的「${KIND_LABELS[active.kind]['zh-CN']}」流程，须先办结`,
        `The household already has a ${KIND_LABELS[active.kind].en} workflow in progress`,
      ),
      { activeWorkflow: active.kind, stage: active.stage },
    );
  }
  def.required?.(cmd);
  const allowed = def.allowedFrom?.(cmd) ?? def.from;
  if (!allowed.includes(h.status)) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_WRONG_STATUS',
      bi(
        `当前状态（${statusLabel(h.status)}）不能发起${kindLabel['zh-CN']}`,
        `${kindLabel.en} cannot start from the status ${h.status}`,
      ),
      { currentStatus: h.status, allowedStatuses: allowed },
    );
  }
  const run: WorkflowRun = {
    id: newId(),
    kind: cmd.kind,
    stage: 'started',
    outcome: 'pending',
    fromStatus: h.status,
    startedAt: now.toISOString(),
    closedAt: null,
    year: null,
    category: null,
    exclusions: null,
    notice: null,
    findingId: cmd.findingId ?? null,
    steps: [],
  };
  def.start?.({ h, cmd, state, run, step, now, set: {}, lineOf, risk });
  run.steps.push(step);
  return {
    state: { ...state, active: run },
    to: def.runningStatus ?? h.status,
    set: {},
    historyAction: `${cmd.kind}.start`,
    step,
  };
}

/** Refuses the pending step, which closes the run. */
function reject(
  h: WorkflowHousehold,
  state: WorkflowState,
  active: WorkflowRun,
  pending: ForwardAction,
  cmd: StepCommand,
  caller: Caller,
  now: Date,
  step: WorkflowStep,
): Decision {
  // Refusing a step takes the same authority as taking it.
  assertMayAct(pending, cmd.kind, h, caller);
  const run: WorkflowRun = {
    ...active,
    stage: 'rejected',
    outcome: 'rejected',
    closedAt: now.toISOString(),
    steps: [...active.steps, { ...step, details: { refusedStep: pending } }],
  };
  return {
    state: { ...state, active: null, closed: [...state.closed, run] },
    to: DEFINITIONS[cmd.kind].onReject ?? h.status,
    set: {},
    historyAction: `${cmd.kind}.reject`,
    step: run.steps[run.steps.length - 1]!,
  };
}

/** Takes the next step of a running workflow, in order and never before its notice ends. */
function advance(
  h: WorkflowHousehold,
  state: WorkflowState,
  active: WorkflowRun,
  pending: ForwardAction,
  cmd: StepCommand & { action: LaterAction },
  caller: Caller,
  now: Date,
  step: WorkflowStep,
  lineOf: LineLookup,
): Decision {
  const def = DEFINITIONS[cmd.kind];
  const action = cmd.action;
  const kindLabel = KIND_LABELS[cmd.kind];
  assertMayAct(action, cmd.kind, h, caller);
  // Only this machine moves the status while a run is open; anything else is a stale run.
  const expected = def.runningStatus ?? active.fromStatus;
  if (h.status !== expected) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_WRONG_STATUS',
      bi(
        `当前状态（${statusLabel(h.status)}）不能继续${kindLabel['zh-CN']}`,
        `${kindLabel.en} cannot continue in the status ${h.status}`,
      ),
      { currentStatus: h.status },
    );
  }
  if (active.notice && now.getTime() < Date.parse(active.notice.endsAt) && action !== 'notice') {
    throw conflictOf(
      'REGISTRY_WORKFLOW_NOTICE_RUNNING',
      bi(
        `公示期未满（至 ${active.notice.endsAt} 结束），不能进行${ACTION_LABELS[action]['zh-CN']}`,
        `The public notice runs until ${active.notice.endsAt}; the ${ACTION_LABELS[action].en} cannot happen before it ends`,
      ),
      { noticeEndsAt: active.notice.endsAt },
    );
  }
  if (action !== pending) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_STEP_OUT_OF_ORDER',
      bi(
        `步骤顺序不对：下一步应为「${ACTION_LABELS[pending]['zh-CN']}」，不能「${ACTION_LABELS[action]['zh-CN']}」`,
        `Steps out of order: the next step is the ${ACTION_LABELS[pending].en}, not the ${ACTION_LABELS[action].en}`,
      ),
      { expectedAction: pending, stage: active.stage },
    );
  }

  const run: WorkflowRun = { ...active, stage: STAGE_AFTER[action], steps: [...active.steps] };
  const set: Decision['set'] = {};
  const ctx = { h, cmd, state, run, step, now, set, lineOf };
  const to = STEP_HANDLERS[action](def, ctx) ?? h.status;
  run.steps.push(step);
  const closed = run.outcome !== 'pending';
  return {
    state: closed
      ? { ...state, active: null, closed: [...state.closed, run] }
      : { ...state, active: run },
    to,
    set,
    historyAction: `${cmd.kind}.${action}`,
    step,
  };
}

/** The step the running workflow waits for, for the console's buttons. */
export function pendingStep(stored: unknown): {
  kind: WorkflowKind;
  action: ForwardAction;
  noticeEndsAt: string | null;
} | null {
  const { active } = stateOf(stored);
  if (!active) return null;
  const action = nextAction(active);
  return action ? { kind: active.kind, action, noticeEndsAt: active.notice?.endsAt ?? null } : null;
}
