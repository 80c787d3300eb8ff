import type { HouseholdStatus } from '../households/household.model';
import { INFRASTRUCTURE, type Infrastructure } from './village.model';

/** Pure rules of the village figures: no database, no HTTP. */

/**
 * 建档立卡户 — households on the register: identified poor households whether still in
 * poverty, exited, back in poverty or exited but unstable. Candidates, refused applications
 * and monitoring-only households (marginal, sudden hardship) are not registered poor.
 */
export const REGISTERED_STATUSES: readonly HouseholdStatus[] = [
  'in_poverty',
  'returned',
  'exited',
  'unstable',
];

/** 未脱贫 — registered households still in poverty (a household back in poverty counts). */
export const STILL_POOR_STATUSES: readonly HouseholdStatus[] = ['in_poverty', 'returned'];

/** The statuses counted as "exited" for the yearly exit figures. */
export const EXITED_STATUSES: readonly HouseholdStatus[] = ['exited', 'unstable', 'returned'];

/** Households and people of one group of households. */
export interface Tally {
  households: number;
  people: number;
}

export const emptyTally = (): Tally => ({ households: 0, people: 0 });

export function addTally(a: Tally, b: Tally): Tally {
  return { households: a.households + b.households, people: a.people + b.people };
}

/**
 * 贫困发生率 = registered poor people still in poverty ÷ rural population, in percent with two
 * decimals; null when the population is not known (never a guess, never typed in).
 */
export function povertyIncidencePercent(
  stillPoorPeople: number,
  ruralPopulation: number | null,
): number | null {
  if (ruralPopulation === null || ruralPopulation <= 0) return null;
  return Math.round((stillPoorPeople / ruralPopulation) * 10_000) / 100;
}

/** What the registry says about a village's poor households, from its households' statuses. */
export interface VillageFigures {
  registered: Tally;
  stillPoor: Tally;
  povertyIncidencePercent: number | null;
}

export function villageFigures(
  byStatus: ReadonlyMap<string, Tally>,
  ruralPopulation: number | null,
): VillageFigures {
  const sum = (statuses: readonly string[]) =>
    statuses.reduce((t, s) => addTally(t, byStatus.get(s) ?? emptyTally()), emptyTally());
  const stillPoor = sum(STILL_POOR_STATUSES);
  return {
    registered: sum(REGISTERED_STATUSES),
    stillPoor,
    povertyIncidencePercent: povertyIncidencePercent(stillPoor.people, ruralPopulation),
  };
}

export function noInfrastructure(): Infrastructure {
  return Object.fromEntries(
    INFRASTRUCTURE.map((k) => [k, { inPlace: false, note: null }]),
  ) as Infrastructure;
}

/** The infrastructure items not yet in place (a village exits only with all of them). */
export function missingInfrastructure(i: Infrastructure): string[] {
  return INFRASTRUCTURE.filter((k) => !i[k].inPlace);
}
