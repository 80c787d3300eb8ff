import type { ProjectionChange } from '@fupin/kit';
import type { HouseholdMove } from './household.directory';

/** What assistance keeps of a household (its pairings, measures, plan, visits). */
export interface KeptPerHousehold {
  householdsMoved(moves: HouseholdMove[]): Promise<void>;
}

/**
 * Households moved to another village: what assistance keeps of them follows, so area
 * scoping keeps matching the registry. One bulk write per collection for a whole batch.
 */
export function followHouseholdMoves(kept: KeptPerHousehold[]) {
  return async (changes: ProjectionChange[]): Promise<void> => {
    const moves = changes
      .filter((c) => c.before && c.before.revision > 0 && c.before.areaCode !== c.after.areaCode)
      .map((c) => ({ householdId: c.householdId, areaCode: c.after.areaCode }));
    if (moves.length === 0) return;
    await Promise.all(kept.map((k) => k.householdsMoved(moves)));
  };
}
