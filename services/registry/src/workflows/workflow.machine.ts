import { AppError, bi, type Bilingual, type FieldError, type Right } from '@fupin/kit';
import { areaLevel, Guarantee, isWithin } from '@fupin/reference';
import {
  GUARANTEES,
  type Guarantees,
  type HouseholdStatus,
  type Income,
} from '../households/household.model';
import { povertyLineFen } from '../households/household.rules';

/*
 * The registry's workflows as pure state machines: given the household's facts, its workflow
 * state, a step and who asks, either the next state (and the status to move to) or a refusal
 * with a stable code. No database, no HTTP: the service loads, decides and saves.
 */

export const WORKFLOW_KINDS = [
  'identification',
  'exit',
  'return',
  'monitoring_entry',
  'monitoring_removal',
] as const;
/**
 * identification 精准识别, exit 脱贫退出, return 返贫, monitoring_entry 纳入监测 (脱贫不稳定户,
 * 边缘易致贫户, 突发严重困难户), monitoring_removal 风险消除 (leaving monitoring).
 */
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

export const WORKFLOW_ACTIONS = [
  'start',
  'appraise',
  'notice',
  'review',
  'approve',
  'reject',
] as const;
/**
 * start (application / proposal), appraise 民主评议 (village), notice 公示 (7 days), review 审核
 * (township), approve 审定公告 (county), reject (refusing the pending step; closes the run).
 */
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];
type ForwardAction = Exclude<WorkflowAction, 'reject'>;

export const MONITORING_CATEGORIES = ['unstable', 'marginal', 'sudden_hardship'] as const;
export type MonitoringCategory = (typeof MONITORING_CATEGORIES)[number];

/** 公示 lasts seven days; nothing moves past it before it ends. */
export const NOTICE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The exclusions of seed 003 and the domain guide: households with a car, a business, urban
 * housing or a public employee, and village cadres' own families, are not identified unless
 * the township justifies it.
 */
export const EXCLUSION_FLAGS = [
  'car',
  'business',
  'urbanHousing',
  'publicEmployee',
  'villageCadreFamily',
] as const;
export type ExclusionFlag = (typeof EXCLUSION_FLAGS)[number];
export type Exclusions = Record<ExclusionFlag, boolean>;

const EXCLUSION_LABELS: Record<ExclusionFlag, Bilingual> = {
  car: bi('家庭拥有汽车', 'the family owns a car'),
  business: bi('家庭成员经营或拥有企业', 'a member owns or runs a business'),
  urbanHousing: bi('家庭在城镇购有住房', 'the family owns urban housing'),
  publicEmployee: bi('家庭成员为财政供养人员', 'a member is a public employee'),
  villageCadreFamily: bi('村干部家庭', "a village cadre's own family"),
};

const KIND_LABELS: Record<WorkflowKind, Bilingual> = {
  identification: bi('精准识别', 'identification'),
  exit: bi('脱贫退出', 'exit'),
  return: bi('返贫认定', 'return to poverty'),
  monitoring_entry: bi('纳入监测', 'entry into monitoring'),
  monitoring_removal: bi('风险消除', 'removal from monitoring'),
};

const ACTION_LABELS: Record<WorkflowAction, Bilingual> = {
  start: bi('申请', 'start'),
  appraise: bi('村民主评议', 'village appraisal'),
  notice: bi('公示', 'public notice'),
  review: bi('乡镇审核', 'township review'),
  approve: bi('县级审定', 'county approval'),
  reject: bi('不予通过', 'rejection'),
};

interface KindDefinition {
  /** The steps after `start`, in order. */
  steps: readonly ForwardAction[];
  /** Household statuses the workflow may start from. */
  from: readonly HouseholdStatus[];
  /** Where a rejected run leaves the household; null keeps the status it has. */
  onReject: HouseholdStatus | null;
}

