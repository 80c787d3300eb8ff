/**
 * 不属实原因 — why the township found a finding not to be a problem. Required with the
 * conclusion `not_confirmed` (findings dismissed before the codes existed keep their text and
 * have no code). The rule-quality figures count dismissals by these codes.
 */
export const DISMISSAL_REASONS = {
  not_same_person: { zh: '非本人（同号不同人或证号登记错误）', en: 'Not the same person' },
  department_data_wrong: { zh: '部门数据有误', en: 'The department data is wrong' },
  department_data_outdated: {
    zh: '部门数据已过时（已过户、已注销等）',
    en: 'The department data is out of date (transferred, cancelled …)',
  },
  allowed_by_policy: {
    zh: '符合政策，不影响认定',
    en: 'Allowed by the policy; it does not affect the identification',
  },
  already_handled: { zh: '此前已处理', en: 'Already dealt with before' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type DismissalReason = keyof typeof DISMISSAL_REASONS;
export const DISMISSAL_REASON_CODES = Object.keys(DISMISSAL_REASONS) as [
  DismissalReason,
  ...DismissalReason[],
];
