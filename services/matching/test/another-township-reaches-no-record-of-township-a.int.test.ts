import { walkAsAnotherTownship } from '@fupin/testing';
import { bearer, csv, startMatching, TOWNSHIP_A, type TestMatching } from './fixtures/matching';
import { LIST_DATE, PEOPLE, plantRegistry, uploadLists } from './fixtures/planted';

/** A township that holds none of the planted records. */
const TOWNSHIP_C = '431121103000';

let t: TestMatching;
beforeAll(async () => {
  t = await startMatching();
  await plantRegistry(t);
  await uploadLists(t);
  await t.run(t.tokens.county);
  // A list of township A's own.
  const own = await t.upload(
    t.tokens.townshipA,
    csv([
      ['户主姓名', '身份证号', '鉴定等级'],
      ['冯十三', PEOPLE.p13, 'C级'],
    ]),
    { type: 'dangerous_houses', date: LIST_DATE, area: TOWNSHIP_A },
  );
  if (own.status !== 201) throw new Error(`upload: ${own.status} ${own.text}`);
}, 240_000);
afterAll(async () => {
  await t.close();
});

const firstOf = async (path: string, token: string, filter: object = {}) => {
  const res = await t
    .api()
    .get(path)
    .query({ filter: JSON.stringify(filter) })
    .set(bearer(token));
  const [first] = res.body as { id: string }[];
  if (!first) throw new Error(`${path}: nothing to aim at`);
  return first.id;
};

test("every documented operation refuses another township's user township A's records", async () => {
  const token = await t.issuer.sign({
    sub: 'u-town-c',
    name: '丙乡',
    area: TOWNSHIP_C,
    roles: ['township_staff'],
    rights: { matching: ['read', 'write', 'approve', 'export', 'unmask'] },
  });
  const finding = await firstOf('/findings', t.tokens.townshipA, {
    townshipCode: TOWNSHIP_A,
  });
  const { problems, calls } = await walkAsAnotherTownship({
    app: t.app,
    token,
    townshipA: TOWNSHIP_A,
    ids: {
      '/findings/{id}': finding,
      '/findings/{id}/verify': finding,
      '/findings/{id}/rectify': finding,
      '/findings/{id}/review': finding,
      '/findings/{id}/close': finding,
      '/findings/{id}/due': finding,
      // A planted household of village A1 with findings (its dossier part).
      '/dossier/households/{id}': 'h1',
      '/lists/{id}': await firstOf('/lists', t.tokens.townshipA),
      '/runs/{id}': await firstOf('/runs', t.tokens.county),
    },
    bodies: {
      'POST /findings/{id}/verify': { conclusion: 'confirmed' },
      'POST /findings/{id}/rectify': { note: '已整改' },
      'PUT /findings/{id}/due': {
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        reason: '县扶贫办督办',
      },
    },
    exempt: {
      '/rules': 'the rule catalogue, the same for every area',
      '/projection/status': "the projection's progress, no household in it",
      '/person-index/status': "the person index's size, no person in it",
    },
  });
  expect(problems).toEqual([]);
  expect(calls.length).toBeGreaterThan(5);
}, 120_000);
