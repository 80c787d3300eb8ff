import { benefitRowSchema } from '@fupin/contracts';
import {
  as,
  startFunds,
  TOWNSHIP_A,
  type TestFunds,
  testClock,
  VILLAGE_A1,
} from './fixtures/funds';
import { type HouseholdFundsIds, householdWithFunds } from './fixtures/household-funds';

// 受益底册: the funds rows of a household built as its dossier test builds it — a payment paid, one
// refused, one awaiting approval, a micro-credit loan with 贴息 and a party-member loan written off.

const clock = testClock('2017-03-01T02:00:00Z');
let t: TestFunds;
const HH = 'hh-ledger';
let ids: HouseholdFundsIds;

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
  ids = await householdWithFunds(t, clock, HH, 'LG');
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
