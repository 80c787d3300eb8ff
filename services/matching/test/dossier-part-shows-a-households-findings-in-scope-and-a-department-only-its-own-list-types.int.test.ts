import { dossierPartSchema } from '@fupin/contracts';
import { explainListEndpoints } from '@fupin/testing';
import { bearer, COUNTY, startMatching, type TestMatching } from './fixtures/matching';
import { PEOPLE, plantRegistry, uploadLists } from './fixtures/planted';
import { closeFinding, walkToReviewed } from './fixtures/walk';

// 一户一档, matching's part: household h1 (village A1) has three findings — a vehicle (公安's
// list, walked to its closing), a 低保 flag the civil-affairs list lacks and a dropout (still
// assigned, overdue a month on). Its township and the county read them with an evidence summary
// free of personal data; another township gets 404, as a department does for a household it has
// no finding on; public security sees its vehicle finding only.

/** A clock the test moves, so the open findings' deadlines pass. */
let clock = new Date('2026-04-01T02:00:00Z').getTime();
let t: TestMatching;
let vehicle = '';
const dept: Record<string, string> = {};

const read = (token: string, id = 'h1') =>
  t.api().get(`/dossier/households/${id}`).set(bearer(token));

beforeAll(async () => {
  t = await startMatching({ options: { now: () => new Date(clock) } });
  await plantRegistry(t);
  await uploadLists(t);
  await t.run(t.tokens.county);
  const found = await t
    .api()
    .get('/findings')
    .query({ filter: JSON.stringify({ householdId: 'h1', rule: 'VEHICLE_OWNER' }) })
    .set(bearer(t.tokens.county));
  vehicle = (found.body as { id: string }[])[0]!.id;
  clock += 3600_000;
  await walkToReviewed(t, vehicle);
  clock += 3600_000;
  const closed = await closeFinding(t, vehicle, { note: '复核销号' });
  expect(closed.status).toBe(200);
  clock += 31 * 86_400_000;
  for (const d of ['public_security', 'market_regulation'])
    dept[d] = await t.issuer.sign({
      sub: `u-${d}`,
      name: d,
      area: COUNTY,
      roles: ['department_staff'],
      dept: d,
      rights: { matching: ['read', 'write'] },
    });
}, 180_000);
afterAll(async () => {
  await t.close();
});

type Finding = {
  id: string;
  rule: string;
  status: string;
  conclusion: string | null;
  overdue: boolean;
  closedAt: string | null;
  evidence: Record<string, unknown>;
};

test("the township reads its household's findings, their counts and a timeline newest first", async () => {
  const res = await read(t.tokens.townshipA);
  expect(res.status).toBe(200);
  const part = dossierPartSchema.parse(res.body);
  expect(part).toMatchObject({ part: 'matching', householdId: 'h1' });
  const findings = res.body.sections.findings.items as Finding[];
  expect(findings.map((f) => f.rule).sort()).toEqual([
    'ALLOWANCE_NOT_ON_LIST',
    'DROPOUT',
    'VEHICLE_OWNER',
  ]);
  expect(res.body.sections.findings).toMatchObject({ total: 3, omitted: 0 });
  const closed = findings.find((f) => f.id === vehicle)!;
  expect(closed).toMatchObject({
    status: 'closed',
    conclusion: 'confirmed',
    overdue: false,
    listType: 'vehicles',
    ruleLabel: { 'zh-CN': '建档立卡户家庭成员名下有车辆，疑似错评' },
    evidence: { kind: 'list_row', listType: 'vehicles', listDate: '2026-03-31' },
  });
  expect(closed.closedAt).not.toBeNull();
  for (const f of findings.filter((x) => x.id !== vehicle))
    expect(f).toMatchObject({ status: 'assigned', overdue: true, closedAt: null });
  expect(res.body.sections.counts).toEqual({
    assigned: 2,
    verified: 0,
    rectified: 0,
    reviewed: 0,
    closed: 1,
    open: 2,
    overdue: 2,
  });
  const at = part.timeline.map((e) => Date.parse(e.at));
  expect(at).toEqual([...at].sort((a, b) => b - a));
  expect(part.timeline[0]).toMatchObject({
    kind: 'finding_closed',
    ref: { resource: 'matching-findings', id: vehicle },
  });
  expect(part.timeline.filter((e) => e.ref?.id === vehicle).map((e) => e.kind)).toEqual([
    'finding_closed',
    'finding_reviewed',
    'finding_rectified',
    'finding_verified',
    'finding_created',
  ]);
  expect(part.timeline.filter((e) => e.kind === 'finding_created')).toHaveLength(3);
});

test('the evidence is summarised without personal data: no ID number, masked or not, no row cells', async () => {
  const text = JSON.stringify((await read(t.tokens.townshipA)).body);
  for (const id of Object.values(PEOPLE)) expect(text).not.toContain(id);
  expect(text).not.toContain('idMasked');
  expect(text).not.toContain('湘E12345');
  expect(text).not.toContain('columns');
});

test('the county reads the same; a household known only to the projection has an empty part', async () => {
  const county = await read(t.tokens.county);
  expect(county.status).toBe(200);
  expect(county.body.sections.findings.total).toBe(3);
  // h7 (village B1): exited above the line, no finding.
  const quiet = await read(t.tokens.county, 'h7');
  expect(quiet.status).toBe(200);
  dossierPartSchema.parse(quiet.body);
  expect(quiet.body.sections.findings).toEqual({ items: [], total: 0, omitted: 0 });
  expect(quiet.body.timeline).toEqual([]);
  expect((await read(t.tokens.townshipB, 'h7')).status).toBe(200);
});

test('another township, an unknown household and a department without a finding get 404; no right 403', async () => {
  for (const res of [
    await read(t.tokens.townshipB),
    await read(t.tokens.county, 'no-such-household'),
    await read(dept.market_regulation!),
    await read(dept.public_security!, 'h7'),
  ]) {
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('MATCHING_HOUSEHOLD_NOT_FOUND');
  }
  const stranger = await t.issuer.sign({
    sub: 'u-registry-only',
    area: COUNTY,
    rights: { registry: ['read'] },
  });
  const refused = await read(stranger);
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
});

test('public security sees the findings on its own list types only', async () => {
  const res = await read(dept.public_security!);
  expect(res.status).toBe(200);
  dossierPartSchema.parse(res.body);
  expect((res.body.sections.findings.items as Finding[]).map((f) => f.rule)).toEqual([
    'VEHICLE_OWNER',
  ]);
  expect(res.body.sections.counts).toMatchObject({ closed: 1, open: 0, overdue: 0 });
  expect((res.body.timeline as { ref: { id: string } }[]).every((e) => e.ref.id === vehicle)).toBe(
    true,
  );
});

test('the part reads through indexes', async () => {
  const { problems, tolerated } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc: {},
    walks: [
      {
        path: '/dossier/households/{id}',
        url: '/dossier/households/h1',
        calls: [
          { name: 'township', token: t.tokens.townshipA },
          { name: 'county', token: t.tokens.county },
        ],
      },
      {
        path: '/dossier/households/{id} (a department)',
        url: '/dossier/households/h1',
        calls: [{ name: 'public security', token: dept.public_security! }],
        secantusLimit:
          'a list type beside the household and the scope: MongoDB 7 bounds the household and the area in { householdId, areaCodes } and filters the type from the findings fetched',
      },
    ],
  });
  expect(problems).toEqual([]);
  expect(tolerated.every((p) => p.includes('(a department)'))).toBe(true);
});
