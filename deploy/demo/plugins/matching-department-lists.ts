import { computeCheckDigit } from '@fupin/reference';
import {
  COUNTY_CODE,
  COUNTY_NAME,
  DATA_YEAR,
  type DemoCounty,
  type DemoHousehold,
  type DemoMember,
  type DemoVillage,
} from '../county';
import { givenName, type Sex, surname } from '../names';
import { Random } from '../random';
import { plantedCases } from './matching-precision';

// The six department lists the 数据比对 demo lacks after matching-precision, as each department
// would send them: mostly people with nothing to find (the county's own people where they belong
// on the list, and residents outside the registry), and a few planted anomalies among the
// registered people. Deterministic from the county's seed; the lists stay small (hundreds of
// rows at most), growing a little with the county.

const Y = DATA_YEAR + 1;
/** Each list's date, as the department dated its export. */
export const LIST_DATES = {
  businesses: `${Y}-03-31`,
  public_employees: `${Y}-03-31`,
  urban_property: `${Y}-03-25`,
  school_enrollment: `${Y}-03-15`,
  medical_insurance: `${Y}-02-28`,
  dangerous_houses: `${Y}-03-20`,
} as const;
export type DepartmentListType = keyof typeof LIST_DATES;
export const DEPARTMENT_LIST_TYPES = Object.keys(LIST_DATES) as DepartmentListType[];

export interface Person {
  h: DemoHousehold;
  m: DemoMember;
}

/** The planted anomalies, and the village the school and insurance lists cover. */
export interface DepartmentCases {
  businessOwner: Person;
  publicEmployee: Person;
  propertyOwner: Person;
  /** Appraised C although the registry grades the house A or B (says it is safe). */
  dangerousHouse: Person;
  /** Exited, with a co-operative: on the business list with nothing to find (exited is not 错评). */
  exitedEntrepreneur: Person;
  village: DemoVillage;
  /** Of compulsory age on the school list's date, left off the village's enrollment. */
  dropout: Person;
  /** Two members of one household left off the village's insurance list. */
  uninsured: [Person, Person];
  /** The village's households (the school and insurance lists are written from them). */
  villageHouseholds: DemoHousehold[];
  /** Registered households with a C/D house, appraised C/D again (nothing to find). */
  knownDangerous: DemoHousehold[];
}

const head = (h: DemoHousehold) => h.members.find((m) => m.relation === 'head') ?? h.members[0]!;
const ageIn2020 = (m: DemoMember) => DATA_YEAR - Number(m.birthDate.slice(0, 4));

/** Whole years from `birth` to `on` (both `YYYY-MM-DD`), as the matching rules count them. */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Of compulsory-education age (6–15) on the school list's date. */
export const compulsoryAge = (m: DemoMember) => {
  const age = ageOn(m.birthDate, LIST_DATES.school_enrollment);
  return age >= 6 && age <= 15;
};

/**
 * The cases: households of ordinary (not poor) villages that no other demo plugin touches (the
 * first six villages hold the registry plugins' cases, one village the 低保 list), each
 * household used once; the school and insurance village is the last such village with a
 * compulsory-age child and a household of two or more.
 */
