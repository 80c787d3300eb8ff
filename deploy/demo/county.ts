import { computeCheckDigit } from '@fupin/reference';
import { givenName, type Sex, surname } from './names';
import { Random } from './random';
import {
  COUNTY_NAME,
  DATA_YEAR,
  GUARANTEE_CODES,
  type DemoHousehold,
  type DemoMember,
  type DemoOptions,
  type DemoTownship,
  type DemoVillage,
  type GuaranteeCode,
} from './county-shape';
import {
  BANKS,
  EXIT_YEARS,
  GROUP_NAMES,
  IDENTIFICATION_YEARS,
  MAIN_CAUSES,
  MEAN_SIZE,
  SIZES,
  STATUSES,
  TOWNSHIP_NAMES,
  VILLAGE_FIRST,
  VILLAGE_SECOND,
  WORK_PLACES,
  daysIn,
  pad,
} from './county-tables';

export * from './county-shape';

/**
 * 临溪县 (a made-up county, code 431121 as in the project's fixtures): 13 townships as in seed
 * 002's county, ~200 villages, ~8,000 registered households with ~25,000 people among
 * ~300,000 rural residents. Distributions follow the seeds: causes led by illness and lack of
 * skills; ordinary, 低保 and 五保 households; exits spread over 2014–2020 with 2017–2018 the
 * peak; a few returned and monitored households. Deterministic: the same options give the
 * same county, byte for byte. Sizes scale with `people` (benchmarks use 1,000,000).
 */
export class DemoCounty {
  readonly seed: number;
  readonly people: number;
  readonly townships: DemoTownship[];

  constructor(opts: DemoOptions = {}) {
    this.seed = opts.seed ?? 2020;
    this.people = Math.max(30, Math.round(opts.people ?? 25_000));
    this.townships = this.planAreas();
  }

  get villages(): DemoVillage[] {
    return this.townships.flatMap((t) => t.villages);
  }

  /** Townships, villages (about one per 125 registered people) and how many households each gets. */
  private planAreas(): DemoTownship[] {
    const r = new Random(this.seed, 1);
    const households = Math.max(13, Math.round(this.people / MEAN_SIZE));
    const villageCount = Math.min(13 * 799, Math.max(13, Math.round(this.people / 125)));
    const townships: DemoTownship[] = TOWNSHIP_NAMES.map((name, i) => ({
      code: `431121${pad(101 + i, 3)}000`,
      name,
      villages: [],
    }));
    const weights: number[] = [];
    for (let v = 0; v < villageCount; v++) {
      const t = townships[v % townships.length]!;
      const used = new Set(t.villages.map((x) => x.name));
      let name = '';
      for (let attempt = 0; attempt < 50 && (name === '' || used.has(name)); attempt++)
        name = `${r.pick(VILLAGE_FIRST)}${r.pick(VILLAGE_SECOND)}村`;
      if (used.has(name)) name = `${name.slice(0, -1)}${t.villages.length + 1}村`;
      // About one village in six is a 贫困村 (seed 002: 27 provincial + 4 city of ~200).
      const poor = r.chance(0.155);
      weights.push(poor ? r.around(1.6, 0.4, 1, 2.5) : r.around(1, 0.35, 0.3, 2));
      t.villages.push({
        code: `${t.code.slice(0, 9)}${pad(201 + t.villages.length, 3)}`,
        name,
        townshipCode: t.code,
        groups: r.int(5, 12),
        poorVillage: poor ? (r.chance(0.87) ? 'provincial' : 'city') : null,
        exitYear: poor
          ? r.weighted([
              [2016, 3],
              [2017, 14],
              [2018, 12],
              [2019, 2],
            ])
          : null,
        households: 0,
        ruralPopulation: 0,
        totalHouseholds: 0,
        yaoVillage: r.chance(0.08),
      });
    }
    // Households by weight, rounding handed to the last village so the total is exact.
    const villages = townships.flatMap((t) => t.villages);
    const totalWeight = weights.reduce((s, w) => s + w, 0);
    let left = households;
    villages.forEach((v, i) => {
      const share =
        i === villages.length - 1
          ? left
          : Math.min(left, Math.max(1, Math.round((households * weights[i]!) / totalWeight)));
      v.households = share;
      left -= share;
    });
    // Registered people are ~8 % of the rural population (300,000 residents for 25,000 people),
    // more in poor villages.
    for (const v of villages) {
      const people = v.households * MEAN_SIZE;
      const incidence = v.poorVillage
        ? r.around(0.2, 0.05, 0.1, 0.35)
        : r.around(0.07, 0.02, 0.03, 0.12);
      v.ruralPopulation = Math.max(Math.round(people / incidence), v.households * 4);
      v.totalHouseholds = Math.round(v.ruralPopulation / 3.6);
    }
    return townships;
  }

