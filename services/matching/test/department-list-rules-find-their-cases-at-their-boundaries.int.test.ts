import { RULES } from '../src/runs/rules';
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

// The rules of the lists issue 22 added — 村干部, 养老金领取, 残疾证, 户籍迁出 — each finding its
// planted case and nothing beside it; the pension age at its boundary (60 on the list's day).

const LIST_DATE = '2026-03-31';
let t: TestMatching;

const person = (
  key: string,
  birth: string,
  seq: number,
  extra: Partial<TestMember> = {},
): TestMember => ({
  id: key,
  idNumber: idNumber(birth, seq, seq % 2 ? 'male' : 'female'),
  name: key,
  birthDate: birth,
  sex: seq % 2 ? 'male' : 'female',
  ...extra,
});

const P = {
  cadre: person('cadre', '1980-01-01', 1),
  cadreWife: person('cadreWife', '1982-02-02', 2),
  sixty: person('sixty', '1966-03-31', 3), // 60 on the list's day
  almostSixty: person('almostSixty', '1966-04-01', 5), // 59 on the list's day
  paid: person('paid', '1950-06-06', 7),
  deceasedPaid: person('deceasedPaid', '1948-07-07', 9),
  disabledNoCert: person('disabledNoCert', '1990-08-08', 11, { health: 'disabled' }),
  disabledCert: person('disabledCert', '1991-09-09', 13, { health: 'disabled' }),
  certNotRecorded: person('certNotRecorded', '1992-10-10', 15, { health: 'healthy' }),
  movedOut: person('movedOut', '1993-11-11', 17),
};

const upload = async (type: string, people: TestMember[]) => {
  const res = await t.upload(
    t.tokens.county,
    csv([['姓名', '身份证号'], ...people.map((m) => [m.name, m.idNumber])]),
    { type, date: LIST_DATE, area: COUNTY },
  );
  if (res.status !== 201) throw new Error(`${type}: ${res.status} ${res.text}`);
};

let found: string[] = [];

beforeAll(async () => {
  t = await startMatching();
  await project(t, {
    id: 'h-1',
    areaCode: VILLAGE_A1,
    members: [P.cadre, P.cadreWife, P.sixty, P.almostSixty, P.paid],
  });
  await project(t, {
    id: 'h-2',
    areaCode: VILLAGE_A1,
    members: [P.deceasedPaid, P.disabledNoCert, P.disabledCert, P.certNotRecorded, P.movedOut],
  });
  await upload('village_cadres', [P.cadre]);
  await upload('deaths', [P.deceasedPaid]);
  await upload('pension_receipts', [P.paid, P.deceasedPaid]);
  await upload('disability_certificates', [P.disabledCert, P.certNotRecorded]);
  await upload('household_moves', [P.movedOut]);
  const run = await t.run(t.tokens.county);
  expect(run.status).toBe('completed');
  const res = await t
    .api()
    .get('/findings')
    .query({ range: '[0,499]' })
    .set(bearer(t.tokens.county));
  found = (res.body as { rule: string; memberName: string | null }[])
    .map((f) => `${f.rule} ${f.memberName}`)
    .sort();
}, 120_000);
afterAll(async () => {
  await t.close();
});

test('each new rule finds its planted case and nothing else', () => {
  expect(found).toEqual(
    [
      'VILLAGE_CADRE_FAMILY cadre',
      'DECEASED_IN_REGISTRY deceasedPaid',
      'DECEASED_STILL_PAID deceasedPaid',
      'PENSION_NOT_RECEIVED sixty',
      'DISABLED_WITHOUT_CERTIFICATE disabledNoCert',
      'CERTIFICATE_NOT_RECORDED_DISABLED certNotRecorded',
      'MOVED_OUT_OF_COUNTY movedOut',
    ].sort(),
  );
});

test('the pension age: 60 on the list day is flagged, 59 is not, the age is the evidence', async () => {
  expect(found).toContain('PENSION_NOT_RECEIVED sixty');
  expect(found.filter((f) => f.endsWith(' almostSixty'))).toEqual([]);
  const res = await t
    .api()
    .get('/findings')
    .query({ filter: JSON.stringify({ rule: 'PENSION_NOT_RECEIVED' }) })
    .set(bearer(t.tokens.county));
  expect(res.body[0].evidence).toMatchObject({ kind: 'not_on_list', ageOnListDate: 60 });
});

test('a pension row is a DECEASED_STILL_PAID only with the deaths list in the run', async () => {
  const lists = await t
    .api()
    .get('/lists')
    .query({ filter: JSON.stringify({ type: 'pension_receipts' }) })
    .set(bearer(t.tokens.county));
  const run = await t.run(t.tokens.county, (lists.body as { id: string }[])[0]!.id);
  expect(run.status).toBe('completed');
  expect(run.summary.found).toBe(1); // PENSION_NOT_RECEIVED sixty, again; no death known
});

test('every new rule has a version and an explanation in both languages', async () => {
  const codes = [
    'VILLAGE_CADRE_FAMILY',
    'DECEASED_STILL_PAID',
    'PENSION_NOT_RECEIVED',
    'DISABLED_WITHOUT_CERTIFICATE',
    'CERTIFICATE_NOT_RECORDED_DISABLED',
    'MOVED_OUT_OF_COUNTY',
  ] as const;
  for (const code of codes) {
    expect(RULES[code].version).toBe(1);
    expect(RULES[code].zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(RULES[code].en.length).toBeGreaterThan(20);
  }
  const res = await t.api().get('/rules').set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  const served = (res.body as { code: string }[]).map((r) => r.code);
  expect(served).toEqual(expect.arrayContaining([...codes]));
});
