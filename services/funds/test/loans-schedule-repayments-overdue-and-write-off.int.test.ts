import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  type TestFunds,
  testClock,
  VILLAGE_A1,
} from './fixtures/funds';
import { ok } from './fixtures/money';

interface Loan {
  id: string;
  status: string;
  owedFen: number;
  paidFen: number;
  firstUnpaidDueOn: string | null;
  borrower: { name: string };
  guarantor: { name: string; phone: string };
  schedule: {
    no: number;
    dueOn: string;
    principalFen: number;
    interestFen: number;
    discountFen: number;
    dueFen: number;
    paidFen: number;
  }[];
  overdue: { overdueFen: number; since: string | null; daysOverdue: number };
  writeOff: { reason: string; disaster: string; amountFen: number } | null;
}

const clock = testClock('2018-02-07T02:00:00Z');
let t: TestFunds;

const loanInput = (contractNo: string, extra: Record<string, unknown> = {}) => ({
  contractNo,
  kind: 'party_member',
  householdId: 'hh-loan',
  borrowerMemberId: 'm-loan',
  lender: '临武农村商业银行',
  purpose: '生猪养殖',
  principalFen: 3_000_000,
  termMonths: 12,
  intervalMonths: 3,
  annualRateBp: 435,
  discountBp: 0,
  repayment: 'equal_principal',
  startOn: '2017-05-01',
  guarantor: { name: '村支部书记刘某', phone: '13912345678', role: '还款责任人' },
  ...extra,
});

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
  await registerHousehold(t, {
    id: 'hh-loan',
    areaCode: VILLAGE_A1,
    members: [{ id: 'm-loan', name: '陈七', idNumber: idNumber(31) }],
  });
});
afterAll(async () => {
  await t.close();
});

test('a loan to a registered household gets its repayment schedule', async () => {
  const loan = ok<Loan>(
    await t.api().post('/loans').set(as(t.tokens.office)).send(loanInput('DY-001')),
    201,
  );
  expect(loan.borrower.name).toBe('陈七');
  expect(loan.guarantor.phone).toBe('139****5678');
  expect(loan.schedule.map((i) => [i.dueOn, i.principalFen, i.interestFen])).toEqual([
    ['2017-08-01', 750_000, 32_625],
    ['2017-11-01', 750_000, 24_469],
    ['2018-02-01', 750_000, 16_313],
    ['2018-05-01', 750_000, 8_156],
  ]);
  expect(loan.owedFen).toBe(3_000_000 + 32_625 + 24_469 + 16_313 + 8_156);
});

test('repayments pay the oldest installments first; what is due and unpaid is overdue', async () => {
  const loan = ok<Loan>(
    await t.api().post('/loans').set(as(t.tokens.office)).send(loanInput('DY-002')),
    201,
  );
  const paid = ok<Loan>(
    await t
      .api()
      .post(`/loans/${loan.id}/repayments`)
      .set(as(t.tokens.townshipA))
      .send({ on: '2017-08-01', amountFen: 782_625 }),
    201,
  );
  expect(paid.schedule[0]!.paidFen).toBe(782_625);
  expect(paid.firstUnpaidDueOn).toBe('2017-11-01');
  // On 2018-02-07 the installments of 2017-11-01 and 2018-02-01 are due and unpaid.
  expect(paid.overdue).toEqual({
    overdueFen: 774_469 + 766_313,
    since: '2017-11-01',
    daysOverdue: 98,
  });

  const overdue = ok<{ id: string }[]>(
    await t.api().get('/loans/overdue').set(as(t.tokens.office)),
    200,
  );
  expect(overdue.map((l) => l.id)).toEqual(expect.arrayContaining([loan.id]));

  const tooMuch = await t
    .api()
    .post(`/loans/${loan.id}/repayments`)
    .set(as(t.tokens.townshipA))
    .send({ on: '2018-02-01', amountFen: 99_999_999 });
  expect(tooMuch.status).toBe(422);
  expect(tooMuch.body.code).toBe('FUNDS_LOAN_OVERPAID');
});

