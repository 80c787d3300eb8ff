import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  testClock,
  VILLAGE_A1,
  VILLAGE_A2,
} from './fixtures/assistance';

/**
 * 每月至少一次入户走访: which households their helper did not visit in a month, on the
 * calendar of Asia/Shanghai — a visit at 01:30 on 1 April in Beijing is an April visit, though
 * it is still 31 March in UTC.
 */
const clock = testClock('2026-04-15T02:00:00Z');
let t: TestAssistance;
const hh: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
let h1 = '';
let h2 = '';

const unvisited = (month?: string) =>
  request(t.app)
    .get('/visits/unvisited')
    .query({ filter: JSON.stringify(month ? { month } : {}), range: '[0,99]' })
    .set(as(t.tokens.county));
const pair = (helperId: string, householdId: string, role: string, startDate: string) =>
  request(t.app)
    .post('/pairings')
    .set(as(t.tokens.county))
    .send({ helperId, householdId, role, startDate });
const visit = (body: object) => request(t.app).post('/visits').set(as(t.tokens.county)).send(body);

beforeAll(async () => {
  t = await startAssistance({ consume: false, now: clock.now });
  hh.A = await seedHousehold(t, 'MV-A', VILLAGE_A1);
  hh.B = await seedHousehold(t, 'MV-B', VILLAGE_A1);
  hh.C = await seedHousehold(t, 'MV-C', VILLAGE_A2);
  hh.D = await seedHousehold(t, 'MV-D', VILLAGE_A2);
  h1 = await createHelper(t, t.tokens.county, { name: '走访甲', rank: 'section_level' });
  h2 = await createHelper(t, t.tokens.county, { name: '走访乙', rank: 'section_level' });
  expect((await pair(h1, hh.A, 'key', '2026-03-01')).status).toBe(201);
  expect((await pair(h2, hh.B, 'key', '2026-03-01')).status).toBe(201);
  expect((await pair(h1, hh.C, 'contact', '2026-04-10')).status).toBe(201);
  // D is handed over from 走访甲 to 走访乙 on 20 March: only 走访乙 owes March's visit.
  const handed = await pair(h1, hh.D, 'contact', '2026-03-01');
  await request(t.app)
    .post(`/pairings/${handed.body.id}/end`)
    .set(as(t.tokens.county))
    .send({ reason: '工作调整', endDate: '2026-03-20' });
  expect((await pair(h2, hh.D, 'contact', '2026-03-20')).status).toBe(201);

  expect((await visit({ householdId: hh.A, helperId: h1, date: '2026-03-10' })).status).toBe(201);
  // 31 March 23:30 in Beijing: a March visit.
  expect(
    (await visit({ householdId: hh.D, helperId: h2, visitedAt: '2026-03-31T15:30:00Z' })).status,
  ).toBe(201);
});
afterAll(async () => {
  await t.close();
});

test('a visit at 01:30 on 1 April Beijing time (31 March UTC) counts for April, with the late entry flagged', async () => {
  const res = await visit({
    householdId: hh.B,
    helperId: h2,
    visitedAt: '2026-03-31T17:30:00Z',
    findings: '住房漏雨',
    actions: '联系危改',
    nextSteps: '月底回访',
    location: { latitude: 28.9, longitude: 111.5, address: '桃花源村三组' },
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    date: '2026-04-01',
    month: '2026-04',
    entryDelayDays: 14,
    lateEntry: true,
  });
  // Ten days later is still on time.
  const onTime = await visit({ householdId: hh.B, helperId: h2, date: '2026-04-05' });
  expect(onTime.body).toMatchObject({ entryDelayDays: 10, lateEntry: false });
  const late = await request(t.app)
    .get('/visits')
    .query({ filter: JSON.stringify({ lateEntry: true }), range: '[0,99]' })
    .set(as(t.tokens.county));
  expect(late.body.map((v: { date: string }) => v.date).sort()).toEqual([
    '2026-03-10',
    '2026-03-31',
    '2026-04-01',
  ]);
});

test('March: only the household whose helper visited on 1 April Beijing time is unvisited', async () => {
  const res = await unvisited('2026-03');
  expect(res.status).toBe(200);
  expect(res.headers['content-range']).toBe('unvisited 0-0/1');
  expect(res.body).toEqual([
    expect.objectContaining({
      householdId: hh.B,
      householdNo: 'MV-B',
      headName: '户主MV-B',
      month: '2026-03',
      helpers: [{ helperId: h2, helperName: '走访乙', role: 'key' }],
      lastVisitDate: null,
    }),
  ]);
});

test('April: households not visited in April, including a pairing begun on 10 April', async () => {
  const res = await unvisited('2026-04');
  expect(res.body.map((r: { householdNo: string }) => r.householdNo)).toEqual([
    'MV-A',
    'MV-C',
    'MV-D',
  ]);
  const a = res.body.find((r: { householdNo: string }) => r.householdNo === 'MV-A');
  expect(a).toMatchObject({ lastVisitDate: '2026-03-10', helpers: [{ helperName: '走访甲' }] });
  const d = res.body.find((r: { householdNo: string }) => r.householdNo === 'MV-D');
  expect(d.helpers).toEqual([{ helperId: h2, helperName: '走访乙', role: 'contact' }]);
});

test('"this month" is the month in Beijing: at 00:30 on 1 April there it is April, and 1 April is not in the future', async () => {
  clock.set('2026-03-31T16:30:00Z');
  try {
    const res = await unvisited();
    expect(new Set(res.body.map((r: { month: string }) => r.month))).toEqual(new Set(['2026-04']));
    const future = await visit({ householdId: hh.A, helperId: h1, date: '2026-04-02' });
    expect({ status: future.status, code: future.body.code }).toEqual({
      status: 422,
      code: 'ASSISTANCE_DATE_IN_FUTURE',
    });
    const stats = await request(t.app).get('/statistics/visits').set(as(t.tokens.county));
    expect(stats.body.month).toBe('2026-04');
  } finally {
    clock.set('2026-04-15T02:00:00Z');
  }
});

test('a date that disagrees with the Beijing day of the visit time is refused', async () => {
  const res = await visit({
    householdId: hh.A,
    helperId: h1,
    date: '2026-03-31',
    visitedAt: '2026-04-01T00:10:00+08:00',
  });
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 422,
    code: 'ASSISTANCE_VISIT_DATE_MISMATCH',
  });
});

test('the dashboard counts March by township: due, visited, unvisited, visits, late entries', async () => {
  const res = await request(t.app)
    .get('/statistics/visits')
    .query({ month: '2026-03' })
    .set(as(t.tokens.county));
  expect(res.body).toMatchObject({
    month: '2026-03',
    total: {
      householdsDue: 3,
      householdsVisited: 2,
      householdsUnvisited: 1,
      visits: 2,
      lateEntries: 2,
      visitedPercent: 66.7,
    },
    byArea: [{ areaCode: '431121101000', householdsDue: 3, householdsUnvisited: 1, visits: 2 }],
  });
});
