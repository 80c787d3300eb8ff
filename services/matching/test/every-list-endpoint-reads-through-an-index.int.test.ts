import { explainListEndpoints, listCalls } from '@fupin/testing';
import { startMatching, TOWNSHIP_A, type TestMatching } from './fixtures/matching';

const VILLAGE_A1 = '431121101201';
const SOME_ID = '00000000-0000-4000-8000-000000000000';

let t: TestMatching;
beforeAll(async () => {
  t = await startMatching();
});
afterAll(async () => {
  await t.close();
});

test('every list endpoint reads through an index and sorts no more than a page in memory', async () => {
  const doc = (await t.api().get('/openapi.json')).body as object;
  const tokens = { county: t.tokens.county, township: t.tokens.townshipA };
  const calls = (filters: Record<string, unknown>[] = []) => listCalls(tokens, filters);
  const { problems, explained } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc,
    walks: [
      {
        path: '/findings',
        calls: calls([
          { status: 'assigned' },
          { townshipCode: TOWNSHIP_A },
          { areaCode: VILLAGE_A1 },
          { householdId: SOME_ID },
          { runId: SOME_ID },
        ]),
      },
      { path: '/lists', calls: calls([{ status: 'ready' }]) },
      { path: '/runs', calls: calls([{ status: 'completed' }]) },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThan(0);
});
