import {
  DATA_YEAR,
  type DemoCounty,
  type DemoHousehold,
  type DemoMember,
  type DemoVillage,
} from '../county';
import {
  ageOn,
  type DepartmentCases,
  departmentCases,
  type Person,
} from './matching-department-lists';
import { plantedCases } from './matching-precision';

// Who the departments' own lists (issue 22) name: the registered people behind each planted
// finding, and the villages whose lists must be complete (a list that finds people missing from
// it covers its area whole). Households are taken where no other demo part plants anything —
// outside the first six villages (the registry parts' cases), the 低保 list's village and the
// school and insurance village, and away from the households the other matching parts use — so
// what the registry holds there is what the county model says. Deterministic: the county's fixed
// order, each household used once.

const Y = DATA_YEAR + 1;
/** Each list's date, as the department dated its export. */
export const USER_LIST_DATES = {
  household_moves: `${Y}-03-31`,
  pension_receipts: `${Y}-03-31`,
  disability_certificates: `${Y}-03-20`,
  // 村两委换届 ended in the first quarter of 2021: the roster is the new one.
  village_cadres: `${Y}-03-10`,
  // 人社's wages of the data year, drawn when the year's payroll is closed.
  employment_wages: `${Y}-03-31`,
} as const;
export type UserListType = keyof typeof USER_LIST_DATES;
export const USER_LIST_TYPES = Object.keys(USER_LIST_DATES) as UserListType[];

/** 基础养老金 from this age (whole years on the list's date), as the matching rule counts it. */
const PENSION_AGE = 60;

export interface UserCases {
  /** Registered working-age members whose 户籍 moved out of the county (公安). */
  movedOut: Person[];
  /** The village 人社's pension list covers: every registered person of 60 or more on it … */
  pensionVillage: DemoVillage;
  pensionHouseholds: DemoHousehold[];
  /** … but these (one to three), who draw no pension. */
  pensionLeftOff: Person[];
  /** On the demo's deaths list, registry member removed, still paid (matching-precision's death). */
  deceasedPaid: Person;
  /** The village 残联's certificate list covers: every registered disabled person on it … */
  disabilityVillage: DemoVillage;
  disabilityHouseholds: DemoHousehold[];
  /** … but these (one or two), recorded disabled without a certificate. */
  uncertified: Person[];
  /** Certificate holders the registry records as not disabled (one or two, able to work). */
  certifiedNotRecorded: Person[];
  /** A village cadre whose household is still in poverty (错评 suspected). */
  cadre: Person;
  /** Cadres from exited households: registered, where they belong (nothing to find). */
  exitedCadres: Person[];
}

export const pensionAge = (p: { birthDate: string }) =>
  ageOn(p.birthDate, USER_LIST_DATES.pension_receipts);
export const drawsPension = (p: { birthDate: string }) => pensionAge(p) >= PENSION_AGE;
const ageIn = (p: { birthDate: string }) => Y - Number(p.birthDate.slice(0, 4));
const head = (h: DemoHousehold) => h.members.find((m) => m.relation === 'head') ?? h.members[0]!;
const LABOURERS = new Set(['ordinary', 'skilled']);

/** The departments' cases, or null in a county too small for them (that part plants none). */
function departmentCasesOrNone(county: DemoCounty): DepartmentCases | null {
  try {
    return departmentCases(county);
  } catch {
    return null;
  }
}

/** The households and villages the other demo parts plant their cases in. */
function taken(county: DemoCounty) {
  const precision = plantedCases(county);
  const departments = departmentCasesOrNone(county);
  const villages = new Set([
    ...county.villages.slice(0, 6).map((v) => v.code),
    precision.exitedAllowance.h.areaCode,
    ...(departments ? [departments.village.code] : []),
  ]);
  const households = new Set(
    [
      precision.deceased,
      precision.vehicleConfirmed,
      precision.vehicleClosed,
      precision.exitedDeath,
      precision.exitedAllowance,
      ...(departments
        ? [
            departments.businessOwner,
            departments.publicEmployee,
            departments.propertyOwner,
            departments.dangerousHouse,
            departments.exitedEntrepreneur,
          ]
        : []),
    ].map((p) => p.h.householdNo),
  );
  for (const h of departments?.knownDangerous ?? []) households.add(h.householdNo);
  return { villages, households, deceased: precision.deceased };
}

/** The village (of the free ones) with the most people `fits`, the first such on a tie. */
function villageWithMost(
  byVillage: Map<string, DemoHousehold[]>,
  fits: (h: DemoHousehold) => number,
  skip: string | null,
): string | undefined {
  let best: [string, number] | undefined;
  for (const [code, households] of byVillage) {
    if (code === skip) continue;
    const n = households.reduce((s, h) => s + fits(h), 0);
    if (n > 0 && (!best || n > best[1])) best = [code, n];
  }
  return best?.[0];
}

/**
 * The cases, or an error naming the one a county is too small for (a few hundred people hold
 * every case; the demo-seed test's county has 400).
 */
