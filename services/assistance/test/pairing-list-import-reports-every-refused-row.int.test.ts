import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import request from 'supertest';
import {
  as,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/assistance';

let t: TestAssistance;

const HEADER = [
  '帮扶干部姓名*',
  '工作单位*',
  '职级*',
  '职务',
  '联系电话',
  '干部所在地区代码',
  '户编号*',
  '帮扶类型*',
  '开始日期',
];
const ROWS = [
  ['王厅长', '省农业厅', '厅级', '副厅长', '13800001111', '', 'IM-1', '重点帮扶', '2016-01-01'],
  ['王厅长', '省农业厅', '厅级', '副厅长', '13800001111', '', 'IM-2', '重点帮扶', '2016/1/1'],
  ['王厅长', '省农业厅', '厅级', '', '', '', 'IM-404', '重点帮扶', ''],
  ['李四', '县教育局', '部级', '', '12345', '', 'IM-6', '帮扶x', '2016-13-01'],
  ['王厅长', '省农业厅', '厅级', '', '', '', 'IM-3', '重点帮扶', ''],
  ['王厅长', '省农业厅', '厅级', '', '', '', 'IM-4', '重点帮扶', ''],
  ['王厅长', '省农业厅', '厅级', '', '', '', 'IM-5', '重点帮扶', ''],
  ['赵五', '县水利局', '科级', '', '', '', 'IM-B', '联系', ''],
];

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结对帮扶名单');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (file: Buffer, name: string, type: string) =>
  request(t.app)
    .post('/imports/pairings')
    .query({ fileName: name })
    .set(as(t.tokens.townshipA))
    .set('content-type', type)
    .send(file);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await startAssistance({ consume: false });
  for (const no of ['IM-1', 'IM-2', 'IM-3', 'IM-4', 'IM-5', 'IM-6', 'IM-7'])
    await seedHousehold(t, no, VILLAGE_A1);
  await seedHousehold(t, 'IM-B', VILLAGE_B1);
});
afterAll(async () => {
  await t.close();
});

test('good rows pair, refused rows are reported with row, column and reason, and change nothing', async () => {
  const res = await upload(await workbook(ROWS), '挂包帮名单.xlsx', XLSX);
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    fileName: '挂包帮名单.xlsx',
    format: 'xlsx',
    counts: {
      rows: 8,
      pairingsCreated: 4,
      pairingsUnchanged: 0,
      helpersCreated: 1,
      rowsRejected: 4,
    },
  });
  const byRow = Object.fromEntries(
    res.body.rejected.map((r: { row: number; errors: { column: string; code: string }[] }) => [
      r.row,
      r.errors.map((e) => `${e.column}:${e.code}`),
    ]),
  );
  expect(byRow).toEqual({
    4: ['G:not_found'],
    5: ['C:unknown', 'E:invalid', 'H:unknown', 'I:invalid'],
    8: ['H:ASSISTANCE_PAIRING_LIMIT_REACHED'],
    9: ['G:not_found'],
  });
  const limit = res.body.rejected.find((r: { row: number }) => r.row === 8);
  expect(limit.errors[0].message['zh-CN']).toBe('厅级干部最多重点帮扶4户，王厅长已重点帮扶4户');

  // Nothing of the refused rows stays: no cadre 赵五 or 李四, no pairing for IM-5.
  const helpers = await t.assistance.models.helpers.find().lean();
  expect(helpers.map((h) => h.name)).toEqual(['王厅长']);
  expect(helpers[0]).toMatchObject({
    rank: 'department_level',
    areaCode: '431121101000',
    load: { key: 4, contact: 0 },
  });
  const pairings = await t.assistance.models.pairings.find().sort({ householdNo: 1 }).lean();
  expect(pairings.map((p) => [p.householdNo, p.startDate.slice(0, 4), p.source])).toEqual([
    ['IM-1', '2016', 'import'],
    ['IM-2', '2016', 'import'],
    ['IM-3', expect.any(String), 'import'],
    ['IM-4', expect.any(String), 'import'],
  ]);
});

test('importing the same list again changes nothing', async () => {
  const res = await upload(await workbook(ROWS), '挂包帮名单.xlsx', XLSX);
  expect(res.body.counts).toEqual({
    rows: 8,
    pairingsCreated: 0,
    pairingsUnchanged: 4,
    helpersCreated: 0,
    rowsRejected: 4,
  });
  expect(await t.assistance.models.pairings.countDocuments()).toBe(4);
});

test('a CSV saved by Excel on a Chinese Windows (GBK) is read too', async () => {
  const text = [HEADER, ['孙六', '县人社局', '处级', '', '', '', 'IM-7', '联系', '']]
    .map((r) => r.join(','))
    .join('\r\n');
  const res = await upload(iconv.encode(text, 'gbk'), 'list.csv', 'text/csv');
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    format: 'csv',
    encoding: 'gb18030',
    counts: { pairingsCreated: 1, helpersCreated: 1 },
  });
});

test('the row report downloads as XLSX; a file without the required columns is refused whole', async () => {
  const list = await request(t.app).get('/imports').set(as(t.tokens.townshipA));
  expect(list.headers['content-range']).toBe('imports 0-2/3');
  const first = list.body[list.body.length - 1];
  const report = await request(t.app)
    .get(`/imports/${first.id}/report.xlsx`)
    .set(as(t.tokens.townshipA))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(report.body as ExcelJS.Buffer);
  expect(wb.worksheets[0]!.rowCount).toBe(1 + 7);
  // Another township does not see this import.
  expect(
    (await request(t.app).get(`/imports/${first.id}`).set(as(t.tokens.townshipB))).status,
  ).toBe(404);

  const wrong = new ExcelJS.Workbook();
  wrong.addWorksheet('x').addRow(['姓名', '单位']);
  const res = await upload(Buffer.from(await wrong.xlsx.writeBuffer()), 'wrong.xlsx', XLSX);
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 422,
    code: 'ASSISTANCE_IMPORT_COLUMNS_MISSING',
  });
  const template = await request(t.app).get('/imports/template.xlsx').set(as(t.tokens.townshipA));
  expect(template.status).toBe(200);
  expect(template.headers['content-type']).toContain('spreadsheetml');
});