export function departmentCases(county: DemoCounty): DepartmentCases {
  const precision = plantedCases(county);
  const usedHouseholds = new Set(
    [
      precision.deceased,
      precision.vehicleConfirmed,
      precision.vehicleClosed,
      precision.exitedDeath,
      precision.exitedAllowance,
    ].map((c) => c.h.householdNo),
  );
  const excludedVillages = new Set([
    ...county.villages.slice(0, 6).map((v) => v.code),
    precision.exitedAllowance.h.areaCode,
  ]);
  const open = county.villages.filter((v) => !excludedVillages.has(v.code) && !v.poorVillage);
  const candidates = new Set(open.slice(-3).map((v) => v.code));
  const byVillage = new Map<string, DemoHousehold[]>();
  const picked: Partial<Omit<DepartmentCases, 'village' | 'villageHouseholds'>> = {};
  const knownDangerous: DemoHousehold[] = [];
  const openCodes = new Set(open.map((v) => v.code));
  const take = (h: DemoHousehold, m: DemoMember | undefined): Person | undefined => {
    if (!m || usedHouseholds.has(h.householdNo)) return undefined;
    usedHouseholds.add(h.householdNo);
    return { h, m };
  };
  const households = [...county.households()];
  for (const h of households)
    if (candidates.has(h.areaCode))
      byVillage.set(h.areaCode, [...(byVillage.get(h.areaCode) ?? []), h]);
  // The cases are taken from the villages no other demo part touches; a small county lacks
  // some there, so they are then looked for in the poor villages, then in the first six too
  // (no case here changes a household: the findings planted on them stay open or end without a
  // registry change).
  const pools: ((h: DemoHousehold) => boolean)[] = [
    (h) => openCodes.has(h.areaCode),
    (h) => !excludedVillages.has(h.areaCode),
    (h) => h.areaCode !== precision.exitedAllowance.h.areaCode,
  ];
  for (const inPool of pools)
    for (const h of households) {
      if (candidates.has(h.areaCode) || !inPool(h) || usedHouseholds.has(h.householdNo)) continue;
      const poor = h.status === 'in_poverty' || h.status === 'returned';
      // A working-age member besides the head (any working-age member outside the first pool).
      const adult = h.members.find(
        (m) =>
          (m.relation !== 'head' && ageIn2020(m) >= 22 && ageIn2020(m) <= 45) ||
          (inPool !== pools[0] && ageIn2020(m) >= 20 && ageIn2020(m) <= 58),
      );
      if (poor && !picked.businessOwner && ageIn2020(head(h)) <= 60)
        picked.businessOwner = take(h, head(h));
      else if (poor && !picked.publicEmployee && adult) picked.publicEmployee = take(h, adult);
      else if (poor && !picked.propertyOwner) picked.propertyOwner = take(h, head(h));
      else if (h.status === 'exited' && h.housingGrade === 'A' && !picked.dangerousHouse)
        picked.dangerousHouse = take(h, head(h));
      else if (h.status === 'exited' && ageIn2020(head(h)) <= 55 && !picked.exitedEntrepreneur)
        picked.exitedEntrepreneur = take(h, head(h));
      else if (
        (h.housingGrade === 'C' || h.housingGrade === 'D') &&
        knownDangerous.length < 8 &&
        inPool === pools[0]
      )
        knownDangerous.push(h);
    }
  for (const key of [
    'businessOwner',
    'publicEmployee',
    'propertyOwner',
    'dangerousHouse',
    'exitedEntrepreneur',
  ] as const)
    if (!picked[key]) throw new Error(`the demo county lacks a household for the ${key} case`);
  for (const v of [...open.slice(-3)].reverse()) {
    const households = byVillage.get(v.code) ?? [];
    const child = households
      .flatMap((h) => h.members.filter(compulsoryAge).map((m) => ({ h, m })))
      .sort((a, b) => a.m.birthDate.localeCompare(b.m.birthDate))[0];
    const pair = households.find(
      (h) =>
        h !== child?.h && h.members.filter((m) => m.medicalInsurance && m !== head(h)).length >= 2,
    );
    if (!child || !pair) continue;
    const [a, b] = pair.members.filter((m) => m.medicalInsurance && m !== head(pair));
    return {
      ...(picked as Omit<DepartmentCases, 'village' | 'villageHouseholds' | 'knownDangerous'>),
      knownDangerous,
      village: v,
      dropout: child,
      uninsured: [
        { h: pair, m: a! },
        { h: pair, m: b! },
      ],
      villageHouseholds: households,
    };
  }
  throw new Error('the demo county lacks a village for the school and insurance lists');
}

/** Residents outside the registry: valid ID numbers of a neighbouring county, names, ages. */
class Strangers {
  private readonly used = new Set<string>();
  private seq = 500;
  constructor(private readonly r: Random) {}

