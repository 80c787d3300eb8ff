import { as, startFunds, type TestFunds, VILLAGE_A1 } from './fixtures/funds';
import {
  approvedProject,
  issueBatch,
  ok,
  paidPayment,
  project,
  type ProjectBody,
  reportProgress,
  submitPayment,
} from './fixtures/money';

let t: TestFunds;
let p: ProjectBody;

beforeAll(async () => {
  t = await startFunds();
  p = await approvedProject(t, { areaCode: VILLAGE_A1 });
  // Half the work done: its progress allows 60% of the 1,000,000.00 yuan planned, so only the
  // allocations limit the payments here.
  ok(await reportProgress(t, p.id, { percent: 50, reportedOn: '2017-06-01' }), 201);
  // 500,000.00 yuan from central funds, 100,000.00 from the province.
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [{ projectId: p.id, amountFen: 50_000_000 }],
  });
  await issueBatch(t, {
    issuedOn: '2017-06-02',
    source: 'provincial',
    allocations: [{ projectId: p.id, amountFen: 10_000_000 }],
  });
  await paidPayment(t, { projectId: p.id, amountFen: 30_000_000 });
});
afterAll(async () => {
  await t.close();
});

test('a payment above what the project has from the source is refused and nothing is written', async () => {
  const before = await project(t, p.id);
  const paymentsBefore = await t.funds.models.disbursements.countDocuments();
  const eventsBefore = await t.funds.models.projects
    .findById(p.id, { outbox: 1, revision: 1 })
    .lean();

  // 200,000.01 yuan: one fen more than the 200,000.00 central money still available.
  const res = await submitPayment(t, { projectId: p.id, amountFen: 20_000_001 });

  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    code: 'FUNDS_DISBURSEMENT_OVER_ALLOCATION',
    availableFen: 20_000_000,
    requestedFen: 20_000_001,
    errors: [{ field: 'amountFen', code: 'above_allocation' }],
  });
  expect(res.body.message['zh-CN']).toContain('200,000.00');
  const after = await project(t, p.id);
  expect(after.money).toEqual(before.money);
  expect(after.funding.central).toEqual(before.funding.central);
  expect(await t.funds.models.disbursements.countDocuments()).toBe(paymentsBefore);
  const stored = await t.funds.models.projects
    .findById(p.id, { outbox: 1, revision: 1, holds: 1 })
    .lean();
  expect(stored?.holds).toEqual([]);
  expect(stored?.revision).toBe(eventsBefore?.revision);
});

test('money of another source does not make up the difference', async () => {
  // The province's 100,000.00 yuan are there, but a central-source payment cannot use them.
  const res = await submitPayment(t, { projectId: p.id, amountFen: 25_000_000 });
  expect(res.status).toBe(422);
  const ok200 = await submitPayment(t, {
    projectId: p.id,
    amountFen: 10_000_000,
    source: 'provincial',
  });
  expect(ok200.status).toBe(201);
});

test('the refused attempt itself is kept as a misuse finding with its evidence', async () => {
  const res = await t
    .api()
    .get('/findings')
    .query({ filter: JSON.stringify({ kind: 'over_allocation_attempt', projectId: p.id }) })
    .set(as(t.tokens.office));
  const findings = ok<
    { evidence: Record<string, unknown>; status: string; disbursementId: null }[]
  >(res, 200);
  expect(findings.length).toBeGreaterThanOrEqual(1);
  expect(findings.map((f) => f.evidence)).toContainEqual(
    expect.objectContaining({
      source: 'central',
      requestedFen: 20_000_001,
      availableFen: 20_000_000,
      allocatedFen: 50_000_000,
      disbursedFen: 30_000_000,
    }),
  );
  expect(findings.every((f) => f.status === 'open' && f.disbursementId === null)).toBe(true);
});

test('two payments racing for the last money cannot both reserve it', async () => {
  const q = await approvedProject(t, { areaCode: VILLAGE_A1 });
  await issueBatch(t, {
    issuedOn: '2017-07-01',
    allocations: [{ projectId: q.id, amountFen: 1_000_000 }],
  });
  const results = await Promise.all(
    Array.from({ length: 4 }, () => submitPayment(t, { projectId: q.id, amountFen: 600_000 })),
  );
  expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422]);
  const after = await project(t, q.id);
  expect(after.money).toEqual({
    allocatedFen: 1_000_000,
    reservedFen: 600_000,
    disbursedFen: 0,
    availableFen: 400_000,
  });
});
