import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAreaCode, isWithin, parseIdNumber } from '@fupin/reference';
import { COUNTY_CODE, type DemoHousehold, DemoCounty, exitTargets } from '../demo/county';
import { areaTreeCsv, HOUSEHOLD_HEADERS, householdCsvRows } from '../demo/files';
import { writeDemoFiles } from '../demo/seed';

const county = new DemoCounty();
const households: DemoHousehold[] = [...county.households()];
const people = households.flatMap((h) => h.members);

const tally = <K extends string | number>(keys: K[]) => {
  const out = new Map<K, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
};

test('the same seed gives the same county, another seed another one', () => {
  const again = new DemoCounty();
  expect(areaTreeCsv(again)).toBe(areaTreeCsv(county));
  const first = [...again.households()].slice(0, 200).map(householdCsvRows).join('');
  expect(first).toBe(households.slice(0, 200).map(householdCsvRows).join(''));
  const other = new DemoCounty({ seed: 7 });
  expect([...other.households()][0]!.members[0]!.name + areaTreeCsv(other)).not.toBe(
    households[0]!.members[0]!.name + areaTreeCsv(county),
  );
});

test('the default county has the size of seed 002: 13 townships, ~200 villages, ~8,000 households, ~25,000 people', () => {
  expect(county.townships).toHaveLength(13);
  expect(county.villages.length).toBeGreaterThanOrEqual(190);
  expect(county.villages.length).toBeLessThanOrEqual(210);
  expect(households.length).toBeGreaterThan(7_700);
  expect(households.length).toBeLessThan(8_600);
  expect(people.length).toBeGreaterThan(24_000);
  expect(people.length).toBeLessThan(26_000);
  const residents = county.villages.reduce((s, v) => s + v.ruralPopulation, 0);
  expect(residents).toBeGreaterThan(250_000);
  expect(residents).toBeLessThan(350_000);
  // About one village in six is a poor village (seed 002: 31 of about 200).
  const poor = county.villages.filter((v) => v.poorVillage).length;
  expect(poor).toBeGreaterThan(20);
  expect(poor).toBeLessThan(45);
});

test('area codes are 12-digit codes inside their parents, and every household sits in a village', () => {
  const villages = new Set(county.villages.map((v) => v.code));
  for (const t of county.townships) {
    expect(isAreaCode(t.code) && isWithin(t.code, COUNTY_CODE)).toBe(true);
    for (const v of t.villages) expect(isAreaCode(v.code) && isWithin(v.code, t.code)).toBe(true);
  }
  expect(households.every((h) => villages.has(h.areaCode))).toBe(true);
  expect(new Set(households.map((h) => h.householdNo)).size).toBe(households.length);
});

test('every ID number is valid, unique, and agrees with the birth date and sex', () => {
  expect(new Set(people.map((m) => m.idNumber)).size).toBe(people.length);
  for (const m of people) {
    const parsed = parseIdNumber(m.idNumber);
    expect(parsed.ok && parsed.birthDate === m.birthDate && parsed.sex === m.sex).toBe(true);
  }
  // Every household has exactly one head.
  expect(households.every((h) => h.members.filter((m) => m.relation === 'head').length === 1)).toBe(
    true,
  );
});

test('distributions follow the seeds: illness then lack of skills lead, exits peak in 2017-2018', () => {
  const causes = [...tally(households.map((h) => h.mainCause))].sort((a, b) => b[1] - a[1]);
  expect(causes.slice(0, 2).map(([c]) => c)).toEqual(['illness', 'lack_of_skills']);
  expect(causes[0]![1] / households.length).toBeGreaterThan(0.3);

  const statuses = tally(households.map((h) => h.status));
  expect([...statuses.keys()].sort()).toEqual(
    ['exited', 'in_poverty', 'marginal', 'returned', 'sudden_hardship', 'unstable'].sort(),
  );
  const exits = tally(households.filter((h) => h.exitYear).map((h) => h.exitYear!));
  expect([...exits.keys()].sort()).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020]);
  const peak = [...exits].sort((a, b) => b[1] - a[1])[0]![0];
  expect([2017, 2018]).toContain(peak);
  expect(households.every((h) => !h.exitYear || h.exitYear >= (h.identificationYear ?? 0))).toBe(
    true,
  );

  // Incomes agree with the status against 2020's line of 4,000 yuan per person.
  const perCapita = (h: DemoHousehold) =>
    (h.income.wagesFen + h.income.productionFen + h.income.propertyFen + h.income.transferFen) /
    100 /
    h.members.length;
  // Exited households are above the line, except a few planted for 回头看 (错退): about 1 in 150.
  const exited = households.filter((h) => h.status === 'exited' || h.status === 'unstable');
  const wrongExits = exited.filter((h) => perCapita(h) < 4000);
  expect(wrongExits.length).toBeGreaterThan(0);
  expect(wrongExits.length / exited.length).toBeLessThan(0.02);
  expect(
    households.filter((h) => h.status === 'in_poverty').every((h) => perCapita(h) < 4000),
  ).toBe(true);

  const attributes = tally(households.map((h) => h.attribute));
  expect(attributes.get('ordinary')! / households.length).toBeGreaterThan(0.6);
  expect(attributes.get('destitute')).toBeGreaterThan(0);
  const targets = exitTargets(county);
  expect(new Set(targets.map((t) => t.areaCode)).size).toBe(13);
});

test('the household file has the registry template headers; a small county is written to disk as files', async () => {
  expect(HOUSEHOLD_HEADERS).toEqual(expect.arrayContaining(['户编号', '身份证号', '成员姓名']));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-county-'));
  await writeDemoFiles(dir, 300, 1);
  const files = fs.readdirSync(dir).sort();
  expect(files).toContain('areas.csv');
  const householdFiles = files.filter((f) => f.startsWith('households-'));
  expect(householdFiles).toHaveLength(13);
  const rows = householdFiles.reduce(
    (n, f) => n + fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n').length - 1,
    0,
  );
  const small = [...new DemoCounty({ people: 300, seed: 1 }).households()];
  expect(rows).toBe(small.flatMap((h) => h.members).length);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('sizes scale with --people', () => {
  const big = new DemoCounty({ people: 1_000_000 });
  expect(big.villages.length).toBeGreaterThan(7_000);
  expect(big.villages.reduce((s, v) => s + v.households, 0)).toBeGreaterThan(300_000);
  const small = new DemoCounty({ people: 300 });
  expect(small.townships).toHaveLength(13);
  expect([...small.households()].length).toBeGreaterThan(80);
});
