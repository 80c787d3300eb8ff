import { DEPARTMENT_RULES } from '../src/runs/department-rules';
import { bearer, startMatching, type TestMatching } from './fixtures/matching';
import {
  describe as named,
  EXPECTED,
  PEOPLE,
  plantRegistry,
  uploadLists,
} from './fixtures/planted';

let t: TestMatching;
let listIds: Record<string, string>;

beforeAll(async () => {
  t = await startMatching();
  await plantRegistry(t);
  listIds = await uploadLists(t);
});
afterAll(async () => {
  await t.close();
});

interface FindingBody {
  id: string;
  rule: string;
  memberId: string | null;
  householdId: string | null;
  idHash: string | null;
  subject: string;
  areaCode: string;
  townshipCode: string;
  status: string;
  evidence: { kind: string; idMasked?: string; columns?: Record<string, string>; row?: number };
}

async function allFindings(): Promise<FindingBody[]> {
  const res = await t
    .api()
    .get('/findings')
    .query({ range: '[0,499]' })
    .set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  return res.body as FindingBody[];
}

test('a full run finds every planted case of every rule, and nothing else', async () => {
  const run = await t.run(t.tokens.county);
  expect(run.status).toBe('completed');
  const findings = await allFindings();
  expect(findings.map((f) => named(t, f)).sort()).toEqual(EXPECTED);
  expect(run.summary.created).toBe(EXPECTED.length);
  // The run read every stored row (the vehicle row with a 14-digit number was never stored).
  expect(run.progress.rowsRead).toBe(5 - 1 + 1 + 1 + 1 + 3 + 4 + 1 + 17 + 3);
});

test('evidence shows the department row masked, never the clear ID number', async () => {
  const findings = await allFindings();
  const vehicle = findings.find((f) => f.rule === 'VEHICLE_OWNER')!;
  expect(vehicle.evidence).toMatchObject({
    kind: 'list_row',
    row: 2,
    idMasked: expect.stringMatching(/^4311\*{10}\d{3}[\dX]$/),
    columns: { 序号: '1', 姓名: '张一', 车牌号: '湘E12345' },
  });
  const stored = JSON.stringify(await t.rt.conn.db!.collection('findings').find({}).toArray());
  for (const clear of Object.values(PEOPLE)) expect(stored).not.toContain(clear);
});

test('findings are assigned to the township of the household, or of the list row', async () => {
  const findings = await allFindings();
  const byName = Object.fromEntries(findings.map((f) => [named(t, f), f]));
  expect(byName['VEHICLE_OWNER m1']).toMatchObject({
    areaCode: '431121101201',
    townshipCode: '431121101000',
    status: 'assigned',
  });
  expect(byName['ALLOWANCE_NOT_REGISTERED x2']).toMatchObject({
    areaCode: '431121102201',
    townshipCode: '431121102000',
  });
  // A recipient outside the registry without an area on the list stays with the list's area.
  expect(byName['ALLOWANCE_NOT_REGISTERED p9']).toMatchObject({
    areaCode: '431121000000',
    townshipCode: '431121000000',
  });
});

test("a run over one list applies only that list's rules", async () => {
  const run = await t.run(t.tokens.county, listIds.vehicles);
  expect(Object.keys(run.summary.byRule)).toEqual(['VEHICLE_OWNER']);
  expect(run.summary).toMatchObject({ found: 1, created: 0, reconfirmed: 1 });
});

test('the rule table lists every rule with its version', async () => {
  const res = await t.api().get('/rules').set(bearer(t.tokens.department));
  expect(res.status).toBe(200);
  expect((res.body as { code: string; version: number }[]).map((r) => r.code).sort()).toEqual(
    // The department lists' rules have their planted cases in their own test.
    [
      ...new Set([...EXPECTED.map((e) => e.split(' ')[0]), ...Object.keys(DEPARTMENT_RULES)]),
    ].sort(),
  );
});

test('回头看 findings name the facts they rest on, in Chinese and English', async () => {
  const findings = await allFindings();
  const byName = Object.fromEntries(findings.map((f) => [named(t, f), f]));
  const said = (n: string) =>
    (byName[n]!.evidence as unknown as { statement: { 'zh-CN': string; en: string } }).statement;
  expect(said('EXITED_BELOW_LINE h4')['zh-CN']).toBe(
    '已脱贫户2019年人均纯收入2500.00元，低于当年扶贫标准3747.00元，疑似错退',
  );
  expect(said('EXITED_BELOW_LINE h4').en).toContain('for 2019 is 2500.00 yuan');
  expect(said('EXITED_GUARANTEE_UNMET h14')['zh-CN']).toContain('基本医疗有保障（情况不明）');
  expect(said('EXITED_HOUSEHOLD_CHANGED h15')['zh-CN']).toContain('沈十九在死亡人员名单中');
  expect(said('EXITED_HOUSEHOLD_CHANGED h15')['zh-CN']).toContain('由1人变为0人');
  expect(said('EXITED_HOUSEHOLD_CHANGED h16').en).toContain('韩二十');
  expect(said('EXITED_HOUSEHOLD_CHANGED h16').en).toContain('allowance list');
  expect(byName['EXITED_HOUSEHOLD_CHANGED h16']).toMatchObject({
    listType: 'allowance_recipients',
    memberId: 'm20',
    evidence: { kind: 'list_row', change: { kind: 'member_on_allowance' } },
  });
});
