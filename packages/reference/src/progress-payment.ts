// 根据项目进度分阶段拨付 — how much of a project's money may be paid at each stage of its work,
// per project type, and how far behind its plan a project may fall before it is "slow"
// (进展缓慢). Both are reference data, versioned: a change raises the version and applies to
// the days from its `from`; a refusal or a slow list names the version it used.

import type { ProjectType } from './programme-enums';

/** One stage: once the project reaches it, payments may total up to `sharePercent` of its funds. */
export interface PaymentStage {
  /** The reported progress (0–100) the stage needs. */
  minProgressPercent: number;
  /** …and, when set, the project must have been accepted (验收) too. */
  requiresAcceptance?: boolean;
  sharePercent: number;
  label: { 'zh-CN': string; en: string };
}

export interface PaymentStageTable {
  version: number;
  /** The first day (YYYY-MM-DD, China) it applies to. */
  from: string;
  /** A type not listed has no stages: its payments are capped by allocations only. */
  byType: Partial<Record<ProjectType, readonly PaymentStage[]>>;
}

/** 基础设施: 30% at the start, 60% at half the work, 90% at completion, the rest after 验收. */
const INFRASTRUCTURE: readonly PaymentStage[] = [
  { minProgressPercent: 0, sharePercent: 30, label: { 'zh-CN': '开工预付', en: 'start' } },
  {
    minProgressPercent: 50,
    sharePercent: 60,
    label: { 'zh-CN': '完成过半', en: 'half the work done' },
  },
  { minProgressPercent: 100, sharePercent: 90, label: { 'zh-CN': '完工', en: 'completion' } },
  {
    minProgressPercent: 100,
    requiresAcceptance: true,
    sharePercent: 100,
    label: { 'zh-CN': '验收审计后', en: 'after the acceptance audit' },
  },
];

export const PAYMENT_STAGE_TABLES: readonly PaymentStageTable[] = [
  {
    version: 1,
    from: '2014-01-01',
    byType: {
      road: INFRASTRUCTURE,
      drinking_water: INFRASTRUCTURE,
      irrigation: INFRASTRUCTURE,
      electricity: INFRASTRUCTURE,
      housing: INFRASTRUCTURE,
    },
  },
];

/** The stage table that applies on a day: the latest one from that day or before. */
export function paymentStagesFor(
  type: ProjectType,
  on: string,
): { version: number; stages: readonly PaymentStage[] } | null {
  let found: PaymentStageTable | null = null;
  for (const t of PAYMENT_STAGE_TABLES) if (t.from <= on) found = t;
  const stages = found?.byType[type];
  return found && stages?.length ? { version: found.version, stages } : null;
}

export interface SlowProjectThreshold {
  version: number;
  from: string;
  /** Reported progress more than this many percentage points behind the plan is slow. */
  behindPercentPoints: number;
}

export const SLOW_PROJECT_THRESHOLDS: readonly SlowProjectThreshold[] = [
  { version: 1, from: '2014-01-01', behindPercentPoints: 20 },
];

/** The slow-project threshold of a day: the latest one from that day or before. */
export function slowThresholdFor(on: string): SlowProjectThreshold | null {
  let found: SlowProjectThreshold | null = null;
  for (const t of SLOW_PROJECT_THRESHOLDS) if (t.from <= on) found = t;
  return found;
}
