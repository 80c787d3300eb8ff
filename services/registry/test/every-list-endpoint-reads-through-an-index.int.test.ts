import { explainListEndpoints, type ListCall } from '@fupin/testing';
import request from 'supertest';
import { startRegistry, TOWNSHIP_A, VILLAGE_A1, type TestRegistry } from './fixtures/registry';

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry();
});
afterAll(async () => {
  await t.close();
});

/** The default page for the county and for a township, then each common filter alone. */
function calls(filters: Record<string, unknown>[]): ListCall[] {
  return [
    { name: 'county', token: t.tokens.county },
    { name: 'township', token: t.tokens.townshipA },
    ...filters.map((filter) => ({
      name: `filter ${Object.keys(filter).join(',')}`,
      token: t.tokens.county,
      query: { filter },
    })),
  ];
}

test('every list endpoint reads through an index and sorts no more than a page in memory', async () => {
  const doc = (await request(t.app).get('/openapi.json')).body as object;
  const { problems, explained } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc,
    walks: [
      {
        path: '/areas',
        calls: calls([{ parentCode: TOWNSHIP_A }, { level: 'village' }, { status: 'active' }]),
      },
      {
        path: '/households',
        calls: calls([
          { area: VILLAGE_A1 },
          { status: 'in_poverty' },
          { attribute: 'ordinary' },
          { mainCause: 'illness' },
          { identificationYear: 2015 },
        ]),
      },
      { path: '/imports', calls: calls([{ status: 'completed' }]) },
      {
        path: '/villages',
        calls: calls([{ townshipCode: TOWNSHIP_A }, { poorVillage: true }]),
      },
      { path: '/exit-targets', calls: calls([{ areaCode: VILLAGE_A1 }, { year: 2020 }]) },
      { path: '/candidate-leads', calls: calls([{ status: 'open' }]) },
      {
        path: '/monitoring/warnings',
        // Not `overdue` (an open status, the scope's range and the deadline's range): SecantusDB
        // plans one range per compound index and scans; MongoDB 7 bounds both in
        // { status, areaCode, dueAt }. The overdue figures are read per township instead.
        calls: calls([
          { status: 'open' },
          { townshipCode: TOWNSHIP_A },
          { householdId: 'h-1' },
          { signal: 'disaster' },
        ]),
      },
      { path: '/monitoring/screenings', calls: calls([{ status: 'done' }]) },
      {
        path: '/monitoring/disasters',
        calls: calls([{ areaCode: VILLAGE_A1 }, { kind: 'flood' }]),
      },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThan(0);
});