const DEFINITIONS: Record<WorkflowKind, KindDefinition> = {
  identification: {
    steps: ['appraise', 'notice', 'review', 'approve'],
    from: ['candidate', 'cancelled'],
    onReject: 'cancelled',
  },
  exit: {
    steps: ['appraise', 'notice', 'review', 'approve'],
    from: ['in_poverty', 'returned'],
    onReject: null,
  },
  // Returning to poverty is a re-identification: it goes before the village and the notice board.
  return: {
    steps: ['appraise', 'notice', 'review', 'approve'],
    from: ['exited', 'unstable'],
    onReject: null,
  },
  // A household in sudden hardship cannot wait out a 7-day notice to be helped.
  monitoring_entry: {
    steps: ['appraise', 'review', 'approve'],
    from: ['exited', 'candidate', 'cancelled'],
    onReject: null,
  },
  monitoring_removal: {
    steps: ['appraise', 'notice', 'review', 'approve'],
    from: ['unstable', 'marginal', 'sudden_hardship'],
    onReject: null,
  },
};

/** Which statuses may enter each monitoring category. */
const MONITORING_FROM: Record<MonitoringCategory, readonly HouseholdStatus[]> = {
  unstable: ['exited'],
  marginal: ['candidate', 'cancelled'],
  sudden_hardship: ['exited', 'candidate', 'cancelled'],
};

export function stepsOf(kind: WorkflowKind): readonly ForwardAction[] {
  return ['start', ...DEFINITIONS[kind].steps];
}

// ------------------------------------------------------------------ state

export interface WorkflowActor {
  id: string;
  name: string;
  /** 12-digit code of the actor's scope. */
  areaCode: string;
}

/** One step taken: who, when, why, with which evidence; never changed afterwards. */
export interface WorkflowStep {
  action: WorkflowAction;
  at: string;
  actor: WorkflowActor;
  reason: string;
  evidence: string[];
  details: Record<string, unknown>;
}

export type RunStage = 'started' | 'appraised' | 'noticed' | 'reviewed' | 'approved' | 'rejected';

/** One run of a workflow on a household, from its start to its approval or rejection. */
export interface WorkflowRun {
  id: string;
  kind: WorkflowKind;
  stage: RunStage;
  outcome: 'pending' | 'approved' | 'rejected';
  /** The household's status when the run started. */
  fromStatus: HouseholdStatus;
  startedAt: string;
  closedAt: string | null;
  /** The exit year (exit). */
  year: number | null;
  /** The monitoring category asked for (monitoring_entry). */
  category: MonitoringCategory | null;
  /** Declared at application, amendable at appraisal (identification). */
  exclusions: Exclusions | null;
  notice: { startsAt: string; endsAt: string } | null;
  steps: WorkflowStep[];
}

/** The household's `workflow` field: the running workflow and every earlier run. */
export interface WorkflowState {
  active: WorkflowRun | null;
  /** Closed runs, oldest first. */
  closed: WorkflowRun[];
}

export function emptyState(): WorkflowState {
  return { active: null, closed: [] };
}

/** Reads the stored field; households registered before the workflows existed hold null. */
export function stateOf(stored: unknown): WorkflowState {
  if (stored && typeof stored === 'object' && 'closed' in stored) return stored as WorkflowState;
  return emptyState();
}

// ------------------------------------------------------------------ inputs

/** The household facts the machines read. */
export interface WorkflowHousehold {
  status: HouseholdStatus;
  areaCode: string;
  townshipCode: string;
  income: Income | null;
  perCapitaIncomeFen: number | null;
  guarantees: Guarantees;
  exitYear: number | null;
}

export interface StepCommand {
  kind: WorkflowKind;
  action: WorkflowAction;
  reason: string;
  evidence?: string[];
  /** exit: the exit year; identification approve: the identification year (default: this year). */
  year?: number;
  category?: MonitoringCategory;
  exclusions?: Partial<Exclusions>;
  /** Why an excluded household is identified all the same (township review). */
  justification?: string;
  /** 民主评议 vote counts, when the village records them. */
  votes?: { for: number; against: number; abstain?: number };
}

export interface Caller extends WorkflowActor {
  rights: readonly Right[];
}

export interface Decision {
  state: WorkflowState;
  /** The household status after the step (unchanged for most steps). */
  to: HouseholdStatus;
  set: { identificationYear?: number; exitYear?: number };
  /** History action, `<kind>.<action>`. */
  historyAction: string;
  step: WorkflowStep;
}

// ------------------------------------------------------------------ checks

