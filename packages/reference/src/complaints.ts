// 涉贫信访 — complaints about poverty work (seed 002: "加强涉贫信访和舆情监控处置工作"): the
// channels they come in on, what they are about, how the complainant rated the answer, and how
// long the assigned unit has to answer. The deadline is reference data, versioned: a county that
// answers within 15 days (its own rule) stays inside the 60 days 信访条例 allows at most.

import type { CodeOf, EnumDefinition } from './enum-kit';

/** 信访渠道 — how a complaint reached the county. */
export const ComplaintChannel = {
  hotline_12317: { zh: '12317热线', en: '12317 hotline', aliases: ['12317', '扶贫监督举报电话'] },
  letter: { zh: '来信', en: 'Letter', aliases: ['信件'] },
  visit: { zh: '来访', en: 'Visit in person', aliases: ['走访', '上访'] },
  online: { zh: '网上信访', en: 'Online petition', aliases: ['网上投诉'] },
  hotline_12345: { zh: '县长热线/12345', en: "County head's line / 12345", aliases: ['12345'] },
  media: { zh: '媒体舆情', en: 'Media and public opinion', aliases: ['舆情'] },
  other: { zh: '其他', en: 'Other' },
} as const satisfies EnumDefinition;
export type ComplaintChannel = CodeOf<typeof ComplaintChannel>;

/** 信访事项类别 — what the complaint is about. */
export const ComplaintSubject = {
  wrong_identification: { zh: '识别不准', en: 'Wrong identification', aliases: ['错评', '漏评'] },
  false_exit: { zh: '退出不实', en: 'False exit', aliases: ['错退', '数字脱贫'] },
  assistance_lacking: { zh: '帮扶不到位', en: 'Assistance lacking' },
  funds: { zh: '资金问题', en: 'Funds', aliases: ['截留', '挪用'] },
  conduct: { zh: '作风问题', en: "Officials' conduct", aliases: ['作风'] },
  other: { zh: '其他', en: 'Other' },
} as const satisfies EnumDefinition;
export type ComplaintSubject = CodeOf<typeof ComplaintSubject>;

/** 满意度 — the complainant's rating of the answer; 不满意 may be reopened (重新办理). */
export const ComplaintSatisfaction = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
} as const satisfies EnumDefinition;
export type ComplaintSatisfaction = CodeOf<typeof ComplaintSatisfaction>;

/** 办理状态 — where a complaint stands. */
export const ComplaintStatus = {
  pending: { zh: '待办理', en: 'Pending' },
  in_progress: { zh: '办理中', en: 'In progress' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
  reopened: { zh: '重新办理', en: 'Reopened' },
} as const satisfies EnumDefinition;
export type ComplaintStatus = CodeOf<typeof ComplaintStatus>;

/** 信访条例 第三十三条: a complaint is answered within 60 days of being accepted, at most. */
export const COMPLAINT_MAX_DAYS = 60;

export interface ComplaintDeadlineRule {
  version: number;
  /** The first day (YYYY-MM-DD, China) it applies to. */
  from: string;
  /** Days from receipt (or from a reopening) the assigned unit has to answer. */
  answerWithinDays: number;
}

export const COMPLAINT_DEADLINE_RULES: readonly ComplaintDeadlineRule[] = [
  // The demo county answers 涉贫信访 within 15 days (its 办理时限), well inside the 60 allowed.
  { version: 1, from: '2014-01-01', answerWithinDays: 15 },
];

/** The rule that applies on a day: the latest one from that day or before. */
export function complaintDeadlineRuleFor(on: string): ComplaintDeadlineRule {
  let found = COMPLAINT_DEADLINE_RULES[0]!;
  for (const r of COMPLAINT_DEADLINE_RULES) if (r.from <= on) found = r;
  return found;
}
