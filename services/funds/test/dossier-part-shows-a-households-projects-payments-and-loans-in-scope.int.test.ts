import { dossierPartSchema } from '@fupin/contracts';
import { maskIdNumber } from '@fupin/reference';
import { as, startFunds, type TestFunds, testClock, VILLAGE_A1 } from './fixtures/funds';
import { type HouseholdFundsIds, householdWithFunds, ID_HEAD } from './fixtures/household-funds';

const clock = testClock('2017-03-01T02:00:00Z');
let t: TestFunds;
const HH = 'hh-dossier';
let ids: HouseholdFundsIds;

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
  ids = await householdWithFunds(t, clock, HH, 'DS');
}, 120_000);
afterAll(async () => {
  await t.close();
});

const dossierOf = (token: string, id = HH) =>
  t.api().get(`/dossier/households/${id}`).set(as(token));

type Items = { items: Record<string, unknown>[]; total: number; omitted: number };

test('the township of the household reads the projects, payments and loans that concern it', async () => {
  const res = await dossierOf(t.tokens.townshipAReader);
  expect(res.status).toBe(200);
  const part = dossierPartSchema.parse(res.body);
  expect(part).toMatchObject({ part: 'funds', householdId: HH });
  const s = part.sections as {
    projects: Items;
    payments: Items;
    loans: Items;
    totals: Record<string, unknown>;
  };

  // The project listing it as a beneficiary, and the one that paid it without listing it.
  expect(s.projects).toMatchObject({ total: 2, omitted: 0 });
  expect(s.projects.items).toEqual([
    expect.objectContaining({
      id: ids.listing,
      code: 'DS-LIST',
      type: 'industry',
      status: 'in_progress',
      plannedTotalFen: 2_000_000,
      allocatedFen: 1_000_000,
      linkedBy: ['beneficiary', 'payment'],
      paidToHouseholdFen: 300_000,
    }),
    expect.objectContaining({
      id: ids.paying,
      status: 'approved',
      linkedBy: ['payment'],
      paidToHouseholdFen: 0,
    }),
  ]);

  // Newest first, the household's own lines only, the ID number masked.
  expect(s.payments).toMatchObject({ total: 3, omitted: 0 });
  expect(s.payments.items).toEqual([
    expect.objectContaining({
      id: ids.pending,
      status: 'submitted',
      date: '2018-01-10',
      paidOn: null,
      amountFen: 100_000,
      source: 'central',
    }),
    expect.objectContaining({
      id: ids.refused,
      status: 'rejected',
      rejectionReason: '名单有误',
      amountFen: 50_000,
    }),
    expect.objectContaining({
      id: ids.paid,
      status: 'approved',
      date: '2017-09-01',
      submittedOn: '2017-08-20',
      amountFen: 300_000,
      paymentAmountFen: 500_000,
      purpose: '产业到户补助',
      vouchers: 1,
      payees: [{ name: '陈七', idNumber: maskIdNumber(ID_HEAD) }],
    }),
  ]);
  expect(res.text).not.toContain(ID_HEAD);
  expect(res.text).not.toContain('李四');
  expect(res.text).not.toContain('13912345678');

  const loans = Object.fromEntries(s.loans.items.map((l) => [l.contractNo, l]));
  expect(s.loans).toMatchObject({ total: 2, omitted: 0 });
  expect(loans['XD-DS-1']).toMatchObject({
    kind: 'micro_credit',
    status: 'active',
    principalFen: 5_000_000,
    discountFen: 4 * 37_500,
    paidFen: 16_875,
    overdue: { overdueFen: 2 * 16_875, since: '2017-09-01' },
    repayments: [{ on: '2017-06-01', amountFen: 16_875 }],
    guarantor: { name: '村支部书记刘某', phone: '139****5678' },
    endOn: '2018-03-01',
  });
  expect(loans['DY-DS-1']).toMatchObject({
    kind: 'party_member',
    status: 'written_off',
    owedFen: 0,
    // What was owed when written off: the principal and the year's interest.
    writeOff: { on: '2017-08-01', disaster: '洪灾', amountFen: 1_000_000 + 43_500 },
  });

  expect(s.totals).toMatchObject({
    byYear: [
      {
        year: 2017,
        paidFen: 300_000,
        pendingFen: 0,
        loanPrincipalFen: 6_000_000,
        // The three installments due by 7 February 2018; the written-off loan has none.
        discountFen: 3 * 37_500,
        repaidFen: 16_875,
      },
      { year: 2018, paidFen: 0, pendingFen: 100_000, loanPrincipalFen: 0, discountFen: 0 },
    ],
    paidFen: 300_000,
    pendingFen: 100_000,
    overdueFen: 2 * 16_875,
  });
});

test('the timeline tells payments, loan events and project steps, newest first', async () => {
  const part = dossierPartSchema.parse((await dossierOf(t.tokens.townshipA)).body);
  const at = part.timeline.map((e) => Date.parse(e.at));
  expect(at).toEqual([...at].sort((a, b) => b - a));
  expect(new Set(part.timeline.map((e) => e.kind))).toEqual(
    new Set([
      'payment_submitted',
      'payment_paid',
      'payment_rejected',
      'loan_granted',
      'loan_repayment',
      'loan_overdue',
      'loan_written_off',
      'project_step',
    ]),
  );
  expect(part.timeline[0]).toMatchObject({
    kind: 'payment_submitted',
    ref: { resource: 'disbursements', id: ids.pending },
  });
  expect(part.timeline.find((e) => e.kind === 'payment_paid')).toMatchObject({
    at: '2017-09-01T00:00:00+08:00',
    label: { 'zh-CN': expect.stringContaining('3,000.00 元'), en: expect.stringContaining('yuan') },
  });
  expect(part.timeline.at(-1)).toMatchObject({
    kind: 'loan_granted',
    at: '2017-01-10T00:00:00+08:00',
    ref: { resource: 'loans', id: ids.party },
  });
  // Each of the listing project's steps: proposed, approved, started.
  expect(
    part.timeline
      .filter((e) => e.kind === 'project_step' && e.ref?.id === ids.listing)
      .map((e) => e.at),
  ).toEqual([
    '2017-06-01T00:00:00+08:00',
    '2017-04-01T00:00:00+08:00',
    '2017-03-01T00:00:00+08:00',
  ]);
});

test('the county reads the same part', async () => {
  const [township, county] = await Promise.all([
    dossierOf(t.tokens.townshipA),
    dossierOf(t.tokens.office),
  ]);
  expect(county.status).toBe(200);
  expect(county.body.sections).toEqual(township.body.sections);
  expect(county.body.timeline).toEqual(township.body.timeline);
});

test('another township, an unknown household and a user without the read right are refused', async () => {
  const other = await dossierOf(t.tokens.townshipB);
  expect(other.status).toBe(404);
  expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(other.body.code).toBe('FUNDS_HOUSEHOLD_NOT_FOUND');
  expect(other.text).not.toContain('DS-LIST');

  const unknown = await dossierOf(t.tokens.office, 'hh-nobody');
  expect(unknown.status).toBe(404);

  const noRight = await t.issuer.sign({
    sub: 'u-no-funds',
    area: VILLAGE_A1,
    rights: { registry: ['read'] },
  });
  const refused = await dossierOf(noRight);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('FORBIDDEN_RIGHT');
});
