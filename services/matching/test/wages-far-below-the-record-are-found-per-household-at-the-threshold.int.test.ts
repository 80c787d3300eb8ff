import {
  bearer,
  COUNTY,
  csv,
  idNumber,
  project,
  startMatching,
  type TestMatching,
  type TestMember,
  VILLAGE_A1,
} from './fixtures/matching';

// 工资收入核查 (issue 22): 人社's employment and wage list summed per household against the
// 工资性收入 it reported, at the reference threshold (below half the record, short by ¥3,000 or
// more); the income year must be the list's or the one before; nothing reported, nothing found.

const LIST_DATE = '2026-03-31';
let t: TestMatching;

let seq = 41;
const person = (key: string): TestMember => {
  const n = (seq += 2);
  return {
    id: key,
    idNumber: idNumber('1990-05-05', n, 'male'),
    name: key,
    birthDate: '1990-05-05',
    sex: 'male',
  };
};

const P = {
  atHalfA: person('atHalfA'),
  atHalfB: person('atHalfB'),
  belowHalf: person('belowHalf'),
  smallGap: person('smallGap'),
  oldYear: person('oldYear'),
  noReport: person('noReport'),
  twoJobs: person('twoJobs'),
  badWage: person('badWage'),
};

interface Finding {
  rule: string;
  householdId: string;
  memberName: string | null;
  subject: string;
  evidence: Record<string, unknown>;
}
let findings: Finding[] = [];
let rejected: { row: number; code: string; column: string }[] = [];

beforeAll(async () => {
  t = await startMatching();
  const household = (
    id: string,
    members: TestMember[],
    wageIncomeFen: number | null,
    year = 2025,
  ) => project(t, { id, areaCode: VILLAGE_A1, members, incomeYear: year, wageIncomeFen });
  await household('h-half', [P.atHalfA, P.atHalfB], 1_000_000); // ¥10,000 of ¥20,000: exactly half
  await household('h-below', [P.belowHalf], 999_999); // one fen under half of ¥20,000
  await household('h-gap', [P.smallGap], 0); // ¥2,999.99 on record, nothing reported
  await household('h-old', [P.oldYear], 0, 2023); // the income year is too old for the list
  await household('h-none', [P.noReport], null); // no wage income reported
  await household('h-two', [P.twoJobs], 500_000); // ¥5,000 reported, ¥6,000 + ¥6,000 on record
  await household('h-bad', [P.badWage], 0);
  const rows = [
    ['姓名', '身份证号', '单位名称', '年工资收入（元）'],
    [P.atHalfA.name, P.atHalfA.idNumber, '县建筑公司', '12,000.00'],
    [P.atHalfB.name, P.atHalfB.idNumber, '县物流公司', '8000'],
    [P.belowHalf.name, P.belowHalf.idNumber, '县建筑公司', '20000'],
    [P.smallGap.name, P.smallGap.idNumber, '县超市', '2999.99'],
    [P.oldYear.name, P.oldYear.idNumber, '县超市', '50000'],
    [P.noReport.name, P.noReport.idNumber, '县超市', '50000'],
    [P.twoJobs.name, P.twoJobs.idNumber, '甲公司', '6000'],
    [P.twoJobs.name, P.twoJobs.idNumber, '乙公司', '¥6,000元'],
    [P.badWage.name, P.badWage.idNumber, '县超市', '面议'],
  ];
  const res = await t.upload(t.tokens.county, csv(rows), {
    type: 'employment_wages',
    date: LIST_DATE,
    area: COUNTY,
  });
  if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
  rejected = res.body.rejected;
  const run = await t.run(t.tokens.county, res.body.id as string);
  expect(run.status).toBe('completed');
  const found = await t
    .api()
    .get('/findings')
    .query({ filter: JSON.stringify({ rule: 'WAGE_INCOME_UNDERREPORTED' }), range: '[0,99]' })
    .set(bearer(t.tokens.county));
  findings = found.body as Finding[];
}, 120_000);
afterAll(async () => {
  await t.close();
});

test('below half of the record by ¥3,000 or more is found; exactly half or a smaller gap is not', () => {
  expect(findings.map((f) => f.householdId).sort()).toEqual(['h-below', 'h-two']);
});

test('a person on the list twice (two employers) counts both rows', () => {
  const two = findings.find((f) => f.householdId === 'h-two')!;
  expect(two.subject).toBe('household');
  expect(two.evidence.wages).toEqual({
    incomeYear: 2025,
    reportedWageIncomeFen: 500_000,
    wagesOnRecordFen: 1_200_000,
    membersOnRecord: 1,
    ratio: 0.5,
    minGapFen: 300_000,
    thresholdVersion: 1,
  });
});

test('the finding names the facts and the threshold in both languages', () => {
  const below = findings.find((f) => f.householdId === 'h-below')!;
  expect(below.memberName).toBe('belowHalf');
  expect(below.evidence).toMatchObject({
    kind: 'list_row',
    listType: 'employment_wages',
    fact: '2000000',
  });
  const statement = below.evidence.statement as { 'zh-CN': string; en: string };
  expect(statement['zh-CN']).toContain('2025年家庭申报工资性收入9,999.99元');
  expect(statement['zh-CN']).toContain('合计20,000.00元');
  expect(statement.en).toContain('version 1');
});

test('a wage that is not an amount is refused with its row and column', () => {
  expect(rejected).toEqual([
    expect.objectContaining({ row: 10, code: 'MATCHING_WAGE_INVALID', column: '年工资收入（元）' }),
  ]);
});

test('a wage list needs a wage column, named in the refusal', async () => {
  const res = await t.upload(
    t.tokens.county,
    csv([
      ['姓名', '身份证号'],
      ['x', P.belowHalf.idNumber],
    ]),
    { type: 'employment_wages', date: LIST_DATE, area: COUNTY },
  );
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('MATCHING_LIST_COLUMN_MISSING');
  expect(res.body.errors[0]).toMatchObject({ field: 'wage' });
});
