import { maskIdNumber } from '@fupin/reference';
import {
  bearer,
  COUNTY,
  eventually,
  pdfText,
  type SignedIn,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_B1,
} from '@fupin/testing';
import { PrintFiles } from '../src/prints/print.store';
import { type CountyPlatform, startCounty } from './support/county';
import { household, idNumber, seedAreas } from './support/registry-data';

// 扶贫手册 on the county platform: two households of village A1 registered through the gateway.
// Their township prints one household's handbook (masked), another township gets 404, unmasking
// takes the right and a reason (audited), and a village's handbooks are a job whose progress
// reaches its total, whose file holds every household, and which no one else can read.

let t: CountyPlatform;
let office: SignedIn;
let townA: SignedIn;
const HEADS = [
  { name: '覃手册', idNumber: idNumber('1966-02-03', 517), phone: '13712349001' },
  { name: '向手册', idNumber: idNumber('1971-09-10', 628), phone: '13712349002' },
];
const NUMBERS = ['HANDBOOK-GW-1', 'HANDBOOK-GW-2'];
const ids: string[] = [];

beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  await seedAreas(`${t.gatewayUrl}/api/registry`, office.accessToken);
  for (const [i, head] of HEADS.entries()) {
    const res = await t
      .api()
      .post('/api/registry/households')
      .set(bearer(office.accessToken))
      .send(household(NUMBERS[i]!, VILLAGE_A1, head));
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    ids.push((res.body as { id: string }).id);
  }
}, 300_000);
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines(HEADS.map((h) => h.idNumber));
  await t.close();
  expect(leaked).toEqual([]);
});

const binary = (req: ReturnType<ReturnType<CountyPlatform['api']>['get']>) =>
  req.buffer(true).parse((s, cb) => {
    const parts: Buffer[] = [];
    s.on('data', (c: Buffer) => parts.push(c));
    s.on('end', () => cb(null, Buffer.concat(parts)));
  });

const handbookAs = (user: SignedIn, id: string, query = '') =>
  binary(t.api().get(`/households/${id}/handbook.pdf${query}`).set(bearer(user.accessToken)));

const flat = (s: string) => s.replace(/\s+/g, '');

test("When the household's township prints its handbook, then the PDF holds the household with its ID number masked", async () => {
  const res = await handbookAs(townA, ids[0]!);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/pdf/);
  const text = flat(await pdfText(res.body as Buffer));
  expect(text).toContain('扶贫手册');
  expect(text).toContain(`户号：${NUMBERS[0]}`);
  expect(text).toContain('所在村：桃花源村');
  expect(text).toContain(HEADS[0]!.name);
  expect(text).toContain('家庭成员');
  expect(text).toContain(maskIdNumber(HEADS[0]!.idNumber));
  expect(text).not.toContain(HEADS[0]!.idNumber);
});

test('When another township asks for it, then 404', async () => {
  const townB = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_B });
  const res = await handbookAs(townB, ids[0]!);
  expect(res.status).toBe(404);
});

test('When unmasking is asked without the right, then 403; without a reason, 400; with both, the ID number in clear and an audit entry', async () => {
  expect((await handbookAs(townA, ids[0]!, '?unmask=true&reason=入户核查')).status).toBe(403);
  expect((await handbookAs(office, ids[0]!, '?unmask=true')).status).toBe(400);
  const res = await handbookAs(
    office,
    ids[0]!,
    `?unmask=true&reason=${encodeURIComponent('入户核查')}`,
  );
  expect(res.status).toBe(200);
  expect(flat(await pdfText(res.body as Buffer))).toContain(HEADS[0]!.idNumber);
  const audit = await t.gatewayRt.conn
    .collection('audit_log')
    .find({ action: 'export', actorId: office.userId })
    .toArray();
  expect(audit).toMatchObject([
    { subjectType: 'household', subjectIds: [ids[0]], reason: '入户核查' },
  ]);
});

test('When a village is printed, then the job reaches its total, its file holds every household, another user gets 404, and a day later the file is gone (410)', async () => {
  const township = await t
    .api()
    .post('/handbooks')
    .set(bearer(townA.accessToken))
    .send({ areaCode: TOWNSHIP_A });
  expect(township.status).toBe(422);
  expect(township.body.code).toBe('GATEWAY_PRINT_VILLAGE_ONLY');
  const elsewhere = await t
    .api()
    .post('/handbooks')
    .set(bearer(townA.accessToken))
    .send({ areaCode: VILLAGE_B1 });
  expect(elsewhere.status).toBe(403);

  const made = await t
    .api()
    .post('/handbooks')
    .set(bearer(townA.accessToken))
    .send({ areaCode: VILLAGE_A1 });
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
  expect(job).toMatchObject({
    kind: 'handbook',
    areaCode: VILLAGE_A1,
    progress: { done: 2, total: 2 },
  });

  const file = await binary(t.api().get(`/handbooks/${id}/file`).set(bearer(townA.accessToken)));
  expect(file.status).toBe(200);
  const text = flat(await pdfText(file.body as Buffer));
  for (const no of NUMBERS) expect(text).toContain(`户号：${no}`);
  expect(text.indexOf(NUMBERS[0]!)).toBeLessThan(text.indexOf(NUMBERS[1]!));

  expect((await t.api().get(`/handbooks/${id}`).set(bearer(office.accessToken))).status).toBe(404);
  const other = await t.api().get(`/handbooks/${id}/file`).set(bearer(office.accessToken));
  expect(other.status).toBe(404);

  // A day later the file is deleted (each new job clears them): the job says so.
  expect(
    await new PrintFiles(t.gatewayRt.conn).deleteOlderThanADay(
      new Date(Date.now() + 25 * 3600_000),
    ),
  ).toBeGreaterThanOrEqual(1);
  const gone = await t.api().get(`/handbooks/${id}/file`).set(bearer(townA.accessToken));
  expect(gone.status).toBe(410);
});

test('When the county office prints the village in clear with a reason, then every ID number is in clear and the export is audited', async () => {
  expect(
    (
      await t
        .api()
        .post('/handbooks')
        .set(bearer(townA.accessToken))
        .send({ areaCode: VILLAGE_A1, unmask: true, reason: '入户核查' })
    ).status,
  ).toBe(403);
  const made = await t
    .api()
    .post('/handbooks')
    .set(bearer(office.accessToken))
    .send({ areaCode: VILLAGE_A1, unmask: true, reason: '村级档案核查' });
  expect(made.status).toBe(202);
  const id = (made.body as { id: string }).id;
  await eventually(
    async () => {
      const res = await t.api().get(`/handbooks/${id}`).set(bearer(office.accessToken));
      if (res.body.state === 'failed') throw new Error(`job failed: ${res.body.error}`);
      expect(res.body.state).toBe('completed');
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const file = await binary(t.api().get(`/handbooks/${id}/file`).set(bearer(office.accessToken)));
  const text = flat(await pdfText(file.body as Buffer));
  for (const head of HEADS) expect(text).toContain(head.idNumber);
  const audit = await t.gatewayRt.conn
    .collection('audit_log')
    .find({ action: 'export', actorId: office.userId, reason: '村级档案核查' })
    .toArray();
  expect(audit).toHaveLength(1);
  expect([...(audit[0]!.subjectIds as string[])].sort()).toEqual([...ids].sort());
});