  person(
    minAge: number,
    maxAge: number,
  ): { name: string; idNumber: string; sex: Sex; age: number } {
    const r = this.r;
    const sex: Sex = r.chance(0.5) ? 'male' : 'female';
    const age = r.int(minAge, maxAge);
    const birthYear = DATA_YEAR - age;
    const birth = `${birthYear}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    this.seq = this.seq >= 997 ? 501 : this.seq + 1;
    const seq = this.seq % 2 === (sex === 'male' ? 1 : 0) ? this.seq : this.seq + 1;
    const first17 = `431122${birth}${String(seq).padStart(3, '0')}`;
    const idNumber = first17 + computeCheckDigit(first17);
    if (this.used.has(idNumber)) return this.person(minAge, maxAge);
    this.used.add(idNumber);
    return { name: `${surname(r)}${givenName(r, sex, birthYear)}`, idNumber, sex, age };
  }
}

export interface DepartmentList {
  type: DepartmentListType;
  area: string;
  date: string;
  fileName: string;
  rows: (string | number)[][];
}

/** Rows of people with nothing to find on a county-wide list: a few dozen, more in a larger county. */
const fillers = (county: DemoCounty) =>
  Math.min(120, Math.max(12, Math.round(county.people / 500)));

const townshipOf = (county: DemoCounty, code: string) =>
  county.townships.find((t) => t.code === code.slice(0, 9) + '000')!;

function businesses(county: DemoCounty, c: DepartmentCases, s: Strangers, r: Random) {
  const kinds = ['种养专业合作社', '农资经营部', '建材店', '农家乐', '百货超市', '运输有限公司'];
  const rows: (string | number)[][] = [
    ['统一社会信用代码', '企业名称', '法定代表人（负责人）', '身份证号', '成立日期', '登记状态'],
  ];
  const code = () =>
    `92431121MA${r.int(1000000, 9999999)}${String.fromCharCode(65 + r.int(0, 25))}`;
  const row = (name: string, id: string, kind: string, since: string) =>
    rows.push([code(), `${COUNTY_NAME}${name.slice(0, 1)}氏${kind}`, name, id, since, '存续']);
  for (let i = 0; i < fillers(county); i++) {
    const p = s.person(25, 65);
    row(
      p.name,
      p.idNumber,
      r.pick(kinds),
      `${r.int(2012, DATA_YEAR)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
    );
  }
  const owner = c.businessOwner.m;
  row(owner.name, owner.idNumber, '农资经营部', `${DATA_YEAR - 1}-05-16`);
  const exited = c.exitedEntrepreneur.m;
  row(exited.name, exited.idNumber, '种养专业合作社', `${DATA_YEAR}-04-08`);
  return rows;
}

function publicEmployees(county: DemoCounty, c: DepartmentCases, s: Strangers, r: Random) {
  const units = [
    '县人民医院',
    '县第一中学',
    '县农业农村局',
    '县财政局',
    '乡镇卫生院',
    '乡镇中心小学',
  ];
  const posts = ['教师', '护士', '科员', '会计', '医师'];
  const rows: (string | number)[][] = [['姓名', '身份证号', '工作单位', '岗位', '人员类别']];
  for (let i = 0; i < fillers(county); i++) {
    const p = s.person(23, 59);
    rows.push([p.name, p.idNumber, r.pick(units), r.pick(posts), r.pick(['在编', '编外聘用'])]);
  }
  const e = c.publicEmployee;
  rows.push([
    e.m.name,
    e.m.idNumber,
    `${townshipOf(county, e.h.areaCode).name}中心小学`,
    '教师',
    '在编',
  ]);
  return rows;
}

function urbanProperty(county: DemoCounty, c: DepartmentCases, s: Strangers, r: Random) {
  const estates = ['滨江花园', '锦绣华庭', '城东新村', '溪畔家园', '金桂苑'];
  const rows: (string | number)[][] = [
    ['权利人', '身份证号', '不动产权证号', '房屋坐落', '建筑面积（㎡）', '登记日期'],
  ];
  const cert = () => `湘（${DATA_YEAR}）${COUNTY_NAME}不动产权第${r.int(1000000, 9999999)}号`;
  const where = () =>
    `${COUNTY_NAME}城关镇${r.pick(estates)}${r.int(1, 18)}栋${r.int(1, 3)}0${r.int(1, 4)}室`;
  for (let i = 0; i < fillers(county); i++) {
    const p = s.person(28, 70);
    rows.push([
      p.name,
      p.idNumber,
      cert(),
      where(),
      r.int(60, 140),
      `${r.int(2010, DATA_YEAR)}-06-0${r.int(1, 9)}`,
    ]);
  }
  const o = c.propertyOwner.m;
  rows.push([o.name, o.idNumber, cert(), where(), 98, `${DATA_YEAR}-09-21`]);
  return rows;
}

const GRADES = [
  '一年级',
  '二年级',
  '三年级',
  '四年级',
  '五年级',
  '六年级',
  '七年级',
  '八年级',
  '九年级',
];

