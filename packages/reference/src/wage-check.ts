// 工资收入核查 — when the wages a household's members are paid on record (人社's employment and
// wage list) say that its reported 工资性收入 is far below the truth. The threshold is reference
// data, versioned: a change to it raises its version, and a finding records the version it used.

export interface WageCheckThreshold {
  version: number;
  /** The first income year it applies to. */
  fromYear: number;
  /** Reported wages below this share of the wages on record are "far below" (with the gap). */
  ratio: number;
  /** …and only when the gap is at least this much (fen), so small or part-year wages pass. */
  minGapFen: number;
}

export const WAGE_CHECK_THRESHOLDS: readonly WageCheckThreshold[] = [
  { version: 1, fromYear: 2014, ratio: 0.5, minGapFen: 300_000 },
];

/** The threshold of an income year: the latest one that applies from that year or before. */
export function wageThresholdFor(year: number): WageCheckThreshold | null {
  let found: WageCheckThreshold | null = null;
  for (const t of WAGE_CHECK_THRESHOLDS) if (t.fromYear <= year) found = t;
  return found;
}

/**
 * Whether reported wages are far below the wages on record: below `ratio` × on record (exactly
 * at it is not) and short of it by `minGapFen` or more (exactly at it is). Integer fen in,
 * compared without floating point (the ratio is a decimal with at most two places).
 */
export function wagesUnderreported(
  reportedFen: number,
  onRecordFen: number,
  t: WageCheckThreshold,
): boolean {
  const percent = Math.round(t.ratio * 100);
  return reportedFen * 100 < onRecordFen * percent && onRecordFen - reportedFen >= t.minGapFen;
}
