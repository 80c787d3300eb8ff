import {
  bearer,
  eventually,
  type Platform,
  startPlatform,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
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
const RUN_OF_A = 'consistency-run-of-a';
beforeAll(async () => {
  t = await startPlatform<CountyGateway>({ ...county, services: [] });
  // Township B's user, with every right the gateway knows; signing in is audited under B.
  const b = await t.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_B,
    rights: {
      users: ['read', 'write'],
      audit: ['read', 'export'],
      registry: ['read', 'export'],
    },
  });
  // 一户一档核对: a run of township A and its item in village A1, stored as the job stores them.
  await t.gateway.models.consistencyRuns.create({
    _id: RUN_OF_A,
    areaCode: TOWNSHIP_A,
    year: 2020,
    state: 'completed',
    households: 1,
    checked: 1,
    counts: { measure_unpaid: 1 },
    inconsistencies: 1,
    gaps: [],
    error: null,
    requestedBy: 'u-a',
    requestedByName: 'a',
    requestedAt: new Date(),
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  await t.gateway.models.consistencyItems.create({
    _id: 'consistency-item-of-a',
    runId: RUN_OF_A,
    areaCode: VILLAGE_A1,
    householdId: 'h-a',
    householdNo: 'A-1',
    kind: 'measure_unpaid',
    message: { 'zh-CN': '措施已记录但资金未支付', en: 'Measure unpaid' },
    details: {},
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
    ids: {
      id: userOfA.id,
      '/audit/{id}': auditOfA,
      '/consistency-checks/{id}': RUN_OF_A,
      '/consistency-checks/{id}/items': RUN_OF_A,
      '/consistency-checks/{id}/items.xlsx': RUN_OF_A,
    },
    exempt: {
      '/api/docs/openapi.json': 'the API documents, whose examples name a township, no record',
      // 受益底册: the rows are the services' (`GET /ledger/benefits`, in each service's own walk),
      // asked with the caller's token; none is behind the gateway here.
      '/ledger/mismatches': "the services' ledger rows, asked with the caller's token",
      '/exports/benefit-ledger.xlsx': "the services' ledger rows, asked with the caller's token",
      '/ledger/unconfirmed':
        "the services' ledger rows and confirmations, asked with the caller's token",
      // A household's own pages: the registry, asked first with the caller's token, says whether
      // the caller sees the household (404 otherwise; in the dossier's and the ledger's county
      // tests); none is behind the gateway here.
      '/households/{id}/dossier': "the registry decides, asked with the caller's token",
      '/households/{id}/ledger': "the registry decides, asked with the caller's token",
      '/households/{id}/handbook.pdf': "the registry decides, asked with the caller's token",
      '/households/{id}/card.pdf': "the registry decides, asked with the caller's token",
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
      'GET /consistency-checks',
      'GET /consistency-checks/{id}',
      'GET /consistency-checks/{id}/items',
    ]),
  );
}, 120_000);
