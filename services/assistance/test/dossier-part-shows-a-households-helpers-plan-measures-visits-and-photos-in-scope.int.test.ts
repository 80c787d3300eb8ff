import { dossierPartSchema } from '@fupin/contracts';
import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  testClock,
  VILLAGE_A1,
} from './fixtures/assistance';

const clock = testClock('2026-06-10T02:00:00Z');
let t: TestAssistance;
let household = '';
let keyHelper = '';
let pastHelper = '';
let photoVisit = '';
let photoId = '';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(500, 7),
]);

async function ok(
  res: request.Test,
  status = 201,
): Promise<{ id: string } & Record<string, unknown>> {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
  return r.body as { id: string };
}

const county = () => as(t.tokens.county);
const dossierOf = (token: string, id = household) =>
  request(t.app).get(`/dossier/households/${id}`).set(as(token));

beforeAll(async () => {
  t = await startAssistance({ consume: false, now: clock.now });
  household = await seedHousehold(t, 'DS-1', VILLAGE_A1, {
    mainCause: 'lack_of_skills',
    otherCauses: ['lack_of_capital'],
  });
  keyHelper = await createHelper(t, t.tokens.county, {
    name: '帮扶甲',
    rank: 'section_level',
    phone: '13812345678',
  });
  pastHelper = await createHelper(t, t.tokens.townshipA, {
    name: '帮扶乙',
    unit: '漳江街道办事处',
    rank: 'general',
    phone: '13900001111',
  });

  // A helper who left at the end of last year, then the key helper of this year.
  clock.set('2026-01-02T01:00:00Z');
  const past = await ok(
    request(t.app)
      .post('/pairings')
      .set(county())
      .send({ helperId: pastHelper, householdId: household, role: 'key', startDate: '2025-01-05' }),
  );
  await ok(
    request(t.app)
      .post(`/pairings/${past.id}/end`)
      .set(county())
      .send({ reason: '工作调动', endDate: '2025-12-31' }),
    200,
  );
  await ok(
    request(t.app)
      .post('/pairings')
      .set(county())
      .send({ helperId: keyHelper, householdId: household, role: 'key', startDate: '2026-01-01' }),
  );

  clock.set('2026-01-03T02:00:00Z');
  await ok(
    request(t.app)
      .put(`/plans/${household}`)
      .set(county())
      .send({
        summary: '技能培训后转移就业，发展庭院养殖',
        targets: [
          { year: 2027, perCapitaIncomeFen: 420_000, guarantees: ['housing_safety'], exit: true },
          { year: 2026, perCapitaIncomeFen: 380_000 },
        ],
      }),
    200,
  );
  clock.set('2026-03-02T02:00:00Z');
  await ok(
    request(t.app)
      .post(`/plans/${household}/progress`)
      .set(county())
      .send({ percent: 30, note: '已参加技能培训', date: '2026-03-01' }),
  );

  clock.set('2026-02-01T02:00:00Z');
  const chickens = await ok(
    request(t.app).post('/measures').set(county()).send({
      householdId: household,
      category: 'production',
      type: '养鸡',
      amountFen: 150_000,
      quantity: 200,
      unit: '只',
      helperId: keyHelper,
    }),
  );
  const grant = await ok(
    request(t.app).post('/measures').set(county()).send({
      householdId: household,
      category: 'education',
      type: '助学',
      amountFen: 50_000,
    }),
  );
  clock.set('2026-02-15T02:00:00Z');
  await ok(
    request(t.app)
      .post(`/measures/${chickens.id}/status`)
      .set(county())
      .send({ to: 'in_progress' }),
    200,
  );
  await ok(
    request(t.app)
      .post(`/measures/${grant.id}/status`)
      .set(county())
      .send({ to: 'cancelled', reason: '已享受教育补助' }),
    200,
  );
  clock.set('2026-05-20T02:00:00Z');
  await ok(
    request(t.app).post(`/measures/${chickens.id}/status`).set(county()).send({ to: 'done' }),
    200,
  );

  clock.set('2026-06-10T02:00:00Z');
  const visit = (helperId: string, date: string, findings: string) =>
    ok(
      request(t.app).post('/visits').set(county()).send({
        householdId: household,
        helperId,
        date,
        findings,
        actions: '宣讲政策',
        nextSteps: '下月回访',
      }),
    );
  await visit(pastHelper, '2025-06-01', '一年多以前的走访');
  await visit(pastHelper, '2025-11-10', '鸡舍尚未建成');
  await visit(keyHelper, '2026-01-15', '户主已报名技能培训');
  photoVisit = (await visit(keyHelper, '2026-03-20', '鸡苗长势良好'.repeat(30))).id;
  const withPhoto = await ok(
    request(t.app)
      .post(`/visits/${photoVisit}/photos`)
      .set(county())
      .set('content-type', 'image/png')
      .send(PNG),
  );
  photoId = (withPhoto.photos as { id: string }[])[0]!.id;
}, 120_000);
afterAll(async () => {
  await t.close();
});

