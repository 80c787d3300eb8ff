import { dossierPartSchema } from '@fupin/contracts';
import { eventually, explainListEndpoints } from '@fupin/testing';
import request from 'supertest';
import { startRegistry, testClock, type TestRegistry, VILLAGE_A1 } from './fixtures/registry';
import { as, createAreas, registerHousehold, step } from './fixtures/workflows';

// 一户一档, the registry's part: a household registered in poverty, a 清退 opened for a matching
// finding (the household told, its objection recorded, the clearance rejected), an exit approved,
// two months followed up, a warning confirmed (monitoring entry running) and one open. The
// township reads it all in one answer, personal data masked; the county too; another township
// gets 404, a user without the read right 403.

let t: TestRegistry;
const clock = testClock('2026-03-01T02:00:00Z');
let householdId = '';
let householdNo = '';
let clear: string[] = [];
const PHONE = '13800138000';

const read = (token: string, id = householdId) =>
  request(t.app).get(`/dossier/households/${id}`).set(as(token));

function ok(res: request.Response): void {
  if (res.status >= 300) throw new Error(`${res.status} ${res.text}`);
}

async function screen(): Promise<void> {
  const run = await request(t.app).post('/monitoring/screenings').set(as(t.tokens.county));
  expect(run.status).toBe(202);
  await eventually(
    async () => {
      const got = await request(t.app)
        .get(`/monitoring/screenings/${run.body.id}`)
        .set(as(t.tokens.county));
      expect(got.body.status).toBe('done');
    },
    { timeoutMs: 60_000 },
  );
}

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
  // ¥12,000 for three in 2019: above that year's line (¥3,747), below its monitoring line.
  const h = await registerHousehold(t, { status: 'in_poverty' });
  householdId = h.id;
  const town = t.tokens.townshipA;
  ok(await request(t.app).put(`/households/${h.id}`).set(as(town)).send({ phone: PHONE }));
  // 清退 for a finding, the next day: told by letter, the household objects, the township rejects.
  clock.advanceDays(1);
  for (const body of [
    { action: 'start', findingId: 'finding-dossier-1', reason: '比对发现家庭成员名下有车辆' },
    { action: 'appraise' },
    { action: 'notice' },
  ])
    ok(await step(t, town, h.id, 'clearance', body));
  ok(
    await request(t.app)
      .post(`/households/${h.id}/workflows/clearance/household-notice`)
      .set(as(town))
      .send({ givenOn: '2026-03-02', channel: 'letter' }),
  );
  clock.advanceDays(1);
  ok(
    await request(t.app)
      .post(`/households/${h.id}/workflows/clearance/household-response`)
      .set(as(town))
      .send({ receivedOn: '2026-03-03', text: '车辆已于2019年转让', objects: true }),
  );
  clock.advanceDays(6);
  ok(await step(t, town, h.id, 'clearance', { action: 'reject', reason: '车辆已转让' }));
  // 脱贫退出 for 2019.
  for (const action of ['start', 'appraise', 'notice'])
    ok(await step(t, town, h.id, 'exit', { action, year: 2019 }));
  clock.advanceDays(7);
  ok(await step(t, town, h.id, 'exit', { action: 'review', year: 2019 }));
  ok(await step(t, t.tokens.county, h.id, 'exit', { action: 'approve', year: 2019 }));
  // Two months followed up (the clock is now 16 March 2026).
  for (const [month, body] of [
    ['2026-02', { incomeFen: 80_000, homeCheckOn: '2026-02-20', note: '务工收入' }],
    ['2026-03', { incomeFen: 90_000, homeCheckOn: null }],
  ] as const)
    ok(
      await request(t.app)
        .put(`/monitoring/households/${h.id}/follow-ups/${month}`)
        .set(as(town))
        .send(body),
    );
  // A warning confirmed (the household enters monitoring), then a later screening's open one.
  await screen();
  const [first] = (
    await request(t.app)
      .get('/monitoring/warnings')
      .query({ filter: JSON.stringify({ householdId: h.id }) })
      .set(as(town))
  ).body as { id: string }[];
  ok(
    await request(t.app)
      .post(`/monitoring/warnings/${first!.id}/confirm`)
      .set(as(town))
      .send({ reason: '入户核实：收入不稳定', evidence: ['入户核实照片-001'] }),
  );
  clock.advanceDays(1);
  await screen();
  const detail = await request(t.app)
    .get(`/households/${h.id}`)
    .query({ unmask: 'true', reason: '测试核对脱敏' })
    .set(as(t.tokens.county));
  householdNo = detail.body.householdNo as string;
  clear = (detail.body.members as { idNumber: string }[]).map((m) => m.idNumber);
  expect(clear).toHaveLength(3);
}, 240_000);
afterAll(async () => {
  await t.close();
});

