import {
  bearer,
  eventually,
  type Platform,
  startPlatform,
  TOWNSHIP_A,
  TOWNSHIP_B,
  walkAsAnotherTownship,
} from '@fupin/testing';
import { county, type CountyGateway } from './support/county';

/**
 * The gateway's own records are users and audit entries, each of an area. A township user
 * may be granted the gateway's rights (users, audit): it must still reach none of another
 * township's. The gateway alone is enough here (no service behind it).
 */
let t: Platform<CountyGateway>;
let townshipBUser: string;
let auditOfA: string;
beforeAll(async () => {
  t = await startPlatform<CountyGateway>({ ...county, services: [] });
  // Township B's user, with every right the gateway knows; signing in is audited under B.
  const b = await t.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_B,
    rights: { users: ['read', 'write'], audit: ['read', 'export'] },
  });
  townshipBUser = b.accessToken;
  // Township A's user: its sign-in is audited under A.
  const a = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  await eventually(async () => {
    const res = await t
      .api()
      .get('/audit')
      .query({ filter: JSON.stringify({ actorId: a.userId }) })
      .set(bearer(t.admin.accessToken));
    expect(res.status).toBe(200);
    expect((res.body as unknown[]).length).toBeGreaterThan(0);
    auditOfA = (res.body as { id: string }[])[0]!.id;
  });
}, 240_000);
afterAll(async () => {
  if (!t) return;
  await t.close();
});

test("every documented gateway operation refuses township A's records to township B's user", async () => {
  const users = await t
    .api()
    .get('/users')
    .query({ filter: JSON.stringify({ areaCode: TOWNSHIP_A }) })
    .set(bearer(t.admin.accessToken));
  const [userOfA] = users.body as { id: string }[];
  if (!userOfA) throw new Error('no user of township A to aim at');
  const { problems, calls } = await walkAsAnotherTownship({
    app: t.gateway.app,
    token: townshipBUser,
    townshipA: TOWNSHIP_A,
    ids: { id: userOfA.id, '/audit/{id}': auditOfA },
    exempt: {
      '/api/docs/openapi.json': 'the API documents, whose examples name a township, no record',
      // 受益底册: the rows are the services' (`GET /ledger/benefits`, in each service's own walk),
      // asked with the caller's token; none is behind the gateway here.
      '/ledger/mismatches': "the services' ledger rows, asked with the caller's token",
      '/exports/benefit-ledger.xlsx': "the services' ledger rows, asked with the caller's token",
    },
  });
  expect(problems).toEqual([]);
  expect(calls.map((c) => c.operation)).toEqual(
    expect.arrayContaining([
      'GET /audit',
      'GET /audit/{id}',
      'GET /users',
      'GET /users/{id}',
      'PUT /users/{id}',
    ]),
  );
}, 120_000);