/** One eligibility check and its outcome, listed in refusals and kept with the step. */
export interface CheckResult {
  check: string;
  passed: boolean;
  field: string;
  message: Bilingual;
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/**
 * 脱贫退出 checks: per-capita income of the exit year not below that year's line, and each of
 * 两不愁三保障 + safe water met.
 */
export function exitChecks(h: WorkflowHousehold, year: number): CheckResult[] {
  return [incomeCheck(h, year, 'above'), ...guaranteeChecks(h.guarantees)];
}

function incomeCheck(h: WorkflowHousehold, year: number, want: 'above' | 'below'): CheckResult {
  const line = povertyLineFen(year);
  if (line === null) {
    return {
      check: 'poverty_line_known',
      passed: false,
      field: 'year',
      message: bi(`没有${year}年的扶贫标准`, `There is no poverty line for ${year}`),
    };
  }
  if (!h.income || h.income.year !== year || h.perCapitaIncomeFen === null) {
    return {
      check: 'income_recorded',
      passed: false,
      field: 'income',
      message: bi(
        `未录入${year}年的家庭收入`,
        `The household's income for ${year} is not recorded`,
      ),
    };
  }
  const perCapita = h.perCapitaIncomeFen;
  const below = perCapita < line;
  return {
    check: want === 'above' ? 'income_above_line' : 'income_below_line',
    passed: want === 'above' ? !below : below,
    field: 'income',
    message: bi(
      `${year}年人均纯收入 ${yuan(perCapita)} 元，扶贫标准 ${yuan(line)} 元`,
      `Per-capita net income ${yuan(perCapita)} yuan in ${year}; the poverty line is ${yuan(line)} yuan`,
    ),
  };
}

function guaranteeChecks(g: Guarantees): CheckResult[] {
  return GUARANTEES.map((code) => {
    const label = Guarantee[code];
    const met = g[code].met;
    const note = g[code].note ? `（${g[code].note}）` : '';
    return {
      check: `guarantee.${code}`,
      passed: met,
      field: `guarantees.${code}`,
      message: met
        ? bi(`${label.zh}：已达标`, `${label.en}: met`)
        : bi(`${label.zh}：未达标${note}`, `${label.en}: not met${note}`),
    };
  });
}

/** 返贫: the household is below the line for its income year, or a guarantee is not met. */
export function returnChecks(h: WorkflowHousehold): CheckResult[] {
  const income = h.income ? incomeCheck(h, h.income.year, 'below') : null;
  const guarantees = guaranteeChecks(h.guarantees);
  const eligible = (income?.passed ?? false) || guarantees.some((c) => !c.passed);
  return [
    {
      check: 'return_criteria',
      passed: eligible,
      field: 'income',
      message: eligible
        ? bi('收入低于扶贫标准或保障未达标', 'Income below the line or a guarantee not met')
        : bi(
            '收入不低于扶贫标准且两不愁三保障及饮水安全均已达标，不符合返贫条件',
            'Income is not below the line and every guarantee is met: not a return to poverty',
          ),
    },
    ...(income ? [income] : []),
  ];
}

/** 风险消除: income of the recorded year not below the line, and every guarantee met. */
export function removalChecks(h: WorkflowHousehold): CheckResult[] {
  if (!h.income) {
    return [
      {
        check: 'income_recorded',
        passed: false,
        field: 'income',
        message: bi('未录入家庭收入', "The household's income is not recorded"),
      },
      ...guaranteeChecks(h.guarantees),
    ];
  }
  return exitChecks(h, h.income.year);
}

function refuseChecks(code: string, message: Bilingual, checks: CheckResult[]): AppError {
  const failed = checks.filter((c) => !c.passed);
  const errors: FieldError[] = failed.map((c) => ({
    field: c.field,
    code: c.check,
    message: c.message,
  }));
  return new AppError(422, code, message, {
    errors,
    extra: { failedChecks: failed.map((c) => c.check), checks },
  });
}

function exitRefusal(checks: CheckResult[]): AppError | null {
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return null;
  const list = failed.map((c) => c.message['zh-CN']).join('；');
  const listEn = failed.map((c) => c.message.en).join('; ');
  const first = failed[0]!.check;
  const code =
    first === 'income_above_line'
      ? 'REGISTRY_EXIT_INCOME_BELOW_LINE'
      : first === 'income_recorded' || first === 'poverty_line_known'
        ? 'REGISTRY_EXIT_INCOME_UNKNOWN'
        : 'REGISTRY_EXIT_GUARANTEE_NOT_MET';
  return refuseChecks(
    code,
    bi(`不符合脱贫退出条件：${list}`, `The household does not meet the exit conditions: ${listEn}`),
    checks,
  );
}

// ------------------------------------------------------------------ refusals

function conflictOf(code: string, message: Bilingual, extra: Record<string, unknown> = {}) {
  return new AppError(409, code, message, { extra });
}

function missing(field: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', bi(`缺少 ${field}`, `${field} is required`), {
    errors: [{ field, code: 'required', message: bi('必填', 'required') }],
  });
}

