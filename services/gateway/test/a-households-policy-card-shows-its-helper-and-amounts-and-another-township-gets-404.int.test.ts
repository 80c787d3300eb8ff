import {
  bearer,
  COUNTY,
  eventually,
  pdfText,
  type SignedIn,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
} from '@fupin/testing';
import type { Test } from 'supertest';
import { type CountyPlatform, startCounty } from './support/county';
import {
  HEAD,
  HELPER,
  HOUSEHOLD,
  type HouseholdRecords,
  householdWithEveryRecord,
} from './support/household-records';

// 明白卡 on the whole county platform: the dossier's household (paired with a helper in 2020,
// granted a micro-credit loan of 50,000 元 in 2020, in hospital once) printed by its township for
// 2020 — one page with its 户号, head, helper with a masked phone, the loan and the complaint
// lines, audited as a print; a year without benefits says so; its village's cards are one page a
// household from the print job; another township gets 404 and learns nothing of it.

let t: CountyPlatform;
let townA: SignedIn;
let r: HouseholdRecords;

beforeAll(async () => {
  t = await startCounty();
  const office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  r = await householdWithEveryRecord(t, { office, townA });
}, 600_000);
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines([HEAD.idNumber]);
  await t.close();
  expect(leaked).toEqual([]);
});

const binary = (req: Test) =>
  req.buffer(true).parse((s, cb) => {
    const parts: Buffer[] = [];
    s.on('data', (c: Buffer) => parts.push(c));
    s.on('end', () => cb(null, Buffer.concat(parts)));
  });

const cardAs = (user: SignedIn, query = '') =>
  binary(
    t.api().get(`/households/${r.householdId}/card.pdf${query}`).set(bearer(user.accessToken)),
  );

const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length;

test("When its township prints the household's 2020 card, then one page shows the household, its helper with a masked phone, the loan and the complaint lines, and the print is audited", async () => {
  const res = await cardAs(townA, '?year=2020');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/pdf/);
  expect(res.headers['content-disposition']).toContain(
    encodeURIComponent(`明白卡-${HOUSEHOLD.householdNo}-2020.pdf`),
  );
  const pdf = res.body as Buffer;
  expect(pages(pdf)).toBe(1);
  const text = (await pdfText(pdf)).replace(/[ \t]+/g, '');
  for (const s of [
    '精准扶贫政策明白卡',
    '2020年度',
    HOUSEHOLD.householdNo,
    HEAD.name,
    HELPER.name,
    '136****0002',
    '小额信贷',
    '50,000.00',
    '12317',
  ])
    expect(text).toContain(s);
  expect(text).not.toContain(HELPER.phone);
  expect(text).not.toContain(HEAD.idNumber);

  const audit = await t.gatewayRt.conn
    .collection('audit_log')
    .find({ action: 'export', actorId: townA.userId, subjectIds: r.householdId })
    .toArray();
  expect(audit).toMatchObject([{ subjectType: 'household', fields: ['headName'] }]);
});

test('When the card of a year without benefits is printed, then it says the household has none that year', async () => {
  const res = await cardAs(townA, '?year=2019');
  expect(res.status).toBe(200);
  const text = (await pdfText(res.body as Buffer)).replace(/[ \t]+/g, '');
  expect(text).toContain('2019年暂无享受政策的记录');
  expect(text).toContain(HELPER.name);
});

test('When another township asks for the card, then 404 and nothing of the household', async () => {
  const townB = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_B });
  const res = await t
    .api()
    .get(`/households/${r.householdId}/card.pdf?year=2020`)
    .set(bearer(townB.accessToken));
  expect(res.status).toBe(404);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.code).toBe('NOT_FOUND');
  for (const secret of [HEAD.name, HOUSEHOLD.householdNo, HELPER.name])
    expect(res.text).not.toContain(secret);
});

test("When its township prints the village's cards, then the job's file has one card page a household, this one's among them", async () => {
  const made = await t
    .api()
    .post('/handbooks')
    .set(bearer(townA.accessToken))
    .send({ areaCode: VILLAGE_A1, kind: 'card' });
  expect(made.status).toBe(202);
  const id = (made.body as { id: string }).id;
  const job = await eventually(
    async () => {
      const res = await t.api().get(`/handbooks/${id}`).set(bearer(townA.accessToken));
      expect(res.status).toBe(200);
      if (res.body.state === 'failed') throw new Error(`job failed: ${res.body.error}`);
      expect(res.body.state).toBe('completed');
      return res.body as { progress: { done: number; total: number }; kind: string };
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  expect(job.kind).toBe('card');
  expect(job.progress.total).toBeGreaterThanOrEqual(1);
  const file = await binary(t.api().get(`/handbooks/${id}/file`).set(bearer(townA.accessToken)));
  expect(file.status).toBe(200);
  const pdf = file.body as Buffer;
  expect(pages(pdf)).toBe(job.progress.total);
  const text = (await pdfText(pdf)).replace(/[ \t]+/g, '');
  expect(text.match(/精准扶贫政策明白卡/g)).toHaveLength(job.progress.total);
  expect(text).toContain(HOUSEHOLD.householdNo);
  expect(text).toContain('136****0002');
  expect(text).not.toContain(HELPER.phone);
});
