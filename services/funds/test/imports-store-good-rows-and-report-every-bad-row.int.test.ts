import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { as, startFunds, type TestFunds, VILLAGE_A1, VILLAGE_B1 } from './fixtures/funds';
import { download, ok, postNotice, project, shiftDay } from './fixtures/money';

interface Report {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; column: string; code: string; message: { 'zh-CN': string } }[];
}

let t: TestFunds;

beforeAll(async () => {
  t = await startFunds();
});
afterAll(async () => {
  await t.close();
});

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目库');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (path: string, file: Buffer, token = t.tokens.office) =>
  t.api().post(path).set(as(token)).set('content-type', 'application/octet-stream').send(file);

const PROJECT_HEADER = [
  '项目编号*',
  '项目名称*',
  '项目类型*',
  '年度*',
  '区划代码*',
  '建设地点',
  '实施单位',
  '中央（元）',
  '县级配套（元）',
  '受益户数',
  '受益人数',
];

test('projects: good rows are stored, every bad row is reported with its row, column and reason', async () => {
  const file = await workbook([
    PROJECT_HEADER,
    [
      'IM-001',
      '村道硬化',
      '道路硬化',
      2018,
      VILLAGE_A1,
      '一组至三组',
      '路桥公司',
      '120,000.50',
      '0.1',
      20,
      80,
    ],
    ['IM-002', '安全饮水', '安全饮水', 2018, VILLAGE_B1, '', '', 50000, '', 10, 30],
    ['IM-003', '坏类型', '飞机场', 2018, VILLAGE_A1, '', '', 1, '', '', ''],
    ['IM-004', '坏区划', '道路', 2018, '43102510120', '', '', 1, '', '', ''],
    ['IM-005', '坏金额', '道路', 2018, VILLAGE_A1, '', '', '12.345', '', '', ''],
    ['IM-001', '重复', '道路', 2018, VILLAGE_A1, '', '', 1, '', '', ''],
    ['', '无编号', '道路', 2018, VILLAGE_A1, '', '', 1, '', '', ''],
  ]);
  const report = ok<Report>(await upload('/imports/projects', file), 200);
  expect(report).toMatchObject({ rows: 7, created: 2, updated: 0, unchanged: 0, rejected: 5 });
  expect(report.rejections.map((r) => [r.row, r.column, r.code])).toEqual([
    [4, '项目类型', 'unknown'],
    [5, '区划代码', 'AREA_CODE_LENGTH'],
    [6, '中央（元）', 'MONEY_TOO_MANY_DECIMALS'],
    [7, '项目编号', 'duplicate'],
    [8, '项目编号', 'required'],
  ]);
  const stored = ok<
    { code: string; plannedTotalFen: number; plannedInvestment: Record<string, number> }[]
  >(await t.api().get('/projects').set(as(t.tokens.office)), 200);
  expect(
    stored.map((p) => [p.code, p.plannedInvestment.central, p.plannedInvestment.county_matching]),
  ).toEqual([
    ['IM-001', 12_000_050, 10],
    ['IM-002', 5_000_000, 0],
  ]);
  // 120,000.50 + 0.1 yuan, exactly.
  expect(stored[0]!.plannedTotalFen).toBe(12_000_060);

  // The same file again changes nothing.
  const again = ok<Report>(await upload('/imports/projects', file), 200);
  expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 5 });
});

test('projects: the planned days are read under the export’s headings; a finish before the start is refused', async () => {
  const file = await workbook([
    ['项目编号', '项目名称', '项目类型', '年度', '区划代码', '计划开工日期', '计划完工日期'],
    ['PD-001', '产业路', '道路硬化', 2018, VILLAGE_A1, '2018-03-01', '2018年9月30日'],
    ['PD-002', '倒置', '道路硬化', 2018, VILLAGE_A1, '2018-09-30', '2018-03-01'],
    ['PD-003', '坏日期', '道路硬化', 2018, VILLAGE_A1, '2018-02-30', ''],
  ]);
  const report = ok<Report>(await upload('/imports/projects', file), 200);
  expect(report).toMatchObject({ rows: 3, created: 1, rejected: 2 });
  expect(report.rejections.map((r) => [r.row, r.column, r.code])).toEqual([
    [3, '计划完工日期', 'before_start'],
    [4, '计划开工日期', 'invalid_date'],
  ]);
  const stored = ok<{ code: string; plannedStartOn: string; plannedFinishOn: string }[]>(
    await t
      .api()
      .get('/projects')
      .query({ filter: JSON.stringify({ q: 'PD-' }) })
      .set(as(t.tokens.office)),
    200,
  );
  expect(stored.map((p) => [p.code, p.plannedStartOn, p.plannedFinishOn])).toEqual([
    ['PD-001', '2018-03-01', '2018-09-30'],
  ]);
});

