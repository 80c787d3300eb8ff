// 公示 — which steps of a project need a public notice posted first, and for how many days, per
// project type. Reference data, versioned like the payment stages: a change raises the version
// and applies to the days from its `from`; a refusal names the version it used.

import type { ProjectType } from './programme-enums';

/**
 * The steps a notice may be required before: `approval` — 审批入库 (项目公示 of the proposal);
 * `final_payment` — the payment that takes the project's payments above `abovePercent` of its
 * planned investment (the 尾款 after 验收, which reaches 100%), after the acceptance result
 * (验收结果公示) was posted.
 */
export const NOTICE_STEPS = ['approval', 'final_payment'] as const;
export type NoticeStep = (typeof NOTICE_STEPS)[number];

/** What a notice announces, by the step it is posted before. */
export const NOTICE_SUBJECT_OF: Record<NoticeStep, { 'zh-CN': string; en: string }> = {
  approval: { 'zh-CN': '项目立项公示', en: 'notice of the project proposal' },
  final_payment: { 'zh-CN': '项目验收结果公示', en: 'notice of the acceptance result' },
};

export interface NoticeRequirement {
  /** The notice stays up this many days: posted on D, its last day is D + days − 1. */
  days: number;
  /** final_payment only: the share (percent of the planned investment) above which a payment is final. */
  abovePercent?: number;
}

export interface NoticeRuleTable {
  version: number;
  /** The first day (YYYY-MM-DD, China) it applies to. */
  from: string;
  /** A type not listed needs no notice for the step. */
  byType: Partial<Record<ProjectType, Partial<Record<NoticeStep, NoticeRequirement>>>>;
}

const APPROVAL: NoticeRequirement = { days: 10 };
/** 基础设施: the acceptance result posted 7 days before the 尾款 above the 90% completion stage. */
const WORKS = { approval: APPROVAL, final_payment: { days: 7, abovePercent: 90 } };

export const NOTICE_RULE_TABLES: readonly NoticeRuleTable[] = [
  {
    version: 1,
    from: '2014-01-01',
    byType: {
      road: WORKS,
      drinking_water: WORKS,
      irrigation: WORKS,
      electricity: WORKS,
      housing: WORKS,
      industry: { approval: APPROVAL },
      whole_village: { approval: APPROVAL },
      east_west_collaboration: { approval: APPROVAL },
      relocation: { approval: APPROVAL },
      training: { approval: APPROVAL },
      education: { approval: APPROVAL },
      health: { approval: APPROVAL },
      ecommerce: { approval: APPROVAL },
      other: { approval: APPROVAL },
    },
  },
];

/** The notice a step of a project type needs on a day, or null when it needs none. */
export function noticeRequirementFor(
  type: ProjectType,
  step: NoticeStep,
  on: string,
): (NoticeRequirement & { version: number }) | null {
  let found: NoticeRuleTable | null = null;
  for (const t of NOTICE_RULE_TABLES) if (t.from <= on) found = t;
  const req = found?.byType[type]?.[step];
  return found && req ? { ...req, version: found.version } : null;
}
