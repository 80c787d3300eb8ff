import type { BenefitRow } from '@fupin/contracts';
import { bearer, COUNTY, type SignedIn, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 } from '@fupin/testing';
import ExcelJS from 'exceljs';
import { type CountyPlatform, startCounty } from './support/county';
import {
  HEAD,
  HOUSEHOLD,
  type HouseholdRecords,
  householdWithEveryRecord,
} from './support/household-records';
import { countsInTotals } from '../src/ledger/ledger.assembly';

// 受益底册 on the whole county platform: the dossier's household (a loan from funds, a hospital
// stay with support, a helper from assistance) is given a measure of 3,000 元 naming a funds
// project that never paid it. Its township reads the ledger whole — every source, totals that
// add up — sees the measure among the village's mismatches, and exports it (audited); another
// township gets 404 and finds nothing of it.

const PROJECT = 'XM-GW-LEDGER-1';

let t: CountyPlatform;
let office: SignedIn;
let townA: SignedIn;
let townB: SignedIn;
let r: HouseholdRecords;
let measureId: string;

beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  townB = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_B });
  r = await householdWithEveryRecord(t, { office, townA });
  const measure = await t
    .api()
    .post('/api/assistance/measures')
    .set(bearer(townA.accessToken))
    .send({
      householdId: r.householdId,
      category: 'production',
      type: '生猪养殖补助',
      amountFen: 300_000,
      startDate: '2020-05-01',
      projectId: PROJECT,
    });
  if (measure.status !== 201) throw new Error(`measure: ${measure.status} ${measure.text}`);
  measureId = (measure.body as { id: string }).id;
}, 600_000);
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines([HEAD.idNumber]);
  await t.close();
  expect(leaked).toEqual([]);
});

interface Row {
  id: string;
  source: BenefitRow['source'];
  kind: string;
  amountFen: number;
  status: string;
  year: number;
  projectId: string | null;
}
interface Totals {
  count: number;
  totalFen: number;
  paidFen: number;
}
interface Ledger extends Totals {
  householdId: string;
  householdNo: string;
  years: (Totals & { year: number; sources: (Totals & { source: string; rows: Row[] })[] })[];
  sources: { source: string; status: string }[];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test('its township reads every source of the ledger, by year and source, with totals that add up', async () => {
  const res = await t
    .api()
    .get(`/households/${r.householdId}/ledger`)
    .set(bearer(townA.accessToken));
  expect(res.status).toBe(200);
  const l = res.body as Ledger;
  expect(l).toMatchObject({ householdId: r.householdId, householdNo: HOUSEHOLD.householdNo });
  expect(l.sources.map((s) => [s.source, s.status])).toEqual([
    ['assistance', 'ok'],
    ['funds', 'ok'],
    ['support', 'ok'],
  ]);
  const rows = l.years.flatMap((y) => y.sources.flatMap((s) => s.rows));
  expect(rows).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        id: measureId,
        source: 'assistance',
        kind: 'measure',
        amountFen: 300_000,
        status: 'recorded',
        year: 2020,
        projectId: PROJECT,
      }),
      expect.objectContaining({
        source: 'funds',
        kind: 'loan',
        amountFen: 5_000_000,
        status: 'granted',
        year: 2020,
      }),
      expect.objectContaining({ source: 'support', kind: 'medical_top_up' }),
    ]),
  );
  // Each source's total is its rows', each year's its sources', the ledger's its years'.
  for (const y of l.years) {
    for (const s of y.sources) {
      // A measure naming a funds project is listed, its money counted from the payment.
      const counted = s.rows.filter(countsInTotals);
      expect(s.totalFen).toBe(sum(counted.map((x) => x.amountFen)));
      expect(s.paidFen).toBe(
        sum(counted.filter((x) => x.status === 'paid').map((x) => x.amountFen)),
      );
      expect(s.count).toBe(s.rows.length);
    }
    expect(y.totalFen).toBe(sum(y.sources.map((s) => s.totalFen)));
  }
  expect(l.totalFen).toBe(sum(l.years.map((y) => y.totalFen)));
  expect(l.paidFen).toBe(sum(l.years.map((y) => y.paidFen)));
  expect(l.count).toBe(rows.length);
  // The county reads the same ledger.
  const county = await t
    .api()
    .get(`/households/${r.householdId}/ledger`)
    .set(bearer(office.accessToken));
  expect(county.body).toMatchObject({ count: l.count, totalFen: l.totalFen, paidFen: l.paidFen });
});

test('another township gets 404 for the household and finds none of its village in the mismatches', async () => {
  const res = await t
    .api()
    .get(`/households/${r.householdId}/ledger`)
    .set(bearer(townB.accessToken));
  expect(res.status).toBe(404);
  const xlsx = await t
    .api()
    .get(`/exports/benefit-ledger.xlsx?householdId=${r.householdId}`)
    .set(bearer(townB.accessToken));
  expect(xlsx.status).toBe(404);
  const m = await t
    .api()
    .get(`/ledger/mismatches?areaCode=${VILLAGE_A1}&year=2020`)
    .set(bearer(townB.accessToken));
  expect(m.status).toBe(200);
  expect(m.body.mismatches).toEqual([]);
});

test("the measure no funds payment met is among the village's mismatches of its year", async () => {
  const res = await t
    .api()
    .get(`/ledger/mismatches?areaCode=${VILLAGE_A1}&year=2020`)
    .set(bearer(townA.accessToken));
  expect(res.status).toBe(200);
  expect(res.body.checked).toBe(true);
  expect(res.body.mismatches).toEqual([
    expect.objectContaining({
      kind: 'measure_unpaid',
      householdId: r.householdId,
      projectId: PROJECT,
      measuredFen: 300_000,
      paidFen: 0,
      message: expect.objectContaining({ 'zh-CN': '措施已记录但资金未支付' }),
      rowIds: [measureId],
    }),
  ]);
});

test("the household's ledger as a workbook: a row for each benefit with its 户号, audited as an export", async () => {
  const ledger = (
    await t.api().get(`/households/${r.householdId}/ledger`).set(bearer(townA.accessToken))
  ).body as Ledger;
  const res = await t
    .api()
    .get(`/exports/benefit-ledger.xlsx?householdId=${r.householdId}`)
    .set(bearer(townA.accessToken))
    .buffer(true)
    .parse((s, cb) => {
      const parts: Buffer[] = [];
      s.on('data', (c: Buffer) => parts.push(c));
      s.on('end', () => cb(null, Buffer.concat(parts)));
    });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['受益明细', '汇总', '不一致']);
  const rows = wb.getWorksheet('受益明细')!;
  expect(rows.rowCount).toBe(1 + ledger.count);
  expect(rows.getRow(2).getCell(1).value).toBe(HOUSEHOLD.householdNo);
  expect(wb.getWorksheet('不一致')!.getRow(2).getCell(4).value).toBe('措施已记录但资金未支付');
  const audit = await t.gatewayRt.conn
    .collection('audit_log')
    .find({ action: 'export', actorId: townA.userId })
    .toArray();
  expect(audit).toMatchObject([{ subjectType: 'household', subjectIds: [r.householdId] }]);
});
