// Deterministic data for the matching benchmark: registry households (written to people.csv and
// handed to the caller page by page, to seed the person index) and one CSV per department list
// type, with planted hits of every rule. Same seed and sizes → the same files, byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { computeCheckDigit } from '@fupin/reference';
import type { HouseholdStatus } from '@fupin/reference';

export const COUNTY = '431121000000';
export const LIST_DATE = '2026-03-31';
const TOWNSHIPS = 20;
const VILLAGES_PER_TOWNSHIP = 15;

/** mulberry32: a small, fast, deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A unique valid ID number for person `n` of a province (`43` the registry, `44` outsiders). */
export function idFor(province: '43' | '44', n: number, birth: string): string {
  const first17 = `${province}${String(Math.floor(n / 1000) % 10000).padStart(4, '0')}${birth.replace(/-/g, '')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

function withWrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

function day(rand: () => number, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(rand() * ((to - from) / 86_400_000)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand();
  for (const [v, w] of weighted) {
    if (r < w) return v;
    r -= w;
  }
  return weighted[weighted.length - 1]![0];
}

export interface SeedMember {
  id: string;
  idNumber: string;
  name: string;
  birthDate: string;
  sex: 'male' | 'female';
  status: 'active' | 'removed';
  minimumAllowance: boolean;
  destituteSupport: boolean;
}

export interface SeedHousehold {
  id: string;
  areaCode: string;
  status: HouseholdStatus;
  housingGrade: 'A' | 'B' | 'C' | 'D';
  perCapitaIncomeFen: number;
  incomeYear: number;
  members: SeedMember[];
}

/** Share of department rows by list type (of `--rows`). */
export const LIST_SHARES: [string, number][] = [
  ['medical_insurance', 0.3],
  ['vehicles', 0.16],
  ['businesses', 0.12],
  ['urban_property', 0.12],
  ['school_enrollment', 0.1],
  ['public_employees', 0.06],
  ['allowance_recipients', 0.06],
  ['deaths', 0.04],
  ['dangerous_houses', 0.04],
];

/** Of each list's rows, the share that are registry people (the rest are outsiders). */
const HIT_RATE: Record<string, number> = {
  vehicles: 0.03,
  businesses: 0.02,
  public_employees: 0.01,
  urban_property: 0.02,
  deaths: 0.02,
  allowance_recipients: 0.9,
  dangerous_houses: 0.3,
};

export interface Generated {
  dir: string;
  peopleFile: string;
  people: number;
  households: number;
  lists: { type: string; file: string; rows: number }[];
}

/** Writes `text` lines to a file through a buffer, honouring back-pressure. */
class LineWriter {
  private readonly out: fs.WriteStream;
  private buf: string[] = [];
  constructor(file: string) {
    this.out = fs.createWriteStream(file);
  }
  async line(s: string): Promise<void> {
    this.buf.push(s);
    if (this.buf.length >= 5000) await this.flush();
  }
  private async flush(): Promise<void> {
    if (!this.buf.length) return;
    const ok = this.out.write(`${this.buf.join('\n')}\n`);
    this.buf = [];
    if (!ok) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((r) => this.out.end(r));
  }
}

type Grade = 'A' | 'B' | 'C' | 'D';

function villageCodes(): string[] {
  const villages: string[] = [];
  for (let t = 1; t <= TOWNSHIPS; t++)
    for (let v = 1; v <= VILLAGES_PER_TOWNSHIP; v++)
      villages.push(`431121${String(100 + t)}${String(200 + v)}`);
  return villages;
}

/** A household without its members (the draws in the order the benchmark has always made them). */
function seedHousehold(rand: () => number, h: number, villages: string[]): SeedHousehold {
  const grade = pick(rand, [
    ['A', 0.6],
    ['B', 0.3],
    ['C', 0.07],
    ['D', 0.03],
  ] as [Grade, number][]);
  return {
    id: `h${h}`,
    areaCode: villages[h % villages.length]!,
    status: pick(rand, [
      ['in_poverty', 0.7],
      ['exited', 0.2],
      ['returned', 0.04],
      ['marginal', 0.03],
      ['candidate', 0.02],
      ['cancelled', 0.01],
    ] as [HouseholdStatus, number][]),
    housingGrade: grade,
    // Mostly below the 2019 line (374,700 fen): a few percent are above it while in poverty.
    perCapitaIncomeFen: 150_000 + Math.floor(rand() * 235_000),
    incomeYear: 2019,
    members: [],
  };
}

/** The n-th person of the registry, the i-th of its household, with the planted problems. */
function seedMember(rand: () => number, n: number, i: number, registryIds: string[]): SeedMember {
  const birth = i < 2 ? day(rand, 1940, 1995) : day(rand, 2005, 2022);
  const sex: 'male' | 'female' = rand() < 0.5 ? 'male' : 'female';
  let idNumber = idFor('43', n, birth);
  const r = rand();
  // Planted registry problems: one person in two households, a wrong check character,
  // a stated birth date that is not the number's.
  if (r < 0.001 && registryIds.length > 0)
    idNumber = registryIds[Math.floor(rand() * registryIds.length)]!;
  else if (r < 0.0012) idNumber = withWrongCheck(idNumber);
  let stated = birth;
  if (r > 0.9995) stated = day(rand, 1940, 1995);
  // Sex as the number says it (17th digit), unless the person is a duplicate of another.
  const numberSex: 'male' | 'female' = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  return {
    id: `m${n}`,
    idNumber,
    name: `成员${n}`,
    birthDate:
      r < 0.001
        ? `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
        : stated,
    sex: sex === numberSex ? sex : numberSex,
    status: rand() < 0.02 ? 'removed' : 'active',
    minimumAllowance: rand() < 0.1,
    destituteSupport: rand() < 0.02,
  };
}