test('a loan paid in full leaves the overdue list', async () => {
  const loan = ok<Loan>(
    await t
      .api()
      .post('/loans')
      .set(as(t.tokens.office))
      .send(loanInput('DY-003', { discountBp: 435 })),
    201,
  );
  // Fully discounted (贴息): the household owes the principal only.
  expect(loan.owedFen).toBe(3_000_000);
  const repaid = ok<Loan>(
    await t
      .api()
      .post(`/loans/${loan.id}/repayments`)
      .set(as(t.tokens.office))
      .send({ on: '2018-02-01', amountFen: 3_000_000 }),
    201,
  );
  expect(repaid).toMatchObject({ status: 'repaid', owedFen: 0, firstUnpaidDueOn: null });
  const overdue = ok<{ id: string }[]>(
    await t.api().get('/loans/overdue').set(as(t.tokens.office)),
    200,
  );
  expect(overdue.map((l) => l.id)).not.toContain(loan.id);
});

test('a loan is written off after a disaster with the reason, and then takes no repayment', async () => {
  const loan = ok<Loan>(
    await t.api().post('/loans').set(as(t.tokens.office)).send(loanInput('DY-004')),
    201,
  );
  const noRight = await t
    .api()
    .post(`/loans/${loan.id}/write-off`)
    .set(as(t.tokens.townshipA))
    .send({ on: '2018-02-01', reason: '洪灾', disaster: '洪涝' });
  expect(noRight.status).toBe(403);
  const off = ok<Loan>(
    await t.api().post(`/loans/${loan.id}/write-off`).set(as(t.tokens.approver)).send({
      on: '2018-02-01',
      reason: '2017年7月特大洪灾，养殖场被冲毁，无力偿还',
      disaster: '洪涝灾害',
      documentNo: '临扶发〔2018〕3号',
    }),
    200,
  );
  expect(off).toMatchObject({
    status: 'written_off',
    writeOff: { disaster: '洪涝灾害', amountFen: loan.owedFen },
    overdue: { overdueFen: 0 },
  });
  const after = await t
    .api()
    .post(`/loans/${loan.id}/repayments`)
    .set(as(t.tokens.office))
    .send({ on: '2018-02-01', amountFen: 100 });
  expect(after.status).toBe(409);
});

test('loans need a registered household and an active member as borrower; the phone shows in clear only when audited', async () => {
  const unknown = await t
    .api()
    .post('/loans')
    .set(as(t.tokens.office))
    .send(loanInput('DY-005', { householdId: 'hh-nobody' }));
  expect(unknown.status).toBe(422);
  expect(unknown.body.code).toBe('FUNDS_LOAN_HOUSEHOLD_NOT_REGISTERED');
  const notMember = await t
    .api()
    .post('/loans')
    .set(as(t.tokens.office))
    .send(loanInput('DY-006', { borrowerMemberId: 'm-other' }));
  expect(notMember.status).toBe(422);

  const loan = (await t.funds.models.loans.findOne({ contractNo: 'DY-001' }).lean())!;
  const noRight = await t
    .api()
    .get(`/loans/${loan._id}`)
    .query({ unmask: 'true', reason: '核实还款责任人' })
    .set(as(t.tokens.countyNoUnmask));
  expect(noRight.status).toBe(403);
  const clear = ok<Loan>(
    await t
      .api()
      .get(`/loans/${loan._id}`)
      .query({ unmask: 'true', reason: '核实还款责任人' })
      .set(as(t.tokens.office)),
    200,
  );
  expect(clear.guarantor.phone).toBe('13912345678');
  const audit = await t.funds.ctx.audit.model.find({ action: 'unmask' }).lean();
  expect(audit).toEqual([
    expect.objectContaining({
      subjectType: 'loan',
      subjectIds: [String(loan._id)],
      reason: '核实还款责任人',
    }),
  ]);
});
