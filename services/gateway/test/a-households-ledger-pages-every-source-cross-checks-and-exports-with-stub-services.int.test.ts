import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenefitRow } from '@fupin/contracts';
import { bearer, type SignedIn, TOWNSHIP_A, VILLAGE_A1 } from '@fupin/testing';
import ExcelJS from 'exceljs';
import { benefit } from './support/benefit-rows';
import { type CountyPlatform, startCounty } from './support/county';

// 受益底册 through the gateway, with small HTTP servers standing in for the registry and the
// services that serve `GET /ledger/benefits` (the contract of @fupin/contracts ledger.ts).

const HOUSEHOLD = { id: 'h-1', householdNo: '431121101201001', areaCode: VILLAGE_A1 };
const at = { areaCode: VILLAGE_A1 };
/** More than one page (500) of assistance rows: the gateway must page through them. */
const FILLER = Array.from({ length: 520 }, (_, i) =>
  benefit({
    id: `m-f${String(i).padStart(3, '0')}`,
    source: 'assistance',
    year: 2025,
    amountFen: 100,
    on: '2025-04-01',
    ...at,
  }),
);
const ROWS: Record<'assistance' | 'funds', BenefitRow[]> = {
  assistance: [
    ...FILLER,
    benefit({
      id: 'm-1',
      source: 'assistance',
      amountFen: 100_000,
      projectId: 'p-1',
      status: 'recorded',
      on: null,
      ...at,
    }),
  ],
  funds: [
    benefit({ id: 'f-1', source: 'funds', amountFen: 60_000, projectId: 'p-1', ...at }),
    benefit({
      id: 'f-2',
      source: 'funds',
      amountFen: 30_000,
      projectId: 'p-2',
      on: '2026-06-01',
      ...at,
    }),
  ],
};

interface Seen {
  service: string;
  url: URL;
  authorization: string | undefined;
}
const seen: Seen[] = [];
const servers: Server[] = [];

function page(res: import('node:http').ServerResponse, url: URL, resource: string, all: unknown[]) {
  const [a, b] = JSON.parse(url.searchParams.get('range') ?? '[0,24]') as [number, number];
  const items = all.slice(a, b + 1);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-range': `${resource} ${a}-${items.length ? a + items.length - 1 : a}/${all.length}`,
  });
  res.end(JSON.stringify(items));
}

