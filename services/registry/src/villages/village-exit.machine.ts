import { AppError, bi, type Bilingual } from '@fupin/kit';
import { areaLevel, isWithin } from '@fupin/reference';
import { refuseChecks } from '../workflows/workflow.checks';
import { shanghaiYear } from '../workflows/workflow.steps';
import { DAY_MS, NOTICE_DAYS } from '../workflows/workflow.types';
import type { ConditionCheck } from './exit-conditions.rules';
import {
  VILLAGE_EXIT_LABELS as LABELS,
  VILLAGE_EXIT_STEPS,
  type VillageExitCaller,
  type VillageExitCommand,
  type VillageExitDecision,
  type VillageExitForward,
  type VillageExitRun,
  type VillageExitStage,
  villageExitStateOf,
  type VillageExitStep,
  type VillageExitSubject,
} from './village-exit.types';

/*
 * 贫困村退出 as a pure state machine: the village, its checks against the county's conditions,
 * its exit state, a step and who asks give either the next state or a refusal with a stable
 * code. Every forward step checks the conditions again; nothing passes 公示 before it ends.
 */

const STAGE_AFTER: Record<VillageExitForward, VillageExitStage> = {
  start: 'started',
  appraise: 'appraised',
  notice: 'noticed',
  review: 'reviewed',
  approve: 'approved',
};

const conflictOf = (code: string, message: Bilingual, extra: Record<string, unknown> = {}) =>
  new AppError(409, code, message, { extra });
const forbiddenOf = (code: string, message: Bilingual) => new AppError(403, code, message);

/** Who may take a step: write in scope, the village's own township reviews, the county approves. */
export function assertMayAct(
  action: VillageExitForward | 'record',
  v: Pick<VillageExitSubject, 'code' | 'townshipCode'>,
  caller: VillageExitCaller,
): void {
  if (!isWithin(v.code, caller.areaCode)) {
    throw forbiddenOf(
      'FORBIDDEN_AREA',
      bi('该村不在您的管辖范围内', 'The village is outside your area scope'),
    );
  }
  if (action === 'review' && caller.areaCode !== v.townshipCode) {
    throw forbiddenOf(
      'REGISTRY_VILLAGE_EXIT_TOWNSHIP_ONLY',
      bi(
        '贫困村退出的乡镇审核须由该村所在乡镇的工作人员办理',
        "The township review of a village exit is done by the staff of the village's own township",
      ),
    );
  }
  if (action === 'approve' || action === 'record') {
    if (!caller.rights.includes('approve')) {
      throw forbiddenOf(
        'FORBIDDEN_RIGHT',
        bi(
          `${LABELS[action]['zh-CN']}需要「registry」模块的「approve」权限`,
          `The ${LABELS[action].en} needs the "approve" right on the "registry" module`,
        ),
      );
    }
    if (areaLevel(caller.areaCode) !== 'county') {
      throw forbiddenOf(
        'REGISTRY_VILLAGE_EXIT_COUNTY_ONLY',
        bi('县级审定须由县级用户办理', 'The county approval is done by a county-level user'),
      );
    }
  } else if (!caller.rights.includes('write')) {
    throw forbiddenOf(
      'FORBIDDEN_RIGHT',
      bi(
        '没有「registry」模块的「write」权限',
        'You lack the "write" right on the "registry" module',
      ),
    );
  }
}

/** The refusal listing every failing condition, zh-CN and en. */
export function conditionsRefusal(checks: ConditionCheck[]): AppError | null {
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return null;
  return refuseChecks(
    'REGISTRY_VILLAGE_EXIT_CONDITIONS_NOT_MET',
    bi(
      `不符合贫困村退出条件：${failed.map((c) => c.message['zh-CN']).join('；')}`,
      `The village does not meet the exit conditions: ${failed.map((c) => c.message.en).join('; ')}`,
    ),
    checks,
  );
}

