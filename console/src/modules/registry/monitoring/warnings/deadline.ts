import { dayToInstant, formatDateTime, formatDay } from '../../../../common/format';

/**
 * 核实期限 as read: the day alone when the deadline is the default end of that day in
 * Asia/Shanghai (`2026-12-05`), else the day with its time (`2026-12-05 17:00`, a 督办).
 * `day` is the deadline's own day (`dueOn`) when known.
 */
export function deadlineText(dueAt: unknown, day?: unknown): string {
  const on = typeof day === 'string' && day !== '' ? day : formatDay(dueAt);
  if (typeof dueAt !== 'string' || dueAt === '') return formatDay(on);
  const at = new Date(dueAt).getTime();
  const endOfDay = new Date(dayToInstant(on, true)).getTime();
  return at === endOfDay ? on : formatDateTime(dueAt);
}