  /**
   * Every household, village by village, in a fixed order (a generator: a province-sized run
   * never holds the whole county in memory). ID numbers are unique across the county.
   */
  *households(): Generator<DemoHousehold> {
    // Sequence numbers per birth date and sex keep ID numbers unique (odd male, even female).
    const sequence = new Map<string, number>();
    const idNumber = (birthDate: string, sex: Sex): string => {
      const key = `${birthDate}${sex}`;
      const n = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, n);
      const seq = n * 2 - (sex === 'male' ? 1 : 0);
      if (seq > 999) throw new Error(`more than 499 people of one sex born on ${birthDate}`);
      const first17 = `431121${birthDate.replace(/-/g, '')}${pad(seq, 3)}`;
      return `${first17}${computeCheckDigit(first17)}`;
    };
    let index = 0;
    for (const t of this.townships) {
      for (const v of t.villages) {
        const r = new Random(this.seed, 2, Number(v.code.slice(6)));
        for (let n = 1; n <= v.households; n++) {
          yield this.household(r, t, v, n, idNumber);
          index++;
        }
      }
    }
    void index;
  }

  private household(
    r: Random,
    t: DemoTownship,
    v: DemoVillage,
    n: number,
    idNumber: (birthDate: string, sex: Sex) => string,
  ): DemoHousehold {
    const status = r.weighted(STATUSES);
    const attribute = r.weighted<DemoHousehold['attribute']>([
      ['ordinary', 70],
      ['minimum_allowance', 22],
      ['destitute', 8],
    ]);
    // 五保 households are mostly one or two old people.
    const size =
      attribute === 'destitute'
        ? r.weighted([
            [1, 70],
            [2, 30],
          ])
        : r.weighted(SIZES);
    const mainCause = r.weighted(MAIN_CAUSES);
    const otherCauses = [...new Set([r.weighted(MAIN_CAUSES), r.weighted(MAIN_CAUSES)])]
      .filter((c) => c !== mainCause)
      .slice(0, r.int(0, 2));
    const monitoringOnly = status === 'marginal' || status === 'sudden_hardship';
    const identificationYear = monitoringOnly ? null : r.weighted(IDENTIFICATION_YEARS);
    let exitYear: number | null = null;
    if (status === 'exited' || status === 'unstable' || status === 'returned') {
      exitYear = Math.max(r.weighted(EXIT_YEARS), identificationYear ?? 2014);
      // A poor village's households mostly left with their village.
      if (v.exitYear && r.chance(0.4)) exitYear = Math.max(v.exitYear, identificationYear ?? 2014);
    }

    const guarantees = Object.fromEntries(GUARANTEE_CODES.map((g) => [g, true])) as Record<
      GuaranteeCode,
      boolean
    >;
    if (status === 'in_poverty' || status === 'returned') {
      guarantees.housing_safety = !r.chance(0.2);
      guarantees.basic_medical = !r.chance(0.08);
      guarantees.safe_water = !r.chance(0.1);
      guarantees.compulsory_education = !r.chance(0.03);
    } else if (status === 'sudden_hardship') {
      guarantees.basic_medical = !r.chance(0.3);
    }
    const housingGrade: DemoHousehold['housingGrade'] = guarantees.housing_safety
      ? r.chance(0.55)
        ? 'A'
        : 'B'
      : r.chance(0.75)
        ? 'C'
        : 'D';

    const members = this.members(r, v, size, attribute, mainCause, idNumber);
    // Per-capita income of 2020 against that year's line of 4,000 yuan.
    let perCapitaYuan = {
      exited: r.around(7500, 2500, 4300, 15000),
      unstable: r.around(4500, 300, 4050, 5200),
      marginal: r.around(4700, 400, 4100, 5500),
      in_poverty: r.around(3300, 400, 2500, 3950),
      returned: r.around(3400, 300, 2800, 3950),
      sudden_hardship: r.around(3300, 700, 2000, 4500),
    }[status];
    // 错退 (seed 002's 回头看): about one exited household in 150 is below the line again.
    if ((status === 'exited' || status === 'unstable') && r.chance(1 / 150))
      perCapitaYuan = r.around(3600, 200, 3000, 3950);
    const totalFen = Math.round(perCapitaYuan * members.length) * 100;
    const workers = members.filter((m) => m.migrantWork.working).length;
    const wagesShare = workers > 0 ? r.around(0.6, 0.1, 0.3, 0.85) : r.around(0.15, 0.1, 0, 0.3);
    const wagesFen = Math.round(totalFen * wagesShare);
    const propertyFen = Math.round(totalFen * r.around(0.03, 0.02, 0, 0.08));
    const productionFen = Math.round(
      (totalFen - wagesFen - propertyFen) * r.around(0.5, 0.2, 0.1, 0.9),
    );
    const transferFen = totalFen - wagesFen - propertyFen - productionFen;

    const groupNo = r.int(1, v.groups);
    return {
      householdNo: `${v.code}${pad(n, 4)}`,
      areaCode: v.code,
      townshipCode: t.code,
      groupNo,
      address: `${COUNTY_NAME}${t.name}${v.name}${GROUP_NAMES[(groupNo - 1) % 10]}组${r.int(1, 80)}号`,
      phone: `17${r.int(0, 1)}${pad(r.int(0, 99_999_999), 8)}`,
      bankName: r.pick(BANKS),
      bankAccount: `62${pad(r.int(0, 99_999_999), 8)}${pad(r.int(0, 999_999_999), 9)}`,
      status,
      attribute,
      mainCause,
      otherCauses,
      guarantees,
      housingGrade,
      identificationYear,
      exitYear,
      partyMember: r.chance(0.03),
      income: { year: DATA_YEAR, wagesFen, productionFen, propertyFen, transferFen },
      members,
    };
  }

  private members(
    r: Random,
    v: DemoVillage,
    size: number,
    attribute: DemoHousehold['attribute'],
    mainCause: string,
    idNumber: (birthDate: string, sex: Sex) => string,
  ): DemoMember[] {
    const family = surname(r);
    const headSex: Sex = r.chance(0.85) ? 'male' : 'female';
    const headAge = size === 1 ? r.int(55, 88) : size === 2 ? r.int(45, 85) : r.int(28, 66);
    type Plan = { relation: string; sex: Sex; age: number; ownSurname: boolean };
    const plan: Plan[] = [{ relation: 'head', sex: headSex, age: headAge, ownSurname: true }];
    const other = (s: Sex): Sex => (s === 'male' ? 'female' : 'male');
    if (size >= 2 && (size > 2 || r.chance(0.6)))
      plan.push({
        relation: 'spouse',
        sex: other(headSex),
        age: Math.max(18, headAge + r.int(-5, 3)),
        ownSurname: false,
      });
    if (plan.length < size && headAge <= 50 && r.chance(0.3))
      plan.push({
        relation: 'parent',
        sex: r.chance(0.6) ? 'female' : 'male',
        age: Math.min(95, headAge + r.int(22, 32)),
        ownSurname: true,
      });
    let sonAge: number | null = null;
    while (plan.length < size) {
      const adultChildren = headAge >= 58;
      if (adultChildren && sonAge !== null && plan.length < size) {
        if (!plan.some((p) => p.relation === 'daughter_in_law')) {
          plan.push({
            relation: 'daughter_in_law',
            sex: 'female',
            age: Math.max(18, sonAge + r.int(-3, 2)),
            ownSurname: false,
          });
          continue;
        }
        plan.push({
          relation: 'grandchild',
          sex: r.chance(0.52) ? 'male' : 'female',
          age: Math.max(0, sonAge - r.int(20, 32)),
          ownSurname: true,
        });
        continue;
      }
      const sex: Sex = r.chance(0.53) ? 'male' : 'female';
      const age = Math.max(0, headAge - r.int(20, 36));
      if (sex === 'male' && age >= 20) sonAge = age;
      plan.push({ relation: sex === 'male' ? 'son' : 'daughter', sex, age, ownSurname: true });
    }

    // The cause shows in the family: someone ill, disabled, or a child in school.
    const sickIndex = mainCause === 'illness' ? r.int(0, plan.length - 1) : -1;
    const disabledIndex = mainCause === 'disability' ? r.int(0, plan.length - 1) : -1;
    const ethnicity =
      v.yaoVillage && r.chance(0.7)
        ? 'yao'
        : r.weighted([
            ['han', 95],
            ['yao', 3],
            ['miao', 2],
          ]);

    return plan.map((p, i) => {
      const birthYear = DATA_YEAR - p.age;
      const month = r.int(1, 12);
      const birthDate = `${birthYear}-${pad(month, 2)}-${pad(r.int(1, daysIn(birthYear, month)), 2)}`;
      const name = `${p.ownSurname ? family : surname(r)}${givenName(r, p.sex, birthYear)}`;
      const school = this.schooling(r, p.age, mainCause === 'schooling');
      let health = r.weighted([
        ['healthy', 85],
        ['chronic_illness', 10],
        ['serious_illness', 2],
        ['disabled', 3],
      ]);
      if (i === sickIndex) health = r.chance(0.3) ? 'serious_illness' : 'chronic_illness';
      if (i === disabledIndex) health = 'disabled';
      if (p.age >= 70 && health === 'healthy' && r.chance(0.3)) health = 'chronic_illness';
      const disabilityGrade = health === 'disabled' ? String(r.int(1, 4)) : null;
      let labourCapacity: string;
      if (p.age < 16 || school.inSchool) labourCapacity = 'none';
      else if ((disabilityGrade && Number(disabilityGrade) <= 2) || health === 'serious_illness')
        labourCapacity = 'lost';
      else if (p.age >= 65 || health !== 'healthy')
        labourCapacity = r.chance(0.7) ? 'weak' : 'none';
      else
        labourCapacity = mainCause === 'lack_of_skills' || r.chance(0.8) ? 'ordinary' : 'skilled';
      const canWork =
        (labourCapacity === 'ordinary' || labourCapacity === 'skilled') &&
        p.age >= 18 &&
        p.age <= 55;
      const working = canWork && r.chance(0.45);
      return {
        name,
        idNumber: idNumber(birthDate, p.sex),
        relation: p.relation,
        sex: p.sex,
        birthDate,
        ethnicity,
        educationLevel: school.level,
        inSchool: school.inSchool,
        schoolStage: school.stage,
        health,
        disabilityGrade,
        labourCapacity,
        migrantWork: working
          ? { working: true, place: r.pick(WORK_PLACES), months: r.int(6, 12) }
          : { working: false, place: null, months: null },
        // A few uninsured people: the coverage gap the matching service finds.
        medicalInsurance: !r.chance(0.007),
        pensionInsurance: p.age >= 16 && !school.inSchool && !r.chance(0.04),
        minimumAllowance: attribute === 'minimum_allowance',
        destituteSupport: attribute === 'destitute',
      };
    });
  }

  private schooling(
    r: Random,
    age: number,
    schoolingCause: boolean,
  ): { level: string; inSchool: boolean; stage: string | null } {
    if (age < 3) return { level: 'preschool', inSchool: false, stage: null };
    if (age < 6) return { level: 'preschool', inSchool: r.chance(0.8), stage: 'preschool' };
    if (age < 12) return { level: 'primary', inSchool: true, stage: 'primary' };
    if (age < 15) return { level: 'primary', inSchool: true, stage: 'junior_secondary' };
    if (age < 18) {
      if (r.chance(schoolingCause ? 0.95 : 0.85)) {
        const vocational = r.chance(0.4);
        return {
          level: 'junior_secondary',
          inSchool: true,
          stage: vocational ? 'secondary_vocational' : 'senior_secondary',
        };
      }
      return { level: 'junior_secondary', inSchool: false, stage: null };
    }
    if (age < 22 && r.chance(schoolingCause ? 0.6 : 0.25))
      return {
        level: 'senior_secondary',
        inSchool: true,
        stage: r.chance(0.6) ? 'higher_vocational' : 'undergraduate',
      };
    const level =
      age >= 65
        ? r.weighted([
            ['illiterate', 45],
            ['primary', 45],
            ['junior_secondary', 10],
          ])
        : age >= 40
          ? r.weighted([
              ['illiterate', 10],
              ['primary', 45],
              ['junior_secondary', 40],
              ['senior_secondary', 5],
            ])
          : r.weighted([
              ['primary', 10],
              ['junior_secondary', 55],
              ['senior_secondary', 20],
              ['secondary_vocational', 10],
              ['college_and_above', 5],
            ]);
    return { level, inSchool: false, stage: null };
  }
}

/** Yearly exit targets per township: the households that exited that year, as the plan had them. */
export function exitTargets(
  county: DemoCounty,
): { areaCode: string; year: number; households: number; people: number }[] {
  const byKey = new Map<string, { households: number; people: number }>();
  for (const h of county.households()) {
    if (h.exitYear === null) continue;
    const key = `${h.townshipCode}:${h.exitYear}`;
    const t = byKey.get(key) ?? { households: 0, people: 0 };
    t.households += 1;
    t.people += h.members.length;
    byKey.set(key, t);
  }
  const r = new Random(county.seed, 3);
  return [...byKey]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => {
      const [areaCode, year] = key.split(':') as [string, string];
      // Plans were close to what happened, a little ambitious more often than not.
      const factor = r.around(1.03, 0.05, 0.92, 1.12);
      return {
        areaCode,
        year: Number(year),
        households: Math.round(t.households * factor),
        people: Math.round(t.people * factor),
      };
    });
}