function assertExitable(v: VillageExitSubject): void {
  if (!v.poorVillage || v.exited) {
    throw conflictOf(
      'REGISTRY_VILLAGE_EXIT_WRONG_STATUS',
      v.exited
        ? bi('该村已退出', 'The village has exited already')
        : bi('该村不是贫困村，无需退出', 'The village is not a poor village'),
      { poorVillage: v.poorVillage, exited: v.exited },
    );
  }
}

export function nextAction(run: VillageExitRun): VillageExitForward | null {
  const done = run.steps.filter((s) => s.action !== 'reject').length;
  return VILLAGE_EXIT_STEPS[done] ?? null;
}

function stepOf(cmd: VillageExitCommand, caller: VillageExitCaller, now: Date): VillageExitStep {
  return {
    action: cmd.action,
    at: now.toISOString(),
    actor: { id: caller.id, name: caller.name, areaCode: caller.areaCode },
    reason: cmd.reason,
    evidence: cmd.evidence ?? [],
    details: {},
  };
}

/**
 * Decides one step. Refusals, in the order checked: who may act; a run to start or continue;
 * the village (a poor village not yet exited); a running notice; the order of the steps; the
 * conditions (every failing one listed).
 */
export function decideVillageExit(
  v: VillageExitSubject,
  stored: unknown,
  cmd: VillageExitCommand,
  caller: VillageExitCaller,
  now: Date,
  newId: () => string,
): VillageExitDecision {
  const state = villageExitStateOf(stored);
  const step = stepOf(cmd, caller, now);
  const active = state.active;
  if (cmd.action === 'start') {
    assertMayAct('start', v, caller);
    if (active) {
      throw conflictOf(
        'REGISTRY_VILLAGE_EXIT_ALREADY_ACTIVE',
        bi('该村已有进行中的退出流程，须先办结', 'The village already has an exit in progress'),
        { stage: active.stage },
      );
    }
    assertExitable(v);
    const refusal = conditionsRefusal(v.checks);
    if (refusal) throw refusal;
    step.details = { checks: v.checks, conditionsVersion: v.conditionsVersion };
    const run: VillageExitRun = {
      id: newId(),
      stage: 'started',
      outcome: 'pending',
      year: cmd.year ?? shanghaiYear(now),
      startedAt: step.at,
      closedAt: null,
      notice: null,
      steps: [step],
    };
    return { state: { active: run, closed: state.closed }, step, exitYear: null };
  }
  const pending = active ? nextAction(active) : null;
  if (!active || !pending) {
    throw conflictOf(
      'REGISTRY_VILLAGE_EXIT_NOT_STARTED',
      bi('该村没有进行中的退出流程', 'The village has no exit in progress'),
    );
  }
  if (cmd.action === 'reject') {
    // Refusing a step takes the same authority as taking it.
    assertMayAct(pending, v, caller);
    step.details = { refusedStep: pending };
    const run: VillageExitRun = {
      ...active,
      stage: 'rejected',
      outcome: 'rejected',
      closedAt: step.at,
      steps: [...active.steps, step],
    };
    return { state: { active: null, closed: [...state.closed, run] }, step, exitYear: null };
  }
  return advance(
    v,
    state.closed,
    active,
    pending,
    { ...cmd, action: cmd.action },
    caller,
    now,
    step,
  );
}