const PEOPLE_HEADER =
  'id,household_id,member_id,area_code,household_status,member_status,birth_date,sex,allowance,destitute,housing_grade,income_fen,income_year';

const personLine = (household: SeedHousehold, member: SeedMember) =>
  [
    member.idNumber,
    household.id,
    member.id,
    household.areaCode,
    household.status,
    member.status,
    member.birthDate,
    member.sex,
    member.minimumAllowance,
    member.destituteSupport,
    household.housingGrade,
    household.perCapitaIncomeFen,
    household.incomeYear,
  ].join(',');

interface Registry {
  ids: string[];
  births: string[];
  people: number;
  households: number;
}

/** The registry: households handed to `onHouseholds` in pages, every person in people.csv. */
async function writeRegistry(
  opts: Parameters<typeof generate>[0],
  rand: () => number,
  villages: string[],
  peopleFile: string,
): Promise<Registry> {
  const ids: string[] = [];
  const births: string[] = [];
  const people = new LineWriter(peopleFile);
  await people.line(PEOPLE_HEADER);
  let page: SeedHousehold[] = [];
  let n = 0;
  let h = 0;
  while (n < opts.people) {
    h++;
    const size = Math.min(opts.people - n, 1 + Math.floor(rand() * 6));
    const household = seedHousehold(rand, h, villages);
    for (let i = 0; i < size; i++, n++) {
      const member = seedMember(rand, n, i, ids);
      household.members.push(member);
      ids.push(member.idNumber);
      births.push(member.birthDate);
      await people.line(personLine(household, member));
    }
    page.push(household);
    if (page.length >= (opts.pageSize ?? 20_000)) {
      await opts.onHouseholds(page);
      page = [];
    }
  }
  if (page.length) await opts.onHouseholds(page);
  await people.close();
  return { ids, births, people: n, households: h };
}

/** A list's own fact column after the ID, as its department sends it. */
function factOf(type: string, rand: () => number, villages: string[]): string {
  if (type === 'dangerous_houses')
    return `,${pick(rand, [
      ['A级', 0.2],
      ['B级', 0.3],
      ['C级', 0.3],
      ['D级', 0.2],
    ])}`;
  if (type === 'allowance_recipients') return `,${villages[Math.floor(rand() * villages.length)]}`;
  return '';
}

/** One department list: registry people at its hit rate (or its coverage), outsiders else. */
async function writeList(
  type: string,
  total: number,
  file: string,
  rand: () => number,
  registry: Registry,
  villages: string[],
  outsiderId: () => string,
): Promise<number> {
  const out = new LineWriter(file);
  const fact =
    type === 'dangerous_houses'
      ? ',鉴定等级'
      : type === 'allowance_recipients'
        ? ',行政区划代码'
        : '';
  await out.line(`序号,姓名,身份证号,备注${fact}`);
  let written = 0;
  const row = async (id: string) => {
    written++;
    // A few rows as departments really send them: cut short, or a wrong check character.
    const r = rand();
    const value = r < 0.001 ? id.slice(0, 15) : r < 0.0015 ? withWrongCheck(id) : id;
    await out.line(`${written},姓名${written},${value},备注${factOf(type, rand, villages)}`);
  };
  const { ids, births } = registry;
  if (type === 'medical_insurance') {
    for (let i = 0; i < ids.length && written < total; i++) if (rand() < 0.98) await row(ids[i]!);
  } else if (type === 'school_enrollment') {
    for (let i = 0; i < ids.length && written < total; i++) {
      const birth = births[i]!;
      if (birth >= '2010-04-01' && birth <= '2020-03-31' && rand() < 0.97) await row(ids[i]!);
    }
  }
  const hit = HIT_RATE[type] ?? 0;
  while (written < total)
    await row(rand() < hit ? ids[Math.floor(rand() * ids.length)]! : outsiderId());
  await out.close();
  return written;
}

/**
 * Generates the registry (households handed to `onHouseholds` in pages, and people.csv for
 * DuckDB) and the department lists.
 */
export async function generate(opts: {
  people: number;
  rows: number;
  dir: string;
  seed: number;
  onHouseholds: (page: SeedHousehold[]) => Promise<void>;
  pageSize?: number;
}): Promise<Generated> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const rand = prng(opts.seed);
  const villages = villageCodes();
  const peopleFile = path.join(opts.dir, 'people.csv');
  const registry = await writeRegistry(opts, rand, villages, peopleFile);
  let outsider = 0;
  const outsiderId = () => idFor('44', outsider++, day(rand, 1940, 2020));
  const lists: Generated['lists'] = [];
  for (const [type, share] of LIST_SHARES) {
    const total = Math.max(1, Math.round(opts.rows * share));
    const file = path.join(opts.dir, `${type}.csv`);
    const rows = await writeList(type, total, file, rand, registry, villages, outsiderId);
    lists.push({ type, file, rows });
  }
  return {
    dir: opts.dir,
    peopleFile,
    people: registry.people,
    households: registry.households,
    lists,
  };
}
