import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  type TestFunds,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/funds';
import {
  approvedProject,
  issueBatch,
  ok,
  type ProjectBody,
  submitPayment,
  uploadVoucher,
} from './fixtures/money';

let t: TestFunds;
let a: ProjectBody;
let b: ProjectBody;
let paymentB: string;
let voucherB: string;
let loanB: string;
let noticeB: string;

beforeAll(async () => {
  t = await startFunds();
  a = await approvedProject(t, { areaCode: VILLAGE_A1, code: 'A-001' });
  b = await approvedProject(t, { areaCode: VILLAGE_B1, code: 'B-001', contractor: 'B公司' });
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    documentNo: '临财〔2017〕1号',
    allocations: [
      { projectId: a.id, amountFen: 1_000_000 },
      { projectId: b.id, amountFen: 2_000_000 },
    ],
  });
  voucherB = (await uploadVoucher(t, 'B voucher')).id;
  paymentB = ok<{ id: string }>(
    await submitPayment(t, {
      projectId: b.id,
      amountFen: 100_000,
      voucherIds: [voucherB],
      payee: 'B公司',
    }),
    201,
  ).id;
  ok(await submitPayment(t, { projectId: a.id, amountFen: 50_000 }), 201);
  await registerHousehold(t, {
    id: 'hh-b',
    areaCode: VILLAGE_B1,
    members: [{ id: 'm-b', name: '赵六', idNumber: idNumber(21) }],
  });
  loanB = ok<{ id: string }>(
    await t
      .api()
      .post('/loans')
      .set(as(t.tokens.office))
      .send({
        contractNo: 'XD-B-1',
        kind: 'micro_credit',
        householdId: 'hh-b',
        borrowerMemberId: 'm-b',
        lender: '临武农商银行',
        purpose: '养殖',
        principalFen: 5_000_000,
        termMonths: 36,
        intervalMonths: 3,
        annualRateBp: 435,
        discountBp: 435,
        repayment: 'bullet',
        startOn: '2017-03-01',
        guarantor: { name: '赵村支书', phone: '13800001234', role: '还款责任人' },
      }),
    201,
  ).id;
  noticeB = ok<{ id: string }>(
    await t
      .api()
      .post('/notices')
      .set(as(t.tokens.office))
      .send({ kind: 'project', projectId: b.id, issuer: '乙镇政府' }),
    201,
  ).id;
});
afterAll(async () => {
  await t.close();
});

const list = async (path: string, token: string, query: Record<string, string> = {}) =>
  ok<{ areaCode?: string; code?: string; allocations?: { areaCode: string }[] }[]>(
    await t
      .api()
      .get(path)
      .query({ range: '[0,99]', ...query })
      .set(as(token)),
    200,
  );

test('lists show a township user only its own township', async () => {
  const as_ = t.tokens.townshipA;
  expect((await list('/projects', as_)).map((p) => p.code)).toEqual(['A-001']);
  expect((await list('/disbursements', as_)).map((d) => d.areaCode)).toEqual([VILLAGE_A1]);
  expect(await list('/loans', as_)).toEqual([]);
  expect(await list('/notices', as_)).toEqual([]);
  const batches = await list('/batches', as_);
  expect(batches).toHaveLength(1);
  expect(batches[0]!.allocations!.map((x) => x.areaCode)).toEqual([VILLAGE_A1]);
  // The county sees both.
  expect((await list('/projects', t.tokens.office)).map((p) => p.code)).toEqual(['A-001', 'B-001']);
});

test("another township's records answer 403 or 404 and are never changed", async () => {
  const as_ = as(t.tokens.townshipA);
  for (const probe of [
    t.api().get(`/projects/${b.id}`).set(as_),
    t.api().get(`/projects/${b.id}/history`).set(as_),
    t.api().put(`/projects/${b.id}`).set(as_).send({ name: '改', revision: b.revision }),
    t.api().post(`/projects/${b.id}/steps`).set(as_).send({ action: 'start' }),
    t.api().get(`/disbursements/${paymentB}`).set(as_),
    t.api().get(`/files/${voucherB}`).set(as_),
    t.api().get(`/loans/${loanB}`).set(as_),
    t.api().post(`/loans/${loanB}/repayments`).set(as_).send({ on: '2017-06-01', amountFen: 100 }),
    t.api().get(`/notices/${noticeB}`).set(as_),
    t.api().get(`/notices/${noticeB}/notice.pdf`).set(as_),
    t
      .api()
      .post('/projects')
      .set(as_)
      .send({ code: 'X-1', name: '越界', type: 'road', year: 2018, areaCode: VILLAGE_B1 }),
    submitPayment(t, { projectId: b.id, amountFen: 1000, token: t.tokens.townshipA }),
  ]) {
    const res = await probe;
    expect([403, 404]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toContain('B公司');
  }
  const stored = await t.funds.models.projects.findById(b.id).lean();
  expect(stored?.name).toBe(b.code + ' 道路硬化');
  expect(stored?.status).toBe('approved');
});

test('balances and statistics count only the own township', async () => {
  const balances = ok<{
    rows: { key: string; allocatedFen: number }[];
    totals: { allocatedFen: number };
  }>(await t.api().get('/balances').query({ by: 'township' }).set(as(t.tokens.townshipA)), 200);
  expect(balances.rows.map((r) => r.key)).toEqual([TOWNSHIP_A]);
  expect(balances.totals.allocatedFen).toBe(1_000_000);
  const county = ok<{ rows: { key: string }[] }>(
    await t.api().get('/balances').query({ by: 'township' }).set(as(t.tokens.office)),
    200,
  );
  expect(county.rows.map((r) => r.key)).toEqual([TOWNSHIP_A, TOWNSHIP_B]);
  const stats = ok<{ rows: { key: string }[]; totals: { total: number } }>(
    await t.api().get('/statistics/projects').set(as(t.tokens.townshipA)),
    200,
  );
  expect(stats.rows.map((r) => r.key)).toEqual([TOWNSHIP_A]);
  expect(stats.totals.total).toBe(1);
});

test('a reader cannot write, and exports need the export right', async () => {
  const write = await t
    .api()
    .post('/projects')
    .set(as(t.tokens.townshipAReader))
    .send({ code: 'A-2', name: '只读', type: 'road', year: 2018, areaCode: VILLAGE_A1 });
  expect(write.status).toBe(403);
  expect(write.body.code).toBe('FORBIDDEN_RIGHT');
  const exp = await t.api().get('/exports/projects.xlsx').set(as(t.tokens.townshipA));
  expect(exp.status).toBe(403);
});
