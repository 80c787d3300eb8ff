import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  type TestFunds,
  VILLAGE_A1,
  VILLAGE_A2,
} from './fixtures/funds';
import {
  approvedProject,
  issueBatch,
  ok,
  project,
  type ProjectBody,
  rejectPayment,
  submitPayment,
  uploadVoucher,
} from './fixtures/money';

interface Finding {
  id: string;
  kind: string;
  status: string;
  disbursementId: string | null;
  amountFen: number;
  evidence: Record<string, unknown>;
}

let t: TestFunds;
let road: ProjectBody;
let water: ProjectBody;

const findingsOf = async (disbursementId: string) =>
  ok<Finding[]>(
    await t
      .api()
      .get('/findings')
      .query({ filter: JSON.stringify({ disbursementId }) })
      .set(as(t.tokens.office)),
    200,
  );

beforeAll(async () => {
  t = await startFunds();
  road = await approvedProject(t, { areaCode: VILLAGE_A1, contractor: '临武县路桥建设有限公司' });
  water = await approvedProject(t, { areaCode: VILLAGE_A2, contractor: '郴州水利工程有限公司' });
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [
      { projectId: road.id, amountFen: 10_000_000 },
      { projectId: water.id, amountFen: 10_000_000 },
    ],
  });
  await registerHousehold(t, {
    id: 'hh-1',
    areaCode: VILLAGE_A1,
    members: [{ id: 'm-1', name: '李四', idNumber: idNumber(1) }],
  });
});
afterAll(async () => {
  await t.close();
});

test('a voucher whose bytes were already used for another payment is detected, even uploaded again', async () => {
  const invoice = Buffer.from('%PDF-1.4 增值税发票 No.4300171130 金额 12,000.00');
  const first = await uploadVoucher(t, invoice);
  const d1 = ok<{ id: string; findingIds: string[] }>(
    await submitPayment(t, { projectId: road.id, amountFen: 1_200_000, voucherIds: [first.id] }),
    201,
  );
  expect(d1.findingIds).toEqual([]);

  // The same invoice, uploaded as a new file, claimed again for the other project.
  const again = await uploadVoucher(t, invoice);
  expect(again.id).not.toBe(first.id);
  expect(again.sha256).toBe(first.sha256);
  const d2 = ok<{ id: string; findingIds: string[] }>(
    await submitPayment(t, {
      projectId: water.id,
      amountFen: 1_200_000,
      voucherIds: [again.id],
      payee: '郴州水利工程有限公司',
    }),
    201,
  );
  expect(d2.findingIds).toHaveLength(1);
  const [finding] = await findingsOf(d2.id);
  expect(finding).toMatchObject({
    kind: 'voucher_reused',
    status: 'open',
    evidence: {
      sha256: first.sha256,
      usedBy: [expect.objectContaining({ disbursementId: d1.id, projectCode: road.code })],
    },
  });

  // The open finding holds the payment back, even for another approver.
  const blocked = await t
    .api()
    .post(`/disbursements/${d2.id}/approve`)
    .set(as(t.tokens.approver))
    .send({});
  expect(blocked.status).toBe(409);
  expect(blocked.body).toMatchObject({
    code: 'FUNDS_DISBURSEMENT_HAS_OPEN_FINDINGS',
    findingIds: [finding!.id],
  });
  expect((await project(t, water.id)).money.disbursedFen).toBe(0);

  // The submitter may not clear their own finding; someone else confirms it, and the payment is refused.
  const own = await t
    .api()
    .post(`/findings/${finding!.id}/resolve`)
    .set(as(t.tokens.office))
    .send({ outcome: 'dismissed', note: '无问题' });
  expect(own.status).toBe(403);
  ok(
    await t
      .api()
      .post(`/findings/${finding!.id}/resolve`)
      .set(as(t.tokens.approver))
      .send({ outcome: 'confirmed', note: '重复报账，已退回' }),
    200,
  );
  await rejectPayment(t, d2.id, '重复报账');
});

