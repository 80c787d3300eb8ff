/** One township's warnings as GET /monitoring/statistics counts them. */
export interface TownshipWarningFigures {
  townshipCode: string;
  open: number;
  overdue: number;
  confirmed: number;
  dismissed: number;
  confirmedThisMonth: number;
  verifiedOnTime: number;
  verified: number;
}

/** What the dashboard card shows: the figures of every township in the user's area, summed. */
export interface WarningTotals {
  open: number;
  overdue: number;
  confirmedThisMonth: number;
  /** Warnings ever raised in the area (open or verified): none means nothing to show. */
  raised: number;
}

/**
 * The townships' figures summed (a township user's statistics have their township only, so
 * theirs is their own).
 */
export function sumWarningFigures(townships: readonly TownshipWarningFigures[]): WarningTotals {
  return townships.reduce<WarningTotals>(
    (t, f) => ({
      open: t.open + f.open,
      overdue: t.overdue + f.overdue,
      confirmedThisMonth: t.confirmedThisMonth + f.confirmedThisMonth,
      raised: t.raised + f.open + f.confirmed + f.dismissed,
    }),
    { open: 0, overdue: 0, confirmedThisMonth: 0, raised: 0 },
  );
}

export interface TownshipFigures {
  townshipCode: string;
  open: number;
  overdue: number;
  confirmedThisMonth: number;
}

/** The townships with the most overdue, then open, warnings first: what the county chases. */
export function townshipsToChase<T extends TownshipFigures>(rows: readonly T[], most = 8): T[] {
  return [...rows]
    .filter((r) => r.open + r.overdue + r.confirmedThisMonth > 0)
    .sort(
      (a, b) =>
        b.overdue - a.overdue || b.open - a.open || a.townshipCode.localeCompare(b.townshipCode),
    )
    .slice(0, most);
}
