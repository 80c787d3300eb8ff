import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  as,
  importFile,
  type ImportJobBody,
  seedImportAreas,
  uniqueId,
} from './fixtures/import-files';
import { startRegistry, type TestRegistry, VILLAGE_A1, VILLAGE_A2 } from './fixtures/registry';

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry();
  await seedImportAreas(t.app, t.tokens.county);
});
afterAll(async () => {
  await t.close();
});

const SHEET = '漳江街道花名册';
const HEADERS = [
  '户编号',
  '行政村代码',
  '成员姓名',
  '身份证号',
  '与户主关系',
  '不愁吃是否达标',
  '不愁穿是否达标',
];
/** In the county, well formed, but no village of the area tree. */
const NO_SUCH_VILLAGE = '431121101299';

let n = 5000;
const member = (no: string, village: string, relation: string, ...guarantees: string[]) => {
  const id = uniqueId(n++);
  return [no, village, `成员${n}`, id, relation, ...guarantees];
};

/**
 * A county workbook as a new user makes one: an instructions sheet first, the households on a
 * sheet with its own name under a title row. Rows (as Excel numbers them):
 *   3–4   GOOD     stored; 不愁吃 blank, 不愁穿 否 (guarantees no fact derives)
 *   5–6   VILLAGE  village not in the area tree (refused after reading)
 *   7–9   TWOHEAD  a second 户主 on row 8
 *   10    NOHEAD   no 户主
 *   11–12 READ     row 12's relation unreadable (a reading error)
 *   13    GOOD-2   stored; 不愁吃 达标
 */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['请按表头填写，每名成员一行']);
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['桃源县漳江街道建档立卡贫困户花名册']);
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.addRow(HEADERS);
  for (const r of [
    member('GOOD-1', VILLAGE_A1, '户主', '', '否'),
    member('GOOD-1', VILLAGE_A1, '配偶'),
    member('VILL-1', NO_SUCH_VILLAGE, '户主'),
    member('VILL-1', NO_SUCH_VILLAGE, '之子'),
    member('TWOH-1', VILLAGE_A2, '户主'),
    member('TWOH-1', VILLAGE_A2, '户主'),
    member('TWOH-1', VILLAGE_A2, '之女'),
    member('NOHD-1', VILLAGE_A2, '配偶'),
    member('READ-1', VILLAGE_A1, '户主'),
    member('READ-1', VILLAGE_A1, '邻居'),
    member('GOOD-2', VILLAGE_A1, '户主', '达标'),
  ])
    ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let job: ImportJobBody;
beforeAll(async () => {
  job = (await importFile(t.app, t.tokens.county, await workbook())).job;
});

const codesOf = (row: number) =>
  job.rejected.find((r) => r.row === row)?.errors.map((e) => e.code) ?? [];

test('the report names the real sheet and lists every refused row in row order, reading and registry refusals merged', () => {
  expect(job.status).toBe('completed');
  expect(job.rejected.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  expect(new Set(job.rejected.map((r) => r.sheet))).toEqual(new Set([SHEET]));
  expect(job.counts).toEqual({
    householdsCreated: 2,
    householdsUpdated: 0,
    householdsUnchanged: 0,
    householdsRejected: 4,
    rowsRejected: 8,
  });
});

test('a household under a well-formed code of the county that is no village of the area tree is refused, naming the column and the code', () => {
  const [err] = job.rejected.find((r) => r.row === 5)!.errors;
  expect(err).toMatchObject({ column: 'B', header: '行政村代码', code: 'unknown_village' });
  expect(err!.message['zh-CN']).toContain(NO_SUCH_VILLAGE);
  expect(err!.message.en).toContain(NO_SUCH_VILLAGE);
  expect(job.rejected.find((r) => r.row === 6)).toMatchObject({
    householdNo: 'VILL-1',
    refusedBecauseOf: [5],
    errors: [
      {
        code: 'same_household_invalid',
        message: {
          'zh-CN': '同户第5行有误，整户未导入',
          en: 'not stored: row 5 of the same household is invalid',
        },
      },
    ],
  });
});

test('a household with two 户主 is refused on the second, one with none on its first row', () => {
  expect(job.rejected.find((r) => r.row === 8)!.errors).toEqual([
    expect.objectContaining({ column: 'E', header: '与户主关系', code: 'second_head' }),
  ]);
  expect(codesOf(7)).toEqual(['same_household_invalid']);
  expect(codesOf(9)).toEqual(['same_household_invalid']);
  expect(job.rejected.find((r) => r.row === 9)!.refusedBecauseOf).toEqual([8]);
  expect(codesOf(10)).toEqual(['no_head']);
});

test('one bad member row refuses the whole household and every row of it is told', () => {
  expect(codesOf(12)).toEqual(['unknown_label']);
  expect(job.rejected.find((r) => r.row === 11)).toMatchObject({
    householdNo: 'READ-1',
    refusedBecauseOf: [12],
  });
});

test('only the good households are stored, and a blank guarantee cell is unknown, not met', async () => {
  const stored = await t.registry.models.households
    .find({}, { householdNo: 1, guarantees: 1 })
    .sort({ householdNo: 1 })
    .lean();
  expect(stored.map((h) => h.householdNo)).toEqual(['GOOD-1', 'GOOD-2']);
  type G = Record<string, { state: string; met: boolean }>;
  const [one, two] = stored.map((h) => h.guarantees as unknown as G);
  expect(one!.food).toMatchObject({ state: 'unknown', met: false });
  expect(one!.clothing).toMatchObject({ state: 'not_met', met: false });
  expect(two!.food).toMatchObject({ state: 'met', met: true });
  // A column the sheet does not have states nothing either.
  expect(two!.clothing).toMatchObject({ state: 'unknown', met: false });
});

test('the report workbook lists the same rows with the sheet name', async () => {
  const res = await request(t.app)
    .get(`/imports/${job.id}/report.xlsx`)
    .set(as(t.tokens.county))
    .buffer(true)
    .parse((r, cb) => {
      const parts: Buffer[] = [];
      r.on('data', (c: Buffer) => parts.push(c));
      r.on('end', () => cb(null, Buffer.concat(parts)));
    });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: [string, number, string][] = [];
  ws.eachRow((r, i) => {
    if (i > 1)
      rows.push([
        String(r.getCell(1).value),
        Number(r.getCell(2).value),
        String(r.getCell(6).value),
      ]);
  });
  expect(rows.map((r) => r[1])).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  expect(rows.every((r) => r[0] === SHEET)).toBe(true);
  expect(rows.find((r) => r[1] === 6)![2]).toBe('same_household_invalid');
});
