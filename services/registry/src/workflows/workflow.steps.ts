import { AppError, bi, type Bilingual } from '@fupin/kit';
import type { RiskFacts } from '../monitoring/risk.rules';
import { areaLevel, isWithin } from '@fupin/reference';
import type { HouseholdStatus } from '../households/household.model';
import {
  ACTION_LABELS,
  type Caller,
  type Decision,
  EXCLUSION_FLAGS,
  type Exclusions,
  type ForwardAction,
  KIND_LABELS,
  type LineLookup,
  type RunStage,
  type StepCommand,
  type WorkflowHousehold,
  type WorkflowKind,
  type WorkflowRun,
  type WorkflowState,
  type WorkflowStep,
} from './workflow.types';

// What every workflow's steps share: the refusals, who may take a step, the stage a step leads
// to, and the shape of a workflow's definition (its steps and the handlers of what is its own).

/** What a step's handler sees and may change: the run and the step being recorded. */
export interface StepContext {
  h: WorkflowHousehold;
  cmd: StepCommand;
  /** The household's workflows before this step. */
  state: WorkflowState;
  /** The run this step belongs to, being updated. */
  run: WorkflowRun;
  /** The step being recorded; handlers fill its details. */
  step: WorkflowStep;
  now: Date;
  /** Facts an approval writes onto the household. */
  set: Decision['set'];
  /** The poverty line that applies to the household by year (provincial when configured). */
  lineOf: LineLookup;
  /** 风险消除: the follow-up log and the warnings (given to a monitoring removal's start). */
  risk?: RiskFacts;
}

/** One workflow: its steps in order, where it may start, and what its own steps check and do. */
export interface WorkflowDefinition {
  /** The steps after `start`, in order. */
  steps: readonly ForwardAction[];
  /** Household statuses the workflow may start from. */
  from: readonly HouseholdStatus[];
  /** Where a rejected run leaves the household; null keeps the status it has. */
  onReject: HouseholdStatus | null;
  /**
   * The status the household holds while a run is open, set at the start; without it the
   * household keeps the status the run started from.
   */
  runningStatus?: HouseholdStatus;
  /** What a start must state (400 when missing), checked before the household's status. */
  required?: (cmd: StepCommand) => void;
  /** The statuses a start is allowed from when the command narrows `from`. */
  allowedFrom?: (cmd: StepCommand) => readonly HouseholdStatus[];
  start?: (ctx: StepContext) => void;
  appraise?: (ctx: StepContext) => void;
  review?: (ctx: StepContext) => void;
  /** The status the approval moves the household to. */
  approve: (ctx: StepContext) => HouseholdStatus;
}

export function conflictOf(code: string, message: Bilingual, extra: Record<string, unknown> = {}) {
  return new AppError(409, code, message, { extra });
}

export function missing(field: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', bi(`缺少 ${field}`, `${field} is required`), {
    errors: [{ field, code: 'required', message: bi('必填', 'required') }],
  });
}

export function forbiddenOf(code: string, message: Bilingual) {
  return new AppError(403, code, message);
}

/** Who may take each step: write in scope, the township's own staff, the county with approve. */
export function assertMayAct(
  action: ForwardAction,
  kind: WorkflowKind,
  h: WorkflowHousehold,
  caller: Caller,
): void {
  if (!isWithin(h.areaCode, caller.areaCode)) {
    throw forbiddenOf(
      'FORBIDDEN_AREA',
      bi('该记录不在您的管辖范围内', 'The record is outside your area scope'),
    );
  }
  const step = ACTION_LABELS[action];
  if (action === 'review' && caller.areaCode !== h.townshipCode) {
    throw forbiddenOf(
      'REGISTRY_WORKFLOW_TOWNSHIP_ONLY',
      bi(
        `${KIND_LABELS[kind]['zh-CN']}的乡镇审核须由该户所在乡镇的工作人员办理`,
        `The township review of ${KIND_LABELS[kind].en} is done by the staff of the household's own township`,
      ),
    );
  }
  if (action === 'approve') {
    if (!caller.rights.includes('approve')) {
      throw forbiddenOf(
        'FORBIDDEN_RIGHT',
        bi(
          `${step['zh-CN']}需要「registry」模块的「approve」权限`,
          `The ${step.en} needs the "approve" right on the "registry" module`,
        ),
      );
    }
    if (areaLevel(caller.areaCode) !== 'county') {
      throw forbiddenOf(
        'REGISTRY_WORKFLOW_COUNTY_ONLY',
        bi('县级审定须由县级用户办理', 'The county approval is done by a county-level user'),
      );
    }
  }
  if (!caller.rights.includes('write') && action !== 'approve') {
    throw forbiddenOf(
      'FORBIDDEN_RIGHT',
      bi(
        '没有「registry」模块的「write」权限',
        'You lack the "write" right on the "registry" module',
      ),
    );
  }
}

export const STAGE_AFTER: Record<ForwardAction, RunStage> = {
  start: 'started',
  appraise: 'appraised',
  notice: 'noticed',
  review: 'reviewed',
  approve: 'approved',
};

export function shanghaiYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}

/** The exclusions of a run with the flags confirmed from matching findings added. */
export function effectiveExclusions(run: WorkflowRun, state: WorkflowState): Exclusions {
  const confirmed = (state.proposals ?? []).filter((p) => p.status === 'confirmed');
  return Object.fromEntries(
    EXCLUSION_FLAGS.map((f) => [
      f,
      (run.exclusions?.[f] ?? false) || confirmed.some((p) => p.flag === f),
    ]),
  ) as Exclusions;
}

export function normaliseExclusions(e: Partial<Exclusions> | undefined, base: Exclusions | null) {
  return Object.fromEntries(
    EXCLUSION_FLAGS.map((f) => [f, e?.[f] ?? base?.[f] ?? false]),
  ) as Exclusions;
}
