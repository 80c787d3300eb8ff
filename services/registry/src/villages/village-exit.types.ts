import { bi, type Bilingual, type Right } from '@fupin/kit';
import type { ConditionCheck } from './exit-conditions.rules';

// The vocabulary of 贫困村退出: its steps, a run's stored state, and what a step is asked with.

export const VILLAGE_EXIT_ACTIONS = [
  'start',
  'appraise',
  'notice',
  'review',
  'approve',
  'reject',
] as const;
/**
 * start (the township proposes the village), appraise 村民主评议, notice 公示 (7 days), review
 * 乡镇审核, approve 县级审定 (sets the village exited), reject (refuses the pending step; closes
 * the run).
 */
export type VillageExitAction = (typeof VILLAGE_EXIT_ACTIONS)[number];
export type VillageExitForward = Exclude<VillageExitAction, 'reject'>;
export const VILLAGE_EXIT_STEPS: readonly VillageExitForward[] = [
  'start',
  'appraise',
  'notice',
  'review',
  'approve',
];

export const VILLAGE_EXIT_LABELS: Record<VillageExitAction | 'record', Bilingual> = {
  start: bi('申请退出', 'proposal'),
  appraise: bi('村民主评议', 'village appraisal'),
  notice: bi('公示', 'public notice'),
  review: bi('乡镇审核', 'township review'),
  approve: bi('县级审定', 'county approval'),
  reject: bi('不予通过', 'rejection'),
  record: bi('补录已批准的退出', 'recording an exit approved before'),
};

export interface VillageExitActor {
  id: string;
  name: string;
  areaCode: string;
}

/** One step taken: who, when, why, with which evidence and the conditions checked; never changed. */
export interface VillageExitStep {
  action: VillageExitAction | 'record';
  at: string;
  actor: VillageExitActor;
  reason: string;
  evidence: string[];
  details: { checks?: ConditionCheck[]; conditionsVersion?: number } & Record<string, unknown>;
}

export type VillageExitStage =
  'started' | 'appraised' | 'noticed' | 'reviewed' | 'approved' | 'rejected';

/** One run of the village exit, from its proposal to its approval or rejection. */
export interface VillageExitRun {
  id: string;
  stage: VillageExitStage;
  outcome: 'pending' | 'approved' | 'rejected';
  /** The exit year asked for. */
  year: number;
  startedAt: string;
  closedAt: string | null;
  notice: { startsAt: string; endsAt: string } | null;
  steps: VillageExitStep[];
}

/** The village's `exitWorkflow` field: the running exit and every earlier run. */
export interface VillageExitState {
  active: VillageExitRun | null;
  /** Closed runs, oldest first. */
  closed: VillageExitRun[];
}

export function villageExitStateOf(stored: unknown): VillageExitState {
  if (stored && typeof stored === 'object' && 'closed' in stored) return stored as VillageExitState;
  return { active: null, closed: [] };
}

export interface VillageExitCommand {
  action: VillageExitAction;
  reason: string;
  evidence?: string[];
  /** start: the exit year (default: this year, Asia/Shanghai). */
  year?: number;
  /** 民主评议 vote counts, when the village records them. */
  votes?: { for: number; against: number; abstain?: number };
}

export interface VillageExitCaller extends VillageExitActor {
  rights: readonly Right[];
}

/** The village as the machine sees it: where it lies, its flags and the conditions checked. */
export interface VillageExitSubject {
  code: string;
  townshipCode: string;
  poorVillage: boolean;
  exited: boolean;
  checks: ConditionCheck[];
  conditionsVersion: number;
}

export interface VillageExitDecision {
  state: VillageExitState;
  step: VillageExitStep;
  /** Set by an approval: the village exits in this year. */
  exitYear: number | null;
}
