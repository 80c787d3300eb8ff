import { explainListEndpoints, type ListCall, TOWNSHIP_A } from '@fupin/testing';
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