export function userCases(county: DemoCounty): UserCases {
  const { villages: takenVillages, households: used, deceased } = taken(county);
  const byVillage = new Map<string, DemoHousehold[]>();
  for (const h of county.households())
    if (!takenVillages.has(h.areaCode))
      byVillage.set(h.areaCode, [...(byVillage.get(h.areaCode) ?? []), h]);
  const free = (h: DemoHousehold) => !used.has(h.householdNo);
  const take = (h: DemoHousehold) => (used.add(h.householdNo), h);

  const olds = (h: DemoHousehold) => (free(h) ? h.members.filter(drawsPension).length : 0);
  const disabledAdult = (m: DemoMember) => m.health === 'disabled' && ageIn(m) >= 16;
  const disabled = (h: DemoHousehold) => (free(h) ? h.members.filter(disabledAdult).length : 0);
  const pensionCode = villageWithMost(byVillage, olds, null);
  const disabilityCode = villageWithMost(byVillage, disabled, pensionCode ?? null);
  if (!pensionCode) throw new Error('the demo county lacks a village with people of 60 or more');
  if (!disabilityCode)
    throw new Error('the demo county lacks a second village with a disabled adult');
  const pensionHouseholds = byVillage.get(pensionCode)!;
  const disabilityHouseholds = byVillage.get(disabilityCode)!;

  const pensioners = pensionHouseholds
    .filter(free)
    .flatMap((h) => h.members.filter(drawsPension).map((m) => ({ h, m })));
  // Modest: one in six of the village's pensioners, two at least (one in a tiny village),
  // three at most.
  const pensionLeftOff = pensioners
    .filter((p, i, all) => all.findIndex((q) => q.h === p.h) === i)
    .slice(
      0,
      Math.min(3, Math.max(pensioners.length >= 4 ? 2 : 1, Math.round(pensioners.length / 6))),
    );
  pensionLeftOff.forEach((p) => take(p.h));

  // Adults: a child's certificate is the parents' errand, not the township's finding to show.
  const disabledPeople = disabilityHouseholds
    .filter(free)
    .flatMap((h) => h.members.filter(disabledAdult).map((m) => ({ h, m })));
  const uncertified = disabledPeople
    .filter((p, i, all) => all.findIndex((q) => q.h === p.h) === i)
    .slice(0, disabledPeople.length >= 3 ? 2 : 1);
  uncertified.forEach((p) => take(p.h));
  const certifiedNotRecorded = disabilityHouseholds
    .filter(free)
    .flatMap((h) => {
      const able = h.members.find(
        (m) =>
          m.health === 'healthy' &&
          LABOURERS.has(m.labourCapacity) &&
          ageIn(m) >= 25 &&
          ageIn(m) <= 55,
      );
      return able ? [{ h, m: able }] : [];
    })
    .slice(0, 2);
  if (certifiedNotRecorded.length === 0)
    throw new Error('the demo county lacks a healthy labourer beside the disabled people');
  certifiedNotRecorded.forEach((p) => take(p.h));

  const rest = [...byVillage.values()].flat().filter(free);
  const movedOut: Person[] = [];
  const townships = new Set<string>();
  for (const h of rest) {
    const m = h.members.find((x) => x.relation !== 'head' && ageIn(x) >= 20 && ageIn(x) <= 40);
    if (!m || townships.has(h.townshipCode) || movedOut.length === 3) continue;
    townships.add(h.townshipCode);
    movedOut.push({ h: take(h), m });
  }
  // A small county has fewer townships with a young member to spare than three: any household then.
  for (const h of rest.filter(free)) {
    const m = h.members.find((x) => x.relation !== 'head' && ageIn(x) >= 20 && ageIn(x) <= 45);
    if (m && movedOut.length < 3) movedOut.push({ h: take(h), m });
  }
  if (movedOut.length === 0) throw new Error('the demo county lacks a young member to move out');

  const poor = rest.find(
    (h) => free(h) && h.status === 'in_poverty' && ageIn(head(h)) >= 28 && ageIn(head(h)) <= 60,
  );
  if (!poor)
    throw new Error('the demo county lacks a free household in poverty for the cadre case');
  const cadre = { h: take(poor), m: head(poor) };
  const exitedCadres = rest
    .filter((h) => free(h) && h.status === 'exited' && ageIn(head(h)) >= 30 && ageIn(head(h)) <= 60)
    .slice(0, Math.min(8, Math.max(2, Math.round(county.villages.length / 25))))
    .map((h) => ({ h: take(h), m: head(h) }));

  return {
    movedOut,
    pensionVillage: county.villages.find((v) => v.code === pensionCode)!,
    pensionHouseholds,
    pensionLeftOff,
    deceasedPaid: deceased,
    disabilityVillage: county.villages.find((v) => v.code === disabilityCode)!,
    disabilityHouseholds,
    uncertified,
    certifiedNotRecorded,
    cadre,
    exitedCadres,
  };
}