test("the township reads its household's registry part whole: every section and a timeline newest first", async () => {
  const res = await read(t.tokens.townshipA);
  expect(res.status).toBe(200);
  const part = dossierPartSchema.parse(res.body);
  expect(part).toMatchObject({ part: 'registry', householdId });
  expect(part.behind).toBeUndefined();
  const s = res.body.sections;
  expect(s.household).toMatchObject({
    householdNo,
    areaCode: VILLAGE_A1,
    status: 'exited',
    statusLabel: { 'zh-CN': '已脱贫', en: 'Exited poverty' },
    exitYear: 2019,
    headName: '刘大山',
    size: 3,
  });
  expect(s.members.items.map((m: { name: string }) => m.name)).toEqual([
    '刘大山',
    '陈小梅',
    '刘小宇',
  ]);
  expect(s.statusHistory.items.map((c: object) => c)).toEqual([
    expect.objectContaining({ from: 'in_poverty', to: 'exited', workflow: 'exit' }),
    expect.objectContaining({ from: null, to: 'in_poverty', action: 'registered' }),
  ]);
  expect(s.guarantees.map((g: { code: string; state: string }) => [g.code, g.state])).toEqual([
    ['food', 'met'],
    ['clothing', 'met'],
    ['compulsory_education', 'met'],
    ['basic_medical', 'met'],
    ['housing_safety', 'met'],
    ['safe_water', 'met'],
  ]);
  expect(s.incomeByYear).toMatchObject({
    items: [
      {
        year: 2019,
        totalFen: 1_200_000,
        perCapitaFen: 400_000,
        povertyLineFen: 374_700,
        belowLine: false,
      },
    ],
    kept: 'latest_year_only',
  });
  expect(s.monitoring.counts).toEqual({ open: 1, confirmed: 1, dismissed: 0, overdue: 0 });
  expect(
    s.monitoring.warnings.items.map((w: { status: string; rules: { code: string }[] }) => [
      w.status,
      w.rules.map((r) => r.code),
    ]),
  ).toEqual([
    ['open', ['income_below_monitoring_line']],
    ['confirmed', ['income_below_monitoring_line']],
  ]);
  expect(s.monitoring.warnings.items[1].decision).toMatchObject({
    decision: 'confirmed',
    by: '漳江街道',
    evidence: ['入户核实照片-001'],
  });
  expect(s.monitoring.followUps.items.map((f: { month: string }) => f.month)).toEqual([
    '2026-03',
    '2026-02',
  ]);
  expect(s.monitoring.followUps.items[1]).toMatchObject({
    incomeFen: 80_000,
    perCapitaFen: 26_666,
    homeCheckOn: '2026-02-20',
  });
  expect(s.workflows.active).toMatchObject({ kind: 'monitoring_entry', outcome: 'pending' });
  expect(s.workflows.pending).toMatchObject({ kind: 'monitoring_entry', action: 'appraise' });
  expect(
    s.workflows.recent.items.map((r: { kind: string; outcome: string }) => [r.kind, r.outcome]),
  ).toEqual([
    ['exit', 'approved'],
    ['clearance', 'rejected'],
  ]);
  expect(s.workflows.recent.items[1]).toMatchObject({
    findingId: 'finding-dossier-1',
    householdNotice: {
      givenOn: '2026-03-02',
      channel: 'letter',
      respondBy: '2026-03-17',
      response: { receivedOn: '2026-03-03', objects: true, text: '车辆已于2019年转让' },
    },
  });

  const at = part.timeline.map((e) => Date.parse(e.at));
  expect(at).toEqual([...at].sort((a, b) => b - a));
  expect(new Set(part.timeline.map((e) => e.kind))).toEqual(
    new Set([
      'registered',
      'status_changed',
      'workflow_step',
      'household_notified',
      'household_answered',
      'warning_raised',
      'warning_confirmed',
      'follow_up',
    ]),
  );
  expect(part.timeline[0]!.kind).toBe('warning_raised');
  expect(part.timeline.at(-1)!.kind).toBe('registered');
});

test('personal data is masked only: no ID number or phone in clear anywhere in the part', async () => {
  const res = await read(t.tokens.townshipA);
  const text = JSON.stringify(res.body);
  for (const n of [...clear, PHONE]) expect(text).not.toContain(n);
  const s = res.body.sections;
  for (const m of s.members.items as { idNumber: string }[]) {
    expect(m.idNumber).toMatch(/\*{4,}/);
    expect(clear).not.toContain(m.idNumber);
  }
  expect(s.household.phone).toMatch(/\*/);
});

test('the county reads the same part', async () => {
  const res = await read(t.tokens.county);
  expect(res.status).toBe(200);
  const part = dossierPartSchema.parse(res.body);
  expect(res.body.sections.household.householdNo).toBe(householdNo);
  expect(part.timeline.length).toBe((await read(t.tokens.townshipA)).body.timeline.length);
});

test('another township gets 404 as for an unknown household, a user without the read right 403', async () => {
  for (const res of [await read(t.tokens.townshipB), await read(t.tokens.county, 'no-such-id')]) {
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('REGISTRY_HOUSEHOLD_NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toContain(householdNo);
  }
  const stranger = await t.issuer.sign({
    sub: 'u-assist',
    area: '431121101000',
    rights: { assistance: ['read'] },
  });
  const refused = await read(stranger);
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
});

test('the part reads through indexes (the poverty lines are reference data of a few rows)', async () => {
  const { problems } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc: {},
    walks: [
      {
        path: '/dossier/households/{id}',
        url: `/dossier/households/${householdId}`,
        calls: [
          { name: 'township', token: t.tokens.townshipA },
          { name: 'county', token: t.tokens.county },
        ],
      },
    ],
  });
  expect(problems.filter((p) => !p.includes('poverty_lines.find'))).toEqual([]);
});
