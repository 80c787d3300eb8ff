import { explainListEndpoints, listCalls } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  VILLAGE_A1,
  type TestAssistance,
} from './fixtures/assistance';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
/** The projection counts a household once its registration arrived (revision > 0). */
const REGISTERED_AND_SCOPE = 'two ranges in one filter: registered (revision > 0) and the scope';

let t: TestAssistance;
/** A household of township A, for the reads that name one (its dossier part). */
let household = '';
beforeAll(async () => {
  t = await startAssistance({ consume: false });
  household = await seedHousehold(t, 'IX-1', VILLAGE_A1);
  const helperId = await createHelper(t, t.tokens.county, { name: '索引甲', rank: 'general' });
  const paired = await request(t.app)
    .post('/pairings')
    .set(as(t.tokens.county))
    .send({ helperId, householdId: household, role: 'key' });
  if (paired.status !== 201) throw new Error(`${paired.status} ${paired.text}`);
});
afterAll(async () => {
  await t.close();
});

test('every list endpoint reads through an index and sorts no more than a page in memory', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as object;
  const tokens = { county: t.tokens.county, township: t.tokens.townshipA };
  const calls = (filters: Record<string, unknown>[] = []) => listCalls(tokens, filters);
  const { problems, explained } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc,
    walks: [
      {
        path: '/households',
        calls: calls([{ area: VILLAGE_A1 }, { status: 'in_poverty' }]),
        secantusLimit: REGISTERED_AND_SCOPE,
      },
      {
        path: '/helpers',
        calls: calls([{ area: VILLAGE_A1 }, { status: 'active' }]),
        // A helper is visible inside the caller's area and at every level above it.
        secantusLimit: '$or of the area range and the levels above it',
      },
      {
        path: '/pairings',
        calls: calls([{ householdId: SOME_ID }, { helperId: SOME_ID }, { status: 'active' }]),
      },
      { path: '/plans', calls: calls([{ area: VILLAGE_A1 }, { year: 2020 }]) },
      {
        path: '/measures',
        calls: calls([{ householdId: SOME_ID }, { status: 'planned' }, { category: 'production' }]),
      },
      {
        path: '/visits',
        calls: calls([{ householdId: SOME_ID }, { helperId: SOME_ID }, { month: '2026-03' }]),
      },
      {
        path: '/visits/unvisited',
        calls: calls([{ month: '2026-03' }]),
        secantusLimit: 'pairings in force in a month: a start-date range, an $or and the scope',
      },
      {
        path: '/village-assignments',
        calls: calls([{ area: VILLAGE_A1 }, { status: 'active' }, { helperId: SOME_ID }]),
      },
      { path: '/work-teams', calls: calls([{ status: 'active' }]) },
      {
        path: '/coverage/uncovered',
        calls: calls([{ area: VILLAGE_A1 }]),
        secantusLimit: REGISTERED_AND_SCOPE,
      },
      { path: '/coverage/reports', calls: calls() },
      { path: '/imports', calls: calls() },
      // 受益底册: the caller's scope, one household, a village.
      {
        path: '/ledger/benefits',
        calls: [
          ...calls(),
          { name: 'household', token: t.tokens.townshipA, query: { householdId: household } },
          { name: 'village', token: t.tokens.county, query: { areaCode: VILLAGE_A1, year: 2026 } },
        ],
      },
      {
        path: '/receipts',
        calls: calls([
          { householdId: SOME_ID },
          { visitId: SOME_ID },
          { result: 'not_received' },
          { area: VILLAGE_A1 },
        ]),
      },
      // 到户资金确认 as the gateway reads them: a household, a village.
      {
        path: '/ledger/receipts',
        calls: [
          { name: 'household', token: t.tokens.townshipA, query: { householdId: household } },
          { name: 'village', token: t.tokens.county, query: { areaCode: VILLAGE_A1 } },
        ],
      },
      // Not a list, but read per household by the gateway's dossier: each of its lists too.
      { path: '/dossier/households/{id}', url: `/dossier/households/${household}`, calls: calls() },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThan(0);
});
