import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import request from 'supertest';
import { as } from './fixtures/villages';
import {
  COUNTY,
  startRegistry,
  type TestRegistry,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';

let t: TestRegistry;

beforeAll(async () => {
  t = await startRegistry();
});

afterAll(async () => {
  await t.close();
});

const upload = (token: string, file: Buffer, type: string) =>
  request(t.app).post('/areas/import').set(as(token)).set('content-type', type).send(file);

const TREE = [
  '区划代码,名称,级别,上级代码,村民小组',
  `${COUNTY},桃源县,县级,,`,
  '431121101,漳江街道,乡级,431121000000,', // a 9-digit township code is padded
  `${VILLAGE_A1},桃花源村,村级,${TOWNSHIP_A},`,
  `${VILLAGE_A1},一组,,,1`,
  `${VILLAGE_A1},二组,,,2`,
  `${VILLAGE_A2},白石村,,,`,
  '4.31121E+11,坏代码,,,', // row 8
  '431121103201,无上级村,,,', // row 9
  '431121101203,,,,', // row 10
  '431121101204,级别不符村,乡级,,', // row 11
  `${VILLAGE_A2},白石村重复,,,`, // row 12
  `431121101205,上级不符村,,${TOWNSHIP_B},`, // row 13
  `${VILLAGE_A1},三组,,,1000`, // row 14
  '431122101201,外县村,,,', // row 15
].join('\r\n');

const utf8Bom = (text: string) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

/** The stored tree, without the outbox fields the relay changes on its own schedule. */
async function stored() {
  const strip = ({
    outbox: _o,
    hasOutbox: _h,
    outboxLease: _l,
    ...rest
  }: Record<string, unknown>) => rest;
  const [areas, villages] = await Promise.all([
    t.rt.conn.collection('areas').find().sort({ _id: 1 }).toArray(),
    t.rt.conn.collection('villages').find().sort({ _id: 1 }).toArray(),
  ]);
  return { areas: areas.map(strip), villages: villages.map(strip) };
}

test('good rows are stored, bad rows are reported with row, column and reason', async () => {
  const res = await upload(t.tokens.county, utf8Bom(TREE), 'text/csv');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    format: 'csv',
    encoding: 'utf-8',
    rows: 14,
    areas: { created: 4, updated: 0, unchanged: 0 },
    groups: { created: 2, updated: 0, unchanged: 0 },
    rejected: 8,
  });
  const rejections = res.body.rejections as {
    row: number;
    column: string;
    code: string;
    message: { 'zh-CN': string; en: string };
  }[];
  expect(rejections.map((r) => [r.row, r.column, r.code])).toEqual([
    [8, '区划代码', 'scientific_notation'],
    [9, '区划代码', 'parent_missing'],
    [10, '名称', 'required'],
    [11, '级别', 'level_mismatch'],
    [12, '区划代码', 'duplicate'],
    [13, '上级代码', 'parent_mismatch'],
    [14, '村民小组', 'invalid'],
    [15, '区划代码', 'FORBIDDEN_AREA'],
  ]);
  for (const r of rejections) {
    expect(r.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(r.message.en).toMatch(/[a-z]/);
  }
  expect(rejections[4]!.message['zh-CN']).toContain('第 7 行');

  const tree = await request(t.app)
    .get('/areas')
    .query({ sort: '["code","ASC"]' })
    .set(as(t.tokens.county));
  expect(tree.body.map((a: { code: string; name: string }) => [a.code, a.name])).toEqual([
    [COUNTY, '桃源县'],
    [TOWNSHIP_A, '漳江街道'],
    [VILLAGE_A1, '桃花源村'],
    [VILLAGE_A2, '白石村'],
  ]);
  const village = await request(t.app).get(`/villages/${VILLAGE_A1}`).set(as(t.tokens.county));
  expect(village.body.groups).toEqual([
    { no: 1, name: '一组' },
    { no: 2, name: '二组' },
  ]);
});

test('importing the same file again changes nothing; a changed name is an update', async () => {
  const before = await stored();
  const again = await upload(t.tokens.county, utf8Bom(TREE), 'text/csv');
  expect(again.body).toMatchObject({
    areas: { created: 0, updated: 0, unchanged: 4 },
    groups: { created: 0, updated: 0, unchanged: 2 },
    rejected: 8,
  });
  expect(await stored()).toEqual(before);

  const renamed = TREE.replace('桃花源村,村级', '桃花源新村,村级').replace(
    '一组,,,1',
    '第一组,,,1',
  );
  const res = await upload(t.tokens.county, Buffer.from(renamed), 'text/csv');
  expect(res.body).toMatchObject({
    areas: { created: 0, updated: 1, unchanged: 3 },
    groups: { created: 0, updated: 1, unchanged: 1 },
  });
  const area = await request(t.app).get(`/areas/${VILLAGE_A1}`).set(as(t.tokens.county));
  expect(area.body).toMatchObject({ name: '桃花源新村', revision: 2 });
});

test('a GBK CSV from Excel is read; a township user imports only inside its township', async () => {
  const gbk = iconv.encode(
    [
      '代码,名称,村民小组',
      `${TOWNSHIP_B},陬市镇,`,
      `${VILLAGE_B1},陬市村,`,
      `${VILLAGE_B1},陬市一组,1`,
    ].join('\n'),
    'gbk',
  );
  const res = await upload(t.tokens.county, gbk, 'text/csv');
  expect(res.body).toMatchObject({
    encoding: 'gb18030',
    areas: { created: 2 },
    groups: { created: 1 },
    rejected: 0,
  });
  const b1 = await request(t.app).get(`/villages/${VILLAGE_B1}`).set(as(t.tokens.county));
  expect(b1.body).toMatchObject({ name: '陬市村', groups: [{ no: 1, name: '陬市一组' }] });

  const fromTownshipA = await upload(
    t.tokens.townshipA,
    Buffer.from(['区划代码,名称', `${VILLAGE_B1},改名`, '431121101206,新村'].join('\n')),
    'text/csv',
  );
  expect(fromTownshipA.body).toMatchObject({ areas: { created: 1, updated: 0 }, rejected: 1 });
  expect(fromTownshipA.body.rejections[0]).toMatchObject({ row: 2, code: 'FORBIDDEN_AREA' });
  const untouched = await request(t.app).get(`/areas/${VILLAGE_B1}`).set(as(t.tokens.county));
  expect(untouched.body.name).toBe('陬市村');
});

test('an XLSX with numeric code cells is read; a file without the needed columns is refused', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区划');
  ws.addRow(['区划代码', '名称', '村民小组']);
  ws.addRow([431121101207, '杨溪村', null]);
  ws.addRow([431121101207, '杨溪一组', 1]);
  ws.addRow([431121101208, '', null]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const res = await upload(
    t.tokens.county,
    file,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    format: 'xlsx',
    areas: { created: 1 },
    groups: { created: 1 },
    rejected: 1,
  });
  expect(res.body.rejections).toEqual([
    expect.objectContaining({ row: 4, column: '名称', code: 'required' }),
  ]);

  const noHeader = await upload(t.tokens.county, Buffer.from('foo,bar\n1,2'), 'text/csv');
  expect({ status: noHeader.status, code: noHeader.body.code }).toEqual({
    status: 400,
    code: 'REGISTRY_AREA_IMPORT_HEADER',
  });
  const reader = await upload(t.tokens.townshipAReader, Buffer.from(TREE), 'text/csv');
  expect(reader.status).toBe(403);
});