function schoolEnrollment(county: DemoCounty, c: DepartmentCases, s: Strangers) {
  const t = townshipOf(county, c.village.code);
  const rows: (string | number)[][] = [['学籍号', '姓名', '性别', '身份证号', '学校名称', '年级']];
  const row = (name: string, id: string, sex: Sex, age: number) => {
    const grade = Math.min(8, Math.max(0, age - 6));
    const school = grade >= 6 ? `${t.name}中学` : `${t.name}中心小学`;
    rows.push([`G${id}`, name, sex === 'male' ? '男' : '女', id, school, GRADES[grade]!]);
  };
  for (const h of c.villageHouseholds)
    for (const m of h.members)
      if (compulsoryAge(m) && m !== c.dropout.m)
        row(m.name, m.idNumber, m.sex, ageOn(m.birthDate, LIST_DATES.school_enrollment));
  const registered = rows.length - 1;
  for (let i = 0; i < Math.max(10, registered); i++) {
    const p = s.person(6, 14);
    row(p.name, p.idNumber, p.sex, p.age);
  }
  return rows;
}

function medicalInsurance(c: DepartmentCases, s: Strangers) {
  const rows: (string | number)[][] = [
    ['姓名', '身份证号', '险种', '参保年度', '缴费状态', '资助类别'],
  ];
  const left = new Set(c.uninsured.map((p) => p.m));
  for (const h of c.villageHouseholds)
    for (const m of h.members)
      // The county's own uninsured people (a few) are not on it either: real coverage gaps.
      if (m.medicalInsurance && !left.has(m))
        rows.push([m.name, m.idNumber, '城乡居民基本医疗保险', Y, '已缴费', '建档立卡资助参保']);
  const registered = rows.length - 1;
  for (let i = 0; i < Math.min(200, Math.max(20, registered)); i++) {
    const p = s.person(0, 85);
    rows.push([p.name, p.idNumber, '城乡居民基本医疗保险', Y, '已缴费', '—']);
  }
  return rows;
}

function dangerousHouses(county: DemoCounty, c: DepartmentCases, s: Strangers, r: Random) {
  const rows: (string | number)[][] = [
    ['户主姓名', '身份证号', '房屋地址', '鉴定等级', '鉴定日期', '鉴定单位'],
  ];
  const office = `${COUNTY_NAME}住房和城乡建设局房屋安全鉴定站`;
  const date = () => `${Y}-0${r.int(1, 3)}-1${r.int(0, 9)}`;
  for (const h of c.knownDangerous) {
    const m = head(h);
    rows.push([m.name, m.idNumber, h.address, `${h.housingGrade}级`, date(), office]);
  }
  for (let i = 0; i < fillers(county); i++) {
    const p = s.person(40, 85);
    const v = r.pick(county.villages);
    const where = `${COUNTY_NAME}${townshipOf(county, v.code).name}${v.name}${r.int(1, 60)}号`;
    rows.push([p.name, p.idNumber, where, r.pick(['C级', 'D级', 'C级', 'B级']), date(), office]);
  }
  const d = c.dangerousHouse;
  rows.push([d.m.name, d.m.idNumber, d.h.address, 'C级', `${Y}-03-02`, office]);
  return rows;
}

/** The six lists, each as its department sends it (its own columns, its own area). */
export function departmentLists(county: DemoCounty, c: DepartmentCases): DepartmentList[] {
  const r = new Random(county.seed, 20, 6);
  const s = new Strangers(r);
  const list = (
    type: DepartmentListType,
    area: string,
    name: string,
    rows: (string | number)[][],
  ) => ({
    type,
    area,
    date: LIST_DATES[type],
    fileName: `${name}.csv`,
    rows,
  });
  const village = c.village.code;
  return [
    list('businesses', COUNTY_CODE, '市场监管局-个体工商户及企业登记', businesses(county, c, s, r)),
    list(
      'public_employees',
      COUNTY_CODE,
      '财政局-财政供养人员名册',
      publicEmployees(county, c, s, r),
    ),
    list(
      'urban_property',
      COUNTY_CODE,
      '不动产登记中心-城镇房产登记',
      urbanProperty(county, c, s, r),
    ),
    list(
      'school_enrollment',
      village,
      `教育局-学籍名册-${c.village.name}`,
      schoolEnrollment(county, c, s),
    ),
    list('medical_insurance', village, `医保局-参保名册-${c.village.name}`, medicalInsurance(c, s)),
    list(
      'dangerous_houses',
      COUNTY_CODE,
      '住建局-农村危房鉴定结果',
      dangerousHouses(county, c, s, r),
    ),
  ];
}
