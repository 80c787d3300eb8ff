import type { RegistryApi } from '../../../providers/api-types';

export type RejectedRow = RegistryApi.components['schemas']['RejectedRow'];

/** Consecutive rejected rows of one household (a household's rows are consecutive in a sheet). */
export interface HouseholdRows {
  householdNo: string | null;
  rows: RejectedRow[];
}

/** The rejected rows of one sheet, under its own name, household by household. */
export interface SheetSection {
  sheet: string;
  households: HouseholdRows[];
}

/**
 * The report as people work through it: sheet by sheet in the file's order, rows in row
 * order, the rows of one household together (a household is refused whole, so every row of
 * it is there: the invalid ones and those refused because of them).
 */
export function reportSections(rows: readonly RejectedRow[]): SheetSection[] {
  const sections: SheetSection[] = [];
  for (const r of rows) {
    let section = sections[sections.length - 1];
    if (!section || section.sheet !== r.sheet) {
      section = { sheet: r.sheet, households: [] };
      sections.push(section);
    }
    const last = section.households[section.households.length - 1];
    const previous = last?.rows[last.rows.length - 1];
    // A row without a household number is a household of its own.
    if (
      last &&
      r.householdNo !== null &&
      last.householdNo === r.householdNo &&
      previous &&
      previous.row < r.row
    )
      last.rows.push(r);
    else section.households.push({ householdNo: r.householdNo, rows: [r] });
  }
  for (const s of sections) for (const h of s.households) h.rows.sort((a, b) => a.row - b.row);
  return sections;
}

/** A row not stored only because other rows of its household are invalid. */
export const refusedByOther = (r: RejectedRow): boolean => (r.refusedBecauseOf?.length ?? 0) > 0;