function advance(
  v: VillageExitSubject,
  closed: VillageExitRun[],
  active: VillageExitRun,
  pending: VillageExitForward,
  cmd: VillageExitCommand & { action: VillageExitForward },
  caller: VillageExitCaller,
  now: Date,
  step: VillageExitStep,
): VillageExitDecision {
  const action = cmd.action;
  assertMayAct(action, v, caller);
  assertExitable(v);
  if (active.notice && now.getTime() < Date.parse(active.notice.endsAt)) {
    throw conflictOf(
      'REGISTRY_VILLAGE_EXIT_NOTICE_RUNNING',
      bi(
        `公示期未满（至 ${active.notice.endsAt} 结束），不能进行${LABELS[action]['zh-CN']}`,
        `The public notice runs until ${active.notice.endsAt}; the ${LABELS[action].en} cannot happen before it ends`,
      ),
      { noticeEndsAt: active.notice.endsAt },
    );
  }
  if (action !== pending) {
    throw conflictOf(
      'REGISTRY_VILLAGE_EXIT_STEP_OUT_OF_ORDER',
      bi(
        `步骤顺序不对：下一步应为「${LABELS[pending]['zh-CN']}」，不能「${LABELS[action]['zh-CN']}」`,
        `Steps out of order: the next step is the ${LABELS[pending].en}, not the ${LABELS[action].en}`,
      ),
      { expectedAction: pending, stage: active.stage },
    );
  }
  const refusal = conditionsRefusal(v.checks);
  if (refusal) throw refusal;
  step.details = { checks: v.checks, conditionsVersion: v.conditionsVersion };
  const run: VillageExitRun = { ...active, stage: STAGE_AFTER[action], steps: [...active.steps] };
  if (action === 'appraise' && cmd.votes) step.details.votes = cmd.votes;
  if (action === 'notice') {
    run.notice = {
      startsAt: step.at,
      endsAt: new Date(now.getTime() + NOTICE_DAYS * DAY_MS).toISOString(),
    };
    step.details = { ...step.details, ...run.notice };
  }
  run.steps.push(step);
  if (action !== 'approve') return { state: { active: run, closed }, step, exitYear: null };
  run.outcome = 'approved';
  run.closedAt = step.at;
  return { state: { active: null, closed: [...closed, run] }, step, exitYear: run.year };
}

/**
 * 补录 — an exit the county approved before the platform kept its steps (the approval
 * document as evidence): recorded as a closed, approved run of one step, for a past year only.
 * The conditions are checked and kept with the record, not enforced: they may have changed.
 */
export function recordPastExit(
  v: VillageExitSubject,
  stored: unknown,
  cmd: { year: number; reason: string; evidence: string[] },
  caller: VillageExitCaller,
  now: Date,
  newId: () => string,
): VillageExitDecision {
  const state = villageExitStateOf(stored);
  assertMayAct('record', v, caller);
  if (state.active) {
    throw conflictOf(
      'REGISTRY_VILLAGE_EXIT_ALREADY_ACTIVE',
      bi('该村有进行中的退出流程，须按流程办理', 'The village has an exit in progress; finish it'),
    );
  }
  assertExitable(v);
  if (cmd.year >= shanghaiYear(now)) {
    throw new AppError(
      422,
      'REGISTRY_VILLAGE_EXIT_RECORD_PAST_ONLY',
      bi(
        '只能补录往年已批准的退出；本年度的退出须走评议、公示、审核、审定流程',
        "Only an exit approved in an earlier year can be recorded; this year's exits go through the workflow",
      ),
      { errors: [{ field: 'year', code: 'not_past', message: bi('须为往年', 'an earlier year') }] },
    );
  }
  const step: VillageExitStep = {
    ...stepOf({ action: 'approve', reason: cmd.reason, evidence: cmd.evidence }, caller, now),
    action: 'record',
    details: { checks: v.checks, conditionsVersion: v.conditionsVersion, year: cmd.year },
  };
  const run: VillageExitRun = {
    id: newId(),
    stage: 'approved',
    outcome: 'approved',
    year: cmd.year,
    startedAt: step.at,
    closedAt: step.at,
    notice: null,
    steps: [step],
  };
  return { state: { active: null, closed: [...state.closed, run] }, step, exitYear: cmd.year };
}

/** The step the running exit waits for, for the console's buttons. */
export function pendingVillageExit(
  stored: unknown,
): { action: VillageExitForward; noticeEndsAt: string | null } | null {
  const { active } = villageExitStateOf(stored);
  const action = active ? nextAction(active) : null;
  return active && action ? { action, noticeEndsAt: active.notice?.endsAt ?? null } : null;
}
