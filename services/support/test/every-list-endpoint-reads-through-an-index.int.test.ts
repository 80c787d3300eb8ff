import { explainListEndpoints, listCalls } from '@fupin/testing';
import request from 'supertest';
import { startSupport, TOWNSHIP_A, type TestSupport } from './fixtures/support';

const VILLAGE_A1 = '431121101201';
const SOME_ID = '00000000-0000-4000-8000-000000000000';

let t: TestSupport;
beforeAll(async () => {
  t = await startSupport();
});
afterAll(async () => {
  await t.close();
});

test('every list endpoint reads through an index and sorts no more than a page in memory', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as object;
  // An import to list the rows of: the rows list looks its import up first.
  await t.rt.conn.collection('department_imports').insertOne({
    _id: SOME_ID as never,
    kind: 'education_enrollment',
    actorId: 'u-someone',
    actorArea: TOWNSHIP_A,
    status: 'completed',
    createdAt: new Date(),
  });
  const tokens = { county: t.tokens.county, township: t.tokens.townshipA };
  const calls = (filters: Record<string, unknown>[] = [], query: Record<string, unknown> = {}) =>
    listCalls(tokens, filters, query);
  const { problems, explained } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc,
    walks: [
      {
        path: '/persons',
        calls: calls([
          { townshipCode: TOWNSHIP_A },
          { areaCode: VILLAGE_A1 },
          { householdId: SOME_ID },
        ]),
      },
      {
        path: '/education/students',
        calls: calls([{ townshipCode: TOWNSHIP_A }, { stage: 'primary' }, { personId: SOME_ID }]),
      },
      { path: '/education/enrollments', calls: calls() },
      { path: '/education/subsidy-standards', calls: calls() },
      {
        path: '/education/subsidy-payments',
        calls: calls([
          { term: '2026-spring' },
          { townshipCode: TOWNSHIP_A },
          { studentId: SOME_ID },
        ]),
      },
      {
        path: '/education/dropout-cases',
        calls: calls([{ status: 'open' }, { townshipCode: TOWNSHIP_A }, { schoolYear: 2026 }]),
      },
      {
        path: '/health/insurance',
        calls: calls([{ townshipCode: TOWNSHIP_A }, { kind: 'basic_medical' }], { year: '2026' }),
      },
      {
        path: '/health/inpatient-episodes',
        calls: calls([
          { topUpStatus: 'owed' },
          { townshipCode: TOWNSHIP_A },
          { personId: SOME_ID },
        ]),
      },
      { path: '/health/chronic-care-contracts', calls: calls() },
      { path: '/health/serious-illness-cases', calls: calls() },
      // 受益底册: the caller's scope, one household, a village.
      {
        path: '/ledger/benefits',
        calls: [
          ...calls(),
          { name: 'household', token: t.tokens.townshipA, query: { householdId: SOME_ID } },
          { name: 'village', token: t.tokens.county, query: { areaCode: VILLAGE_A1, year: 2018 } },
        ],
      },
      {
        path: '/imports',
        calls: calls(),
        // An import is seen by whoever started it, and inside the area it was started in.
        secantusLimit: '$or of the area range and the starting user',
      },
      {
        path: '/imports/{id}/rows',
        url: `/imports/${SOME_ID}/rows`,
        calls: calls([{ outcome: 'enrolled' }]),
      },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThan(0);
});