function forbiddenOf(code: string, message: Bilingual) {
  return new AppError(403, code, message);
}

/** Who may take each step: write in scope, the township's own staff, the county with approve. */
function assertMayAct(
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

function nextAction(run: WorkflowRun): ForwardAction | null {
  const steps = stepsOf(run.kind);
  const done = run.steps.filter((s) => s.action !== 'reject').length;
  return steps[done] ?? null;
}

const STAGE_AFTER: Record<ForwardAction, RunStage> = {
  start: 'started',
  appraise: 'appraised',
  notice: 'noticed',
  review: 'reviewed',
  approve: 'approved',
};

function shanghaiYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}

function normaliseExclusions(e: Partial<Exclusions> | undefined, base: Exclusions | null) {
  return Object.fromEntries(
    EXCLUSION_FLAGS.map((f) => [f, e?.[f] ?? base?.[f] ?? false]),
  ) as Exclusions;
}

// ------------------------------------------------------------------ the machine

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
): Decision {
  const state = stateOf(stored);
  const def = DEFINITIONS[cmd.kind];
  const active = state.active;
  const nowIso = now.toISOString();
  const step: WorkflowStep = {
    action: cmd.action,
    at: nowIso,
    actor: { id: caller.id, name: caller.name, areaCode: caller.areaCode },
    reason: cmd.reason,
    evidence: cmd.evidence ?? [],
    details: {},
  };
  const kindLabel = KIND_LABELS[cmd.kind];

  if (cmd.action === 'start') {
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
    if (cmd.kind === 'exit' && cmd.year === undefined) throw missing('year');
    if (cmd.kind === 'monitoring_entry' && !cmd.category) throw missing('category');
    const allowed =
      cmd.kind === 'monitoring_entry' && cmd.category ? MONITORING_FROM[cmd.category] : def.from;
    if (!allowed.includes(h.status)) {
      throw conflictOf(
        'REGISTRY_WORKFLOW_WRONG_STATUS',
        bi(
          `当前状态（${h.status}）不能发起${kindLabel['zh-CN']}`,
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
      startedAt: nowIso,
      closedAt: null,
      year: null,
      category: null,
      exclusions: null,
      notice: null,
      steps: [],
    };
    if (cmd.kind === 'identification') {
      run.exclusions = normaliseExclusions(cmd.exclusions, null);
      step.details = { exclusions: run.exclusions };
    }
    if (cmd.kind === 'exit') {
      const year = cmd.year!;
      const checks = exitChecks(h, year);
      const refusal = exitRefusal(checks);
      if (refusal) throw refusal;
      run.year = year;
      step.details = { year, checks };
    }
    if (cmd.kind === 'return') {
      const checks = returnChecks(h);
      if (!checks[0]!.passed) {
        throw refuseChecks(
          'REGISTRY_RETURN_NOT_ELIGIBLE',
          bi('不符合返贫条件', 'The household does not meet the conditions of a return to poverty'),
          checks,
        );
      }
      step.details = { checks };
    }
    if (cmd.kind === 'monitoring_entry') {
      run.category = cmd.category!;
      step.details = { category: run.category };
    }
    if (cmd.kind === 'monitoring_removal') {
      const checks = removalChecks(h);
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
    }
    run.steps.push(step);
    return {
      state: { active: run, closed: state.closed },
      // Re-applying after a refusal puts the household back among the candidates.
      to: cmd.kind === 'identification' ? 'candidate' : h.status,
      set: {},
      historyAction: `${cmd.kind}.start`,
      step,
    };
  }

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

  if (cmd.action === 'reject') {
    // Refusing a step takes the same authority as taking it.
    assertMayAct(pending, cmd.kind, h, caller);
    const run: WorkflowRun = {
      ...active,
      stage: 'rejected',
      outcome: 'rejected',
      closedAt: nowIso,
      steps: [...active.steps, { ...step, details: { refusedStep: pending } }],
    };
    return {
      state: { active: null, closed: [...state.closed, run] },
      to: def.onReject ?? h.status,
      set: {},
      historyAction: `${cmd.kind}.reject`,
      step: run.steps[run.steps.length - 1]!,
    };
  }

  const action: ForwardAction = cmd.action;
  assertMayAct(action, cmd.kind, h, caller);
  // Only this machine moves the status while a run is open; anything else is a stale run.
  const expected = cmd.kind === 'identification' ? 'candidate' : active.fromStatus;
  if (h.status !== expected) {
    throw conflictOf(
      'REGISTRY_WORKFLOW_WRONG_STATUS',
      bi(
        `当前状态（${h.status}）不能继续${kindLabel['zh-CN']}`,
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
  let to: HouseholdStatus = h.status;
  const set: Decision['set'] = {};

  if (action === 'appraise') {
    if (cmd.votes) step.details.votes = cmd.votes;
    if (cmd.kind === 'identification' && cmd.exclusions) {
      run.exclusions = normaliseExclusions(cmd.exclusions, run.exclusions);
      step.details.exclusions = run.exclusions;
    }
  }
  if (action === 'notice') {
    run.notice = {
      startsAt: nowIso,
      endsAt: new Date(now.getTime() + NOTICE_DAYS * DAY_MS).toISOString(),
    };
    step.details = { ...run.notice };
  }
  if (action === 'review') {
    if (cmd.kind === 'identification') {
      const declared = EXCLUSION_FLAGS.filter((f) => run.exclusions?.[f]);
      const justification = cmd.justification?.trim() ?? '';
      if (declared.length && justification.length < 2) {
        throw new AppError(
          422,
          'REGISTRY_IDENTIFICATION_EXCLUDED',
          bi(
            `该户属于排除情形（${declared.map((f) => EXCLUSION_LABELS[f]['zh-CN']).join('、')}），须说明理由方可通过审核`,
            `The household falls under an exclusion (${declared.map((f) => EXCLUSION_LABELS[f].en).join(', ')}); a justification is required to pass the review`,
          ),
          {
            errors: declared.map((f) => ({
              field: `exclusions.${f}`,
              code: 'excluded',
              message: EXCLUSION_LABELS[f],
            })),
            extra: { failedChecks: declared.map((f) => `exclusion.${f}`) },
          },
        );
      }
      step.details = { exclusions: run.exclusions, justification: justification || null };
    }
    if (cmd.kind === 'exit') {
      const checks = exitChecks(h, run.year!);
      const refusal = exitRefusal(checks);
      if (refusal) throw refusal;
      step.details = { checks };
    }
  }
  if (action === 'approve') {
    if (cmd.kind === 'identification') {
      to = 'in_poverty';
      set.identificationYear = cmd.year ?? shanghaiYear(now);
      step.details = { identificationYear: set.identificationYear };
    }
    if (cmd.kind === 'exit') {
      // The facts may have changed during the notice: the conditions hold at approval too.
      const checks = exitChecks(h, run.year!);
      const refusal = exitRefusal(checks);
      if (refusal) throw refusal;
      to = 'exited';
      set.exitYear = run.year!;
      step.details = { checks, exitYear: run.year };
    }
    if (cmd.kind === 'return') to = 'returned';
    if (cmd.kind === 'monitoring_entry') to = run.category!;
    if (cmd.kind === 'monitoring_removal') {
      to = statusAfterMonitoring(state, h);
      step.details = { restoredStatus: to };
    }
    run.outcome = 'approved';
    run.closedAt = nowIso;
  }
  run.steps.push(step);
  const closed = run.outcome !== 'pending';
  return {
    state: closed ? { active: null, closed: [...state.closed, run] } : { ...state, active: run },
    to,
    set,
    historyAction: `${cmd.kind}.${action}`,
    step,
  };
}

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
