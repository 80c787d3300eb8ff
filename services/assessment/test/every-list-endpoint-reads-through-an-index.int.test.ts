import { explainListEndpoints, listCalls } from '@fupin/testing';
import request from 'supertest';
import { startAssessment, TOWNSHIP_A, type TestAssessment } from './fixtures/assessment';
import { inspectionListWalks, inspectionRecordsOfTownshipA } from './fixtures/inspections';

const RANKING = '2026-Q1-v1';
const UNIT = `township:${TOWNSHIP_A}`;

let t: TestAssessment;
beforeAll(async () => {
  t = await startAssessment();
});
afterAll(async () => {
  await t.close();
});

test('every list endpoint reads through an index and sorts no more than a page in memory', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as object;
  // A published ranking with one township's result and records: the lists under a ranking and
  // a unit look them up before listing.
  const db = t.rt.conn;
  await db.collection('rankings').insertOne({
    _id: RANKING as never,
    status: 'published',
    quarterKey: '2026-Q1',
    year: 2026,
    quarter: 1,
    version: 1,
    supersededBy: null,
    publishedAt: new Date(),
    tracks: [],
  });
  await db.collection('ranking_results').insertOne({
    _id: `${RANKING}|${UNIT}` as never,
    rankingId: RANKING,
    unitId: UNIT,
    kind: 'township',
    areaCode: TOWNSHIP_A,
    year: 2026,
    quarter: 1,
    rank: 1,
    indicators: [],
  });
  await db.collection('ranking_records').insertOne({
    _id: `${RANKING}|${UNIT}|visit_coverage` as never,
    rankingId: RANKING,
    unitId: UNIT,
    code: 'visit_coverage',
    service: 'assistance',
    path: '/visits/{id}',
    label: { zh: '走访', en: 'Visits' },
    total: 0,
    items: [],
  });
  const tokens = { county: t.tokens.county, township: t.tokens.townshipA };
  const calls = (filters: Record<string, unknown>[] = []) => listCalls(tokens, filters);
  const inspections = await inspectionRecordsOfTownshipA(t, '2026-01-05');
  const { problems, explained } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc,
    walks: [
      ...inspectionListWalks(t, inspections),
      { path: '/rankings', calls: calls([{ year: 2026 }, { current: true }]) },
      {
        path: '/rankings/{id}/results',
        url: `/rankings/${RANKING}/results`,
        calls: calls([{ kind: 'township' }, { yellowCard: true }]),
      },
      {
        path: '/rankings/{id}/results/{unitId}/records/{indicator}',
        url: `/rankings/${RANKING}/results/${UNIT}/records/visit_coverage`,
        calls: calls(),
      },
      {
        path: '/quarters/{year}/{quarter}/late-events',
        url: '/quarters/2026/1/late-events',
        // The county's own list: a township is refused before any read.
        calls: [{ name: 'county', token: t.tokens.county }],
      },
      {
        path: '/accountability-cases',
        calls: calls([{ status: 'open' }, { unitId: UNIT }, { year: 2026, quarter: 1 }]),
      },
      {
        path: '/complaints',
        // `overdue`: those awaiting an answer through { awaitingAnswer, areaCode, dueOn }, the
        // due day decided on the day (one range per filter: SecantusDB bounds no second).
        calls: calls([
          { overdue: true },
          { status: 'in_progress' },
          { channel: 'letter' },
          { subject: 'funds' },
          { unitId: UNIT },
          { area: TOWNSHIP_A },
          { householdId: 'hh-1' },
        ]),
      },
      {
        path: '/tasks',
        calls: calls([
          { ownerUnit: '县扶贫办' },
          { state: 'overdue' },
          { state: 'at_risk' },
          { state: 'done' },
          { linkKind: 'project', linkRef: 'XM-1' },
          { areaCode: TOWNSHIP_A },
        ]),
      },
      {
        path: '/units/{unitId}/history',
        url: `/units/${UNIT}/history`,
        calls: calls([{ year: 2026 }]),
      },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThan(0);
});
