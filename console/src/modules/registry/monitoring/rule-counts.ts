import { SIGNAL_CODES } from './codes';

/** A rule's count in a screening report: a number (fired) or `{ count }` (data missing). */
type Count = number | { count?: number; households?: readonly string[] } | null | undefined;

const countOf = (v: Count): number =>
  typeof v === 'number' ? v : typeof v?.count === 'number' ? v.count : 0;

/** The message key of a signal's label (`enums.MonitoringSignal.<code>`). */
export const signalLabelKey = (code: string): string => `enums.MonitoringSignal.${code}`;

/**
 * A screening's per-rule counts as rows in the rule table's order (a code the console does not
 * know yet comes after, by name), without the rules that counted nothing.
 */
export function ruleCounts(
  counts: Record<string, Count> | null | undefined,
): { code: string; count: number }[] {
  const order = (code: string) => {
    const i = (SIGNAL_CODES as readonly string[]).indexOf(code);
    return i < 0 ? SIGNAL_CODES.length : i;
  };
  return Object.entries(counts ?? {})
    .map(([code, v]) => ({ code, count: countOf(v) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code));
}

/** Whether a run has ended (done, refused or failed): its page stops asking. */
export const isScreeningFinished = (status: unknown): boolean =>
  status === 'done' || status === 'refused' || status === 'failed';
