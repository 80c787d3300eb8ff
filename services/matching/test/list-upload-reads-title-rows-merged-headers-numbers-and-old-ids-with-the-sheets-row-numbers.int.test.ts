import ExcelJS from 'exceljs';
import { bearer, csv, idNumber, startMatching, type TestMatching } from './fixtures/matching';

let t: TestMatching;
beforeAll(async () => {
  t = await startMatching();
});
afterAll(async () => {
  await t.close();
});

const A = idNumber('1970-01-01', 1, 'male');
const B = idNumber('1981-02-03', 2, 'female');
const C = idNumber('1955-07-08', 3, 'male');
/** The first-generation form of a number born in the 1900s: no century, no check character. */
const oldFormOf = (id: string) => `${id.slice(0, 6)}${id.slice(8, 17)}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const query = { type: 'vehicles', date: '2026-03-31' };

interface Problem {
  row: number;
  column: string;
  code: string;
  value: string;
  message: Record<string, string>;
}
interface ListBody {
  id: string;
  headers: string[];
  idColumn: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rejected: Problem[];
  warnings: Problem[];
}

/** The rows a list stored, read back through the run's own reader. */
async function storedRows(listId: string) {
  const list = await t.matching.lists.byIds([listId]);
  const out: { row: number; hash: string; values: string[] }[] = [];
  for await (const reader of t.matching.lists.rows(listId, list[0]!.segments))
    while (reader.next()) {
      const r = reader.row();
      out.push({ row: r.row, hash: r.hash.toString('hex'), values: r.values });
    }
  return out;
}

/**
 * A county's export: a merged title, a merged note, then a two-row header — 序号, 姓名 and
 * 身份证号 merged down over both rows, 车辆信息 merged across its two sub-headers.
 */
async function countyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('车辆');
  ws.addRow(['某县2026年第一季度车辆登记名单']);
  ws.addRow(['填报单位：县公安局交警大队（盖章）']);
  ws.addRow(['序号', '姓名', '身份证号', '车辆信息', '']);
  ws.addRow(['', '', '', '车牌号', '登记日期']);
  ws.addRow([1, '张三', A, '湘E12345', new Date(Date.UTC(2020, 4, 1))]);
  ws.addRow([2, '李四', '4311211970', '湘E54321', new Date(Date.UTC(2021, 0, 2))]);
  ws.addRow([3, '王五', Number(B), '湘E11111', new Date(Date.UTC(2022, 1, 3))]);
  ws.addRow([4, '赵六', oldFormOf(C), '湘E22222', new Date(Date.UTC(2023, 2, 4))]);
  ws.mergeCells('A1:E1');
  ws.mergeCells('A2:E2');
  for (const col of ['A', 'B', 'C']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('D3:E3');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an XLSX with two title rows and a merged two-row header is read with Excel’s row numbers', async () => {
  const res = await t.upload(t.tokens.county, await countyWorkbook(), query, XLSX);
  expect(res.status).toBe(201);
  const body = res.body as ListBody;
  expect(body).toMatchObject({
    headers: ['序号', '姓名', '身份证号', '车牌号', '登记日期'],
    idColumn: '身份证号',
    rowsRead: 4,
    rowsAccepted: 2,
    rowsRejected: 2,
  });
  expect(body.rejected.map((r) => [r.row, r.code])).toEqual([
    [6, 'ID_LENGTH'],
    [7, 'ID_STORED_AS_NUMBER'],
  ]);
  expect(body.rejected[1]!.message['zh-CN']).toContain('身份证号被存为数字且已丢失精度');
  expect(body.warnings.map((w) => [w.row, w.code])).toEqual([[8, 'ID_OLD_FORMAT_CONVERTED']]);
  expect(body.warnings[0]!.message['zh-CN']).toBe('已将15位旧身份证号转换为18位');
  const rows = await storedRows(body.id);
  expect(rows.map((r) => r.row)).toEqual([5, 8]);
  // The old number is stored as its 18-character form, to meet the registry's.
  expect(rows.map((r) => r.hash)).toEqual([A, C].map((v) => t.matching.cipher.hash(v)));
  // Dates stored as Excel dates are read as days.
  expect(rows[0]!.values).toEqual(['1', '张三', '湘E12345', '2020-05-01']);
  expect(JSON.stringify(body)).not.toMatch(/\d{15}/);
});

test('a GBK CSV with the ID column saved as numbers refuses the rows that lost digits', async () => {
  const file = csv(
    [
      ['某县死亡人员名单'],
      ['导出时间：2026-03-31'],
      ['姓名', '公民身份号码', '死亡日期'],
      ['张三', '4.31121197001011E+17', '2026-01-02'],
      ['李四', B, '2026-02-03'],
      ['王五', '4.31121E+17', '2026-03-04'],
      ['赵六', Number(oldFormOf(C)), '2026-03-05'],
    ],
    'gbk',
  );
  const res = await t.upload(t.tokens.county, file, { type: 'deaths', date: '2026-03-31' });
  expect(res.status).toBe(201);
  const body = res.body as ListBody;
  expect(body).toMatchObject({ idColumn: '公民身份号码', rowsRead: 4, rowsAccepted: 2 });
  expect(body.rejected.map((r) => [r.row, r.code])).toEqual([
    [4, 'ID_STORED_AS_NUMBER'],
    [6, 'ID_STORED_AS_NUMBER'],
  ]);
  expect(body.rejected[0]!.message['en']).toContain('stored as a number');
  expect(body.warnings.map((w) => [w.row, w.code])).toEqual([[7, 'ID_OLD_FORMAT_CONVERTED']]);
  expect((await storedRows(body.id)).map((r) => r.hash)).toEqual(
    [B, C].map((v) => t.matching.cipher.hash(v)),
  );
});

test('a CSV of 15-character IDs is read as 18-character ones, a bad old date refused by its row', async () => {
  const file = csv(
    [
      ['医保参保人员名单（15位旧证号）'],
      ['姓名', '身份证号码（必填）', '参保类型'],
      ['张三', oldFormOf(A), '城乡居民'],
      ['李四', `${oldFormOf(B).slice(0, 6)}810230${oldFormOf(B).slice(12)}`, '城乡居民'],
      ['王五', oldFormOf(C), '职工'],
    ],
    'gbk',
  );
  const res = await t.upload(t.tokens.county, file, {
    type: 'medical_insurance',
    date: '2026-03-31',
  });
  expect(res.status).toBe(201);
  const body = res.body as ListBody;
  expect(body).toMatchObject({ idColumn: '身份证号码（必填）', rowsRead: 3, rowsAccepted: 2 });
  expect(body.warnings.map((w) => [w.row, w.code])).toEqual([
    [3, 'ID_OLD_FORMAT_CONVERTED'],
    [5, 'ID_OLD_FORMAT_CONVERTED'],
  ]);
  expect(body.rejected.map((r) => [r.row, r.code])).toEqual([[4, 'ID_BIRTH_DATE']]);
  expect(body.rejected[0]!.message['zh-CN']).toContain('810230');
  expect((await storedRows(body.id)).map((r) => [r.row, r.hash])).toEqual([
    [3, t.matching.cipher.hash(A)],
    [5, t.matching.cipher.hash(C)],
  ]);
});

test('the header row and the ID column the user picks are used', async () => {
  const rows = [['说明：号码列为持证人证件'], ['姓名', '号码'], ['张三', A]];
  const found = await t.upload(t.tokens.county, csv(rows), query);
  expect(found.status).toBe(422);
  const picked = await t.upload(t.tokens.county, csv(rows), {
    ...query,
    headerRow: '2',
    idColumn: 'B',
  });
  expect(picked.status).toBe(201);
  expect(picked.body).toMatchObject({
    idColumn: '号码',
    rowsAccepted: 1,
    headers: ['姓名', '号码'],
  });
  const empty = await t.upload(t.tokens.county, csv(rows), { ...query, headerRow: '9' });
  expect(empty.status).toBe(400);
  expect(empty.body).toMatchObject({ code: 'MATCHING_LIST_HEADER_ROW_EMPTY' });
});

test('a preview shows the first rows as read, the header found and the ID column', async () => {
  const res = await t
    .api()
    .post('/lists/preview')
    .set(bearer(t.tokens.county))
    .set('content-type', XLSX)
    .send(await countyWorkbook());
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    headerRow: 3,
    headerLastRow: 4,
    headerFound: true,
    idColumn: { column: 'C', header: '身份证号' },
    problem: null,
  });
  const body = res.body as { rows: { row: number; cells: string[] }[] };
  expect(body.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(body.rows[0]!.cells[0]).toBe('某县2026年第一季度车辆登记名单');
  expect(JSON.stringify(res.body)).not.toMatch(/\d{15}/);

  const picked = await t
    .api()
    .post('/lists/preview')
    .query({ headerRow: '2' })
    .set(bearer(t.tokens.county))
    .send(csv([['标题'], ['姓名', '号码'], ['张三', A]]));
  expect(picked.body).toMatchObject({
    headerRow: 2,
    headerFound: false,
    idColumn: null,
    problem: { code: 'MATCHING_LIST_ID_COLUMN_NOT_FOUND' },
    headers: [
      { column: 'A', text: '姓名' },
      { column: 'B', text: '号码' },
    ],
  });
  const stored = await t.rt.conn.db!.collection('department_lists').countDocuments();
  expect(stored).toBeGreaterThan(0);
});