function stub(service: string): Promise<string> {
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    seen.push({ service, url, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (service === 'registry') {
      if (url.pathname === '/households/h-1') return json(200, { ...HOUSEHOLD, members: [] });
      if (url.pathname === '/households') return page(res, url, 'households', [HOUSEHOLD]);
      // A household of another township: the registry refuses it.
      if (url.pathname === '/households/h-3') return json(403, { code: 'FORBIDDEN_AREA' });
      return json(404, { code: 'NOT_FOUND' });
    }
    if (url.pathname !== '/ledger/benefits') return json(404, { code: 'NOT_FOUND' });
    if (service === 'support') return json(503, { code: 'UNAVAILABLE' });
    const year = url.searchParams.get('year');
    const rows = ROWS[service as 'assistance' | 'funds'].filter(
      (r) => year === null || r.year === Number(year),
    );
    return page(res, url, 'benefits', rows);
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`${service}=http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

let t: CountyPlatform;
let townA: SignedIn;
let cadre: SignedIn;
let auditor: SignedIn;
beforeAll(async () => {
  const services = await Promise.all(['registry', 'assistance', 'funds', 'support'].map(stub));
  t = await startCounty({ gatewayEnv: { GATEWAY_SERVICES: services.join(',') } });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  cadre = await t.signedInUser({ roles: ['assistance_cadre'], areaCode: TOWNSHIP_A });
  auditor = await t.signedInUser({ roles: ['auditor'], areaCode: '431121000000' });
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
  if (t) await t.close();
});

const asked = (service: string) => seen.filter((s) => s.service === service);

test("a household's ledger: every page of every source, by year and source with totals, a source that did not answer left out", async () => {
  seen.length = 0;
  const res = await t.api().get('/households/h-1/ledger').set(bearer(townA.accessToken));
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    householdId: 'h-1',
    householdNo: HOUSEHOLD.householdNo,
    count: 523,
    // The measure of ¥1,000 names project p-1: listed, its money counted from the payments.
    totalFen: 52_000 + 90_000,
    paidFen: 52_000 + 90_000,
  });
  const years = res.body.years as {
    year: number;
    totalFen: number;
    sources: { source: string; count: number; totalFen: number }[];
  }[];
  expect(years.map((y) => [y.year, y.totalFen])).toEqual([
    [2025, 52_000],
    [2026, 90_000],
  ]);
  expect(years[1]!.sources.map((s) => [s.source, s.count, s.totalFen])).toEqual([
    ['assistance', 1, 0],
    ['funds', 2, 90_000],
  ]);
  expect(res.body.sources).toEqual([
    { source: 'assistance', status: 'ok', count: 521 },
    { source: 'funds', status: 'ok', count: 2 },
    {
      source: 'support',
      status: 'unavailable',
      message: {
        'zh-CN': expect.stringContaining('暂时无法应答'),
        en: expect.stringContaining('did not answer'),
      },
    },
  ]);
  // The registry first, then each source with the caller's own token, page by page.
  expect(seen[0]!.service).toBe('registry');
  expect(seen.every((s) => s.authorization === `Bearer ${townA.accessToken}`)).toBe(true);
  expect(asked('assistance').map((s) => s.url.searchParams.get('range'))).toEqual([
    '[0,499]',
    '[500,999]',
  ]);
  expect(asked('funds')[0]!.url.searchParams.get('householdId')).toBe('h-1');
});

test('a household the registry does not show the caller is a 404, and no source is asked', async () => {
  seen.length = 0;
  for (const id of ['h-2', 'h-3']) {
    const res = await t.api().get(`/households/${id}/ledger`).set(bearer(townA.accessToken));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  }
  expect(seen.map((s) => s.service)).toEqual(['registry', 'registry']);
});

test('a source the caller has no right to is left out, says why and is not asked', async () => {
  seen.length = 0;
  const res = await t.api().get('/households/h-1/ledger?year=2026').set(bearer(cadre.accessToken));
  expect(res.status).toBe(200);
  expect(
    res.body.sources.map((s: { source: string; status: string }) => [s.source, s.status]),
  ).toEqual([
    ['assistance', 'ok'],
    ['funds', 'no_right'],
    ['support', 'no_right'],
  ]);
  expect(res.body.sources[1].message['zh-CN']).toContain('无权查看');
  expect(asked('funds')).toEqual([]);
  expect(asked('assistance')[0]!.url.searchParams.get('year')).toBe('2026');
  // The one measure names a funds project: listed, its money left to the funds' payments.
  expect(res.body).toMatchObject({ count: 1, totalFen: 0 });
});

test("the mismatches of a village's year: a measure short of its payments, a payment without a measure", async () => {
  const res = await t
    .api()
    .get(`/ledger/mismatches?areaCode=${VILLAGE_A1}&year=2026`)
    .set(bearer(townA.accessToken));
  expect(res.status).toBe(200);
  expect(res.body.checked).toBe(true);
  expect(
    res.body.mismatches.map(
      (m: { kind: string; projectId: string; measuredFen: number; paidFen: number }) => [
        m.kind,
        m.projectId,
        m.measuredFen,
        m.paidFen,
      ],
    ),
  ).toEqual([
    ['measure_unpaid', 'p-1', 100_000, 60_000],
    ['paid_without_measure', 'p-2', 0, 30_000],
  ]);
  const unchecked = await t
    .api()
    .get(`/ledger/mismatches?areaCode=${VILLAGE_A1}&year=2026`)
    .set(bearer(cadre.accessToken));
  expect(unchecked.body).toMatchObject({ checked: false, mismatches: [] });
  for (const q of ['areaCode=431121000000&year=2026', `areaCode=${VILLAGE_A1}`, 'year=2026']) {
    const bad = await t.api().get(`/ledger/mismatches?${q}`).set(bearer(townA.accessToken));
    expect(bad.status).toBe(400);
  }
});

const download = (r: import('supertest').Test) =>
  r.buffer(true).parse((res, cb) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c));
    res.on('end', () => cb(null, Buffer.concat(parts)));
  });

test("a village's ledger as a workbook: rows with 户号, totals, 不一致 and why support is left out; audited", async () => {
  const res = await download(
    t
      .api()
      .get(`/exports/benefit-ledger.xlsx?areaCode=${VILLAGE_A1}&year=2026`)
      .set(bearer(townA.accessToken)),
  );
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toContain('.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['受益明细', '汇总', '不一致', '说明']);
  const values = (name: string) =>
    wb
      .getWorksheet(name)!
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
  expect(values('受益明细')[0]).toEqual([
    '户号',
    '年度',
    '来源',
    '类别',
    '内容',
    '金额（元）',
    '日期',
    '状态',
    '项目',
  ]);
  expect(values('受益明细').slice(1)).toEqual([
    [
      HOUSEHOLD.householdNo,
      2026,
      '帮扶',
      '帮扶措施',
      '受益m-1',
      1000,
      undefined,
      '已记录未支付',
      'p-1',
    ],
    [
      HOUSEHOLD.householdNo,
      2026,
      '项目资金',
      '资金拨付',
      '受益f-1',
      600,
      '2026-03-01',
      '已支付',
      'p-1',
    ],
    [
      HOUSEHOLD.householdNo,
      2026,
      '项目资金',
      '资金拨付',
      '受益f-2',
      300,
      '2026-06-01',
      '已支付',
      'p-2',
    ],
  ]);
  expect(values('汇总').slice(1)).toEqual([
    [HOUSEHOLD.householdNo, 2026, '帮扶', 1, 0, 0],
    [HOUSEHOLD.householdNo, 2026, '项目资金', 2, 900, 900],
  ]);
  expect(
    values('不一致')
      .slice(1)
      .map((r) => r[3]),
  ).toEqual(['措施已记录但资金未支付', '资金已支付但无对应帮扶措施']);
  expect(values('说明').slice(1)[0]![0]).toContain('教育医疗');
  const audit = await t.gatewayRt.conn
    .collection('audit_log')
    .find({ action: 'export', actorId: townA.userId })
    .toArray();
  expect(audit).toMatchObject([
    { subjectType: 'household', subjectIds: ['h-1'], service: 'gateway' },
  ]);
});

test('the export takes registry.export, one household the registry shows, or an area with a year', async () => {
  const asAuditor = await t
    .api()
    .get(`/exports/benefit-ledger.xlsx?areaCode=${VILLAGE_A1}&year=2026`)
    .set(bearer(auditor.accessToken));
  expect(asAuditor.status).toBe(403);
  const unknown = await t
    .api()
    .get('/exports/benefit-ledger.xlsx?householdId=h-2')
    .set(bearer(townA.accessToken));
  expect(unknown.status).toBe(404);
  for (const q of [
    `areaCode=${VILLAGE_A1}`,
    `householdId=h-1&areaCode=${VILLAGE_A1}&year=2026`,
    '',
  ]) {
    const bad = await t
      .api()
      .get(`/exports/benefit-ledger.xlsx?${q}`)
      .set(bearer(townA.accessToken));
    expect(bad.status).toBe(400);
  }
  const one = await download(
    t.api().get('/exports/benefit-ledger.xlsx?householdId=h-1').set(bearer(townA.accessToken)),
  );
  expect(one.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(one.body as ArrayBuffer);
  expect(wb.getWorksheet('受益明细')!.rowCount).toBe(1 + 523);
});
