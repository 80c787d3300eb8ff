import { benefitRowSchema } from '@fupin/contracts';
import request from 'supertest';
import {
  as,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  testClock,
  TOWNSHIP_A,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/assistance';

// 受益底册: the assistance rows of a household built as its dossier test builds it — a measure
// done, one planned, one cancelled and one without an amount — and of another township's.

const clock = testClock('2026-02-01T02:00:00Z');
let t: TestAssistance;
let household = '';
let otherHousehold = '';
const ids: Record<string, string> = {};

async function ok(res: request.Test, status = 201): Promise<{ id: string }> {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status} ${r.text}`);
  return r.body as { id: string };
}

const county = () => as(t.tokens.county);
const measure = (body: object) => ok(request(t.app).post('/measures').set(county()).send(body));
const move = (id: string, body: object) =>
  ok(request(t.app).post(`/measures/${id}/status`).set(county()).send(body), 200);
const ledgerOf = (token: string, query: string, range = '[0,499]') =>
  request(t.app)
    .get(`/ledger/benefits?${query}&range=${encodeURIComponent(range)}`)
    .set(as(token));

beforeAll(async () => {
  t = await startAssistance({ consume: false, now: clock.now });
  household = await seedHousehold(t, 'LG-1', VILLAGE_A1);
  otherHousehold = await seedHousehold(t, 'LG-2', VILLAGE_B1);

  ids.chickens = (
    await measure({
      householdId: household,
      category: 'production',
      type: '养鸡',
      amountFen: 150_000,
      quantity: 200,
      unit: '只',
      startDate: '2026-02-01',
      projectId: 'project-chickens',
    })
  ).id;
  ids.grant = (
    await measure({
      householdId: household,
      category: 'education',
      type: '助学',
      amountFen: 50_000,
    })
  ).id;
  ids.training = (
    await measure({ householdId: household, category: 'production', type: '技能培训' })
  ).id;
  ids.planned = (
    await measure({
      householdId: household,
      category: 'production',
      type: '种植油茶',
      amountFen: 30_000,
      startDate: '2026-09-01',
    })
  ).id;
  ids.other = (
    await measure({
      householdId: otherHousehold,
      category: 'production',
      type: '养牛',
      amountFen: 80_000,
      startDate: '2026-03-01',
    })
  ).id;
  clock.set('2026-02-15T02:00:00Z');
  await move(ids.chickens, { to: 'in_progress' });
  await move(ids.grant, { to: 'cancelled', reason: '已享受教育补助' });
  clock.set('2026-05-20T02:00:00Z');
  await move(ids.chickens, { to: 'done' });
}, 120_000);
afterAll(async () => {
  await t.close();
});

test("a household's rows: the measure done is paid on its end day, the planned one recorded", async () => {
  const res = await ledgerOf(t.tokens.townshipA, `householdId=${household}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-range']).toBe('benefits 0-1/2');
  const rows = (res.body as unknown[]).map((r) => benefitRowSchema.parse(r));
  expect(rows).toEqual([
    {
      id: ids.chickens,
      source: 'assistance',
      kind: 'measure',
      householdId: household,
      areaCode: VILLAGE_A1,
      year: 2026,
      on: '2026-05-20',
      amountFen: 150_000,
      status: 'paid',
      label: {
        'zh-CN': '帮扶措施 养鸡 200只（发展生产脱贫一批）',
        en: 'Assistance measure: 养鸡 200只 (Production development)',
      },
      projectId: 'project-chickens',
      memberId: null,
      ref: { resource: 'measures', id: ids.chickens },
    },
    expect.objectContaining({
      id: ids.planned,
      year: 2026,
      on: null,
      amountFen: 30_000,
      status: 'recorded',
      projectId: null,
    }),
  ]);
});

test("a township's rows of a year, paged with Content-Range; the county's hold both townships", async () => {
  const res = await ledgerOf(t.tokens.townshipA, `areaCode=${TOWNSHIP_A}&year=2026`);
  expect((res.body as { id: string }[]).map((r) => r.id)).toEqual([ids.chickens, ids.planned]);
  expect((await ledgerOf(t.tokens.townshipA, `areaCode=${TOWNSHIP_A}&year=2025`)).body).toEqual([]);

  const page = await ledgerOf(t.tokens.county, 'year=2026', '[1,1]');
  expect(page.headers['content-range']).toBe('benefits 1-1/3');
  expect(page.body).toHaveLength(1);
  const all = await ledgerOf(t.tokens.county, `areaCode=${VILLAGE_B1}`);
  expect(all.body).toEqual([expect.objectContaining({ id: ids.other, amountFen: 80_000 })]);
});

test('another township gets none of them, a user without the read right is refused', async () => {
  for (const query of [
    `householdId=${household}`,
    `areaCode=${TOWNSHIP_A}`,
    `areaCode=${VILLAGE_A1}`,
  ]) {
    const res = await ledgerOf(t.tokens.townshipB, query);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  }
  const own = await ledgerOf(t.tokens.townshipB, '');
  expect((own.body as { id: string }[]).map((r) => r.id)).toEqual([ids.other]);

  const noRight = await t.issuer.sign({
    sub: 'u-no-assistance',
    area: VILLAGE_A1,
    rights: { registry: ['read'] },
  });
  const refused = await ledgerOf(noRight, `householdId=${household}`);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('FORBIDDEN_RIGHT');
});
