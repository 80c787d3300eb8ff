import ExcelJS from 'exceljs';
import { bearer, startMatching, type TestMatching } from './fixtures/matching';
import {
  describe as named,
  EXPECTED,
  PEOPLE,
  plantRegistry,
  uploadLists,
} from './fixtures/planted';

let t: TestMatching;
type F = Parameters<typeof named>[1] & { id: string; areaCodes: string[]; townshipCode: string };

beforeAll(async () => {
  t = await startMatching();
  await plantRegistry(t);
  await uploadLists(t);
  await t.run(t.tokens.county);
});
afterAll(async () => {
  await t.close();
});

const list = async (token: string, filter: object = {}) => {
  const res = await t
    .api()
    .get('/findings')
    .query({ range: '[0,499]', filter: JSON.stringify(filter) })
    .set(bearer(token));
  expect(res.status).toBe(200);
  return res.body as F[];
};

test('a township sees only findings of its own area (and one person it shares with another)', async () => {
  const a = await list(t.tokens.townshipA);
  const b = await list(t.tokens.townshipB);
  expect(a.length + b.length).toBeGreaterThan(0);
  for (const f of a) expect(f.areaCodes.some((c) => c.startsWith('431121101'))).toBe(true);
  for (const f of b) expect(f.areaCodes.some((c) => c.startsWith('431121102'))).toBe(true);
  expect(a.map((f) => named(t, f))).toContain('DUPLICATE_PERSON m12a');
  expect(b.map((f) => named(t, f))).toContain('DUPLICATE_PERSON m12a');
  const county = await list(t.tokens.county);
  expect(county).toHaveLength(EXPECTED.length);
  // A filter cannot widen the scope.
  expect(await list(t.tokens.townshipA, { townshipCode: '431121102000' })).toEqual([]);
});

test("a township cannot read or act on another township's finding", async () => {
  const b = (await list(t.tokens.townshipB)).find((f) => f.townshipCode === '431121102000')!;
  expect([403, 404]).toContain(
    (await t.api().get(`/findings/${b.id}`).set(bearer(t.tokens.townshipA))).status,
  );
  const verify = await t
    .api()
    .post(`/findings/${b.id}/verify`)
    .set(bearer(t.tokens.townshipA))
    .send({ conclusion: 'confirmed' });
  expect([403, 404]).toContain(verify.status);
  // The shared finding is acted on by the township it is assigned to (the first household's).
  const shared = (await list(t.tokens.townshipB)).find((f) => f.rule === 'DUPLICATE_PERSON')!;
  const byB = await t
    .api()
    .post(`/findings/${shared.id}/verify`)
    .set(bearer(t.tokens.townshipB))
    .send({ conclusion: 'confirmed' });
  expect(byB.status).toBe(403);
  const byA = await t
    .api()
    .post(`/findings/${shared.id}/verify`)
    .set(bearer(t.tokens.townshipA))
    .send({ conclusion: 'confirmed' });
  expect(byA.status).toBe(200);
});

test("findings are exported as XLSX within the caller's scope, masked, and every export audited", async () => {
  const denied = await t.api().get('/exports/findings.xlsx').set(bearer(t.tokens.townshipA));
  expect(denied.status).toBe(403);
  const res = await t
    .api()
    .get('/exports/findings.xlsx')
    .query({ filter: JSON.stringify({ open: true }) })
    .set(bearer(t.tokens.county))
    .buffer(true)
    .parse((r, done) => {
      const parts: Buffer[] = [];
      r.on('data', (c: Buffer) => parts.push(c));
      r.on('end', () => done(null, Buffer.concat(parts)));
    });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  expect(ws.rowCount).toBe(EXPECTED.length + 1);
  const text = JSON.stringify(ws.getSheetValues());
  for (const clear of Object.values(PEOPLE)) expect(text).not.toContain(clear);
  expect(text).toContain('4311**********');
  const audit = await t.rt.conn.db!.collection('audit_log').find({ action: 'export' }).toArray();
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({
    service: 'matching',
    subjectType: 'finding',
    count: EXPECTED.length,
    actorId: 'u-county',
  });
});
