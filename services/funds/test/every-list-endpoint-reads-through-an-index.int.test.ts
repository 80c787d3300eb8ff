import { explainListEndpoints, listCalls } from '@fupin/testing';
import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  TOWNSHIP_A,
  type TestFunds,
} from './fixtures/funds';
import { approvedProject, issueBatch, ok, uploadVoucher } from './fixtures/money';

const VILLAGE_A1 = '431025101201';
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const HOUSEHOLD = 'hh-index';

let t: TestFunds;
beforeAll(async () => {
  t = await startFunds();
  // A household of township A paid through a project that does not list it: its dossier part
  // reads the project of the payment too.
  await registerHousehold(t, {
    id: HOUSEHOLD,
    areaCode: VILLAGE_A1,
    members: [{ id: 'm-ix', name: '索引户主', idNumber: idNumber(61) }],
  });
  const project = await approvedProject(t, { areaCode: VILLAGE_A1 });
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [{ projectId: project.id, amountFen: 1_000_000 }],
  });
  const voucher = (await uploadVoucher(t, 'index walk list')).id;
  ok(
    await t
      .api()
      .post('/disbursements')
      .set(as(t.tokens.office))
      .send({
        projectId: project.id,
        source: 'central',
        amountFen: 10_000,
        purpose: '到户补助',
        payeeKind: 'households',
        payees: [{ householdId: HOUSEHOLD, name: '索引户主', amountFen: 10_000 }],
        voucherFileIds: [voucher],
      }),
    201,
  );
});
afterAll(async () => {
  await t.close();
});

test('every list endpoint reads through an index and sorts no more than a page in memory', async () => {
  const doc = (await t.api().get('/openapi.json')).body as object;
  const tokens = { county: t.tokens.office, township: t.tokens.townshipA };
  const calls = (filters: Record<string, unknown>[] = []) => listCalls(tokens, filters);
  const { problems, explained } = await explainListEndpoints({
    app: t.app,
    conn: t.rt.conn,
    doc,
    walks: [
      {
        path: '/projects',
        calls: calls([
          { status: 'approved' },
          { year: 2020 },
          { areaCode: VILLAGE_A1 },
          { townshipCode: TOWNSHIP_A },
        ]),
      },
      {
        path: '/projects/slow',
        calls: calls([{ areaCode: VILLAGE_A1 }, { townshipCode: TOWNSHIP_A }]),
      },
      {
        path: '/batches',
        calls: calls([{ projectId: SOME_ID }]),
        // A batch holds arrays of areas and of allocations: no compound index can hold both
        // (parallel arrays), so the project filter rides its own index with the scope checked
        // on each batch found — which SecantusDB does not plan.
        secantusLimit: 'allocations.projectId and the areaCodes scope are both arrays',
      },
      {
        path: '/disbursements',
        calls: calls([{ status: 'submitted' }, { projectId: SOME_ID }, { areaCode: VILLAGE_A1 }]),
      },
      { path: '/transfers', calls: calls([{ status: 'requested' }]) },
      {
        path: '/findings',
        calls: calls([{ status: 'open' }, { projectId: SOME_ID }, { areaCode: VILLAGE_A1 }]),
      },
      { path: '/notices', calls: calls([{ projectId: SOME_ID }]) },
      {
        path: '/loans',
        calls: calls([{ status: 'active' }, { householdId: SOME_ID }, { areaCode: VILLAGE_A1 }]),
      },
      {
        path: '/loans/overdue',
        calls: calls(),
        secantusLimit: 'two ranges in one filter: the due date and the scope',
      },
      { path: '/idle-funds/runs', calls: calls() },
      // 受益底册: the caller's scope, one household, a village.
      {
        path: '/ledger/benefits',
        calls: [
          ...calls(),
          { name: 'household', token: t.tokens.townshipA, query: { householdId: HOUSEHOLD } },
          { name: 'village', token: t.tokens.office, query: { areaCode: VILLAGE_A1, year: 2017 } },
        ],
      },
      // Not a list, but read per household by the gateway's dossier: each of its lists too.
      {
        path: '/dossier/households/{id}',
        url: `/dossier/households/${HOUSEHOLD}`,
        calls: calls(),
      },
    ],
  });
  expect(problems).toEqual([]);
  expect(explained).toBeGreaterThan(0);
});