test("projects: a township user's rows outside the township are refused; approved projects keep their money", async () => {
  const im1 = (await t.funds.models.projects.findOne({ code: 'IM-001' }).lean())!;
  await postNotice(t, im1._id, {
    step: 'approval',
    postedOn: shiftDay(im1.dates.proposedOn!, -10),
  });
  ok(
    await t
      .api()
      .post(`/projects/${im1._id}/steps`)
      .set(as(t.tokens.office))
      .send({ action: 'approve' }),
    200,
  );
  const file = await workbook([
    PROJECT_HEADER,
    ['IM-001', '村道硬化', '道路', 2018, VILLAGE_A1, '一组至三组', '路桥公司', '999', '', 20, 80],
    ['IM-010', '乙镇项目', '道路', 2018, VILLAGE_B1, '', '', 1, '', '', ''],
    ['IM-011', '甲镇项目', '产业', 2018, VILLAGE_A1, '', '', 1, '', '', ''],
  ]);
  const report = ok<Report>(await upload('/imports/projects', file, t.tokens.townshipA), 200);
  expect(report.created).toBe(1);
  expect(report.rejections.map((r) => [r.row, r.column, r.code])).toEqual([
    [2, '计划投资（元）', 'locked'],
    [3, '区划代码', 'FORBIDDEN_AREA'],
  ]);
  expect((await project(t, String(im1._id))).money).toMatchObject({ allocatedFen: 0 });
});

test('fund batches: a GBK CSV, rows of one 文号 make one batch, 0.1 + 0.2 yuan allocate exactly 30 fen', async () => {
  const im1 = (await t.funds.models.projects.findOne({ code: 'IM-001' }).lean())!;
  const csv = [
    '文号,资金来源,下达日期,项目编号,分配金额（元）',
    '临财农〔2018〕1号,中央,2018-01-05,IM-001,0.1',
    '临财农〔2018〕2号,中央财政,2018/1/6,IM-001,0.2',
    '临财农〔2018〕3号,省级,2018年1月7日,IM-001,100',
    '临财农〔2018〕3号,省级,2018年1月7日,IM-404,50',
    '临财农〔2018〕4号,省级,2018-01-08,IM-002,10',
    '临财农〔2018〕5号,外星,2018-01-08,IM-001,1',
  ].join('\r\n');
  const report = ok<Report>(await upload('/imports/batches', iconv.encode(csv, 'gbk')), 200);
  expect(report).toMatchObject({ rows: 6, created: 2, rejected: 4 });
  expect(report.rejections.map((r) => [r.row, r.column, r.code])).toEqual([
    [4, '文号', 'batch_refused'],
    [5, '项目编号', 'unknown_project'],
    [6, '项目编号', 'not_in_library'],
    [7, '资金来源', 'unknown'],
  ]);
  const after = await project(t, String(im1._id));
  expect(after.money.allocatedFen).toBe(30);
  expect(after.funding.central!.allocatedFen).toBe(30);
  expect(after.funding.provincial!.allocatedFen).toBe(0);
  // Importing it again creates nothing twice.
  const again = ok<Report>(await upload('/imports/batches', iconv.encode(csv, 'gbk')), 200);
  expect(again).toMatchObject({ created: 0, unchanged: 2 });
  expect((await project(t, String(im1._id))).money.allocatedFen).toBe(30);
});

test('a file without the required columns is refused as a whole', async () => {
  const res = await upload('/imports/batches', Buffer.from('名称,金额\n甲,1\n'));
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('FUNDS_IMPORT_HEADER');
  expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
    expect.arrayContaining(['文号', '资金来源', '下达日期', '项目编号', '分配金额（元）']),
  );
});

test('exports: the project library as a spreadsheet, audited', async () => {
  const res = await download(t.api().get('/exports/projects.xlsx').set(as(t.tokens.office)));
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][])
    .filter(Boolean)
    .map((r) => r.slice(1));
  expect(rows[0]).toEqual(
    expect.arrayContaining([
      '项目编号',
      '计划投资（元）',
      '结余（元）',
      '计划开工日期',
      '计划完工日期',
      '最近填报进度（%）',
    ]),
  );
  expect(rows.slice(1).map((r) => r[0])).toEqual(['IM-001', 'IM-002', 'IM-011', 'PD-001']);
  expect(rows[1]).toEqual(expect.arrayContaining(['IM-001', '120,000.60', '0.30']));
  // The planned days the import read come back under the same headings.
  const at = (h: string) => rows[0]!.indexOf(h);
  const pd = rows.find((r) => r[0] === 'PD-001')!;
  expect([pd[at('计划开工日期')], pd[at('计划完工日期')]]).toEqual(['2018-03-01', '2018-09-30']);
  const audit = await t.funds.ctx.audit.model.find({ action: 'export' }).lean();
  expect(audit).toEqual([
    expect.objectContaining({ subjectType: 'project', count: 4, actorId: 'u-office' }),
  ]);
});
