import type { SameKeys } from '../../../i18n/types';

/** 督办 — setting a finding's deadline (`resources.matching-findings.due`). */
export const dueZh = {
  label: '调整整改期限',
  title: '调整整改期限（督办）',
  hint: '县扶贫办督办：设定新的整改期限（含具体时间，如12月5日17:00），并说明原因。期限须晚于当前时间，最长一年；期限过后未销号即为逾期。',
  dueAt: '整改期限',
  reason: '督办原因',
  done: '已调整整改期限',
  change: '整改期限：%{before} → %{after}',
  required_due: '请填写新的整改期限',
  future_due: '整改期限须晚于当前时间',
};

export const dueEn: SameKeys<typeof dueZh> = {
  label: 'Set deadline',
  title: 'Set the deadline (supervision)',
  hint: 'The poverty office sets a new deadline with its time of day (e.g. 5 Dec 17:00) and says why. It must be later than now and at most a year ahead; a finding still open after it is overdue.',
  dueAt: 'Deadline',
  reason: 'Reason',
  done: 'Deadline set',
  change: 'Deadline: %{before} → %{after}',
  required_due: 'Give the new deadline',
  future_due: 'The deadline must be later than now',
};