type Part = ReturnType<typeof dossierPartSchema.parse>;
type Sections = {
  helpers: { items: Record<string, unknown>[]; total: number; omitted: number };
  plan: Record<string, unknown> & { progress: { items: unknown[] } };
  measures: { items: Record<string, unknown>[]; total: number; amountFen: number };
  visits: { items: { date: string; findings: string }[]; total: number; lastVisitDate: string };
  visitCalendar: {
    from: string;
    to: string;
    months: { month: string; visited: boolean; visits: number }[];
    visitedMonths: number;
  };
  photos: { items: { visitId: string; photoId: string; url: string }[]; total: number };
};

test('the township of the household reads its helpers, plan, measures, visits and photos', async () => {
  const res = await dossierOf(t.tokens.townshipA);
  expect(res.status).toBe(200);
  const part: Part = dossierPartSchema.parse(res.body);
  expect(part).toMatchObject({ part: 'assistance', householdId: household });
  expect(part.behind).toBeUndefined();
  const s = part.sections as Sections;

  // Current key helper first, then the one who left; phones masked only.
  expect(s.helpers).toMatchObject({ total: 2, omitted: 0 });
  expect(s.helpers.items).toEqual([
    expect.objectContaining({
      helperId: keyHelper,
      name: '帮扶甲',
      unit: '县农业农村局',
      rank: 'section_level',
      role: 'key',
      phone: '138****5678',
      startDate: '2026-01-01',
      endDate: null,
      status: 'active',
    }),
    expect.objectContaining({
      helperId: pastHelper,
      name: '帮扶乙',
      phone: '139****1111',
      startDate: '2025-01-05',
      endDate: '2025-12-31',
      status: 'ended',
      endReason: '工作调动',
    }),
  ]);
  expect(res.text).not.toContain('13812345678');
  expect(res.text).not.toContain('13900001111');

  expect(s.plan).toMatchObject({
    summary: '技能培训后转移就业，发展庭院养殖',
    causes: { mainCause: 'lack_of_skills', otherCauses: ['lack_of_capital'] },
    causesChanged: false,
    progressPercent: 30,
    targets: [
      expect.objectContaining({ year: 2026, perCapitaIncomeFen: 380_000 }),
      expect.objectContaining({ year: 2027, exit: true }),
    ],
    progress: { items: [{ date: '2026-03-01', percent: 30, note: '已参加技能培训' }], total: 1 },
  });

  expect(s.measures).toMatchObject({ total: 2, omitted: 0, amountFen: 150_000 });
  const byType = Object.fromEntries(s.measures.items.map((m) => [m.type, m]));
  expect(byType['养鸡']).toMatchObject({
    category: 'production',
    status: 'done',
    amountFen: 150_000,
    startDate: '2026-02-15',
    endDate: '2026-05-20',
    steps: [
      expect.objectContaining({ from: null, to: 'planned' }),
      expect.objectContaining({ from: 'planned', to: 'in_progress' }),
      expect.objectContaining({ from: 'in_progress', to: 'done' }),
    ],
  });
  expect(byType['助学']).toMatchObject({ status: 'cancelled', amountFen: 50_000 });

  expect(s.visits).toMatchObject({ total: 4, omitted: 0, lastVisitDate: '2026-03-20' });
  expect(s.visits.items.map((v) => v.date)).toEqual([
    '2026-03-20',
    '2026-01-15',
    '2025-11-10',
    '2025-06-01',
  ]);
  // A long text is shortened to a summary.
  expect(s.visits.items[0]!.findings.length).toBeLessThanOrEqual(120);
  expect(s.visits.items[0]!.findings.endsWith('…')).toBe(true);

  // The last twelve months up to June 2026: three of them visited (June 2025 is older).
  expect(s.visitCalendar).toMatchObject({ from: '2025-07', to: '2026-06', visitedMonths: 3 });
  expect(s.visitCalendar.months).toHaveLength(12);
  expect(s.visitCalendar.months.filter((m) => m.visited).map((m) => m.month)).toEqual([
    '2025-11',
    '2026-01',
    '2026-03',
  ]);

  expect(s.photos).toMatchObject({ total: 1, omitted: 0 });
  expect(s.photos.items).toEqual([
    expect.objectContaining({
      visitId: photoVisit,
      photoId,
      url: `/visits/${photoVisit}/photos/${photoId}`,
    }),
  ]);
  const photo = await request(t.app).get(s.photos.items[0]!.url).set(as(t.tokens.townshipA));
  expect(photo.status).toBe(200);
  expect(res.text).not.toContain(PNG.subarray(8, 40).toString('base64'));
});

