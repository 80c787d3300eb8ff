import ExcelJS from 'exceljs';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  idNumber,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/support';

let t: TestSupport;
let a: SeededHousehold;
let b: SeededHousehold;
const TERM = '2018-autumn';
const STRANGER = idNumber('2011-04-04', 77);
const BAD_CHECKSUM = (() => {
  const good = idNumber('2010-02-02', 55);
  return good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
})();

beforeAll(async () => {
  t = await startSupport();
  a = t.household(VILLAGE_A1, [
    { name: '何父', birthDate: '1978-01-01' },
    { name: '何一', birthDate: '2010-05-05' },
    { name: '何二', birthDate: '2011-06-06', sex: 'female' },
  ]);
  b = t.household(VILLAGE_B1, [{ name: '韩一', birthDate: '2009-07-07' }]);
  await t.seed([a, b]);
});
afterAll(async () => {
  await t.close();
});

const member = (name: string) => [...a.members, ...b.members].find((m) => m.name === name)!;

async function finished(id: string, token: string) {
  return eventually(
    async () => {
      const r = await request(t.app).get(`/imports/${id}`).set(as(token));
      expect(r.body.status).toBe('completed');
      return r.body as { counts: Record<string, number> };
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
}

test('the education list is reconciled: enrolled, unknown person, out of area, rejected rows, and the children it misses', async () => {
  const town = t.tokens.townshipA;
  const csv = [
    '桃源县2018年秋季学期学籍名单',
    '身份证号,姓名,学校,学段,年级,学籍状态',
    `${member('何一').idNumber},何一,漳江小学,小学,三年级,在读`,
    `${STRANGER},外来生,漳江小学,小学,二年级,在读`,
    `${member('韩一').idNumber},韩一,陬市小学,小学,4,在读`,
    `${BAD_CHECKSUM},错号,漳江小学,小学,1,在读`,
    `${member('何一').idNumber.toLowerCase()},何一,漳江小学,小学,三年级,在读`,
    `${member('何父').idNumber},何父,漳江小学,大学,十三年级,在读`,
  ].join('\n');
  const upload = await request(t.app)
    .post('/imports/education-enrollment')
    .query({ term: TERM, fileName: '学籍.csv' })
    .set(as(town))
    .set('content-type', 'text/csv')
    .send(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
  expect(upload.status).toBe(202);
  const job = await finished(upload.body.id, town);
  expect(job.counts).toEqual({
    rows: 6,
    enrolled: 1,
    unknownPerson: 1,
    outOfScope: 1,
    rejected: 2,
    duplicate: 1,
    notFound: 1,
    changed: 1,
  });

  const rows = await request(t.app)
    .get(`/imports/${upload.body.id}/rows`)
    .query({ range: '[0,99]' })
    .set(as(town));
  expect(rows.headers['content-range']).toBe('import-rows 0-6/7');
  const report = rows.body.map(
    (r: { row: number | null; outcome: string; name: string; idMasked: string | null }) => [
      r.row,
      r.outcome,
      r.name,
      r.idMasked,
    ],
  );
  const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
  expect(report).toEqual([
    [3, 'enrolled', '何一', masked(member('何一').idNumber)],
    [4, 'unknown_person', '外来生', masked(STRANGER)],
    [5, 'out_of_scope', '韩一', masked(member('韩一').idNumber)],
    [6, 'rejected', '错号', masked(BAD_CHECKSUM)],
    [7, 'duplicate', '何一', masked(member('何一').idNumber)],
    [8, 'rejected', '何父', masked(member('何父').idNumber)],
    [null, 'not_found', '何二', null],
  ]);
  const bad = rows.body.find((r: { row: number }) => r.row === 6);
  expect(bad.problems).toEqual([
    {
      field: '身份证号',
      code: 'ID_CHECKSUM',
      message: {
        'zh-CN': expect.stringContaining('校验位'),
        en: expect.stringContaining('checksum'),
      },
    },
  ]);
  const badStage = rows.body.find((r: { row: number }) => r.row === 8);
  expect(badStage.problems.map((p: { field: string }) => p.field)).toEqual(['学段', '年级']);
  // Out-of-area people are named as the list named them, never described from the register.
  expect(rows.body.find((r: { row: number }) => r.row === 5)).toMatchObject({ areaCode: null });

  // The matched child is a student enrolled in the term; the unknown and the out-of-area are not.
  const students = await request(t.app)
    .get('/education/enrollments')
    .query({ filter: JSON.stringify({ term: TERM }) })
    .set(as(t.tokens.county));
  expect(
    students.body.map((e: { name: string; grade: number; status: string }) => [
      e.name,
      e.grade,
      e.status,
    ]),
  ).toEqual([['何一', 3, 'enrolled']]);

  // No clear ID number was stored anywhere.
  for (const c of await t.rt.conn.db!.collections()) {
    const text = JSON.stringify(await c.find({}).toArray());
    for (const id of [member('何一').idNumber, STRANGER, BAD_CHECKSUM, member('韩一').idNumber])
      expect({ collection: c.collectionName, leaks: text.includes(id) }).toEqual({
        collection: c.collectionName,
        leaks: false,
      });
  }

  // The same list again records nothing new.
  const again = await request(t.app)
    .post('/imports/education-enrollment')
    .query({ term: TERM })
    .set(as(town))
    .set('content-type', 'text/csv')
    .send(csv);
  expect((await finished(again.body.id, town)).counts).toMatchObject({
    enrolled: 1,
    changed: 0,
    notFound: 1,
  });
  expect(await t.support.models.enrollments.countDocuments()).toBe(1);
});

test('the health insurance list (XLSX) records enrollment and reports the registered people it misses', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参保名单');
  ws.addRow(['序号', '姓名', '身份证号', '险种', '参保状态']);
  ws.addRow([1, '何父', member('何父').idNumber, '城乡居民医保', '参保']);
  ws.addRow([2, '韩一', member('韩一').idNumber, '基本医疗保险', '已参保']);
  ws.addRow([3, '外来', STRANGER, '基本医疗保险', '参保']);
  ws.addRow([4, '何父', member('何父').idNumber, '养老保险', '参保']);
  ws.addRow([5, '何二', member('何二').idNumber, '基本医疗保险', '停保']);
  ws.addRow([6, '何一', member('何一').idNumber, '商业保险', '参保']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const upload = await request(t.app)
    .post('/imports/health-insurance')
    .query({ year: 2018, fileName: '2018参保.xlsx' })
    .set(as(t.tokens.health))
    .set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(file);
  expect(upload.status).toBe(202);
  expect(upload.body).toMatchObject({ kind: 'health_insurance', year: 2018, format: 'xlsx' });
  const job = await finished(upload.body.id, t.tokens.health);
  // Basic medical: 何父, 韩一 enrolled, 何二 listed as stopped; 何一 is the one the list lacks.
  // Pension: 何父 listed; no other registered adult is missing.
  expect(job.counts).toMatchObject({
    rows: 6,
    enrolled: 4,
    unknownPerson: 1,
    rejected: 1,
    notFound: 1,
    changed: 4,
  });
  const missing = await request(t.app)
    .get(`/imports/${upload.body.id}/rows`)
    .query({ filter: JSON.stringify({ outcome: 'not_found' }) })
    .set(as(t.tokens.health));
  expect(
    missing.body.map((r: { name: string; data: { kind: string } }) => [r.name, r.data.kind]),
  ).toEqual([['何一', 'basic_medical']]);

  const coverage = await request(t.app)
    .get('/health/coverage')
    .query({ year: 2018 })
    .set(as(t.tokens.health));
  const total = (kind: string) =>
    coverage.body.total.find((r: { kind: string }) => r.kind === kind);
  expect(total('basic_medical')).toMatchObject({ eligible: 4, enrolled: 2 });
  expect(total('pension')).toMatchObject({ eligible: 1, enrolled: 1, targetMet: true });

  // The report workbook lists every row with its outcome.
  const report = await request(t.app)
    .get(`/imports/${upload.body.id}/report.xlsx`)
    .set(as(t.tokens.health))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(report.status).toBe(200);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(report.body as ArrayBuffer);
  const sheet = out.worksheets[0]!;
  expect(sheet.rowCount).toBe(1 + 7);
  const outcomes = [];
  for (let i = 2; i <= sheet.rowCount; i++) outcomes.push(sheet.getRow(i).getCell(6).value);
  expect(outcomes).toEqual([
    '已比对入库',
    '已比对入库',
    '非建档立卡人员',
    '已比对入库',
    '已比对入库',
    '数据有误',
    '名单中未找到',
  ]);

  // The education staff do not see health imports.
  const list = await request(t.app).get('/imports').set(as(t.tokens.education));
  expect(list.body.every((j: { kind: string }) => j.kind === 'education_enrollment')).toBe(true);
  const hidden = await request(t.app).get(`/imports/${upload.body.id}`).set(as(t.tokens.education));
  expect(hidden.status).toBe(404);
});

test('a list without the ID-number column, or without a required column, is refused whole', async () => {
  const noId = await request(t.app)
    .post('/imports/education-enrollment')
    .query({ term: TERM })
    .set(as(t.tokens.education))
    .set('content-type', 'text/csv')
    .send('姓名,学校\n张三,漳江小学\n');
  expect({ status: noId.status, code: noId.body.code }).toEqual({
    status: 422,
    code: 'IMPORT_NO_HEADER',
  });
  const missing = await request(t.app)
    .post('/imports/education-enrollment')
    .query({ term: TERM })
    .set(as(t.tokens.education))
    .set('content-type', 'text/csv')
    .send('身份证号,姓名,学校\n');
  expect(missing.status).toBe(422);
  expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['学段', '年级']);
  const noTerm = await request(t.app)
    .post('/imports/education-enrollment')
    .set(as(t.tokens.education))
    .set('content-type', 'text/csv')
    .send('身份证号\n');
  expect(noTerm.status).toBe(400);
});
