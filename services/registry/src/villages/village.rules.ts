import { bi, type FieldError, unprocessable } from '@fupin/kit';
import type { HouseholdStatus } from '../households/household.model';
import { INFRASTRUCTURE, type Infrastructure, type Village } from './village.model';

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

/** The village's tap water item (饮水安全 is derived from it), null when none is recorded. */
export const tapWaterOf = (v: Pick<Village, 'infrastructure'>): boolean | null =>
  v.infrastructure.tapWater?.inPlace ?? null;

/**
 * A village exits through its workflow (评议, 公示, 审核, 审定), never by typing the flag: a
 * change of `exited` or `exitYear` is refused and names the workflow; the same value is no change.
 */
export function refuseTypedExit(
  current: Pick<Village, 'exited' | 'exitYear'>,
  input: { exited?: boolean; exitYear?: number | null },
): void {
  const errors: FieldError[] = [];
  for (const field of ['exited', 'exitYear'] as const) {
    if (input[field] === undefined || input[field] === current[field]) continue;
    errors.push({
      field,
      code: 'by_workflow',
      message: bi(
        '贫困村退出须经村民主评议、公示、乡镇审核和县级审定，不能直接修改',
        'A village exits through appraisal, notice, township review and county approval, not by an edit',
      ),
    });
  }
  if (errors.length) {
    throw unprocessable(
      'REGISTRY_VILLAGE_EXIT_BY_WORKFLOW',
      bi(
        '退出状态和退出年度由贫困村退出流程设定，请在村页面的“贫困村退出”中办理（POST /villages/{code}/exit/steps）',
        'The exit flag and year are set by the village exit workflow: use the village exit steps (POST /villages/{code}/exit/steps)',
      ),
      errors,
    );
  }
}