test('the timeline tells pairings, the plan, measure steps and visits, newest first', async () => {
  const part = dossierPartSchema.parse((await dossierOf(t.tokens.townshipA)).body);
  const at = part.timeline.map((e) => Date.parse(e.at));
  expect(at).toEqual([...at].sort((a, b) => b - a));
  const kinds = part.timeline.map((e) => e.kind);
  expect(new Set(kinds)).toEqual(
    new Set([
      'pairing_started',
      'pairing_ended',
      'plan_set',
      'plan_progress',
      'measure_planned',
      'measure_step',
      'visit',
    ]),
  );
  // Newest: the measure done on 20 May 2026 (visits count on their own day, not their entry's);
  // oldest: the first pairing, begun on 5 January 2025.
  expect(part.timeline[0]).toMatchObject({ kind: 'measure_step', ref: { resource: 'measures' } });
  expect(part.timeline.at(-1)).toMatchObject({
    kind: 'pairing_started',
    at: '2025-01-05T00:00:00+08:00',
    label: { 'zh-CN': expect.stringContaining('帮扶乙'), en: expect.stringContaining('帮扶乙') },
  });
  expect(part.timeline.filter((e) => e.kind === 'visit')).toHaveLength(4);
  expect(part.timeline.find((e) => e.kind === 'pairing_ended')).toMatchObject({
    at: '2025-12-31T00:00:00+08:00',
    label: { 'zh-CN': expect.stringContaining('工作调动') },
  });
});

test('the county reads the same part', async () => {
  const [township, wide] = await Promise.all([
    dossierOf(t.tokens.townshipA),
    dossierOf(t.tokens.county),
  ]);
  expect(wide.status).toBe(200);
  expect(wide.body.sections).toEqual(township.body.sections);
  expect(wide.body.timeline).toEqual(township.body.timeline);
});

test('another township, an unknown household and a user without the read right are refused', async () => {
  const other = await dossierOf(t.tokens.townshipB);
  expect(other.status).toBe(404);
  expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(other.body.code).toBe('ASSISTANCE_HOUSEHOLD_NOT_FOUND');

  const unknown = await dossierOf(t.tokens.county, '00000000-0000-4000-8000-000000000000');
  expect(unknown.status).toBe(404);

  const noRight = await t.issuer.sign({
    sub: 'u-registry-only',
    area: VILLAGE_A1,
    rights: { registry: ['read'] },
  });
  const refused = await dossierOf(noRight);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('FORBIDDEN_RIGHT');
});
