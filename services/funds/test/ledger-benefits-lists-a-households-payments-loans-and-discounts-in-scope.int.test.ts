import { benefitRowSchema } from '@fupin/contracts';
import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  TOWNSHIP_A,
  type TestFunds,
  testClock,
  VILLAGE_A1,
} from './fixtures/funds';
import { issueBatch, ok, step, uploadVoucher } from './fixtures/money';

// 受益底册: the funds rows of a household built as its dossier test builds it — a payment paid, one
// refused, one awaiting approval, a micro-credit loan with 贴息 and a party-member loan written off.

const clock = testClock('2017-03-01T02:00:00Z');
let t: TestFunds;
const HH = 'hh-ledger';
const ID_HEAD = idNumber(41);
const ids = { listing: '', paying: '', paid: '', pending: '', refused: '', micro: '', party: '' };

async function projectFor(code: string, poorHouseholdIds: string[]) {
  const created = ok<{ id: string }>(
    await t
      .api()
      .post('/projects')
      .set(as(t.tokens.office))
      .send({
        code,
        name: `${code} 到户产业扶持`,
        type: 'industry',
        year: 2017,
        areaCode: VILLAGE_A1,
        plannedInvestment: { central: 2_000_000 },
        beneficiaries: { households: 10, people: 30, poorHouseholdIds },
        proposedOn: '2017-03-01',
      }),
    201,
  );
  return created.id;
}

/** A payment list to households: this household's line (and another's, when given). */
async function paymentList(projectId: string, amountFen: number, other = 0) {
  const voucher = (await uploadVoucher(t, `list-${projectId}-${amountFen}`)).id;
  const payees = [{ householdId: HH, name: '陈七', idNumber: ID_HEAD, amountFen }];
  if (other)
    payees.push({
      householdId: 'hh-other',
      name: '李四',
      idNumber: idNumber(51),
      amountFen: other,
    });
  return ok<{ id: string }>(
    await t
      .api()
      .post('/disbursements')
      .set(as(t.tokens.office))
      .send({
        projectId,
        source: 'central',
        amountFen: amountFen + other,
        purpose: '产业到户补助',
        payeeKind: 'households',
        payees,
        voucherFileIds: [voucher],
      }),
    201,
  ).id;
}

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
  await registerHousehold(t, {
    id: HH,
    areaCode: VILLAGE_A1,
    members: [
      { id: 'm-head', name: '陈七', idNumber: ID_HEAD },
      { id: 'm-son', name: '陈小七', idNumber: idNumber(42) },
    ],
  });
  await registerHousehold(t, {
    id: 'hh-other',
    areaCode: VILLAGE_A1,
    members: [{ id: 'm-other', name: '李四', idNumber: idNumber(51) }],
  });

  ids.listing = await projectFor('LG-LIST', [HH]);
  ids.paying = await projectFor('LG-PAY', []);
  clock.set('2017-04-01T02:00:00Z');
  await step(t, ids.listing, 'approve', '2017-04-01');
  await step(t, ids.paying, 'approve', '2017-04-01');
  clock.set('2017-06-01T02:00:00Z');
  await step(t, ids.listing, 'start', '2017-06-01');
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [
      { projectId: ids.listing, amountFen: 1_000_000 },
      { projectId: ids.paying, amountFen: 1_000_000 },
    ],
  });

  // Paid on 1 September; refused in October; submitted in January and not yet approved.
  clock.set('2017-08-20T02:00:00Z');
  ids.paid = await paymentList(ids.listing, 300_000, 200_000);
  clock.set('2017-09-02T02:00:00Z');
  ok(
    await t
      .api()
      .post(`/disbursements/${ids.paid}/approve`)
      .set(as(t.tokens.approver))
      .send({ paidOn: '2017-09-01' }),
    200,
  );
  clock.set('2017-10-15T02:00:00Z');
  ids.refused = await paymentList(ids.listing, 50_000);
  ok(
    await t
      .api()
      .post(`/disbursements/${ids.refused}/reject`)
      .set(as(t.tokens.approver))
      .send({ reason: '名单有误' }),
    200,
  );
  clock.set('2018-01-10T02:00:00Z');
  ids.pending = await paymentList(ids.paying, 100_000);

  // A micro-credit loan with part of its interest paid by the government (贴息), its first
  // installment repaid and the next two overdue; a party-member loan written off after a flood.
  clock.set('2018-02-07T02:00:00Z');
  const loan = (contractNo: string, extra: object) =>
    t
      .api()
      .post('/loans')
      .set(as(t.tokens.office))
      .send({
        contractNo,
        householdId: HH,
        borrowerMemberId: 'm-head',
        lender: '临武农村商业银行',
        purpose: '生猪养殖',
        termMonths: 12,
        annualRateBp: 435,
        repayment: 'bullet',
        guarantor: { name: '村支部书记刘某', phone: '13912345678', role: '还款责任人' },
        ...extra,
      });
  ids.micro = ok<{ id: string }>(
    await loan('XD-LG-1', {
      kind: 'micro_credit',
      principalFen: 5_000_000,
      intervalMonths: 3,
      discountBp: 300,
      startOn: '2017-03-01',
    }),
    201,
  ).id;
  ok(
    await t
      .api()
      .post(`/loans/${ids.micro}/repayments`)
      .set(as(t.tokens.townshipA))
      .send({ on: '2017-06-01', amountFen: 16_875 }),
    201,
  );
  ids.party = ok<{ id: string }>(
    await loan('DY-LG-1', {
      kind: 'party_member',
      principalFen: 1_000_000,
      intervalMonths: 12,
      discountBp: 0,
      startOn: '2017-01-10',
    }),
    201,
  ).id;
  ok(
    await t.api().post(`/loans/${ids.party}/write-off`).set(as(t.tokens.approver)).send({
      on: '2017-08-01',
      reason: '房屋冲毁',
      disaster: '洪灾',
      documentNo: '临政发〔2017〕9号',
    }),
    200,
  );
}, 120_000);
afterAll(async () => {
  await t.close();
});

