import { compareTerms } from '../education/school-calendar';

// Which term or year the dashboard shows when the user names none: the current one when it has
// data, else the latest earlier one that has (a county whose records end in an earlier year sees
// those, not zeros), else the current one.

/** The term to show: `current` if it has data or nothing earlier does, else the latest earlier. */
export function termToShow(
  current: string,
  termsWithData: readonly string[],
): { term: string; latestWithData: boolean } {
  const earlier = termsWithData.filter((t) => compareTerms(t, current) <= 0).sort(compareTerms);
  const latest = earlier.at(-1);
  if (!latest || latest === current) return { term: current, latestWithData: false };
  return { term: latest, latestWithData: true };
}

/** The year to show, by the same rule. */
export function yearToShow(
  current: number,
  yearsWithData: readonly number[],
): { year: number; latestWithData: boolean } {
  const latest = Math.max(-Infinity, ...yearsWithData.filter((y) => y <= current));
  if (!Number.isFinite(latest) || latest === current)
    return { year: current, latestWithData: false };
  return { year: latest, latestWithData: true };
}

/**
 * The health card's year: by the same rule over the years with insurance records (its coverage
 * figures need them), else over the latest in-patient year — a few hospital stays recorded this
 * year for a county whose insurance list is of an earlier year do not empty the card.
 */
export function healthYearToShow(
  current: number,
  insuredYears: readonly number[],
  lastEpisodeYear: number | null,
): { year: number; latestWithData: boolean } {
  if (insuredYears.length) return yearToShow(current, insuredYears);
  return yearToShow(current, lastEpisodeYear === null ? [] : [lastEpisodeYear]);
}
