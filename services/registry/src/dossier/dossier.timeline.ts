import type { DossierTimelineEntry } from '@fupin/contracts';

// The shapes and helpers the registry's dossier sections share (pure).

/** A list section: the items shown (at most a few hundred), how many exist, how many are left out. */
export interface DossierList<T> {
  items: T[];
  total: number;
  /** Items left out beyond the limit (the oldest). */
  omitted: number;
}

/** The first `limit` items of `total`, saying how many are left out. */
export function capped<T>(items: T[], limit: number, total = items.length): DossierList<T> {
  const kept = items.slice(0, limit);
  return { items: kept, total, omitted: Math.max(0, total - kept.length) };
}

/** An instant as ISO 8601 (UTC, `Z`): what the timeline's `at` and the sections' instants are. */
export function instant(at: Date | string): string {
  return new Date(at).toISOString();
}

/** A day-only fact (YYYY-MM-DD) on the timeline: its day's start in Asia/Shanghai. */
export function dayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** Newest first; entries of the same instant keep the order they were given in. */
export function newestFirst(entries: DossierTimelineEntry[]): DossierTimelineEntry[] {
  const at = entries.map((e) => Date.parse(e.at));
  return entries
    .map((_, i) => i)
    .sort((a, b) => at[b]! - at[a]! || a - b)
    .map((i) => entries[i]!);
}
