import {
  COUNTY,
  explainListEndpoints,
  type ListCall,
  TOWNSHIP_A,
  VILLAGE_A1,
} from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

let t: CountyPlatform;
beforeAll(async () => {
  t = await startCounty();
});
afterAll(async () => {
  if (!t) return;
  await t.close();
});

test('every list endpoint reads through an index and sorts no more than a page in memory', async () => {
  const doc = (await t.api().get('/openapi.json')).body as object;
  // Users and the audit log are the county administrators' (no township role has the rights):
  // the default page, and each common filter alone.
  const calls = (filters: Record<string, unknown>[]): ListCall[] => [
    { name: 'county', token: t.admin.accessToken },
    ...filters.map((filter) => ({
      name: `filter ${Object.keys(filter).join(',')}`,
      token: t.admin.accessToken,
      query: { filter },
    })),
  ];
  // 一户一档核对's runs and items are the registry readers': the county office and a township.
  const office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  const town = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  const runId = 'run-explain-1';
  await t.gateway.models.consistencyRuns.create({
    _id: runId,
    areaCode: TOWNSHIP_A,
    year: 2020,
    state: 'completed',
    households: 1,
    checked: 1,
    counts: { measure_unpaid: 1 },
    inconsistencies: 1,
    gaps: [],
    error: null,
    requestedBy: office.userId,
    requestedByName: 'office',
    requestedAt: new Date(),
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  await t.gateway.models.consistencyItems.create({
    _id: 'item-explain-1',
    runId,
    areaCode: VILLAGE_A1,
    householdId: 'h-1',
    householdNo: 'EXPLAIN-1',
    kind: 'measure_unpaid',
    message: { 'zh-CN': '措施已记录但资金未支付', en: 'Measure unpaid' },
    details: {},
  });
  const readers = (filters: Record<string, unknown>[]): ListCall[] => [
    { name: 'county', token: office.accessToken },
    { name: 'township', token: town.accessToken },
    ...filters.map((filter) => ({
      name: `filter ${Object.keys(filter).join(',')}`,
      token: office.accessToken,
      query: { filter },
    })),
  ];
  const { problems, explained } = await explainListEndpoints({
    app: t.gateway.app,
    conn: t.gatewayRt.conn,
    doc,
    walks: [
      {
        path: '/users',
        calls: calls([
          { areaCode: TOWNSHIP_A },
          { role: 'township_staff' },
          { status: 'active' },
          { department: 'education' },
        ]),
      },
      {
        path: '/consistency-checks',
        calls: readers([{ state: 'completed' }, { year: 2020 }, { areaCode: TOWNSHIP_A }]),
      },
      {
        path: '/consistency-checks/{id}/items',
        url: `/consistency-checks/${runId}/items`,
        calls: readers([{ kind: 'measure_unpaid' }, { areaCode: VILLAGE_A1 }]),
      },
      {
        path: '/ledger/unconfirmed',
        readsNoCollection:
          "assembled from the services' ledgers and confirmations, each read through its own index",
        calls: [
          { name: 'county', token: office.accessToken },
          { name: 'township', token: town.accessToken, query: { areaCode: TOWNSHIP_A } },
        ],
      },
      {
        path: '/audit',
        calls: calls([
          { action: 'unmask' },
          { service: 'registry' },
          { actorId: 'u-1' },
          { subjectId: 's-1' },
        ]),
      },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThan(0);
});