test('payees outside the registry projection are a finding; registered ones are not', async () => {
  const voucher = await uploadVoucher(t, `发放名单 ${Math.random()}`);
  const res = await t
    .api()
    .post('/disbursements')
    .set(as(t.tokens.office))
    .send({
      projectId: road.id,
      source: 'central',
      amountFen: 300_000,
      purpose: '产业到户补助',
      payeeKind: 'households',
      payees: [
        { name: '李四', idNumber: idNumber(1), amountFen: 100_000 },
        { name: '王五', idNumber: idNumber(2), amountFen: 150_000 },
        { name: '李四户', householdId: 'hh-1', amountFen: 50_000 },
      ],
      voucherFileIds: [voucher.id],
    });
  const d = ok<{
    id: string;
    payees: { name: string; idNumber: string | null; registered: boolean }[];
  }>(res, 201);
  expect(d.payees.map((x) => [x.name, x.registered])).toEqual([
    ['李四', true],
    ['王五', false],
    ['李四户', true],
  ]);
  // ID numbers are masked in answers.
  expect(d.payees[1]!.idNumber).toMatch(/^4310\*+\d{3}[\dX]$/);
  const findings = await findingsOf(d.id);
  expect(findings).toEqual([
    expect.objectContaining({
      kind: 'beneficiary_not_registered',
      amountFen: 150_000,
      evidence: {
        payees: [
          expect.objectContaining({
            name: '王五',
            idNumber: d.payees[1]!.idNumber,
            amountFen: 150_000,
          }),
        ],
      },
    }),
  ]);
  expect(JSON.stringify(findings)).not.toContain(idNumber(2));
});

test("paying another project's contractor is flagged as money moved without an approved transfer", async () => {
  const d = ok<{ id: string }>(
    await submitPayment(t, {
      projectId: road.id,
      amountFen: 500_000,
      payee: '郴州水利工程有限公司',
    }),
    201,
  );
  const [finding] = await findingsOf(d.id);
  expect(finding).toMatchObject({
    kind: 'unapproved_transfer',
    evidence: {
      payee: '郴州水利工程有限公司',
      projectContractor: '临武县路桥建设有限公司',
      otherProjects: [expect.objectContaining({ projectId: water.id, code: water.code })],
    },
  });
});

test('an approved transfer moves money between projects only with a second signature', async () => {
  const before = [await project(t, road.id), await project(t, water.id)];
  const req = ok<{ id: string; status: string }>(
    await t.api().post('/transfers').set(as(t.tokens.office)).send({
      fromProjectId: road.id,
      toProjectId: water.id,
      source: 'central',
      amountFen: 1_000_000,
      reason: '道路项目结余调剂至饮水项目',
      documentNo: '临扶组〔2017〕8号',
    }),
    201,
  );
  expect(req.status).toBe('requested');
  const self = await t.api().post(`/transfers/${req.id}/approve`).set(as(t.tokens.office)).send({});
  expect(self.status).toBe(403);
  expect((await project(t, road.id)).money).toEqual(before[0]!.money);

  const done = ok<{ status: string }>(
    await t.api().post(`/transfers/${req.id}/approve`).set(as(t.tokens.approver)).send({}),
    200,
  );
  expect(done.status).toBe('executed');
  const after = [await project(t, road.id), await project(t, water.id)];
  expect(after[0]!.money.allocatedFen).toBe(before[0]!.money.allocatedFen - 1_000_000);
  expect(after[0]!.money.availableFen).toBe(before[0]!.money.availableFen - 1_000_000);
  expect(after[1]!.money.allocatedFen).toBe(before[1]!.money.allocatedFen + 1_000_000);

  // More than is available cannot be transferred; the request stays open and nothing moves.
  const big = ok<{ id: string }>(
    await t.api().post('/transfers').set(as(t.tokens.office)).send({
      fromProjectId: road.id,
      toProjectId: water.id,
      source: 'central',
      amountFen: 999_999_999,
      reason: '全部调剂',
    }),
    201,
  );
  const refused = await t
    .api()
    .post(`/transfers/${big.id}/approve`)
    .set(as(t.tokens.approver))
    .send({});
  expect(refused.status).toBe(422);
  expect((await project(t, road.id)).money).toEqual(after[0]!.money);
});
