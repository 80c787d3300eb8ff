import { shanghaiDateOf } from '@fupin/reference';

// The figures of the 返贫风险 tab, read as the registry reads them (pure).

/** Today as `YYYY-MM-DD` in Asia/Shanghai, as the registry dates follow-ups and home checks. */
export const shanghaiToday = (now: Date = new Date()): string => shanghaiDateOf(now);

/** This month as `YYYY-MM` in Asia/Shanghai. */
export const shanghaiMonth = (now: Date = new Date()): string => shanghaiToday(now).slice(0, 7);

/** `count` months ending with `month` (`YYYY-MM`), the latest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    const mm = String((index % 12) + 1).padStart(2, '0');
    return `${Math.floor(index / 12)}-${mm}`;
  });
}

/** `YYYY-MM` as the placeholders of a month's label (`%{year}年%{month}月`). */
export function monthParts(month: string): { year: string; month: number } {
  return { year: month.slice(0, 4), month: Number(month.slice(5, 7)) };
}

/** 人均折年收入: a month's household income × 12 ÷ the household's size, in whole fen. */
export function annualPerCapitaFen(incomeFen: number | null, size: number): number | null {
  if (incomeFen === null || size <= 0) return null;
  return Math.round((incomeFen * 12) / size);
}

/**
 * Whether a month's income, per person on a yearly basis, is at or above the monitoring line —
 * compared in whole fen (income × 12 ≥ line × size), as the registry counts a stable month.
 * Null when the income or the size is not known.
 */
export function atOrAboveLine(
  incomeFen: number | null,
  size: number,
  lineFen: number | undefined,
): boolean | null {
  if (incomeFen === null || size <= 0 || lineFen === undefined) return null;
  return incomeFen * 12 >= lineFen * size;
}

/** The share of the required months reached, 0–100, for a progress bar. */
export const stabilityPercent = (stable: number, required: number): number =>
  required > 0 ? Math.min(100, Math.round((stable / required) * 100)) : 100;
