import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenefitRow } from '@fupin/contracts';
import { addDays, shanghaiDateOf } from '@fupin/reference';
import { bearer, type SignedIn, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 } from '@fupin/testing';
import { benefit } from './support/benefit-rows';
import { type CountyPlatform, startCounty } from './support/county';

// 截留预警 through the gateway: small HTTP servers stand in for the registry, the services'
// ledger rows (`GET /ledger/benefits`) and the assistance service's confirmations
// (`GET /ledger/receipts`).

const today = shanghaiDateOf(new Date());
const ago = (days: number) => addDays(today, -days);
const at = { areaCode: VILLAGE_A1 };
const HOUSEHOLD = { id: 'h-1', householdNo: '431121101201001', areaCode: VILLAGE_A1 };

const ROWS: Record<'assistance' | 'funds', BenefitRow[]> = {
  assistance: [
    benefit({ id: 'm-1', source: 'assistance', on: ago(60), amountFen: 50_000, ...at }),
    // Paid through a funds project: the funds' payment row is the one to confirm.
    benefit({ id: 'm-2', source: 'assistance', on: ago(60), projectId: 'p-1', ...at }),
  ],
  funds: [
    benefit({ id: 'f-old', source: 'funds', on: ago(40), amountFen: 30_000, ...at }),
    benefit({ id: 'f-new', source: 'funds', on: ago(5), ...at }),
    benefit({ id: 'f-conf', source: 'funds', on: ago(60), ...at }),
    benefit({ id: 'f-nr', source: 'funds', on: ago(50), amountFen: 20_000, ...at }),
    benefit({ id: 'f-rec', source: 'funds', on: null, status: 'recorded', ...at }),
  ],
};

const receipt = (rowId: string, source: string, result: string, recordedAt: string) => ({
  id: `r-${rowId}-${result}`,
  source,
  rowId,
  result,
  amountFen: result === 'amount_differs' ? 30_000 : 0,
  visitId: 'v-1',
  visitDate: ago(10),
  note: '',
  recordedAt,
});
const RECEIPTS = [
  receipt('f-nr', 'funds', 'not_received', '2026-02-02T00:00:00.000Z'),
  receipt('f-nr', 'funds', 'confirmed', '2026-01-01T00:00:00.000Z'),
  receipt('f-conf', 'funds', 'confirmed', '2026-01-01T00:00:00.000Z'),
  receipt('m-1', 'assistance', 'amount_differs', '2026-01-01T00:00:00.000Z'),
];

const servers: Server[] = [];
let receiptsAnswer = 200;

function page(res: ServerResponse, url: URL, resource: string, all: unknown[]) {
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
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (service === 'registry') {
      if (url.pathname === '/households') return page(res, url, 'households', [HOUSEHOLD]);
      return json(404, { code: 'NOT_FOUND' });
    }
    if (service === 'assistance' && url.pathname === '/ledger/receipts') {
      if (receiptsAnswer !== 200) return json(receiptsAnswer, { code: 'UNAVAILABLE' });
      return page(res, url, 'receipts', RECEIPTS);
    }
    if (url.pathname !== '/ledger/benefits') return json(404, { code: 'NOT_FOUND' });
    if (service === 'support') return json(503, { code: 'UNAVAILABLE' });
    return page(res, url, 'benefits', ROWS[service as 'assistance' | 'funds']);
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
let townB: SignedIn;
beforeAll(async () => {
  const services = await Promise.all(['registry', 'assistance', 'funds', 'support'].map(stub));
  t = await startCounty({ gatewayEnv: { GATEWAY_SERVICES: services.join(',') } });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  townB = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_B });
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
  if (t) await t.close();
});

test('payments not received or of another amount come first, then those unconfirmed past the grace days, counted per township', async () => {
  const res = await t
    .api()
    .get('/ledger/unconfirmed')
    .query({ areaCode: TOWNSHIP_A })
    .set(bearer(townA.accessToken));
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ areaCode: TOWNSHIP_A, graceDays: 30, today, checked: true });
  expect(
    (res.body.rows as { id: string; reason: string; householdNo: string }[]).map((r) => [
      r.id,
      r.reason,
      r.householdNo,
    ]),
  ).toEqual([
    ['f-nr', 'not_received', HOUSEHOLD.householdNo],
    ['m-1', 'amount_differs', HOUSEHOLD.householdNo],
    ['f-old', 'unconfirmed', HOUSEHOLD.householdNo],
  ]);
  expect(res.body.rows[1].receipt).toMatchObject({ result: 'amount_differs', amountFen: 30_000 });
  expect(res.body.townships).toEqual([
    {
      townshipCode: TOWNSHIP_A,
      unconfirmed: 1,
      notReceived: 1,
      amountDiffers: 1,
      amountFen: 100_000,
    },
  ]);
  expect(res.body.sources).toEqual(
    expect.arrayContaining([expect.objectContaining({ source: 'support', status: 'unavailable' })]),
  );
});

test('a longer grace leaves out a payment still within it, and the list comes a page at a time', async () => {
  const res = await t
    .api()
    .get('/ledger/unconfirmed')
    .query({ areaCode: VILLAGE_A1, graceDays: 45, range: '[0,0]' })
    .set(bearer(townA.accessToken));
  expect(res.status).toBe(200);
  expect(res.body.total).toBe(2);
  expect(res.body.rows.map((r: { id: string }) => r.id)).toEqual(['f-nr']);
});

test('another township is refused, and without the confirmations nothing is told', async () => {
  const other = await t
    .api()
    .get('/ledger/unconfirmed')
    .query({ areaCode: TOWNSHIP_A })
    .set(bearer(townB.accessToken));
  expect(other.status).toBe(403);
  receiptsAnswer = 503;
  try {
    const res = await t.api().get('/ledger/unconfirmed').set(bearer(townA.accessToken));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ areaCode: TOWNSHIP_A, checked: false, total: 0, rows: [] });
    expect(res.body.message['zh-CN']).toContain('到户资金确认');
  } finally {
    receiptsAnswer = 200;
  }
});