const ledgerOf = (token: string, query: string, range = '[0,499]') =>
  t
    .api()
    .get(`/ledger/benefits?${query}&range=${encodeURIComponent(range)}`)
    .set(as(token));

const pick = (r: Record<string, unknown>) => ({
  kind: r.kind,
  householdId: r.householdId,
  year: r.year,
  on: r.on,
  amountFen: r.amountFen,
  status: r.status,
  projectId: r.projectId,
});

test("a household's rows: payments paid and pending (not the refused one), loans and 贴息 by year", async () => {
  const res = await ledgerOf(t.tokens.townshipAReader, `householdId=${HH}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-range']).toBe('benefits 0-4/5');
  const rows = (res.body as unknown[]).map((r) => benefitRowSchema.parse(r));
  expect(rows.map(pick)).toEqual([
    {
      kind: 'loan',
      householdId: HH,
      year: 2017,
      on: '2017-01-10',
      amountFen: 1_000_000,
      status: 'granted',
      projectId: null,
    },
    {
      kind: 'loan',
      householdId: HH,
      year: 2017,
      on: '2017-03-01',
      amountFen: 5_000_000,
      status: 'granted',
      projectId: null,
    },
    {
      kind: 'payment',
      householdId: HH,
      year: 2017,
      on: '2017-09-01',
      amountFen: 300_000,
      status: 'paid',
      projectId: ids.listing,
    },
    // The three installments due by 7 February 2018 (37,500 each); the written-off loan has none.
    {
      kind: 'loan_discount',
      householdId: HH,
      year: 2017,
      on: '2017-12-01',
      amountFen: 3 * 37_500,
      status: 'paid',
      projectId: null,
    },
    {
      kind: 'payment',
      householdId: HH,
      year: 2018,
      on: null,
      amountFen: 100_000,
      status: 'recorded',
      projectId: ids.paying,
    },
  ]);
  expect(rows.every((r) => r.source === 'funds' && r.areaCode === VILLAGE_A1)).toBe(true);
  expect(rows.find((r) => r.ref?.id === ids.refused)).toBeUndefined();
  expect(rows[0]).toMatchObject({
    id: ids.party,
    memberId: 'm-head',
    label: { 'zh-CN': '党员脱贫工程贷款 DY-LG-1（临武农村商业银行）' },
    ref: { resource: 'loans', id: ids.party },
  });
  expect(rows[3]?.label['zh-CN']).toBe('扶贫小额信贷贴息 2017年 XD-LG-1');
  expect(rows[2]).toMatchObject({
    label: { 'zh-CN': '到户资金 LG-LIST 到户产业扶持（产业到户补助）' },
    ref: { resource: 'disbursements', id: ids.paid },
  });
});

test("a township's rows of a year hold every household's lines, paged with Content-Range", async () => {
  const res = await ledgerOf(t.tokens.townshipAReader, `areaCode=${TOWNSHIP_A}&year=2017`);
  expect(res.status).toBe(200);
  const rows = (res.body as unknown[]).map((r) => benefitRowSchema.parse(r));
  expect(rows.map((r) => [r.householdId, r.kind, r.amountFen])).toEqual([
    [HH, 'loan', 1_000_000],
    [HH, 'loan', 5_000_000],
    [HH, 'payment', 300_000],
    [HH, 'loan_discount', 112_500],
    ['hh-other', 'payment', 200_000],
  ]);
  const sum = rows.filter((r) => r.kind === 'payment').reduce((s, r) => s + r.amountFen, 0);
  expect(sum).toBe(500_000);

  const second = await ledgerOf(t.tokens.office, `areaCode=${VILLAGE_A1}&year=2017`, '[2,3]');
  expect(second.headers['content-range']).toBe('benefits 2-3/5');
  expect((second.body as { kind: string }[]).map((r) => r.kind)).toEqual([
    'payment',
    'loan_discount',
  ]);

  const next = await ledgerOf(t.tokens.office, `areaCode=${VILLAGE_A1}&year=2018`);
  expect(next.body).toHaveLength(1);
});

test('another township gets none of them, a user without the read right is refused', async () => {
  for (const query of [`householdId=${HH}`, `areaCode=${TOWNSHIP_A}`, `areaCode=${VILLAGE_A1}`]) {
    const res = await ledgerOf(t.tokens.townshipB, query);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
    expect(res.headers['content-range']).toBe('benefits 0-0/0');
  }
  const noRight = await t.issuer.sign({
    sub: 'u-no-funds',
    area: VILLAGE_A1,
    rights: { registry: ['read'] },
  });
  const refused = await ledgerOf(noRight, `householdId=${HH}`);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('FORBIDDEN_RIGHT');

  // Without a household or an area, the caller's whole scope: township B's, none of them.
  const own = await ledgerOf(t.tokens.townshipB, 'year=2017');
  expect(own.body).toEqual([]);
  const county = await ledgerOf(t.tokens.office, 'year=2017');
  expect(county.headers['content-range']).toBe('benefits 0-4/5');
  const both = await ledgerOf(t.tokens.office, `householdId=${HH}&areaCode=${VILLAGE_A1}`);
  expect(both.status).toBe(400);
});
