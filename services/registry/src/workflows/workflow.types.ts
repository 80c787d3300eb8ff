import { bi, type Bilingual, type Right } from '@fupin/kit';
import type { Guarantees, HouseholdStatus, Income } from '../households/household.model';

// The vocabulary of the registry's workflows: their kinds, steps, stages and labels, a run's
// stored state, and what a step is asked with and decides.

export const WORKFLOW_KINDS = [
  'identification',
  'exit',
  'return',
  'monitoring_entry',
  'monitoring_removal',
  'clearance',
] as const;
/**
 * identification 精准识别, exit 脱贫退出, return 返贫, monitoring_entry 纳入监测 (脱贫不稳定户,
 * 边缘易致贫户, 突发严重困难户), monitoring_removal 风险消除 (leaving monitoring), clearance 清退
 * (a household found wrongly identified leaves the registry: cancelled).
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
export type ForwardAction = Exclude<WorkflowAction, 'reject'>;

export const MONITORING_CATEGORIES = ['unstable', 'marginal', 'sudden_hardship'] as const;
export type MonitoringCategory = (typeof MONITORING_CATEGORIES)[number];

/** 公示 lasts seven days; nothing moves past it before it ends. */
export const NOTICE_DAYS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

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

export const EXCLUSION_LABELS: Record<ExclusionFlag, Bilingual> = {
  car: bi('家庭拥有汽车', 'the family owns a car'),
  business: bi('家庭成员经营或拥有企业', 'a member owns or runs a business'),
  urbanHousing: bi('家庭在城镇购有住房', 'the family owns urban housing'),
  publicEmployee: bi('家庭成员为财政供养人员', 'a member is a public employee'),
  villageCadreFamily: bi('村干部家庭', "a village cadre's own family"),
};

export const KIND_LABELS: Record<WorkflowKind, Bilingual> = {
  identification: bi('精准识别', 'identification'),
  exit: bi('脱贫退出', 'exit'),
  return: bi('返贫认定', 'return to poverty'),
  monitoring_entry: bi('纳入监测', 'entry into monitoring'),
  monitoring_removal: bi('风险消除', 'removal from monitoring'),
  clearance: bi('清退', 'clearance'),
};

export const ACTION_LABELS: Record<WorkflowAction, Bilingual> = {
  start: bi('申请', 'start'),
  appraise: bi('村民主评议', 'village appraisal'),
  notice: bi('公示', 'public notice'),
  review: bi('乡镇审核', 'township review'),
  approve: bi('县级审定', 'county approval'),
  reject: bi('不予通过', 'rejection'),
};

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
  /** The matching finding the run was opened for (清退), when there is one. */
  findingId?: string | null;
  /** 告知与答复: the household told of the finding and its answer (清退 for a finding). */
  householdNotice?: HouseholdNotice | null;
  steps: WorkflowStep[];
}

// ------------------------------------------------------------------ the household told

export const NOTICE_CHANNELS = {
  in_person: { zh: '当面告知', en: 'In person' },
  phone: { zh: '电话告知', en: 'By phone' },
  sms: { zh: '短信告知', en: 'By text message' },
  letter: { zh: '书面告知书', en: 'By letter' },
  posted: { zh: '张贴告知', en: 'Posted notice' },
} as const;
export type NoticeChannel = keyof typeof NOTICE_CHANNELS;

/** The notice given to a household and its answer, kept on the run. */
export interface HouseholdNotice {
  givenOn: string;
  channel: NoticeChannel;
  text: string;
  /** The last day of the response window. */
  respondBy: string;
  givenBy: WorkflowActor;
  response: {
    receivedOn: string;
    text: string;
    /** The household disputes the finding (异议). */
    objects: boolean;
    recordedBy: WorkflowActor;
  } | null;
}

/**
 * An exclusion flag proposed from an open matching finding of the household (a vehicle, a
 * business, a public employee, urban property): a person confirms or dismisses it with a reason.
 */
export interface ExclusionProposal {
  findingId: string;
  rule: string;
  flag: ExclusionFlag;
  proposedAt: string;
  status: 'proposed' | 'confirmed' | 'dismissed';
  decidedAt: string | null;
  decidedBy: WorkflowActor | null;
  reason: string | null;
}

/** The household's `workflow` field: the running workflow and every earlier run. */
export interface WorkflowState {
  active: WorkflowRun | null;
  /** Closed runs, oldest first. */
  closed: WorkflowRun[];
  /** Exclusion flags proposed from matching findings (absent on states stored before them). */
  proposals?: ExclusionProposal[];
}

/** The poverty line (fen) that applies to the household in a year, null when none is kept. */
export type LineLookup = (year: number) => number | null;

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
  /** 清退: the matching finding the clearance is opened for. */
  findingId?: string;
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
